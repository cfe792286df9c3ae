"""The prep sheet on paper: the same content as its Word document, printed from the app."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from jobjournal.core.work.prep import PrepSheet


def prep_html(sheet: PrepSheet) -> str:
    parts = [f"<h1>{escape(sheet.title)}</h1>", f"<p>{escape(sheet.when)}</p>"]
    parts.append(_section("The role", sheet.role_lines))
    parts.append(_section("Job description", [sheet.job_description]))
    parts.append(_section("My notes", [sheet.my_notes]))
    people = [
        f"<b>{escape(p.name)}</b>{escape(', ' + p.title if p.title else '')}"
        + (f"<br>Met before: {escape('; '.join(p.met_before))}" if p.met_before else "")
        + (f"<br>{_lines(p.notes)}" if p.notes else "")
        for p in sheet.people
    ]
    parts.append(_section("People I will meet", people, escaped=True))
    asked = [
        f"<b>{escape(q.question)}</b> ({escape(q.round)})"
        + (f"<br>I answered: {_lines(q.my_answer)}" if q.my_answer.strip() else "")
        + (f"<br>Next time: {_lines(q.next_time)}" if q.next_time.strip() else "")
        for q in sheet.asked_before
    ]
    parts.append(_section(f"What {sheet.company} asked so far", asked, escaped=True))
    parts.append(_section("Questions to ask them", [f"• {q}" for q in sheet.to_ask]))
    parts.append(_section("What the posting asks, to prepare", [f"• {g}" for g in sheet.gaps]))
    parts.append(_section("My salary target", [sheet.salary_target]))
    return "".join(parts)


def print_sheet(sheet: PrepSheet, printer: QPrinter) -> None:
    document = QTextDocument()
    document.setHtml(prep_html(sheet))
    document.print_(printer)


def _section(heading: str, paragraphs: list[str], *, escaped: bool = False) -> str:
    kept = [p for p in paragraphs if p and p.strip()]
    if not kept:
        return ""
    body = "".join(f"<p>{p if escaped else _lines(p)}</p>" for p in kept)
    return f"<h2>{escape(heading)}</h2>{body}"


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.strip().splitlines())
