"""Offers: the answer-by date, negotiation rounds, totals, targets, and accepting one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from support import DEMO_TODAY, application_at

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.core.work import offers, packages
from jobjournal.core.work.due import due_items
from jobjournal.core.work.packages import Assumptions, Package

MONDAY = date(2026, 11, 16)


def _offer(journal: Journal, company: str) -> m.Offer:
    application_id = application_at(journal, company)
    return journal.records_of(application_id).offers[-1]


# -- the answer-by date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "respond_by"),
    [
        (MONDAY, MONDAY + timedelta(days=2)),  # Wednesday
        (MONDAY + timedelta(days=3), MONDAY + timedelta(days=7)),  # Thursday → Monday
        (MONDAY + timedelta(days=4), MONDAY + timedelta(days=8)),  # Friday → Tuesday
        (MONDAY + timedelta(days=5), MONDAY + timedelta(days=8)),  # Saturday → Tuesday
        (MONDAY + timedelta(days=6), MONDAY + timedelta(days=8)),  # Sunday → Tuesday
    ],
)
def test_respond_by_is_two_business_days_later(received: date, respond_by: date) -> None:
    assert offers.respond_by_for(received) == respond_by


def test_the_day_an_offer_arrived_is_the_day_where_the_person_is() -> None:
    # Thursday 23:30 in London is already Friday morning in Tokyo: a Friday offer there
    # is due on Tuesday, the same email read in Chicago (still Thursday) on Monday.
    sent = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)
    tokyo, chicago = timezone(timedelta(hours=9)), timezone(timedelta(hours=-6))
    assert offers.respond_by_for(offers.arrival_day(sent, tokyo)) == date(2026, 11, 24)
    assert offers.respond_by_for(offers.arrival_day(sent, chicago)) == date(2026, 11, 23)
    assert offers.arrival_day(datetime(2026, 11, 19, 23, 30)) == date(2026, 11, 19)  # local


def test_countdown_says_how_long_is_left() -> None:
    due = date(2026, 11, 24)
    assert offers.countdown(due, date(2026, 11, 20)) == offers.Countdown(
        4, "4 days left to answer", False
    )
    assert offers.countdown(due, date(2026, 11, 23)).text == "answer due tomorrow"
    assert offers.countdown(due, due).text == "answer due today"
    late = offers.countdown(due, date(2026, 11, 26))
    assert late is not None and late.urgent and late.text == "answer was due 2 days ago"
    assert offers.countdown(None, due) is None


def test_recording_an_offer_dates_the_answer_and_moves_the_application(
    demo_journal: Journal,
) -> None:
    application_id = application_at(demo_journal, "Pinecrest Media")  # interviewing
    friday = date(2026, 11, 20)
    offer_id = offers.record_offer(
        demo_journal, application_id, kind="written", received_on=friday, base_cents=90_000_00
    ).new_id
    assert demo_journal.get(plain.Offer, offer_id).respond_by == date(2026, 11, 24)
    assert demo_journal.get(plain.Application, application_id).status == Status.OFFER
    chosen = offers.record_offer(
        demo_journal, application_id, received_on=friday, respond_by=date(2026, 11, 30)
    ).new_id
    assert demo_journal.get(plain.Offer, chosen).respond_by == date(2026, 11, 30)
    with pytest.raises(InvalidInput, match="Respond-by date cannot be before received on"):
        offers.record_offer(
            demo_journal, application_id, received_on=friday, respond_by=date(2026, 11, 1)
        )


# -- negotiation rounds ---------------------------------------------------------------------


def _round(**changes: object) -> offers.Round:
    base = offers.Round(
        asked_on=DEMO_TODAY,
        asked_base_cents=120_000_00,
        asked_items=("A sign-on bonus of $5,000", "  ", "Two more days of PTO"),
        arguments=(
            offers.Argument("market", "Median $118,000 for this role", "2026 salary survey"),
            offers.Argument("commute", "The office is 70 minutes away", ""),
            offers.Argument("degree", "   ", ""),  # left empty: not stored
        ),
        own_words="I am keen to make this work.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_round_is_stored_whole_and_moves_an_offer_to_negotiating(
    demo_journal: Journal,
) -> None:
    offer = _offer(demo_journal, "Larkspur Labs")  # at "Offer", no round yet
    round_id = offers.save_round(demo_journal, offer.id, _round()).new_id
    stored = demo_journal.get(plain.NegotiationRound, round_id)
    shown = offers.round_of(stored)
    assert shown.number == 1
    assert shown.asked_items == ("A sign-on bonus of $5,000", "Two more days of PTO")
    assert [a.kind for a in shown.arguments] == ["market", "commute"]
    assert shown.arguments[0].source == "2026 salary survey"
    application = demo_journal.get(plain.Application, offer.application_id)
    assert application.status == Status.NEGOTIATING
    answered = replace(
        shown, answered_on=DEMO_TODAY, answer="Sign-on agreed.", arguments=shown.arguments[:1]
    )
    offers.save_round(demo_journal, offer.id, answered, round_id)
    again = offers.round_of(demo_journal.get(plain.NegotiationRound, round_id))
    assert again.answer == "Sign-on agreed." and len(again.arguments) == 1
    assert len(demo_journal.get(plain.Offer, offer.id).rounds) == 1


def test_market_data_needs_its_source_and_a_refusal_stores_nothing(demo_journal: Journal) -> None:
    offer = _offer(demo_journal, "Larkspur Labs")
    unsourced = _round(arguments=(offers.Argument("market", "Everyone pays more", ""),))
    with pytest.raises(InvalidInput, match="comes from"):
        offers.save_round(demo_journal, offer.id, unsourced)
    assert demo_journal.get(plain.Offer, offer.id).rounds == ()
    answered_early = _round(answered_on=DEMO_TODAY - timedelta(days=3))
    with pytest.raises(InvalidInput, match="Answered on cannot be before asked on"):
        offers.save_round(demo_journal, offer.id, answered_early)
    assert demo_journal.get(plain.Offer, offer.id).rounds == ()


def test_a_third_round_is_warned_about_before_it_starts(demo_journal: Journal) -> None:
    northwind = _offer(demo_journal, "Northwind Analytics")  # two rounds already
    warning = offers.next_round_warning(northwind)
    assert warning is not None and "round 3" in str(warning) and "Two rounds" in str(warning)
    with pytest.raises(offers.TooManyRounds):
        offers.save_round(demo_journal, northwind.id, _round())
    assert len(demo_journal.get(plain.Offer, northwind.id).rounds) == 2
    offers.save_round(demo_journal, northwind.id, _round(), past_advice=True)
    assert [r.number for r in demo_journal.get(plain.Offer, northwind.id).rounds] == [1, 2, 3]
    assert offers.next_round_warning(_offer(demo_journal, "Bluefin Health")) is None


def test_the_counteroffer_letter_carries_the_arguments_with_their_sources(
    demo_journal: Journal,
) -> None:
    from jobjournal.core.documents import letters

    application_id = application_at(demo_journal, "Bluefin Health")
    facts = letters.gather(demo_journal, application_id)
    said = "I would leave behind an annual bonus of about $9,000"
    assert any(said in sentence for _kind, sentence in facts.arguments)
    body = letters.draft("counteroffer", facts, application_id=application_id).body
    assert "It also reflects what I earn today: I would leave behind an annual bonus" in body
    northwind = letters.gather(demo_journal, application_at(demo_journal, "Northwind Analytics"))
    offer = northwind.offer
    assert offer is not None
    first = offers.round_of(offer.rounds[0])
    assert "(2026 analytics salary survey, Chicago metro)" in offers.argument_sentence(
        first.arguments[0]
    )


# -- totals ---------------------------------------------------------------------------------

FLAT = Assumptions(raise_percent=0, count_commute=False)
SIMPLE = Package(
    "Simple",
    "USD",
    base_cents=100_000_00,
    bonus_percent=10,
    sign_on_cents=5_000_00,
    equity_grant_cents=40_000_00,
    vesting_years=4,
    cliff_months=12,
)


def test_totals_count_sign_on_once_and_equity_as_it_vests() -> None:
    years = packages.years(SIMPLE, FLAT)
    assert [y.sign_on for y in years] == [5_000_00, 0, 0, 0]
    assert [y.equity for y in years] == [10_000_00] * 4
    assert packages.first_year_total(SIMPLE, FLAT) == 125_000_00
    assert packages.total_over(SIMPLE, FLAT) == 485_000_00


def test_a_long_cliff_pays_nothing_then_catches_up() -> None:
    late = replace(SIMPLE, cliff_months=18)
    assert [y.equity for y in packages.years(late, FLAT)] == [0, 20_000_00, 10_000_00, 10_000_00]
    assert packages.total_over(late, FLAT) == packages.total_over(SIMPLE, FLAT)
    beyond = replace(SIMPLE, vesting_years=2, cliff_months=0)
    assert [y.equity for y in packages.years(beyond, FLAT)] == [20_000_00, 20_000_00, 0, 0]


def test_raises_hourly_rates_and_commute_follow_the_assumptions() -> None:
    raising = Assumptions(raise_percent=3, count_commute=False)
    years = packages.years(SIMPLE, raising)
    assert years[1].base == 103_000_00 and years[1].bonus == 10_300_00
    hourly = Package("Hourly", "USD", base_cents=60_00, period="hour")
    assert packages.yearly_base(hourly, FLAT) == 124_800_00
    assert packages.yearly_base(hourly, replace(FLAT, hours_per_year=1000)) == 60_000_00
    commuting = replace(SIMPLE, work_model="hybrid", commute_minutes=30, commute_cost_cents=10_00)
    counted = Assumptions(raise_percent=0)  # 3 office days × 46 weeks × $10
    assert packages.commute_cost_per_year(commuting, counted) == 1_380_00
    assert packages.first_year_total(commuting, counted) == 125_000_00 - 1_380_00
    assert packages.commute_hours_per_week(commuting, counted) == 3.0
    remote = replace(commuting, work_model="remote")
    assert packages.first_year_total(remote, counted) == 125_000_00


# -- against my targets ---------------------------------------------------------------------


def test_each_offer_is_measured_against_the_perfect_offer(demo_journal: Journal) -> None:
    profile = demo_journal.profile()
    northwind = packages.packages(
        demo_journal, [_offer(demo_journal, "Northwind Analytics").id], False
    )
    verdict = packages.measure(northwind[0], profile, Assumptions())
    by_item = {c.item: c for c in verdict.checks}
    assert by_item["Base salary"].met is True  # 103,000 within 100,000–115,000
    assert by_item["Paid time off"].met is False and by_item["Paid time off"].offered == "23 days"
    assert by_item["Learning stipend"].met is False  # $1,000 of the $2,000 wanted
    assert by_item["Remote days"].met is None  # hybrid: the days decide
    assert "six-month review" in by_item["Salary review"].offered  # from their answer
    assert verdict.walk_away_warning == ""
    assert verdict.summary() == "Meets 1 of 5 of my targets; 2 to check."


def test_an_offer_below_the_walk_away_point_says_so_plainly(demo_journal: Journal) -> None:
    profile = demo_journal.profile()  # walk away below 92,000 a year
    larkspur = packages.packages(demo_journal, [_offer(demo_journal, "Larkspur Labs").id], False)
    verdict = packages.measure(larkspur[0], profile, Assumptions())
    assert verdict.walk_away_warning.startswith("Below your walk-away point")
    assert "USD 4,000 per year under the USD 92,000 per year" in verdict.walk_away_warning
    in_euros = replace(larkspur[0], currency="EUR")
    other_currency = packages.measure(in_euros, profile, Assumptions())
    assert other_currency.walk_away_warning == "" and not other_currency.walk_away_checked
    assert other_currency.checks[0].met is None


def test_comparison_marks_the_best_and_shows_the_baseline(demo_journal: Journal) -> None:
    choices = packages.offer_choices(demo_journal)
    open_written = [c.offer_id for c in choices if c.still_open and not c.verbal]
    chosen = packages.packages(demo_journal, open_written, True)
    assert [p.label.split(" — ")[0] for p in chosen] == [
        "Bluefin Health",
        "Northwind Analytics",
        "My current job (Lakeshore Insurance)",
    ]
    rows = {
        r.label: r
        for r in packages.comparison(chosen, Assumptions(), demo_journal.profile(), DEMO_TODAY)
    }
    northwind = packages.years(chosen[1], Assumptions())[0]
    # 103,000 + 10% bonus + 5,000 sign-on + 40,000/4 equity + 9,000 benefits − commute
    assert northwind.total == 103_000_00 + 10_300_00 + 5_000_00 + 10_000_00 + 9_000_00 - 759_00
    assert rows["First-year total"].cells[1] == "USD 136,541"
    assert rows["First-year total"].best == frozenset({1})
    assert rows["Base a year"].best == frozenset({0})  # Bluefin's 112,000
    assert rows["Commute"].cells[0] == "None (remote)"
    assert rows["Offer"].cells[2] == "Baseline"
    assert "✗ Paid time off" in rows["My targets"].cells[1]
    assert rows["Walk-away point"].cells[2].startswith("Below your walk-away point")


# -- accepting ------------------------------------------------------------------------------


def _states(journal: Journal) -> dict[int, tuple[str, int]]:
    return {
        a.id: (a.status, len(journal.status_history(a.id))) for a in journal.all(plain.Application)
    }


def test_accepting_ends_every_other_active_application_and_nothing_else(
    demo_journal: Journal,
) -> None:
    from jobjournal.core.records.transitions import ACTIVE

    accepted = application_at(demo_journal, "Northwind Analytics")
    before = _states(demo_journal)
    endings = offers.others_to_end(demo_journal, accepted)
    active_others = {i for i, (s, _) in before.items() if s in ACTIVE} - {accepted}
    assert {e.application_id for e in endings} == active_others
    offers.accept(demo_journal, accepted, [e.application_id for e in endings])
    after = _states(demo_journal)
    assert after[accepted] == (Status.ACCEPTED, before[accepted][1] + 1)
    for ending in endings:
        assert after[ending.application_id] == (
            ending.becomes,
            before[ending.application_id][1] + 1,
        )
        change = demo_journal.status_history(ending.application_id)[-1]
        assert change.reason_code == "accepted_other_offer" and change.ended_by == "me"
    untouched = set(before) - active_others - {accepted}
    assert untouched and all(after[i] == before[i] for i in untouched)
    becomes = {e.company: e.becomes for e in endings}
    assert becomes["Bluefin Health"] == Status.DECLINED
    assert becomes["Pinecrest Media"] == Status.WITHDRAWN
    assert becomes["Kestrel Robotics"] == Status.WITHDRAWN  # saved: no letter, just ended


def test_accepting_ends_only_the_chosen_ones_or_nothing_at_all(demo_journal: Journal) -> None:
    accepted = application_at(demo_journal, "Northwind Analytics")
    endings = offers.others_to_end(demo_journal, accepted)
    bluefin = next(e for e in endings if e.company == "Bluefin Health")
    # One of the list ended meanwhile: the whole acceptance is refused and nothing moves.
    demo_journal.set_status(bluefin.application_id, Status.REJECTED)
    before = _states(demo_journal)
    with pytest.raises(InvalidInput):
        offers.accept(demo_journal, accepted, [e.application_id for e in endings])
    assert _states(demo_journal) == before
    kept = [e for e in endings if e.company == "Pinecrest Media"]
    offers.accept(demo_journal, accepted, [e.application_id for e in kept])
    after = _states(demo_journal)
    changed = {i for i in after if after[i] != before[i]}
    assert changed == {accepted, kept[0].application_id}


def test_offers_waiting_for_an_answer_are_due_with_their_countdown(demo_journal: Journal) -> None:
    now = datetime.combine(DEMO_TODAY, datetime.min.time()).replace(hour=9)
    due = [d for d in due_items(demo_journal, now) if d.kind == "offer"]
    assert [d.text.split("'s")[0] for d in due] == [
        "Answer Larkspur Labs",
        "Answer Northwind Analytics",
        "Answer Bluefin Health",
    ]
    assert due[0].text.endswith("answer due tomorrow") and due[0].offer_id is not None
    assert due[1].text.endswith("2 days left to answer")
    demo_journal.set_status(application_at(demo_journal, "Larkspur Labs"), Status.DECLINED)
    assert "Larkspur" not in str(due_items(demo_journal, now))
