"""Interviews: writing them down (people, questions, reflection) and reading them again."""

from __future__ import annotations

from datetime import datetime

import pytest
from support import application_at

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.work import interviews as iv


def _contact(journal: Journal, name: str) -> m.Contact:
    return next(c for c in journal.all(plain.Contact) if c.name == name)


MEETING = iv.Meeting(
    round="technical",
    starts_at=datetime(2026, 11, 24, 14, 30),
    duration_minutes=45,
    format="video",
    place="https://meet.example/abc",
)


def test_people_met_are_picked_or_typed_in_place(demo_journal: Journal) -> None:
    application_id = application_at(demo_journal, "Pinecrest Media")
    jamie = _contact(demo_journal, "Jamie Park")
    people = (iv.Person(jamie.id), iv.Person(name="  Morgan   Hale ", title="Data Editor"))
    interview_id = iv.add_interview(
        demo_journal, application_id, iv.Meeting(**{**MEETING.__dict__, "people": people})
    ).new_id
    loaded = iv.load(demo_journal, interview_id)
    assert sorted(p.name for p in loaded.people) == ["Jamie Park", "Morgan Hale"]
    morgan = _contact(demo_journal, "Morgan Hale")
    assert morgan.title == "Data Editor" and morgan.relation == "interviewer"
    assert morgan.company_id == demo_journal.get(plain.Application, application_id).company_id
    assert morgan.id in {c.id for c in iv.contacts_at(demo_journal, application_id)}
    # Typing the same name again on the next round is the same person, not a twin.
    again = iv.Meeting(round="final", people=(iv.Person(name="Morgan Hale"),))
    iv.add_interview(demo_journal, application_id, again)
    assert [c.name for c in demo_journal.all(plain.Contact)].count("Morgan Hale") == 1


def test_a_reflection_is_saved_whole_and_reordering_keeps_question_records(
    demo_journal: Journal,
) -> None:
    interview_id = iv.add_interview(
        demo_journal, application_at(demo_journal, "Juniper Energy"), MEETING
    ).new_id
    first = iv.Question("How do you forecast demand?", my_answer="ARIMA", rating=3)
    second = iv.Question("Tell me about yourself.", next_time="Shorter", rating=4)
    asked = iv.Question("What does a typical week look like?", direction="i_asked")
    written = iv.Reflection(
        overall_rating=4,
        reflection="Friendly panel; grid load data.",
        went_well="Explained seasonality clearly.",
        to_improve="Bring numbers.",
        promised_to_send="Sample dashboard",
        questions=(first, second, iv.Question("   "), asked),
    )
    iv.save_reflection(demo_journal, interview_id, written)
    stored = iv.load(demo_journal, interview_id)
    assert iv.reflection_of(stored) == iv.Reflection(
        **{**written.__dict__, "questions": (first, second, asked)}
    )
    ids_before = [q.id for q in stored.questions]
    reordered = iv.Reflection(**{**written.__dict__, "questions": (second, first)})
    iv.save_reflection(demo_journal, interview_id, reordered)
    stored = iv.load(demo_journal, interview_id)
    assert [q.question for q in stored.questions] == [second.question, first.question]
    assert [q.id for q in stored.questions] == ids_before[:2]
    hits = demo_journal.search("seasonality")
    assert [(h.kind, h.ref_id) for h in hits] == [("interview", interview_id)]


def test_a_bad_rating_is_refused_and_nothing_is_half_saved(demo_journal: Journal) -> None:
    interview_id = iv.add_interview(
        demo_journal, application_at(demo_journal, "Juniper Energy"), MEETING
    ).new_id
    good = iv.Reflection(reflection="Kept", questions=(iv.Question("Kept question"),))
    iv.save_reflection(demo_journal, interview_id, good)
    bad = iv.Reflection(reflection="Changed", questions=(iv.Question("Q", rating=7),))
    with pytest.raises(InvalidInput, match="Rating"):
        iv.save_reflection(demo_journal, interview_id, bad)
    assert iv.reflection_of(iv.load(demo_journal, interview_id)) == good


def test_gone_records_get_a_message(demo_journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="interview no longer exists"):
        iv.save_reflection(demo_journal, 999_999, iv.Reflection())
    with pytest.raises(InvalidInput, match="application no longer exists"):
        iv.add_interview(demo_journal, 999_999, MEETING)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Tell me about yourself", "tell me a bit about yourself?"),
        ("Tell me about yourself.", "Can you tell me about yourself?"),
        ("Walk me through your background.", "Talk me through your background"),
        ("Why do you want to work here?", "Why do you want to work here"),
        ("What are your strengths?", "What are your strength?"),
        (
            "Tell me about a time you disagreed with a stakeholder",
            "Describe a time you disagreed with a stakeholder.",
        ),
        ("Give me an example of a project that failed", "Describe a project that failed"),
        ("What’s your biggest weakness?", "What's your biggest weakness"),
    ],
)
def test_similar_wordings_share_a_key(one: str, other: str) -> None:
    assert iv.question_key(one) == iv.question_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Tell me about a conflict", "Tell me about a failure"),
        ("Why do you want to leave?", "Why do you want to join?"),
        ("What is your salary expectation?", "What is your notice period?"),
    ],
)
def test_different_questions_keep_different_keys(one: str, other: str) -> None:
    assert iv.question_key(one) != iv.question_key(other)


def test_the_question_bank_groups_counts_and_finds_the_best_answer(demo_journal: Journal) -> None:
    bank = iv.question_bank(demo_journal)
    listed = next(g for g in bank if g.key == iv.question_key("Tell me about yourself"))
    assert listed.asked == []  # read when opened
    yourself = iv.question_asked(demo_journal, listed)
    wordings = {a.question for a in yourself.asked}
    assert {"Tell me about yourself.", "Tell me a bit about yourself."} == set(listed.wordings)
    assert wordings == set(listed.wordings)
    assert yourself.times == len(yourself.asked) >= 2
    assert yourself.best is not None and listed.best_rating == yourself.best.rating == max(
        a.rating for a in yourself.asked if a.rating is not None
    )
    assert bank == sorted(bank, key=lambda g: (-g.times, g.key))
    every = sum(g.times for g in bank)
    asked_me = [q for q in demo_journal.all(plain.InterviewQuestion) if q.direction == "asked_me"]
    assert every == len(asked_me)


def test_the_review_filters_pages_and_keeps_time_order(demo_journal: Journal) -> None:
    everything = iv.review(demo_journal, limit=1000)
    assert (
        len(everything) == iv.review_count(demo_journal) == len(demo_journal.all(plain.Interview))
    )
    starts = [e.interview.starts_at for e in everything if e.interview.starts_at]
    assert starts == sorted(starts)
    page = iv.review(demo_journal, offset=2, limit=3)
    assert [e.interview.id for e in page] == [e.interview.id for e in everything[2:5]]
    northwind = _contact(demo_journal, "Priya Shah").company_id
    only = iv.ReviewFilter(company_id=northwind, min_rating=5)
    picked = iv.review(demo_journal, only)
    assert picked and all(e.company == "Northwind Analytics" for e in picked)
    assert all((e.interview.overall_rating or 0) >= 5 for e in picked)
    technical = iv.review(demo_journal, iv.ReviewFilter(round="technical"))
    assert technical and {e.interview.round for e in technical} == {"technical"}
    assert "Northwind Analytics" in dict(iv.companies_interviewed(demo_journal)).values()
    assert all(e.interview.questions is not None for e in picked)  # loaded for reading
