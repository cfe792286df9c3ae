"""My skills against an opening: what its posting asks for, beside the skills in my
profile, each marked met, to show, or gap.

The rule that reads a posting is plain, so a person can predict it and fix what it got
wrong (the list is theirs to edit afterwards):

1. Every bullet line is a requirement ("- ", "* ", "• ", "1. ", "a) " …), except under a
   heading about what the employer offers (benefits, perks, "we offer", "what you get",
   salary) or about the company itself ("about us"), in English, German, French, Spanish,
   Portuguese or Dutch.
2. In the other lines, each phrase "experience with / in …", "knowledge of …",
   "familiarity with …", "proficiency in …", "expertise in …", "understanding of …" or
   "skilled in …", up to the end of its clause, is a requirement too.

A requirement is **met** when one of my skills is named in it and I wrote how I can
show it (after a colon or a dash: "Python: six years, led the billing rewrite"); **to
show** when a skill of mine is named but I wrote no proof yet (prepare an example);
**gap** when none of my skills is named. The person's own mark wins over the rule's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import folding
from jobjournal.core.records.journal import _get
from jobjournal.core.storage import models as m

if TYPE_CHECKING:
    from sqlalchemy import Select

    from jobjournal.core.records.changes import Changes
    from jobjournal.core.records.journal import Journal

MAX_REQUIREMENT = 300  # characters: longer is a paragraph, cut at a word
MAX_REQUIREMENTS = 60

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–—+✓✔]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?P<text>\S.*)$")
_HEADING = re.compile(r"^\s*(?P<text>[^.!?]{2,60}?)\s*:?\s*$")
_OFFERED = re.compile(
    r"\b(?:benefits?|perks?|we offer|what we offer|what you(?:'|’)ll get|what you get|"
    r"compensation|salary|about (?:us|the company)|who we are|why join|our offer|in return|"
    # The same headings in the languages postings here often come in.
    r"wir bieten|bieten wir|vorteile|über uns|nous offrons|avantages|à propos de nous|"
    r"ofrecemos|beneficios|sobre nosotros|oferecemos|benefícios|wij bieden|over ons)\b",
    re.I,
)
_PHRASE = re.compile(
    r"\b(?:(?:hands-on |strong |solid |proven |deep |good |working )?"
    r"(?:experience (?:with|in|of)|knowledge of|familiarity with|proficiency (?:in|with)|"
    r"expertise (?:in|with)|understanding of|skilled in|fluency in))\s+",
    re.I,
)
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)|$")
_CLAUSE_END = re.compile(r",\s+(?:and |but |while |as well as |which |who |to )|\s+\(")
_PROOF = re.compile(r"\s*(?::|\s[-–—]\s)\s*")


@dataclass(frozen=True)
class Skill:
    name: str
    proof: str  # how I can show it; "" when not written yet


@dataclass(frozen=True)
class Assessed:
    """A requirement as the window shows it."""

    id: int
    text: str
    mark: m.RequirementMark
    own_mark: bool  # the person's mark, not the rule's
    skill: str  # the skill of mine it names ("" for a gap)
    proof: str


def read_requirements(posting: str) -> list[str]:
    """What a posting asks for, by the rule in this module's docstring, in its order,
    each once."""
    found: list[str] = []
    offered = False
    for line in posting.replace("\r\n", "\n").split("\n"):
        bullet = _BULLET.match(line)
        if bullet is None and _is_heading(line):
            offered = bool(_OFFERED.search(line))
            continue
        if offered:
            continue
        if bullet is not None:
            found.append(bullet["text"])
        else:
            found.extend(_phrases(line))
    return _distinct([_tidy(text) for text in found if _tidy(text)])[:MAX_REQUIREMENTS]


def _is_heading(line: str) -> bool:
    """A short line of its own, without a sentence's full stop: "Benefits", "What you'll
    bring:"."""
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= 7 and bool(_HEADING.match(stripped))


def _phrases(line: str) -> list[str]:
    """Each phrase runs to the end of its clause, or to where the next phrase starts."""
    starts = list(_PHRASE.finditer(line))
    phrases = []
    for number, hit in enumerate(starts):
        following = starts[number + 1].start() if number + 1 < len(starts) else len(line)
        rest = line[hit.end() : following]
        rest = _SENTENCE_END.split(rest, maxsplit=1)[0]
        rest = _CLAUSE_END.split(rest, maxsplit=1)[0]
        rest = re.sub(r"[\s,]*\b(?:and|or)\s*$", "", rest)
        if len(rest.strip()) >= 2:
            phrases.append(line[hit.start() : hit.end()] + rest)
    return phrases


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ;,.")
    if len(text) > MAX_REQUIREMENT:
        text = text[:MAX_REQUIREMENT].rsplit(" ", 1)[0] + " …"
    return text[:1].upper() + text[1:]


def _distinct(texts: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for text in texts:
        key = folding.fold(text)
        if key not in seen:
            seen.add(key)
            kept.append(text)
    return kept


def my_skills(written: str) -> list[Skill]:
    """The profile's skills, one per line: the name, then (after a colon or a dash) how I
    can show it."""
    skills = []
    for line in written.splitlines():
        line = line.strip().lstrip("-*•").strip()
        if not line:
            continue
        name, *proof = _PROOF.split(line, maxsplit=1)
        if name.strip():
            skills.append(Skill(name.strip(), proof[0].strip() if proof else ""))
    return skills


def rule_mark(requirement: str, skills: list[Skill]) -> tuple[m.RequirementMark, Skill | None]:
    """The rule's mark: the first skill named in the requirement (as whole words, in any
    case), met with proof, to show without; a gap when none is named."""
    words = f" {' '.join(_words(requirement))} "
    named = [s for s in skills if _words(s.name) and f" {' '.join(_words(s.name))} " in words]
    if not named:
        return "gap", None
    proven = next((s for s in named if s.proof), None)
    return ("met", proven) if proven is not None else ("to_show", named[0])


def _words(text: str) -> list[str]:
    # "C++", "C#", ".NET" and "Node.js" are words here: the marks that name a language stay.
    return re.findall(r"[\w+#]+(?:\.[\w+#]+)*", folding.fold(text).replace("-", " "))


def assessed(
    journal: Journal, *, application_id: int | None = None, opening_id: int | None = None
) -> list[Assessed]:
    """The requirements of an application or an opening, each with its mark."""
    skills = my_skills(journal.profile().skills)
    with journal.session() as session:
        rows = session.scalars(_query(application_id, opening_id)).all()
        result = []
        for row in rows:
            mark, skill = rule_mark(row.text, skills)
            result.append(
                Assessed(
                    row.id,
                    row.text,
                    row.mark or mark,
                    row.mark is not None,
                    skill.name if skill else "",
                    skill.proof if skill else "",
                )
            )
    return result


def _query(application_id: int | None, opening_id: int | None) -> Select[m.Requirement]:
    if (application_id is None) == (opening_id is None):
        raise ValueError("an application or an opening, one of them")
    where = (
        m.Requirement.application_id == application_id
        if application_id is not None
        else m.Requirement.opening_id == opening_id
    )
    return select(m.Requirement).where(where).order_by(m.Requirement.position, m.Requirement.id)


def read_from_posting(
    journal: Journal, *, application_id: int | None = None, opening_id: int | None = None
) -> Changes:
    """Read the requirements from the posting again (the application's job description
    or the opening's), replacing the list (one undo brings the old one back)."""
    with journal.recorded() as (session, log):
        if application_id is not None:
            posting = _get(session, m.Application, application_id).text.job_description
            owner = m.Requirement.application_id == application_id
        elif opening_id is not None:
            posting = _get(session, m.Opening, opening_id).description
            owner = m.Requirement.opening_id == opening_id
        else:
            raise ValueError("an application or an opening, one of them")
        texts = read_requirements(posting)
        if not texts:
            raise InvalidInput(
                "No requirement found: paste the job posting first (its bullet lines and "
                "“experience with …” phrases are read), or add them one by one."
            )
        for old in session.scalars(select(m.Requirement).where(owner)):
            session.delete(old)
        session.flush()
        for position, text in enumerate(texts):
            session.add(
                m.Requirement(
                    application_id=application_id,
                    opening_id=opening_id,
                    position=position,
                    text=text,
                )
            )
        session.flush()
        return log.undo(session).changes(application_id or opening_id)


def gaps(journal: Journal, application_id: int) -> list[str]:
    """What the posting asks and I have not shown: the gaps, then what is to show."""
    found = assessed(journal, application_id=application_id)
    return [a.text for a in found if a.mark == "gap"] + [
        f"{a.text} (show it: {a.skill})" for a in found if a.mark == "to_show"
    ]
