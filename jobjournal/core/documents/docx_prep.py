"""The prep sheet as a Word document to read or print the evening before an interview."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jobjournal.core.documents.docx_letter import (
    FONT,
    add_text,
    blank_document,
    clean_for_word,
    safe_file_name,
)
from jobjournal.core.documents.exports import write_file

if TYPE_CHECKING:
    from docx.document import Document

    from jobjournal.core.work.prep import PrepSheet


def file_name(sheet: PrepSheet, day: date) -> str:
    return safe_file_name(f"{sheet.company} - Prep sheet - {day.isoformat()}") + ".docx"


def build(sheet: PrepSheet, paper: str = "a4") -> Document:
    document = blank_document(paper)
    for level in (1, 2):  # the template's headings use a theme font LibreOffice lacks
        document.styles[f"Heading {level}"].font.name = FONT
    document.add_heading(clean_for_word(sheet.title), level=1)
    add_text(document, sheet.when)
    _section(document, "The role", sheet.role_lines)
    if sheet.job_description.strip():
        _section(document, "Job description", [sheet.job_description])
    if sheet.my_notes.strip():
        _section(document, "My notes", [sheet.my_notes])
    _people(document, sheet)
    _asked_before(document, sheet)
    _section(document, "Questions to ask them", [f"• {q}" for q in sheet.to_ask])
    if sheet.gaps:
        _section(document, "What the posting asks, to prepare", [f"• {g}" for g in sheet.gaps])
    if sheet.salary_target:
        _section(document, "My salary target", [sheet.salary_target])
    return document


def save(sheet: PrepSheet, path: Path, *, replace: bool = False, paper: str = "a4") -> Path:
    """Write the sheet as `path`, whole or not at all (see `exports.write_file`)."""
    content = io.BytesIO()
    build(sheet, paper).save(content)
    return write_file(
        path, content.getvalue(), replace=replace, what=f"the prep sheet “{path.name}”"
    )


def _people(document: Document, sheet: PrepSheet) -> None:
    if not sheet.people:
        return
    document.add_heading("People I will meet", level=2)
    for person in sheet.people:
        title = f", {person.title}" if person.title else ""
        lines = [f"{person.name}{title}"]
        if person.met_before:
            lines.append("Met before: " + "; ".join(person.met_before))
        if person.notes:
            lines.append(person.notes)
        add_text(document, "\n".join(lines))


def _asked_before(document: Document, sheet: PrepSheet) -> None:
    document.add_heading(f"What {sheet.company} asked so far", level=2)
    if not sheet.asked_before:
        add_text(document, "Nothing recorded yet: this is the first round written down.")
        return
    for past in sheet.asked_before:
        heading = document.add_paragraph()
        heading.add_run(clean_for_word(past.question)).bold = True
        heading.add_run(clean_for_word(f"  ({past.round}{_stars(past.rating)})"))
        lines = []
        if past.my_answer.strip():
            lines.append(f"I answered: {past.my_answer.strip()}")
        if past.next_time.strip():
            lines.append(f"Next time: {past.next_time.strip()}")
        add_text(document, "\n".join(lines) or "No answer noted.")


def _section(document: Document, heading: str, paragraphs: list[str]) -> None:
    if not paragraphs:
        return
    document.add_heading(heading, level=2)
    for text in paragraphs:
        add_text(document, text)


def _stars(rating: int | None) -> str:
    return f", my answer {rating}/5" if rating else ""
