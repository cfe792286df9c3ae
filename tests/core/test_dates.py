"""One formatter writes every date the window and its messages show, in the style chosen
in Settings; letters keep the profile's style. The window formats no date by itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from support import PROJECT_DIR

from jobjournal.core.records import dates
from jobjournal.core.records.journal import Journal
from jobjournal.core.work.due import due_items


@pytest.fixture(autouse=True)
def _default_style() -> Iterator[None]:
    yield
    dates.use("day_month")  # the style is the process's; leave it as found


@pytest.mark.parametrize(
    ("style", "day", "moment", "short"),
    [
        ("day_month", "4 Dec 2026", "4 Dec 2026, 09:05", "4 Dec"),
        ("month_day", "Dec 4, 2026", "Dec 4, 2026, 09:05", "Dec 4"),
        ("iso", "2026-12-04", "2026-12-04 09:05", "12-04"),
    ],
)
def test_each_style_writes_days_and_times_alike(
    style: str, day: str, moment: str, short: str
) -> None:
    dates.use(style)
    assert dates.day_text(date(2026, 12, 4)) == day == dates.DATE_FORMATS[dates.style()]
    assert dates.moment_text(datetime(2026, 12, 4, 9, 5)) == moment
    assert dates.short_day(date(2026, 12, 4)) == short
    assert dates.day_text(None) == "" and dates.moment_text(None) == ""


def test_an_unknown_style_falls_back_to_the_default() -> None:
    dates.use("3/10")
    assert dates.style() == "day_month"


def test_the_due_list_and_refusals_follow_the_style(demo_journal: Journal) -> None:
    dates.use("iso")
    texts = " ".join(item.text for item in due_items(demo_journal))
    assert re.search(r"\b2026-\d\d-\d\d\b", texts)
    assert not re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", texts)
    dates.use("month_day")
    texts = " ".join(item.text for item in due_items(demo_journal))
    assert re.search(r"\b(Nov|Dec) \d{1,2}, 2026\b", texts)


# Ways of writing a date that bypass the formatter (file names and ISO data excepted).
_BYPASSES = re.compile(r"strftime\(|%d %b|%B|%Y-%m-%d|\{[^}]*:%Y|setDisplayFormat\(\"yyyy")


def test_the_window_writes_no_date_by_itself() -> None:
    found = []
    for path in sorted((PROJECT_DIR / "jobjournal" / "ui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _BYPASSES.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == [], "write dates with core.records.dates"
