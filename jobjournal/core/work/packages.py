"""Whole packages side by side: offers (and my current job) as yearly money, first-year and
four-year totals under stated assumptions, and each offer against my perfect offer and my
walk-away point.

Money stays in whole cents. Totals count base (with a yearly raise), the expected bonus,
sign-on in year one, equity as it vests (cliff included) and the benefits' stated value,
minus commute costs; relocation and learning stipends are listed but not counted, because
they pay for something rather than pay me.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select

from jobjournal.core.records import copying, dates, plain, validation
from jobjournal.core.records.changes import Changes
from jobjournal.core.records.money import format_amount
from jobjournal.core.records.queries import with_company
from jobjournal.core.records.transitions import DECIDING
from jobjournal.core.storage import models as m
from jobjournal.core.work.offers import countdown

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jobjournal.core.records.journal import Journal

YEARS = 4
_MONTHS = 12


@dataclass(frozen=True)
class Assumptions:
    """What the totals take for granted; the comparison shows them and lets them change."""

    raise_percent: float = 3.0  # yearly raise on base from year two
    bonus_payout_percent: int = 100  # share of a target bonus actually paid
    equity_growth_percent: float = 0.0  # yearly change in the equity's value
    hours_per_year: int = 2080  # to turn an hourly rate into a year: 40 hours × 52 weeks
    hybrid_office_days: int = 3  # days a week in the office for a hybrid job
    work_weeks: int = 46  # weeks a year actually commuted (holidays and time off aside)
    count_commute: bool = True  # subtract commute costs from the totals

    def describe(self) -> list[str]:
        lines = [
            f"Base rises {self.raise_percent:g}% a year from year two.",
            f"Bonuses pay {self.bonus_payout_percent}% of target.",
            f"Equity keeps its stated value, changing {self.equity_growth_percent:g}% a year, "
            "and vests evenly after the cliff.",
            f"An hourly rate counts {self.hours_per_year:,} hours a year.",
            f"Hybrid means {self.hybrid_office_days} office days a week; commuting "
            f"{self.work_weeks} weeks a year.",
        ]
        lines.append(
            "Commute costs are taken off the totals."
            if self.count_commute
            else "Commute costs are not taken off the totals."
        )
        lines.append("Relocation and learning stipends are shown but not counted.")
        return lines


def _per_year(period: str, assumptions: Assumptions) -> int:
    return {"year": 1, "month": 12, "week": 52, "day": 260}.get(period, assumptions.hours_per_year)


@dataclass(frozen=True)
class Package:
    """An offer or my current job, in the terms a comparison needs."""

    label: str
    currency: str = ""
    base_cents: int | None = None
    period: str = "year"
    bonus_cents: int | None = None
    bonus_percent: int | None = None
    sign_on_cents: int | None = None
    equity: str = ""
    equity_grant_cents: int | None = None  # the whole grant's value
    vesting_years: int | None = None
    cliff_months: int | None = None
    equity_per_year_cents: int | None = None  # ongoing equity at the current job
    pto_days: int | None = None
    benefits_value_cents: int | None = None
    health_start: str = ""
    retirement_match: str = ""
    work_model: str | None = None
    commute_minutes: int | None = None
    commute_cost_cents: int | None = None
    start_on: date | None = None
    relocation_cents: int | None = None
    learning_stipend_cents: int | None = None
    other_perks: str = ""
    answers: str = ""  # what the employer answered in negotiation rounds
    kind: str = "written"
    respond_by: date | None = None
    offer_id: int | None = None  # None: my current job
    application_id: int | None = None


def package_of_offer(offer: plain.Offer, company: str, job_title: str) -> Package:
    return Package(
        label=f"{company} — {job_title}" if job_title else company,
        currency=offer.currency,
        base_cents=offer.base_cents,
        period=offer.period,
        bonus_cents=offer.bonus_cents,
        bonus_percent=offer.bonus_percent,
        sign_on_cents=offer.sign_on_cents,
        equity=offer.equity,
        equity_grant_cents=offer.equity_value_cents,
        vesting_years=offer.vesting_years,
        cliff_months=offer.vesting_cliff_months,
        pto_days=offer.pto_days,
        benefits_value_cents=offer.benefits_value_cents,
        health_start=offer.health_start,
        retirement_match=offer.retirement_match,
        work_model=offer.work_model,
        commute_minutes=offer.commute_minutes,
        commute_cost_cents=offer.commute_cost_cents,
        start_on=offer.start_on,
        relocation_cents=offer.relocation_cents,
        learning_stipend_cents=offer.learning_stipend_cents,
        other_perks=offer.other_perks,
        answers="\n".join(r.answer for r in offer.rounds if r.answer),
        kind=offer.kind,
        respond_by=offer.respond_by,
        offer_id=offer.id,
        application_id=offer.application_id,
    )


def package_of_current_job(job: plain.CurrentJob) -> Package:
    label = "My current job" + (f" ({job.employer})" if job.employer.strip() else "")
    return Package(
        label=label,
        currency=job.currency,
        base_cents=job.base_cents,
        period=job.period,
        bonus_cents=job.bonus_cents,
        bonus_percent=job.bonus_percent,
        equity_per_year_cents=job.equity_per_year_cents,
        pto_days=job.pto_days,
        benefits_value_cents=job.benefits_value_cents,
        health_start=job.health_start,
        retirement_match=job.retirement_match,
        work_model=job.work_model,
        commute_minutes=job.commute_minutes,
        commute_cost_cents=job.commute_cost_cents,
        other_perks=job.other_perks,
    )


# -- money over the years -------------------------------------------------------------------


def yearly_base(package: Package, assumptions: Assumptions) -> int | None:
    if package.base_cents is None:
        return None
    return package.base_cents * _per_year(package.period, assumptions)


def vested_fraction(months: int, vesting_years: int | None, cliff_months: int | None) -> Decimal:
    """Share of a grant vested after `months`: nothing before the cliff, then evenly by
    month over the vesting years (what the cliff held back vests at the cliff)."""
    if not vesting_years:
        return Decimal(1) if months >= _MONTHS else Decimal(0)  # one grant, paid in year one
    total = vesting_years * _MONTHS
    if months < (cliff_months or 0):
        return Decimal(0)
    return Decimal(min(months, total)) / total


@dataclass(frozen=True)
class Year:
    number: int
    base: int
    bonus: int
    sign_on: int
    equity: int
    benefits: int
    commute: int  # a cost: subtracted when counted

    @property
    def total(self) -> int:
        return self.base + self.bonus + self.sign_on + self.equity + self.benefits - self.commute


def years(package: Package, assumptions: Assumptions, count: int = YEARS) -> list[Year]:
    return [_year(package, assumptions, n) for n in range(1, count + 1)]


def _year(package: Package, assumptions: Assumptions, number: int) -> Year:
    raise_factor = (1 + Decimal(str(assumptions.raise_percent)) / 100) ** (number - 1)
    base = Decimal(yearly_base(package, assumptions) or 0) * raise_factor
    commute = commute_cost_per_year(package, assumptions) if assumptions.count_commute else 0
    return Year(
        number=number,
        base=_cents(base),
        bonus=_cents(_bonus(package, base, assumptions)),
        sign_on=(package.sign_on_cents or 0) if number == 1 else 0,
        equity=_cents(_equity(package, assumptions, number)),
        benefits=package.benefits_value_cents or 0,
        commute=commute,
    )


def _bonus(package: Package, base: Decimal, assumptions: Assumptions) -> Decimal:
    payout = Decimal(assumptions.bonus_payout_percent) / 100
    if package.bonus_percent:
        return base * package.bonus_percent / 100 * payout
    return Decimal(package.bonus_cents or 0) * payout


def _equity(package: Package, assumptions: Assumptions, number: int) -> Decimal:
    growth = (1 + Decimal(str(assumptions.equity_growth_percent)) / 100) ** (number - 1)
    if package.equity_per_year_cents:
        return package.equity_per_year_cents * growth
    if not package.equity_grant_cents:
        return Decimal(0)
    months = number * _MONTHS
    share = vested_fraction(months, package.vesting_years, package.cliff_months) - (
        vested_fraction(months - _MONTHS, package.vesting_years, package.cliff_months)
    )
    return package.equity_grant_cents * share * growth


def _cents(amount: Decimal) -> int:
    return int(amount.to_integral_value())


def equity_per_year(package: Package) -> int | None:
    if package.equity_per_year_cents is not None:
        return package.equity_per_year_cents
    if package.equity_grant_cents is None:
        return None
    return package.equity_grant_cents // (package.vesting_years or 1)


def office_days(package: Package, assumptions: Assumptions) -> int:
    return {"remote": 0, "hybrid": assumptions.hybrid_office_days}.get(package.work_model or "", 5)


def commute_cost_per_year(package: Package, assumptions: Assumptions) -> int:
    days = office_days(package, assumptions) * assumptions.work_weeks
    return (package.commute_cost_cents or 0) * days


def commute_hours_per_week(package: Package, assumptions: Assumptions) -> float:
    minutes = 2 * (package.commute_minutes or 0) * office_days(package, assumptions)
    return round(minutes / 60, 1)


def first_year_total(package: Package, assumptions: Assumptions) -> int:
    return years(package, assumptions, 1)[0].total


def total_over(package: Package, assumptions: Assumptions, count: int = YEARS) -> int:
    return sum(year.total for year in years(package, assumptions, count))


# -- against my targets ---------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    item: str  # "Base salary", "Paid time off"…
    wanted: str
    offered: str
    met: bool | None  # None: cannot tell from what is recorded


@dataclass(frozen=True)
class Verdict:
    checks: tuple[Check, ...]
    walk_away_warning: str = ""
    walk_away_checked: bool = False  # a walk-away point is set and the base compares to it

    @property
    def met(self) -> list[Check]:
        return [c for c in self.checks if c.met is True]

    @property
    def missed(self) -> list[Check]:
        return [c for c in self.checks if c.met is False]

    @property
    def unclear(self) -> list[Check]:
        return [c for c in self.checks if c.met is None]

    def summary(self) -> str:
        if not self.checks:
            return "No targets set yet (Journal → Profile and targets)."
        text = f"Meets {len(self.met)} of {len(self.checks)} of my targets"
        return text + (f"; {len(self.unclear)} to check" if self.unclear else "") + "."


def measure(package: Package, profile: plain.Profile, assumptions: Assumptions) -> Verdict:
    """The package against my perfect offer and my walk-away point."""
    checks = [_salary_check(package, profile, assumptions)] if _has_salary_target(profile) else []
    checks += [_wish_check(package, item.item, item.wanted) for item in profile.perfect_offer]
    comparable = _in_profile_terms(package, profile, assumptions) is not None
    return Verdict(
        tuple(checks),
        _walk_away_warning(package, profile, assumptions),
        walk_away_checked=comparable and profile.walk_away_cents is not None,
    )


def _has_salary_target(profile: plain.Profile) -> bool:
    return profile.target_min_cents is not None or profile.walk_away_cents is not None


def _in_profile_terms(
    package: Package, profile: plain.Profile, assumptions: Assumptions
) -> int | None:
    """The base per profile period, or None when it cannot be compared (no base, or
    another currency)."""
    base = yearly_base(package, assumptions)
    if base is None or (profile.currency and package.currency != profile.currency):
        return None
    return base // _per_year(profile.period, assumptions)


def _salary_check(package: Package, profile: plain.Profile, assumptions: Assumptions) -> Check:
    low, high = profile.target_min_cents, profile.target_max_cents
    wanted = _range_text(low, high, profile)
    base = _in_profile_terms(package, profile, assumptions)
    if base is None:
        offered = (
            "no base salary recorded"
            if package.base_cents is None
            else (f"in {package.currency or 'no currency'}; targets are in {profile.currency}")
        )
        return Check("Base salary", wanted, offered, None)
    offered = _money(base, profile)
    if low is None:
        return Check("Base salary", wanted, offered, None)
    return Check("Base salary", wanted, offered, base >= low)


def _walk_away_warning(package: Package, profile: plain.Profile, assumptions: Assumptions) -> str:
    floor = profile.walk_away_cents
    base = _in_profile_terms(package, profile, assumptions)
    if floor is None or base is None or base >= floor:
        return ""
    return (
        f"Below your walk-away point: the base comes to {_money(base, profile)}, "
        f"{_money(floor - base, profile)} under the {_money(floor, profile)} you decided "
        "you would not go below."
    )


def _range_text(low: int | None, high: int | None, profile: plain.Profile) -> str:
    if low is not None and high is not None:
        return f"{_money(low, profile)} to {_money(high, profile)}"
    if low is not None:
        return f"at least {_money(low, profile)}"
    return f"walk away below {_money(profile.walk_away_cents, profile)}"


def _money(cents: int | None, profile: plain.Profile) -> str:
    period = m.SALARY_PERIODS.get(profile.period, "")
    return f"{format_amount(cents, profile.currency)} {period}".strip()


# What each wish beyond salary is about, by the words people use for it. Order matters:
# "sign-on bonus" is a sign-on, not a bonus.
_WISH_TOPICS = (
    ("sign_on", ("sign-on", "signing", "sign on", "joining bonus")),
    ("relocation", ("relocat", "moving")),
    ("learning", ("learning", "education", "training", "conference", "course", "stipend")),
    ("pto", ("time off", "pto", "vacation", "holiday", "leave", "annual days")),
    ("remote", ("remote", "home", "hybrid", "flexib")),
    ("equity", ("equity", "stock", "share", "option", "rsu")),
    ("bonus", ("bonus",)),
    ("health", ("health", "dental", "medical", "insurance")),
    ("retirement", ("retirement", "401", "pension", "match")),
)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_Checker = Callable[["Package", str, str], tuple[str, bool | None]]


def _topic(item: str, wanted: str) -> str | None:
    words = f"{item} {wanted}".lower()
    return next((topic for topic, keys in _WISH_TOPICS if any(k in words for k in keys)), None)


def _number_in(text: str) -> Decimal | None:
    found = _NUMBER.search(text)
    return Decimal(found.group().replace(",", "")) if found else None


def _wish_check(package: Package, item: str, wanted: str) -> Check:
    topic = _topic(item, wanted)
    offered, met = _TOPIC_CHECKS.get(topic or "", _mentioned)(package, item, wanted)
    return Check(item, wanted, offered, met)


def _at_least_days(package: Package, item: str, wanted: str) -> tuple[str, bool | None]:
    if package.pto_days is None:
        return "not stated", None
    needed = _number_in(wanted)
    met = None if needed is None else package.pto_days >= needed
    return f"{package.pto_days} days", met


def _amount(field: str) -> _Checker:
    """A money item: there at all, and at least the amount wanted when one is named."""

    def check(package: Package, item: str, wanted: str) -> tuple[str, bool | None]:
        amount = getattr(package, field)
        if not amount:
            return "not in the offer", False
        needed = _number_in(wanted)
        met = True if needed is None else amount >= needed * 100
        return format_amount(amount, package.currency), met

    return check


def _remote(package: Package, item: str, wanted: str) -> tuple[str, bool | None]:
    model = package.work_model
    if model is None:
        return "not stated", None
    label = m.WORK_MODELS[model]
    if model == "remote":
        return label, True
    if model == "hybrid":
        # "At least 3 remote days" against hybrid: only the days agreed can tell.
        return f"{label}: ask how many days are remote", None
    return label, False


def _present(text_of: str) -> _Checker:
    def check(package: Package, item: str, wanted: str) -> tuple[str, bool | None]:
        value = getattr(package, text_of)
        if isinstance(value, str):
            value = value.strip()
        return (str(value), True) if value else ("not in the offer", False)

    return check


def _bonus_check(package: Package, item: str, wanted: str) -> tuple[str, bool | None]:
    if package.bonus_percent:
        return f"{package.bonus_percent}% target", True
    return _amount("bonus_cents")(package, item, wanted)


def _mentioned(package: Package, item: str, wanted: str) -> tuple[str, bool | None]:
    """Anything else: found in the perks or the employer's answers, or not there."""
    words = [w for w in re.findall(r"[a-z]{4,}", item.lower()) if w not in _COMMON]
    for sentence in re.split(r"(?<=[.;\n])\s*", f"{package.other_perks}\n{package.answers}"):
        if words and any(word in sentence.lower() for word in words):
            return f"mentioned: “{sentence.strip()}”", None
    return "not in the offer", False


_COMMON = frozenset({"with", "that", "this", "from", "have", "more", "time", "year", "days"})

_TOPIC_CHECKS: dict[str, _Checker] = {
    "pto": _at_least_days,
    "learning": _amount("learning_stipend_cents"),
    "sign_on": _amount("sign_on_cents"),
    "relocation": _amount("relocation_cents"),
    "remote": _remote,
    "equity": _present("equity"),
    "bonus": _bonus_check,
    "health": _present("health_start"),
    "retirement": _present("retirement_match"),
}


# -- reading what to compare ----------------------------------------------------------------


@dataclass(frozen=True)
class OfferChoice:
    offer_id: int
    company: str
    job_title: str
    status: str
    still_open: bool  # the application is at "Offer" or "Negotiating"
    verbal: bool  # said, not yet written: the package is not known in full


def offer_choices(journal: Journal) -> list[OfferChoice]:
    """The latest offer of each application that has one, open ones first."""
    latest = select(func.max(m.Offer.id)).group_by(m.Offer.application_id).scalar_subquery()
    with journal.session() as session:
        rows = session.execute(
            with_company(
                select(
                    m.Offer.id, m.Company.name, m.Application.job_title, m.Application.status
                ).add_columns(m.Offer.kind),
                m.Offer.application_id,
            )
            .where(m.Offer.id.in_(latest))
            .order_by(m.Offer.received_on.desc())
        ).all()
    choices = [
        OfferChoice(
            row.id,
            row.name,
            row.job_title,
            row.status,
            row.status in DECIDING,
            row.kind == "verbal",
        )
        for row in rows
    ]
    return sorted(choices, key=lambda c: not c.still_open)


def packages(journal: Journal, offer_ids: list[int], with_current_job: bool) -> list[Package]:
    """The chosen offers, in the order given, then my current job when asked and recorded."""
    chosen = []
    for offer_id in offer_ids:
        offer = journal.get(plain.Offer, offer_id)
        application = journal.get(plain.Application, offer.application_id)
        chosen.append(package_of_offer(offer, application.company.name, application.job_title))
    job = current_job(journal) if with_current_job else None
    return chosen + ([package_of_current_job(job)] if job is not None else [])


def current_job(journal: Journal) -> plain.CurrentJob | None:
    with journal.session() as session:
        job = session.get(m.CurrentJob, 1)
        return copying.copy(job) if job is not None else None


def save_current_job(journal: Journal, **fields: object) -> Changes:
    """Store my current job (id 1), or forget it with `fields` empty."""
    return save_profile(journal, {}, None, dict(fields) or None)


def save_profile(
    journal: Journal,
    fields: dict[str, Any],
    wishes: list[tuple[str, str]] | None,
    job: dict[str, Any] | None,
) -> Changes:
    """The profile, its perfect offer items (None: leave them) and the current job (None:
    I have none), in one transaction: all saved, or nothing and a message."""

    cleaned = validation.clean(m.Profile, fields)
    items = [
        validation.clean(m.PerfectOfferItem, {"item": item, "wanted": wanted, "position": n})
        for n, (item, wanted) in enumerate(wishes or [])
    ]
    job_fields = validation.clean(m.CurrentJob, job) if job is not None else None
    with journal.recorded() as (session, log):
        profile = session.get(m.Profile, 1)
        assert profile is not None  # the first migration creates it
        for name, value in cleaned.items():
            setattr(profile, name, value)
        validation.check_record(profile)
        if wishes is not None:
            profile.perfect_offer = [m.PerfectOfferItem(**item) for item in items]
        _store_job(session, job_fields)
        return log.undo(session).changes()


def _store_job(session: Session, fields: dict[str, Any] | None) -> None:
    job = session.get(m.CurrentJob, 1)
    if fields is None:
        if job is not None:
            session.delete(job)
        return
    if job is None:
        job = m.CurrentJob(id=1)
        session.add(job)
    for name, value in fields.items():
        setattr(job, name, value)


# -- the side-by-side table -----------------------------------------------------------------


RowKind = Literal["fact", "total", "targets", "warning"]


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[str, ...]
    best: frozenset[int] = frozenset()  # the columns with the best value in this row
    kind: RowKind = "fact"


def comparison(
    chosen: list[Package], assumptions: Assumptions, profile: plain.Profile, today: date
) -> list[Row]:
    """One row per part of the package; the best value in each money row is marked when
    every package is in the same currency."""
    same_currency = len({p.currency for p in chosen}) <= 1

    def money_row(label: str, amounts: list[int | None], kind: RowKind = "fact") -> Row:
        if kind == "total":  # whole units: cents over four years are noise
            amounts = [None if a is None else round(a, -2) for a in amounts]
        cells = tuple(
            format_amount(a, p.currency) if a else "—" for a, p in zip(amounts, chosen, strict=True)
        )
        return Row(label, cells, _best(amounts) if same_currency else frozenset(), kind)

    first = [years(p, assumptions) for p in chosen]
    rows = [
        Row("Offer", tuple(_offer_state(p, today) for p in chosen)),
        money_row("Base a year", [yearly_base(p, assumptions) for p in chosen]),
        Row("Pay as stated", tuple(_as_stated(p) for p in chosen)),
        money_row("Bonus (expected)", [y[0].bonus for y in first]),
        money_row("Sign-on", [p.sign_on_cents for p in chosen]),
        money_row("Equity a year", [equity_per_year(p) for p in chosen]),
        _days_row(chosen),
        Row("Benefits", tuple(_benefits(p) for p in chosen)),
        Row("Work model", tuple(m.WORK_MODELS.get(p.work_model or "", "—") for p in chosen)),
        _commute_row(chosen, assumptions),
        Row("Start date", tuple(_day(p.start_on) for p in chosen)),
        money_row("Relocation", [p.relocation_cents for p in chosen]),
        money_row("Learning stipend", [p.learning_stipend_cents for p in chosen]),
        Row("Other perks", tuple(p.other_perks.strip() or "—" for p in chosen)),
        money_row("First-year total", [y[0].total for y in first], "total"),
        money_row(f"{YEARS}-year total", [sum(x.total for x in y) for y in first], "total"),
    ]
    verdicts = [measure(p, profile, assumptions) for p in chosen]
    rows.append(Row("My targets", tuple(_targets_text(v) for v in verdicts), kind="targets"))
    rows.append(Row("Walk-away point", tuple(_walk_away_text(v) for v in verdicts), kind="warning"))
    if not same_currency:
        currencies = ", ".join(sorted({p.currency or "none" for p in chosen}))
        note = f"Different currencies ({currencies}): amounts are not ranked."
        rows.insert(0, Row("Note", tuple(note for _ in chosen), kind="warning"))
    return rows


def _best(amounts: list[int | None], highest: bool = True) -> frozenset[int]:
    known = [a for a in amounts if a]
    if len(known) < 2 or len(set(known)) == 1:
        return frozenset()
    target = max(known) if highest else min(known)
    return frozenset(i for i, a in enumerate(amounts) if a == target)


def _offer_state(package: Package, today: date) -> str:
    if package.offer_id is None:
        return "Baseline"
    state = m.OFFER_KINDS.get(package.kind, package.kind)
    left = countdown(package.respond_by, today)
    return f"{state} · {left.text}" if left else state


def _as_stated(package: Package) -> str:
    if package.base_cents is None:
        return "—"
    period = m.SALARY_PERIODS.get(package.period, "")
    return f"{format_amount(package.base_cents, package.currency)} {period}"


def _days_row(chosen: list[Package]) -> Row:
    days = [p.pto_days for p in chosen]
    cells = tuple(f"{d} days" if d is not None else "—" for d in days)
    return Row("Paid time off", cells, _best(list(days)))


def _benefits(package: Package) -> str:
    parts = []
    if package.health_start.strip():
        parts.append(f"Health from: {package.health_start.strip()}")
    if package.retirement_match.strip():
        parts.append(f"Retirement: {package.retirement_match.strip()}")
    if package.benefits_value_cents:
        parts.append(
            f"worth {format_amount(package.benefits_value_cents, package.currency)} a year"
        )
    return "; ".join(parts) or "—"


def _commute_row(chosen: list[Package], assumptions: Assumptions) -> Row:
    hours = [commute_hours_per_week(p, assumptions) for p in chosen]
    cells = []
    for package, weekly in zip(chosen, hours, strict=True):
        if package.work_model == "remote":
            cells.append("None (remote)")
        elif package.commute_minutes is None and not package.commute_cost_cents:
            cells.append("—")
        else:
            cost = commute_cost_per_year(package, assumptions)
            money = f" · {format_amount(cost, package.currency)} a year" if cost else ""
            cells.append(
                f"{package.commute_minutes or 0} min each way · {weekly:g} h a week{money}"
            )
    known = [h if c != "—" else None for h, c in zip(hours, cells, strict=True)]
    lowest = _best([None if h is None else int(h * 10) + 1 for h in known], highest=False)
    return Row("Commute", tuple(cells), lowest)


def _day(day: date | None) -> str:
    return dates.day_text(day) if day else "—"


def _targets_text(verdict: Verdict) -> str:
    lines = [verdict.summary()]
    lines += [f"✗ {c.item}: {c.offered} (my target: {c.wanted})" for c in verdict.missed]
    lines += [f"? {c.item}: {c.offered}" for c in verdict.unclear]
    return "\n".join(lines)


def _walk_away_text(verdict: Verdict) -> str:
    if verdict.walk_away_warning:
        return verdict.walk_away_warning
    return (
        "Above it" if verdict.walk_away_checked else "Cannot tell (no walk-away point, or no base)"
    )
