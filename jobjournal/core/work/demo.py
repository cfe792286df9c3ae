"""A realistic example search, for `jobjournal --demo`, tests, screenshots and benchmarks.

One person, Alex Rivera, looking for a senior data analyst role: twelve companies, every
status, interviews with reflections, two offers being negotiated, a rejection with the
feedback Alex asked for; beyond the interviews, a few contacts, two target organisations
and an introduction waiting for an answer. Dates are relative to `today`, so the demo
never looks stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import models as m
from jobjournal.core.storage.models import Status
from jobjournal.core.work.packages import save_current_job

S = Status


@dataclass
class DemoApplication:
    company: str
    location: str
    title: str
    path: list[Status]  # statuses in order after the first
    applied_days_ago: int | None
    source: str
    work_model: str
    notes: str
    description: str
    posted: tuple[int, int] | None = None  # whole dollars a year
    priority: int = 3
    next_action: str = ""
    next_action_in_days: int | None = None
    ending: tuple[str, str] | None = None  # (reason code, free text)
    company_notes: str = ""
    website: str = ""
    step_days_ago: tuple[int, ...] = ()  # when each status after the first was reached


APPLICATIONS = [
    DemoApplication(
        "Northwind Analytics",
        "Chicago, IL",
        "Senior Data Analyst",
        [S.APPLIED, S.SCREENING, S.INTERVIEWING, S.OFFER, S.NEGOTIATING],
        34,
        "referral",
        "hybrid",
        "Priya referred me. Team of six analysts supporting pricing and supply chain. They "
        "moved their warehouse to Snowflake last year and still fight over metric definitions.",
        "We are looking for a senior analyst to own pricing analytics end to end: define the "
        "metrics, build the dashboards our category managers use every morning, and run the "
        "experiments that tell us whether a price change worked. SQL and one of Python or R; "
        "experience explaining numbers to people who do not love numbers.",
        (95_000, 115_000),
        5,
        "Reply to their revised offer",
        1,
        company_notes="Friendly, fast process. Office two blocks from the train.",
        website="https://northwind.example",
        step_days_ago=(29, 21, 8, 6),
    ),
    DemoApplication(
        "Bluefin Health",
        "Remote (US)",
        "Analytics Engineer",
        [S.APPLIED, S.INTERVIEWING, S.OFFER, S.NEGOTIATING],
        29,
        "job_board",
        "remote",
        "Small data team inside a clinic network. Strong on dbt and testing. On-call one "
        "week in eight.",
        "Join our data platform team to model clinical and operational data in dbt, keep our "
        "pipelines trustworthy, and help analysts self-serve. You care about tests, "
        "documentation and data privacy.",
        (100_000, 125_000),
        4,
        "Compare with Northwind before Friday",
        2,
        company_notes="Fully remote; quarterly meet-ups in Denver.",
        website="https://bluefin.example",
        step_days_ago=(23, 5, 3),
    ),
    DemoApplication(
        "Larkspur Labs",
        "Austin, TX",
        "Product Analyst",
        [S.APPLIED, S.INTERVIEWING, S.OFFER],
        21,
        "recruiter",
        "on_site",
        "Recruiter called with a verbal number on Monday. Need the written offer before "
        "saying anything about salary.",
        "Product analyst for our consumer app: funnels, retention cohorts, A/B tests. You will "
        "sit with product managers and designers and shape what we build next.",
        (85_000, 100_000),
        3,
        "Ask for the full written offer",
        0,
        step_days_ago=(14, 4),
    ),
    DemoApplication(
        "Pinecrest Media",
        "New York, NY",
        "Marketing Data Analyst",
        [S.APPLIED, S.SCREENING, S.INTERVIEWING],
        18,
        "linkedin",
        "hybrid",
        "Newsroom analytics. Interesting mix of subscriptions data and editorial questions.",
        "Help our marketing and newsroom teams understand what readers value. You will own "
        "subscription funnel reporting and partner with editors on audience research.",
        (80_000, 95_000),
        4,
        "Prepare for the technical interview",
        1,
        step_days_ago=(10, 8),
    ),
    DemoApplication(
        "Meridian Bank",
        "Charlotte, NC",
        "Risk Data Analyst",
        [S.APPLIED, S.SCREENING],
        12,
        "company_site",
        "on_site",
        "Regulated environment, lots of documentation. Recruiter screen went fine.",
        "Support our credit risk team with data preparation, model monitoring reports and "
        "ad hoc analysis for regulators.",
        (90_000, 105_000),
        2,
        "Wait for the hiring manager to schedule",
        5,
    ),
    DemoApplication(
        "Juniper Energy",
        "Denver, CO",
        "Operations Analyst",
        [S.APPLIED],
        6,
        "job_board",
        "hybrid",
        "Grid operations. Posting mentions shift coverage twice: ask about it.",
        "Analyse field operations data to reduce outage response times; build daily "
        "reporting for dispatch supervisors.",
        None,
        3,
        "Follow up with the recruiter",
        4,
    ),
    DemoApplication(
        "Kestrel Robotics",
        "Pittsburgh, PA",
        "Data Analyst, Manufacturing",
        [],
        None,
        "network",
        "on_site",
        "Met their head of quality at the meetup. Apply once the posting reopens.",
        "Work with manufacturing engineers on yield and downtime data.",
        None,
        3,
        "Apply when the posting reopens",
        10,
    ),
    DemoApplication(
        "Civic Data Trust",
        "Remote",
        "Data Mentor (part-time contract)",
        [S.APPLIED, S.OFFER, S.ACCEPTED],
        60,
        "network",
        "remote",
        "Four hours a week mentoring analysts at non-profits. Accepted: it fits alongside a "
        "full-time job.",
        "Mentor analysts at partner non-profits through monthly project reviews.",
        None,
        2,
    ),
    DemoApplication(
        "Harbor Logistics",
        "Long Beach, CA",
        "Data Analyst II",
        [S.APPLIED, S.INTERVIEWING, S.OFFER, S.DECLINED],
        45,
        "recruiter",
        "on_site",
        "Offer came in well under the posted range and they would not move.",
        "Analyse shipment and warehouse data for our West Coast network.",
        (75_000, 90_000),
        2,
        ending=(
            "salary_below_market",
            "The offer of $72,000 is below the posted range of $75,000 to $90,000, and "
            "similar roles in the area pay around $88,000.",
        ),
        step_days_ago=(35, 10, 3),
    ),
    DemoApplication(
        "Tallgrass Retail",
        "Kansas City, MO",
        "BI Analyst",
        [S.APPLIED, S.SCREENING, S.WITHDRAWN],
        40,
        "job_board",
        "on_site",
        "Turned out to be mostly report maintenance with evening coverage.",
        "Maintain and extend our store performance reporting; some evening support during "
        "peak season.",
        (70_000, 82_000),
        2,
        ending=(
            "responsibilities",
            "The role is mostly maintaining existing reports, with evening on-call during the "
            "peak season, and I am looking for analysis work.",
        ),
    ),
    DemoApplication(
        "Quartz Analytics",
        "Boston, MA",
        "Senior Analyst, Experimentation",
        [S.APPLIED, S.SCREENING, S.INTERVIEWING, S.REJECTED],
        38,
        "referral",
        "hybrid",
        "Great team. Final round included a live statistics exercise.",
        "Design and analyse online experiments for our clients; advise on sample sizes, "
        "guardrail metrics and sequential testing.",
        (105_000, 125_000),
        5,
        ending=(
            "other_candidate",
            "They chose someone with more hands-on experience of sequential testing.",
        ),
        step_days_ago=(33, 31, 21),
    ),
    DemoApplication(
        "Summit Outdoor",
        "Salt Lake City, UT",
        "E-commerce Analyst",
        [S.APPLIED, S.NO_RESPONSE],
        50,
        "job_board",
        "hybrid",
        "Applied through their site; no reply after two follow-ups.",
        "Own web analytics for our online store.",
        (70_000, 85_000),
        2,
    ),
]

CONTACTS = [
    # (name, title, company, relation, email, how we met, notes)
    (
        "Priya Shah",
        "Analytics Manager",
        "Northwind Analytics",
        "referral",
        "priya@northwind.example",
        "Former colleague from my first job.",
        "Referred me; happy to talk about the team's roadmap.",
    ),
    (
        "Marcus Lee",
        "Technical Recruiter",
        "Northwind Analytics",
        "recruiter",
        "marcus@northwind.example",
        "Reached out after Priya's referral.",
        "Responsive; prefers phone calls for anything about the offer.",
    ),
    (
        "Dana Okafor",
        "Director of Pricing",
        "Northwind Analytics",
        "hiring_manager",
        "dana@northwind.example",
        "Final interview.",
        "Cares about experiments being explained plainly.",
    ),
    (
        "Sam Whitfield",
        "Data Platform Lead",
        "Bluefin Health",
        "hiring_manager",
        "sam@bluefin.example",
        "Hiring manager interview.",
        "Ex-consultant; asks sharp follow-ups.",
    ),
    (
        "Rosa Martinez",
        "Senior Analytics Engineer",
        "Bluefin Health",
        "interviewer",
        "rosa@bluefin.example",
        "Panel interview.",
        "Built their dbt test suite.",
    ),
    (
        "Elliot Chen",
        "Head of Experimentation",
        "Quartz Analytics",
        "hiring_manager",
        "elliot@quartz.example",
        "Final round.",
        "Agreed to share feedback.",
    ),
    (
        "Nora Blake",
        "Recruiter",
        "Harbor Logistics",
        "recruiter",
        "nora@harbor.example",
        "Cold message on LinkedIn.",
        "",
    ),
    (
        "Jamie Park",
        "Analytics Lead",
        "Pinecrest Media",
        "interviewer",
        "jamie@pinecrest.example",
        "Phone screen.",
        "Runs the audience research group.",
    ),
    (
        "Owen Grant",
        "Hiring Manager",
        "Tallgrass Retail",
        "hiring_manager",
        "owen@tallgrass.example",
        "Screening call.",
        "",
    ),
]

# (company, round, days from today, format, rating, reflection, went well, to improve,
#  people, questions [(question, my answer, next time, rating)], questions I asked)
INTERVIEWS: list[tuple[Any, ...]] = [
    (
        "Northwind Analytics",
        "phone_screen",
        -28,
        "phone",
        4,
        "Relaxed call about my background and why pricing interests me.",
        "Clear story about moving from reporting to experiments.",
        "Had no crisp numbers ready for my last project's impact.",
        ["Marcus Lee"],
        [
            (
                "Tell me about yourself.",
                "Walked through my career from reporting analyst to running pricing tests.",
                "Keep it to ninety seconds and end on why this role, not on my first job.",
                3,
            ),
            (
                "Why are you looking to leave your current role?",
                "Said I want to own experiments end to end rather than only report on them.",
                "Same answer, said more briefly.",
                4,
            ),
        ],
        ["How does the team decide which price changes get tested?"],
    ),
    (
        "Northwind Analytics",
        "technical",
        -20,
        "video",
        4,
        "SQL exercise on order data, then a discussion of a pricing experiment.",
        "Window functions and the experiment design discussion went smoothly.",
        "Forgot to check for duplicate orders before aggregating; caught it late.",
        ["Priya Shah"],
        [
            (
                "Walk me through how you would measure the effect of a price change.",
                "Proposed a switchback test by region with a holdout and guardrail metrics.",
                "Start with the decision the test informs, then the design.",
                5,
            ),
            (
                "Write a query for the top three products by revenue in each category.",
                "Used a window function with ROW_NUMBER over each category.",
                "Say out loud that I am checking for duplicates first.",
                4,
            ),
        ],
        ["What does a typical week look like for the team?"],
    ),
    (
        "Northwind Analytics",
        "final",
        -12,
        "on_site",
        5,
        "Met Dana and two category managers. Felt like a conversation, not an exam.",
        "Told the story of the discount test that saved the margin, with numbers this time.",
        "Could have asked more about how success is measured in the first year.",
        ["Dana Okafor", "Priya Shah"],
        [
            (
                "Tell me a bit about yourself.",
                "Ninety-second version ending on why pricing analytics.",
                "This worked; keep it.",
                5,
            ),
            (
                "Describe a time you disagreed with a stakeholder about data.",
                "The promotion calendar story: showed the cannibalisation analysis and we "
                "changed the plan.",
                "Mention what I would do differently: involve them earlier.",
                4,
            ),
        ],
        [
            "How do you handle it when someone on the team notices a problem outside their area?",
            "What would make this hire a clear success after one year?",
        ],
    ),
    (
        "Bluefin Health",
        "hiring_manager",
        -22,
        "video",
        3,
        "Sam pushed hard on data quality. Good conversation but I rambled on testing.",
        "Concrete examples of dbt tests I wrote.",
        "Answer the question asked before adding context.",
        ["Sam Whitfield"],
        [
            (
                "Walk me through your background.",
                "Went chronologically and ran long.",
                "Lead with the analytics engineering work, then the earlier roles in one sentence.",
                2,
            ),
            (
                "How do you make sure a pipeline stays trustworthy?",
                "Tests on sources and models, freshness checks, alerts to a channel people read.",
                "Add the example of the silent null bug I caught.",
                4,
            ),
        ],
        ["What does 'other duties as assigned' cover in this role?"],
    ),
    (
        "Bluefin Health",
        "panel",
        -15,
        "video",
        4,
        "Panel with Rosa and two analysts; live modelling exercise in dbt.",
        "Explained my modelling choices calmly; Rosa liked the tests.",
        "Ask what on-call actually involves before the offer stage.",
        ["Rosa Martinez"],
        [
            (
                "How would you model patient visits so analysts can self-serve?",
                "Proposed a visits fact table with conformed clinic and provider dimensions.",
                "Mention privacy constraints up front.",
                4,
            )
        ],
        ["Can you give an example of a stretch project someone on the team took on?"],
    ),
    (
        "Pinecrest Media",
        "phone_screen",
        -9,
        "phone",
        4,
        "Jamie explained the audience research group. Good fit for my interests.",
        "Asked good questions about their subscription funnel.",
        "Prepare a short example of newsroom-friendly communication.",
        ["Jamie Park"],
        [
            (
                "Tell me about yourself.",
                "The ninety-second version from Northwind, adapted to media.",
                "Good; mention my volunteer work with the local paper.",
                4,
            )
        ],
        ["How do editors use the data today?"],
    ),
    ("Pinecrest Media", "technical", 1, "video", None, "", "", "", ["Jamie Park"], [], []),
    (
        "Quartz Analytics",
        "technical",
        -30,
        "video",
        4,
        "Case study on an experiment with a novelty effect.",
        "Spotted the novelty effect and proposed a longer test.",
        "Be more precise about variance reduction methods.",
        ["Elliot Chen"],
        [
            (
                "How would you choose a sample size for an experiment?",
                "Power analysis from baseline rate, minimum detectable effect, alpha and power.",
                "Add how I would handle peeking: sequential testing or a fixed horizon.",
                3,
            )
        ],
        ["How do clients react when a test shows no effect?"],
    ),
    (
        "Quartz Analytics",
        "final",
        -24,
        "on_site",
        3,
        "Live statistics exercise; got stuck on sequential testing.",
        "Clear communication with the client role-play.",
        "Study sequential testing and practise explaining it.",
        ["Elliot Chen"],
        [
            (
                "Explain sequential testing to a client who wants to stop the test early.",
                "Explained the peeking problem but fumbled the alpha spending part.",
                "Use the analogy of checking the oven: fine if you planned when to look.",
                2,
            )
        ],
        [],
    ),
]


def fill_demo(journal: Journal, today: date | None = None) -> None:
    """Fill a new, empty journal with the example search."""
    today = today or date.today()
    _profile(journal)
    companies = _companies(journal)
    contacts = _contacts(journal, companies)
    applications = {a.company: _application(journal, a, companies, today) for a in APPLICATIONS}
    for row in INTERVIEWS:
        _interview(journal, row, applications, contacts, today)
    _offers(journal, applications, today)
    _current_job(journal)
    _feedback(journal, applications, contacts, today)
    _letters(journal, applications, today)
    _network(journal, contacts, today)


def _profile(journal: Journal) -> None:
    journal.update_profile(
        name="Alex Rivera",
        email="alex.rivera@example.com",
        phone="+1 312 555 0142",
        address="1200 W Lake St, Apt 4\nChicago, IL 60607",
        signature="Alex Rivera",
        target_min_cents=100_000_00,
        target_max_cents=115_000_00,
        walk_away_cents=92_000_00,
        currency="USD",
        period="year",
        headline="a data analyst with six years in retail pricing and supply chain",
        looking_for="a senior analytics role where experiments decide what ships",
        skills=(
            "SQL: six years; wrote the pricing team's metric layer\n"
            "Python: built the weekly demand forecast in pandas\n"
            "A/B tests: ran 40+ price tests with a holdout design\n"
            "Tableau\n"
            "Presenting\n"
            "Stakeholder communication: monthly review with category managers"
        ),
    )
    for position, (item, wanted) in enumerate(
        [
            ("Paid time off", "25 days"),
            ("Learning stipend", "$2,000 a year"),
            ("Remote days", "At least 3 a week"),
            ("Salary review", "After 6 months"),
        ]
    ):
        journal.add(m.PerfectOfferItem, profile_id=1, position=position, item=item, wanted=wanted)


def _companies(journal: Journal) -> dict[str, int]:
    ids = {}
    for a in APPLICATIONS:
        changes = journal.add(
            m.Company, name=a.company, location=a.location, notes=a.company_notes, website=a.website
        )
        ids[a.company] = changes.new_id
    return ids


def _contacts(journal: Journal, companies: dict[str, int]) -> dict[str, int]:
    ids = {}
    for name, title, company, relation, email, met, notes in CONTACTS:
        changes = journal.add(
            m.Contact,
            name=name,
            title=title,
            company_id=companies[company],
            relation=relation,
            email=email,
            how_we_met=met,
            notes=notes,
        )
        ids[name] = changes.new_id
    return ids


def _application(
    journal: Journal, a: DemoApplication, companies: dict[str, int], today: date
) -> int:
    applied = today - timedelta(days=a.applied_days_ago) if a.applied_days_ago else None
    posted = a.posted or (None, None)
    changes = journal.add_application(
        company_id=companies[a.company],
        job_title=a.title,
        location=a.location,
        work_model=a.work_model,
        source=a.source,
        notes=a.notes,
        job_description=a.description,
        posted_min_cents=posted[0] * 100 if posted[0] else None,
        posted_max_cents=posted[1] * 100 if posted[1] else None,
        salary_currency="USD" if a.posted else "",
        applied_on=applied,
        priority=a.priority,
        next_action=a.next_action,
        next_action_on=today + timedelta(days=a.next_action_in_days)
        if a.next_action_in_days is not None
        else None,
        posting_url=f"https://jobs.example/{a.company.split()[0].lower()}",
        status=a.path[0] if a.path else S.SAVED,
        on=applied or today,
    )
    application_id = changes.new_id
    _walk(journal, application_id, a, applied or today, today)
    return application_id


def _walk(
    journal: Journal, application_id: int, a: DemoApplication, start: date, today: date
) -> None:
    """Move the application along its path, spreading the changes between start and today."""
    steps = a.path[1:]
    span = (today - start).days
    for index, status in enumerate(steps, start=1):
        if a.step_days_ago:
            when = today - timedelta(days=a.step_days_ago[index - 1])
        else:
            when = start + timedelta(days=span * index // (len(steps) + 1))
        reason = a.ending if index == len(steps) else None
        journal.set_status(
            application_id,
            status,
            on=min(when, today),
            reason_code=reason[0] if reason else None,
            reason_text=reason[1] if reason else "",
        )


def _interview(
    journal: Journal,
    row: tuple[Any, ...],
    applications: dict[str, int],
    contacts: dict[str, int],
    today: date,
) -> None:
    (
        company,
        round_,
        days,
        format_,
        rating,
        reflection,
        well,
        improve,
        people,
        questions,
        asked,
    ) = row
    starts = datetime.combine(today + timedelta(days=days), time(10, 0))
    changes = journal.add(
        m.Interview,
        application_id=applications[company],
        round=round_,
        starts_at=starts,
        duration_minutes=45,
        format=format_,
        overall_rating=rating,
        reflection=reflection,
        went_well=well,
        to_improve=improve,
        place="https://meet.example/" + company.split()[0].lower() if format_ == "video" else "",
        thank_you_sent_on=(starts + timedelta(days=1)).date() if days < -1 else None,
        expected_decision_on=(starts + timedelta(days=7)).date(),
    )
    interview_id = changes.new_id
    journal.set_people_met(interview_id, [contacts[p] for p in people])
    for question, answer, next_time, question_rating in questions:
        journal.add_question(
            interview_id, question, my_answer=answer, next_time=next_time, rating=question_rating
        )
    for question in asked:
        journal.add_question(interview_id, question, direction="i_asked")


def _offers(journal: Journal, applications: dict[str, int], today: date) -> None:
    northwind = journal.add(
        m.Offer,
        application_id=applications["Northwind Analytics"],
        kind="written",
        received_on=today - timedelta(days=8),
        respond_by=today + timedelta(days=2),
        base_cents=98_000_00,
        currency="USD",
        period="year",
        bonus_percent=10,
        sign_on_cents=5_000_00,
        equity="2,000 restricted stock units",
        equity_value_cents=40_000_00,
        vesting_years=4,
        vesting_cliff_months=12,
        pto_days=20,
        health_start="First day",
        retirement_match="4% match",
        work_model="hybrid",
        start_on=today + timedelta(days=30),
        learning_stipend_cents=1_000_00,
        other_perks="Transit pass; two volunteering days a year.",
        commute_minutes=35,
        commute_cost_cents=5_50,
        benefits_value_cents=9_000_00,
        notes="Meets my walk-away comfortably; a written review matters more than more base.",
    ).new_id
    first_round = journal.add(
        m.NegotiationRound,
        offer_id=northwind,
        number=1,
        asked_on=today - timedelta(days=6),
        asked_base_cents=108_000_00,
        asked_other="25 days of paid time off\nA learning stipend of $2,000 a year",
        arguments="The experimentation work the posting asked for is what I have done for "
        "the last three years.",
        answered_on=today - timedelta(days=4),
        answered_base_cents=103_000_00,
        answer="Raised base to $103,000 and PTO to 23 days; stipend stays at $1,000.",
    ).new_id
    _reasons(
        journal,
        first_round,
        (
            "market",
            "Senior analysts in Chicago earn a median of $106,000",
            "2026 analytics salary survey, Chicago metro",
        ),
        (
            "certification",
            "I hold the Google Cloud data engineer certification the posting lists as preferred",
            "",
        ),
    )
    journal.add(
        m.NegotiationRound,
        offer_id=northwind,
        number=2,
        asked_on=today - timedelta(days=2),
        asked_base_cents=105_000_00,
        asked_other="A written salary review after six months",
        arguments="It would let us both judge my impact before we revisit the base.",
        answered_on=today - timedelta(days=1),
        answered_base_cents=103_000_00,
        answer="Base stays at $103,000; they agreed to a written six-month review.",
    )
    journal.update(m.Offer, northwind, base_cents=103_000_00, pto_days=23)
    bluefin = journal.add(
        m.Offer,
        application_id=applications["Bluefin Health"],
        kind="written",
        received_on=today - timedelta(days=5),
        respond_by=today + timedelta(days=3),
        base_cents=112_000_00,
        currency="USD",
        period="year",
        bonus_cents=None,
        sign_on_cents=None,
        equity="Options on 5,000 shares",
        equity_value_cents=20_000_00,
        vesting_years=4,
        vesting_cliff_months=12,
        pto_days=18,
        health_start="After 30 days",
        retirement_match="3% match",
        work_model="remote",
        start_on=today + timedelta(days=21),
        learning_stipend_cents=2_000_00,
        other_perks="Home office budget of $1,000.",
        benefits_value_cents=7_500_00,
        notes="On-call one week in eight.",
    ).new_id
    bluefin_round = journal.add(
        m.NegotiationRound,
        offer_id=bluefin,
        number=1,
        asked_on=today - timedelta(days=3),
        asked_base_cents=118_000_00,
        asked_other="A sign-on bonus of $5,000",
        arguments="",
        answer="",
    ).new_id
    _reasons(
        journal,
        bluefin_round,
        (
            "current_pay",
            "I would leave behind an annual bonus of about $9,000 at my current job",
            "",
        ),
        ("other", "The on-call rota adds hours to the week that the base does not reflect", ""),
    )

    journal.add(  # said on the phone: the written offer is still to come
        m.Offer,
        application_id=applications["Larkspur Labs"],
        kind="verbal",
        received_on=today - timedelta(days=1),
        respond_by=today + timedelta(days=1),
        base_cents=88_000_00,
        currency="USD",
        period="year",
        work_model="on_site",
        commute_minutes=25,
        notes="Recruiter said the number on the phone; everything else comes in writing.",
    )
    journal.add(  # accepted as it came: a side contract, nothing to negotiate
        m.Offer,
        application_id=applications["Civic Data Trust"],
        kind="written",
        received_on=today - timedelta(days=12),
        base_cents=60_00,
        currency="USD",
        period="hour",
        work_model="remote",
        start_on=today + timedelta(days=9),
        notes="Four hours a week; my current employer's policy allows outside teaching.",
    )


def _reasons(journal: Journal, round_id: int, *reasons: tuple[str, str, str]) -> None:
    for position, (kind, detail, source) in enumerate(reasons):
        journal.add(
            m.NegotiationArgument,
            round_id=round_id,
            position=position,
            kind=kind,
            detail=detail,
            source=source,
        )


def _current_job(journal: Journal) -> None:

    save_current_job(
        journal,
        employer="Lakeshore Insurance",
        job_title="Data Analyst",
        base_cents=91_000_00,
        currency="USD",
        period="year",
        bonus_cents=9_000_00,
        pto_days=20,
        benefits_value_cents=8_000_00,
        health_start="Covered",
        retirement_match="3% match",
        work_model="on_site",
        commute_minutes=50,
        commute_cost_cents=5_50,
        other_perks="Free parking.",
    )


def _feedback(
    journal: Journal, applications: dict[str, int], contacts: dict[str, int], today: date
) -> None:
    request = journal.add(
        m.FeedbackRequest,
        application_id=applications["Quartz Analytics"],
        asked_on=today - timedelta(days=20),
        contact_id=contacts["Elliot Chen"],
        channel="email",
        answered_on=today - timedelta(days=16),
        feedback="Strong communication and experiment design. The other finalist had run "
        "sequential tests in production; my explanation of alpha spending was shaky.",
        lessons="Depth on one advanced method matters more than breadth for senior roles.",
    ).new_id
    for position, (text, done) in enumerate(
        [
            ("Work through a sequential testing tutorial and write a one-page summary", True),
            ("Rehearse explaining alpha spending in two minutes", False),
            ("Add the pricing experiment write-up to my portfolio", False),
        ]
    ):
        journal.add(
            m.ActionItem, feedback_request_id=request, position=position, text=text, done=done
        )
    journal.update(
        m.Company,
        journal.get(plain.Application, applications["Quartz Analytics"]).company_id,
        apply_again_after=today + timedelta(days=150),
    )


def _letters(journal: Journal, applications: dict[str, int], today: date) -> None:
    journal.add(
        m.Letter,
        application_id=applications["Harbor Logistics"],
        kind="decline_offer",
        created_at=datetime.combine(today - timedelta(days=3), time(9, 30)),
        recipient="Nora Blake",
        subject="Data Analyst II offer",
        body="Dear Nora,\n\nThank you for the offer for the Data Analyst II role. After "
        "careful thought I have decided not to accept it: the salary is below what "
        "similar roles in the area pay, and I understand there is no room to move. I "
        "enjoyed meeting the team and hope our paths cross again.\n\nKind regards,\n"
        "Alex Rivera",
    )


# -- the network (issue 26) -----------------------------------------------------------------

NETWORK_PEOPLE = [
    # (name, title, organisation, how I know them, where we met, last contact days ago,
    #  follow-up in days or None)
    (
        "Tomás Ferreira",
        "Product Manager",
        "Harbor Logistics",
        "former_colleague",
        "Worked together on the returns dashboard at my first job.",
        40,
        -1,
    ),
    (
        "Ingrid Solberg",
        "Data Scientist",
        "Lakeshore Credit Union",
        "friend_of_friend",
        "Priya's friend; we met at her birthday.",
        12,
        None,
    ),
    (
        "Wanjiru Kamau",
        "Organiser",
        "Chicago Data Meetup",
        "event",
        "Spoke after my lightning talk on price tests.",
        5,
        14,
    ),
]
TARGETS = [
    # (organisation, status, why)
    (
        "Prairie Energy Co-op",
        "reaching_out",
        "they publish their pricing models, and I want to work where the numbers are open",
    ),
    ("Midway Transit Authority", "researching", "my commute data habit could finally pay rent"),
]
PRAIRIE_POSTING = """Pricing Analyst (Senior)

What you'll bring
- 5+ years of experience with SQL and Python
- Experience designing and reading A/B tests
- Familiarity with energy markets or utilities
- Comfort presenting to a board

Benefits
- Pension and a 4-day week in summer
"""


def _network(journal: Journal, contacts: dict[str, int], today: date) -> None:
    """A few people beyond the interviews, two target organisations, an opening seen at
    one, and one introduction asked over a week ago with no answer yet."""
    from jobjournal.core.work import network, skills

    people = {}
    for name, title, organisation, relation, met, last, follow_up in NETWORK_PEOPLE:
        people[name] = network.save_contact(
            journal,
            None,
            name=name,
            title=title,
            organisation=organisation,
            relation=relation,
            how_we_met=met,
            last_contacted_on=today - timedelta(days=last),
            follow_up_on=None if follow_up is None else today + timedelta(days=follow_up),
        ).new_id
    network.add_conversation(
        journal,
        contacts["Priya Shah"],
        today - timedelta(days=3),
        "Coffee. She knows the analytics lead at Prairie Energy Co-op and offered to help.",
        "in_person",
    )
    targets = {
        organisation: network.save_target(journal, None, organisation=organisation, why=why).new_id
        for organisation, _status, why in TARGETS
    }
    opening = journal.add(
        m.Opening,
        target_id=targets["Prairie Energy Co-op"],
        job_title="Senior Pricing Analyst",
        url="https://prairie-energy.example/careers/pricing-analyst",
        seen_on=today - timedelta(days=9),
        description=PRAIRIE_POSTING,
    ).new_id
    skills.read_from_posting(journal, opening_id=opening)
    network.ask_introduction(
        journal,
        contacts["Priya Shah"],
        targets["Prairie Energy Co-op"],
        "Hannah Brooks",
        to_role="Head of Analytics",
        asked_on=today - timedelta(days=8),
        channel="email",
    )
    for organisation, status, _why in TARGETS:
        journal.update(m.Target, targets[organisation], status=status)
