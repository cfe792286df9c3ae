"""My skills against an opening (issue 26): the requirements rule on real-looking postings
of different shapes, the marks against the profile's skills, and the prep sheet's gaps."""

from __future__ import annotations

import pytest

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.work import prep, skills

# A job board's posting: headings, dash bullets, benefits at the end.
BOARD = """Senior Data Engineer (m/f/d)

About us
We are a payments company with 400 people in Berlin and Lisbon.

Your tasks
- Build and run our batch and streaming pipelines
- Own the quality of the metrics layer

Your profile
- 5+ years of experience with Python and SQL
- Hands-on experience with Airflow or Dagster
- Familiarity with Kubernetes

Benefits
- 30 days of paid holiday
- A learning budget of EUR 1,500
"""

# A careers page written as prose: no bullets at all, only phrases.
PROSE = (
    "We are looking for a product designer who will shape how nurses record care. You "
    "should have experience with Figma and design systems, and a working knowledge of "
    "accessibility standards; an understanding of clinical workflows is a plus. We offer "
    "a four-day week."
)

# A recruiter's email: numbered lines, Windows line ends, a "nice to have" heading.
RECRUITER = (
    "Hi Alex,\r\n\r\nThe role needs:\r\n1. Expertise in React and TypeScript\r\n"
    "2) Proficiency in Node.js\r\n\r\nNice to have:\r\na) Knowledge of GraphQL\r\n\r\n"
    "What we offer\r\n1. Stock options\r\n"
)

# A public-sector posting with unicode bullets and long lines.
PUBLIC = (
    "Essential criteria\n• Proven experience in managing stakeholder relationships across "
    "government departments, including the ability to explain technical findings to "
    "non-specialist audiences in writing and in person, under time pressure and with "
    "competing priorities to balance\n"
    "▪ Skilled in R or Python for statistical analysis\n◦ Knowledge of GDPR\n\n"
    "Salary\n• £45,000 to £52,000\n"
)

# A German posting: bullets are found in any language; phrases are read in English only.
GERMAN = """Was du mitbringst
- Erfahrung mit Kotlin und Spring
- Gute Deutschkenntnisse

Was wir bieten
- Jobticket
"""


@pytest.mark.parametrize(
    ("posting", "expected"),
    [
        (
            BOARD,
            [
                "Build and run our batch and streaming pipelines",
                "Own the quality of the metrics layer",
                "5+ years of experience with Python and SQL",
                "Hands-on experience with Airflow or Dagster",
                "Familiarity with Kubernetes",
            ],
        ),
        (
            PROSE,
            [
                "Experience with Figma and design systems",
                "Working knowledge of accessibility standards",
                "Understanding of clinical workflows is a plus",
            ],
        ),
        (
            RECRUITER,
            [
                "Expertise in React and TypeScript",
                "Proficiency in Node.js",
                "Knowledge of GraphQL",
            ],
        ),
        (
            PUBLIC,
            [
                "Proven experience in managing stakeholder relationships across government "
                "departments, including the ability to explain technical findings to "
                "non-specialist audiences in writing and in person, under time pressure and "
                "with competing priorities to balance",
                "Skilled in R or Python for statistical analysis",
                "Knowledge of GDPR",
            ],
        ),
        (GERMAN, ["Erfahrung mit Kotlin und Spring", "Gute Deutschkenntnisse"]),
        ("", []),
    ],
    ids=["job board", "prose", "recruiter email", "public sector", "German", "empty"],
)
def test_the_rule_reads_bullets_and_phrases_and_skips_what_is_offered(
    posting: str, expected: list[str]
) -> None:
    assert skills.read_requirements(posting) == expected


def test_a_pasted_paragraph_as_a_bullet_is_cut_at_a_word() -> None:
    [long] = skills.read_requirements("- " + "stakeholder " * 60)
    assert long.endswith("stakeholder …") and len(long) <= skills.MAX_REQUIREMENT + 2


def test_a_requirement_is_met_with_proof_to_show_without_and_a_gap_otherwise() -> None:
    mine = skills.my_skills(
        "Python: eight years, led the billing rewrite\n- SQL\nNode.js — ran the API\n\nC++"
    )
    assert [(s.name, bool(s.proof)) for s in mine] == [
        ("Python", True),
        ("SQL", False),
        ("Node.js", True),
        ("C++", False),
    ]
    assert skills.rule_mark("5+ years of experience with Python and SQL", mine)[0] == "met"
    assert skills.rule_mark("Strong SQL", mine)[0] == "to_show"
    assert skills.rule_mark("Proficiency in Node.js", mine)[0] == "met"
    assert skills.rule_mark("Modern C++ (17 or later)", mine)[0] == "to_show"
    assert skills.rule_mark("PostgreSQL administration", mine)[0] == "gap"  # words, not parts
    assert skills.rule_mark("Knowledge of GDPR", mine) == ("gap", None)


def test_requirements_are_read_edited_marked_by_hand_and_listed_as_gaps_for_prep(
    journal: Journal,
) -> None:
    journal.update_profile(skills="Python: eight years\nKubernetes")
    app = journal.add_application(
        company="Nordlys AS", job_title="Data Engineer", job_description=BOARD
    ).new_id
    read = skills.read_from_posting(journal, application_id=app)
    marks = {a.text: a.mark for a in skills.assessed(journal, application_id=app)}
    assert marks["5+ years of experience with Python and SQL"] == "met"
    assert marks["Familiarity with Kubernetes"] == "to_show"
    assert marks["Hands-on experience with Airflow or Dagster"] == "gap"
    airflow = next(a for a in skills.assessed(journal, application_id=app) if "Airflow" in a.text)
    journal.update(plain.Requirement, airflow.id, mark="met", text="Airflow (used at Acme)")
    journal.add(plain.Requirement, application_id=app, position=99, text="Speaks Portuguese")
    gaps = skills.gaps(journal, app)
    assert "Speaks Portuguese" in gaps and "Airflow (used at Acme)" not in gaps
    assert "Familiarity with Kubernetes (show it: Kubernetes)" in gaps
    interview = journal.add(plain.Interview, application_id=app).new_id
    sheet = prep.prepare(journal, interview)
    assert "Speaks Portuguese" in sheet.gaps and "Airflow (used at Acme)" not in sheet.gaps
    assert read.undo is not None
    with pytest.raises(InvalidInput, match="No requirement found"):
        empty = journal.add_application(company="Nordlys AS", job_title="Other").new_id
        skills.read_from_posting(journal, application_id=empty)
