"""Full-text search over every long text in the journal (SQLite FTS5, inside the encrypted
file), ranked, with a highlighted snippet and where each hit lives."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

HIGHLIGHT_START = "\x02"  # around matched words in a snippet; never typed by a person
HIGHLIGHT_END = "\x03"


# A word: letters, digits and the marks that belong to them. Python's \w leaves out
# combining marks, which would split "i̇" (i + dot, the lower case of "İ") or a Hindi word
# in two; FTS5's tokenizer keeps them in the word (and drops the diacritics itself).
_WORD = re.compile(r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0900-\u0dff\u1ab0-\u1aff"
                   r"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")  # fmt: skip

SEARCH_SQL = text(
    "SELECT kind, ref_id, application_id, "
    "snippet(search_index, 0, :start, :end, '…', 14) "
    "FROM search_index WHERE search_index MATCH :query ORDER BY rank LIMIT :limit"
)
_PLACES_SQL = (
    "SELECT applications.id, companies.name, applications.job_title FROM applications "
    "JOIN companies ON companies.id = applications.company_id WHERE applications.id IN ({})"
)


# What a hit is (the search index's kind column, written by the migrations' triggers).
HitKind = Literal[
    "application",
    "interview",
    "question",
    "feedback",
    "letter",
    "company",
    "contact",
    "offer",
    "negotiation",
    "argument",
    "action",
    "target",
    "opening",
    "introduction",
    "conversation",
]


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    ref_id: int
    application_id: int | None
    snippet: str  # matched words between HIGHLIGHT_START and HIGHLIGHT_END
    company: str = ""  # of the application the hit belongs to, if any
    job_title: str = ""


def match_query(typed: str) -> str | None:
    """What a person typed → an FTS5 query: every word must appear, the last as a prefix.

    Only word characters pass, each quoted, so no input can be an FTS5 syntax error.
    """
    # NFC first: a decomposed "é" (pasted from a macOS file name) is two characters,
    # and the accent alone is no word character.
    words = _WORD.findall(unicodedata.normalize("NFC", typed))
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(session: Session | Connection, typed: str, limit: int = 20) -> list[SearchHit]:
    query = match_query(typed)
    if query is None:
        return []
    rows = session.execute(
        SEARCH_SQL, {"query": query, "limit": limit, "start": HIGHLIGHT_START, "end": HIGHLIGHT_END}
    ).all()
    places = _places(session, {r[2] for r in rows if r[2] is not None})
    return [SearchHit(r[0], r[1], r[2], r[3], *places.get(r[2], ("", ""))) for r in rows]


def _places(session: Session | Connection, application_ids: set[int]) -> dict[int, tuple[str, str]]:
    if not application_ids:
        return {}
    marks = ",".join(str(int(i)) for i in sorted(application_ids))
    rows = session.execute(text(_PLACES_SQL.format(marks))).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def plain_snippet(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
