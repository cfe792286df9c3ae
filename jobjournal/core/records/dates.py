"""Dates as the window and its messages write them: one formatter, in the style the person
chose in Settings ("4 Dec 2026", "Dec 4, 2026" or "2026-12-04"). Letters do not use it:
they follow the profile's style for the reader (`letters.long_date`).

Month names are English, as every word of the app is; a numeric day/month order is not
offered, because 3/10 reads as March in one country and October in the next.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, get_args

DateFormat = Literal["day_month", "month_day", "iso"]
DATE_FORMATS: dict[DateFormat, str] = {
    "day_month": "4 Dec 2026",
    "month_day": "Dec 4, 2026",
    "iso": "2026-12-04",
}
# The same styles for a date field's text, in Qt's format language (the window's).
EDIT_FORMATS: dict[DateFormat, str] = {
    "day_month": "d MMM yyyy",
    "month_day": "MMM d, yyyy",
    "iso": "yyyy-MM-dd",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_style: list[DateFormat] = ["day_month"]


def use(style: str) -> None:
    """Write dates this way from now on (an unknown style: the default)."""
    known: tuple[DateFormat, ...] = get_args(DateFormat)
    _style[0] = next((each for each in known if each == style), "day_month")


def style() -> DateFormat:
    return _style[0]


def day_text(day: date | None) -> str:
    if day is None:
        return ""
    if _style[0] == "iso":
        return day.isoformat()
    month = _MONTHS[day.month - 1]
    if _style[0] == "month_day":
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


def moment_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    joint = " " if _style[0] == "iso" else ", "
    return f"{day_text(moment.date())}{joint}{moment:%H:%M}"


def short_day(day: date) -> str:
    """Within a year everyone knows: "4 Dec", "Dec 4" or "12-04"."""
    if _style[0] == "iso":
        return f"{day:%m-%d}"
    month = _MONTHS[day.month - 1]
    return f"{month} {day.day}" if _style[0] == "month_day" else f"{day.day} {month}"


def edit_format() -> str:
    return EDIT_FORMATS[_style[0]]
