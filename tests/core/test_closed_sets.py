"""Each closed set the code passes around (typed `Literal`, so mypy checks every value
written in the code) holds the same members as the labels a person reads for it, or as
the values the schema writes."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from jobjournal.core.documents import letters
from jobjournal.core.records import search
from jobjournal.core.storage import migrations
from jobjournal.core.storage import models as m


def _members(closed: Any) -> set[str]:
    return {member for part in get_args(closed) for member in (get_args(part) or [part])}


@pytest.mark.parametrize(
    ("closed", "labels"),
    [
        (m.LetterKind, m.ALL_LETTER_KINDS),
        (m.ApplicationLetterKind, m.LETTER_KINDS),
        (m.IntroductionLetterKind, m.INTRODUCTION_LETTERS),
        (m.TargetStatus, m.TARGET_STATUSES),
        (m.IntroductionState, m.INTRODUCTION_STATES),
        (m.RequirementMark, m.REQUIREMENT_MARKS),
        (m.QuestionDirection, m.QUESTION_DIRECTIONS),
        (m.MoneyStyle, m.MONEY_STYLES),
        (m.DateStyle, m.DATE_STYLES),
        (letters.Kind, letters.KINDS),
        (search.HitKind, migrations.SEARCH_KINDS),
    ],
    ids=[
        "letter kinds",
        "application letters",
        "introduction letters",
        "target statuses",
        "introduction states",
        "requirement marks",
        "question directions",
        "money styles",
        "date styles",
        "letter dialog",
        "search hits",
    ],
)
def test_a_closed_set_and_its_labels_have_the_same_members(
    closed: Any, labels: dict[str, Any]
) -> None:
    assert _members(closed) == set(labels)
