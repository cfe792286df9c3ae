"""A drafted letter as a Word document: laid out as a business letter, saved atomically.

python-docx (~100 ms to import) loads here only, when a letter is exported.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jobjournal.core.documents.exports import write_file
from jobjournal.core.documents.letters import Draft, long_date
from jobjournal.core.storage.models import ALL_LETTER_KINDS

if TYPE_CHECKING:
    from docx.document import Document
    from docx.shared import Length

    from jobjournal.core.storage.models import LetterKind

# Arial is on Windows and macOS, and LibreOffice substitutes its metric twin (Liberation
# Sans), so the letter breaks lines the same everywhere.
FONT = "Arial"
FONT_POINTS = 11
MARGIN_CM = 2.5
MAX_NAME_BYTES = 200
# Paper in centimetres. US Letter where it is the norm (the Americas that use it and the
# Philippines), A4 everywhere else.
PAPER_CM = {"letter": (21.59, 27.94), "a4": (21.0, 29.7)}
_LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "DO", "PR", "PA", "SV"}

_FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(1, 10)),
    *(f"LPT{n}" for n in range(1, 10)),
}
# XML 1.0 (and so Word) cannot hold these: C0 controls but tab/newline, surrogates,
# U+FFFE/U+FFFF.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def paper_for(country_code: str) -> str:
    """The paper letters are printed on in a country (ISO 3166 code; "" when unknown,
    which follows the US English the letters are written in)."""
    return "letter" if country_code.upper() in _LETTER_COUNTRIES or not country_code else "a4"


def file_name(company: str, kind: LetterKind, day: date) -> str:
    """`Company - Kind - 2026-11-22.docx`, safe on Windows, macOS and Linux. A long
    company name is shortened, never the kind or the date: they tell two letters to the
    same company apart."""
    tail = safe_file_name(f" - {ALL_LETTER_KINDS.get(kind, kind)} - {day.isoformat()}")
    budget = MAX_NAME_BYTES - len(".docx") - len(f" - {tail}".encode())
    head = safe_file_name(company.strip() or "Letter")
    while len(head.encode()) > budget:
        head = head[:-1].rstrip(" .-")
    return f"{head or 'Letter'} - {tail}.docx"


def safe_file_name(stem: str) -> str:
    """A file name stem with no path separators, reserved names or unprintable characters,
    at most MAX_NAME_BYTES in UTF-8 with its extension."""
    text = unicodedata.normalize("NFC", stem)
    text = _FORBIDDEN.sub("-", _NOT_IN_XML.sub("", text))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Co", "Cn"))
    text = " ".join(text.split()).strip(" .").lstrip("-. ")  # "-x" reads as an option
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    budget = MAX_NAME_BYTES - len(".docx")
    while len(text.encode()) > budget:
        text = text[:-1]
    return text.rstrip(" .") or "Letter"


def clean_for_word(text: str) -> str:
    """What Word can hold: the characters XML 1.0 forbids dropped, lines kept."""
    return _NOT_IN_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def blank_document(paper: str = "a4") -> Document:
    """An empty document with our paper, margins and font (letters and prep sheets)."""
    from docx import Document as new_document
    from docx.shared import Cm, Pt

    document = new_document()
    section = document.sections[0]
    width, height = PAPER_CM[paper]
    section.page_width, section.page_height = Cm(width), Cm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(FONT_POINTS)
    style.paragraph_format.space_after = Pt(0)
    return document


def build(letter: Draft, paper: str = "a4") -> Document:
    """The letter as a python-docx Document."""
    from docx.shared import Pt

    document = blank_document(paper)
    _block(document, [letter.sender_name, *letter.sender_lines], bold_first=True)
    _gap(document)
    _block(document, [long_date(letter.day, letter.month_first)])
    _gap(document)
    _block(document, letter.recipient_lines)
    _gap(document)
    subject = document.add_paragraph()
    subject.add_run(clean_for_word(letter.subject)).bold = True
    _gap(document)
    add_text(document, letter.salutation)
    for text in letter.paragraphs():
        add_text(document, text)
    add_text(document, letter.closing, after=Pt(36))
    _block(document, letter.signature.splitlines())
    return document


def _block(document: Document, lines: list[str], bold_first: bool = False) -> None:
    """Lines kept together in one paragraph (an address), one line each."""
    lines = [clean_for_word(line) for line in lines if line.strip()]
    if not lines:
        return
    paragraph = document.add_paragraph()
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold_first and number == 0
        if number < len(lines) - 1:
            run.add_break()


def add_text(document: Document, text: str, after: Length | None = None) -> None:
    """A paragraph of the person's text; its line breaks kept, what Word cannot hold dropped."""
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    lines = clean_for_word(text).split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        if number < len(lines) - 1:
            run.add_break()
    paragraph.paragraph_format.space_after = after or Pt(FONT_POINTS)


def _gap(document: Document) -> None:
    document.add_paragraph()


def export(
    letter: Draft,
    folder: Path,
    name: str | None = None,
    *,
    replace: bool = False,
    paper: str = "a4",
) -> Path:
    """Write the letter to `folder` and return its path.

    The file appears whole or not at all, and an existing one is replaced only with
    `replace` (see `exports.write_file`).
    """
    final = folder / (
        safe_file_name(_without_docx(name)) + ".docx"
        if name
        else file_name(letter.company, letter.kind, letter.day)
    )
    content = io.BytesIO()
    build(letter, paper).save(content)
    return write_file(final, content.getvalue(), replace=replace, what=f"the letter “{final.name}”")


def _without_docx(name: str) -> str:
    """A typed name without its .docx ending; other dots ("Offer v1.2") are the person's."""
    return name[: -len(".docx")] if name.lower().endswith(".docx") else name
