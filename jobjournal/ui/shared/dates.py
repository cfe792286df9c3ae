"""Dates as a person reads them: "15 Oct 2026", month names in the system's language.

Numeric short formats are ambiguous (is 3/10 March or October?), and ISO dates read like
data; editors keep ISO (yyyy-MM-dd), which is easy to type.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

DAY = "d MMM yyyy"
MOMENT = "d MMM yyyy, HH:mm"


def day_text(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), DAY)


def moment_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    when = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(when, MOMENT)
