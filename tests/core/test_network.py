"""The network (issue 26): contacts, conversations and each contact's timeline, target
organisations and the applications made from them, introductions and their Due items,
every step undone in one."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.work import due, network

TODAY = date.today()


def _contact(journal: Journal, name: str, organisation: str = "", **fields: object) -> int:
    return network.save_contact(
        journal, None, name=name, organisation=organisation, **fields
    ).new_id


def _target(journal: Journal, organisation: str, **fields: object) -> int:
    return network.save_target(journal, None, organisation=organisation, **fields).new_id


def test_contacts_list_finds_any_case_and_sorts_by_last_contact_blank_last(
    journal: Journal,
) -> None:
    _contact(journal, "Zoë Ångström", "Nordlys AS", last_contacted_on=TODAY - timedelta(days=3))
    _contact(journal, " İlker Şahin", "", last_contacted_on=TODAY - timedelta(days=30))
    _contact(journal, "Amir Haddad", "Civic Data Trust")
    rows = network.contact_rows(journal)
    assert [r.name for r in rows] == ["Zoë Ångström", "İlker Şahin", "Amir Haddad"]
    assert rows[0].organisation == "Nordlys AS"
    assert [r.name for r in network.contact_rows(journal, "ZOË")] == ["Zoë Ångström"]
    assert [r.name for r in network.contact_rows(journal, "civic")] == ["Amir Haddad"]
    assert [r.name for r in network.contact_rows(journal, "i̇lker")] == ["İlker Şahin"]
    assert network.contact_rows(journal, "100%_") == []  # LIKE's own marks match themselves
    by_name = [r.name for r in network.contact_rows(journal, order="name")]
    assert by_name == ["Amir Haddad", "İlker Şahin", "Zoë Ångström"]


def test_a_contact_names_an_organisation_found_ignoring_case_and_keeps_it_once(
    journal: Journal,
) -> None:
    first = _contact(journal, "Priya Nair", "Lumen Health")
    second = _contact(journal, "Jon Berg", "LUMEN HEALTH")
    a, b = journal.get(plain.Contact, first), journal.get(plain.Contact, second)
    assert a.company_id == b.company_id
    network.save_contact(journal, first, name="Priya Nair", organisation="")
    assert journal.get(plain.Contact, first).company_id is None
    with pytest.raises(InvalidInput, match="Name cannot be empty"):
        network.save_contact(journal, None, name="  ", organisation="Lumen Health")
    with pytest.raises(InvalidInput, match="Relation must be one of"):
        network.save_contact(journal, None, name="X", relation="enemy")


def test_a_conversation_moves_the_last_contact_forward_never_back_and_undoes_whole(
    journal: Journal,
) -> None:
    person = _contact(journal, "Priya Nair", last_contacted_on=TODAY - timedelta(days=2))
    older = network.add_conversation(journal, person, TODAY - timedelta(days=9), "Old coffee")
    assert journal.get(plain.Contact, person).last_contacted_on == TODAY - timedelta(days=2)
    newer = network.add_conversation(journal, person, TODAY, "Call about Lumen", "phone")
    assert journal.get(plain.Contact, person).last_contacted_on == TODAY
    assert newer.undo is not None and older.undo is not None
    journal.undo(newer.undo)
    assert journal.get(plain.Contact, person).last_contacted_on == TODAY - timedelta(days=2)
    assert len(journal.all(plain.Conversation, contact_id=person)) == 1
    with pytest.raises(InvalidInput, match="something that has happened"):
        network.add_conversation(journal, person, TODAY + timedelta(days=1), "Not yet")


def test_a_contact_timeline_holds_conversations_interviews_introductions_and_letters(
    journal: Journal,
) -> None:
    from jobjournal.core.documents import introduction_letters as intro_letters

    journal.update_profile(name="Alex Morgan", headline="a data engineer", looking_for="a role")
    priya = _contact(journal, "Priya Nair", "Old Employer Ltd", relation="former_colleague")
    target = _target(journal, "Lumen Health", why="their work on rural clinics")
    app = journal.add_application(company="Acme", job_title="Analyst").new_id
    interview = journal.add(
        plain.Interview, application_id=app, starts_at=datetime.combine(TODAY, datetime.min.time())
    ).new_id
    journal.set_people_met(interview, [priya])
    network.add_conversation(journal, priya, TODAY, "Lunch", "in_person")
    intro = network.ask_introduction(journal, priya, target, "Sam Lee", to_role="Head of Data")
    network.mark_introduced(journal, intro.new_id, TODAY)
    facts = intro_letters.gather(journal, intro.new_id)
    intro_letters.keep(journal, intro_letters.draft("introduction_thanks", facts))
    kinds = [event.kind for event in network.contact_timeline(journal, priya)]
    assert sorted(kinds) == sorted(
        ["conversation", "interview", "introduction", "introduction", "letter"]
    )
    texts = " | ".join(e.text for e in network.contact_timeline(journal, priya))
    assert "Talked (in person): Lunch" in texts and "Analyst at Acme" in texts
    assert "Introduced you to Sam Lee at Lumen Health" in texts
    assert "Letter: Thank the person who introduced me" in texts


def test_a_target_is_one_per_organisation_and_lists_people_openings_and_introductions(
    journal: Journal,
) -> None:
    target = _target(journal, "Lumen Health", why="rural clinics")
    with pytest.raises(InvalidInput, match="already one of your target organisations"):
        _target(journal, "lumen health")
    _contact(journal, "Sam Lee", "Lumen Health")
    journal.add(plain.Opening, target_id=target, job_title="Data Engineer", url="https://x.test/1")
    [row] = network.target_rows(journal)
    assert (row.organisation, row.status, row.openings, row.people) == (
        "Lumen Health",
        "researching",
        1,
        1,
    )
    with pytest.raises(InvalidInput, match="Type the name of the organisation"):
        network.save_target(journal, None, organisation=" ")


def test_an_application_made_from_a_target_keeps_the_link_posting_and_requirements(
    journal: Journal,
) -> None:
    from jobjournal.core.work import skills

    target = _target(journal, "Lumen Health")
    opening = journal.add(
        plain.Opening,
        target_id=target,
        job_title="Data Engineer",
        url="https://lumen.test/jobs/7",
        description="Requirements:\n- Experience with Python\n- Kubernetes",
    ).new_id
    skills.read_from_posting(journal, opening_id=opening)
    made = network.application_from_target(journal, target, opening)
    application = journal.get(plain.Application, made.new_id)
    assert (application.job_title, application.company.name) == ("Data Engineer", "Lumen Health")
    assert application.posting_url == "https://lumen.test/jobs/7"
    assert "Kubernetes" in journal.application_texts(made.new_id).job_description
    linked = journal.get(plain.Target, target)
    assert (linked.application_id, linked.status) == (made.new_id, "applied")
    texts = [a.text for a in skills.assessed(journal, application_id=made.new_id)]
    assert texts == ["Experience with Python", "Kubernetes"]
    assert made.undo is not None
    journal.undo(made.undo)
    assert journal.get(plain.Target, target).status == "researching"
    assert journal.all(plain.Application) == []


def test_an_introduction_moves_the_target_and_becomes_a_contact_once_made(
    journal: Journal,
) -> None:
    priya = _contact(journal, "Priya Nair")
    target = _target(journal, "Lumen Health")
    asked = network.ask_introduction(journal, priya, target, "Sam Lee", channel="email")
    assert journal.get(plain.Target, target).status == "reaching_out"
    assert journal.get(plain.Contact, priya).last_contacted_on == TODAY
    with pytest.raises(InvalidInput, match="cannot be before the day you asked"):
        network.mark_introduced(journal, asked.new_id, TODAY - timedelta(days=1))
    made = network.mark_introduced(journal, asked.new_id, TODAY)
    intro = journal.get(plain.Introduction, asked.new_id)
    assert intro.state == "made" and intro.to_contact is not None
    assert intro.to_contact.name == "Sam Lee" and intro.to_contact.company is not None
    assert intro.to_contact.company.name == "Lumen Health"
    assert journal.get(plain.Target, target).status == "introduced"
    assert made.undo is not None
    journal.undo(made.undo)
    assert journal.get(plain.Introduction, asked.new_id).state == "asked"
    assert [c.name for c in journal.all(plain.Contact)] == ["Priya Nair"]


def test_an_introduction_to_someone_already_known_links_that_contact(journal: Journal) -> None:
    priya = _contact(journal, "Priya Nair")
    sam = _contact(journal, "SAM LEE", "Lumen Health")
    target = _target(journal, "Lumen Health")
    intro = network.ask_introduction(journal, priya, target, "Sam Lee").new_id
    network.mark_introduced(journal, intro)
    assert journal.get(plain.Introduction, intro).to_contact_id == sam


def test_the_due_list_nudges_follows_up_and_thanks_in_turn(journal: Journal) -> None:
    from jobjournal.core.documents import introduction_letters as intro_letters

    priya = _contact(journal, "Priya Nair")
    target = _target(journal, "Lumen Health")
    week_ago = TODAY - timedelta(days=7)
    recent = network.ask_introduction(journal, priya, target, "Ann Roe", asked_on=TODAY).new_id
    old = network.ask_introduction(journal, priya, target, "Sam Lee", asked_on=week_ago).new_id

    def items() -> list[due.DueItem]:
        return [i for i in due.due_items(journal) if i.kind == "introduction"]

    [nudge] = items()
    assert nudge.introduction_id == old
    assert nudge.text.startswith("Nudge Priya Nair: no answer since")
    network.mark_introduced(journal, old, TODAY)
    [write] = items()
    assert write.text.startswith("Write to Sam Lee at Lumen Health")
    facts = intro_letters.gather(journal, old)
    intro_letters.keep(journal, intro_letters.draft("introduction_follow_up", facts))
    [thank] = items()
    assert thank.text == "Thank Priya Nair for the introduction to Sam Lee"
    facts = intro_letters.gather(journal, old)
    intro_letters.keep(journal, intro_letters.draft("introduction_thanks", facts))
    assert items() == []
    network.mark_declined(journal, recent)
    assert items() == []


def test_a_contact_whose_follow_up_date_has_come_is_due(journal: Journal) -> None:
    _contact(journal, "Priya Nair", "Old Employer", follow_up_on=TODAY - timedelta(days=1))
    _contact(journal, "Later Person", follow_up_on=TODAY + timedelta(days=30))
    [item] = [i for i in due.due_items(journal) if i.kind == "follow_up"]
    assert item.text == "Follow up with Priya Nair (Old Employer)" and item.overdue
    assert item.application_id is None and item.contact_id is not None


def test_deleting_a_contact_says_what_goes_with_it(journal: Journal) -> None:
    priya = _contact(journal, "Priya Nair")
    target = _target(journal, "Lumen Health")
    network.add_conversation(journal, priya, TODAY, "Lunch")
    network.ask_introduction(journal, priya, target, "Sam Lee")
    assert journal.deletion_impact(plain.Contact, priya) == {
        "conversations": 1,
        "introductions": 1,
    }
    journal.delete(plain.Contact, priya, confirm=True)
    assert journal.all(plain.Introduction) == []


def test_search_finds_people_targets_openings_introductions_and_conversations(
    journal: Journal,
) -> None:
    priya = _contact(journal, "Priya Quetzalcoatl")
    target = _target(journal, "Lumen Health", why="zyxwv clinics")
    journal.add(plain.Opening, target_id=target, job_title="Data Engineer", description="qwerty")
    network.add_conversation(journal, priya, TODAY, "talked about plumbus")
    network.ask_introduction(journal, priya, target, "Sam Lee", notes="via the meetup frobnitz")
    kinds = {
        word: {hit.kind for hit in journal.search(word)}
        for word in ("Quetzalcoatl", "zyxwv", "qwerty", "plumbus", "frobnitz")
    }
    assert kinds == {
        "Quetzalcoatl": {"contact"},
        "zyxwv": {"target"},
        "qwerty": {"opening"},
        "plumbus": {"conversation"},
        "frobnitz": {"introduction"},
    }


def test_contacts_export_as_csv_with_formulas_defused(journal: Journal) -> None:
    import csv
    import io

    from jobjournal.core.documents import transfer

    _contact(journal, '=HYPERLINK("x")', "Acme", relation="friend_of_friend")
    _contact(journal, "Zoë Ångström", "", last_contacted_on=date(2026, 11, 2))
    data = transfer.export_contacts_csv(journal)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["name", "role", "organisation"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name['\'=HYPERLINK("x")'][2:4] == ["Acme", "Friend of a friend"]
    assert by_name["Zoë Ångström"][8] == "2026-11-02"


def test_a_conversation_ends_a_due_follow_up_and_can_promise_the_next(journal: Journal) -> None:
    person = _contact(journal, "Priya Nair", follow_up_on=TODAY - timedelta(days=1))
    network.add_conversation(journal, person, TODAY, "Caught up")
    assert journal.get(plain.Contact, person).follow_up_on is None
    week = TODAY + timedelta(days=7)
    network.add_conversation(journal, person, TODAY, "Promised the deck", follow_up_on=week)
    assert journal.get(plain.Contact, person).follow_up_on == week


def test_an_application_added_by_hand_at_a_target_links_to_it(journal: Journal) -> None:
    target = _target(journal, "Lumen Health")
    made = journal.add_application(company="lumen health", job_title="Analyst")
    linked = journal.get(plain.Target, target)
    assert (linked.application_id, linked.status) == (made.new_id, "applied")
    second = journal.add_application(company="Lumen Health", job_title="Engineer")
    assert journal.get(plain.Target, target).application_id == made.new_id  # the first
    assert second.undo is not None and made.undo is not None
    journal.undo(second.undo)
    journal.undo(made.undo)
    assert journal.get(plain.Target, target).status == "researching"


def test_a_letter_to_a_contact_is_on_their_timeline(journal: Journal) -> None:
    sam = _contact(journal, "Sam Lee", "Acme")
    app = journal.add_application(company="Acme", job_title="Analyst").new_id
    journal.add(
        plain.Letter, application_id=app, kind="withdraw", recipient="SAM LEE\nAcme", subject="x"
    )
    journal.add(plain.Letter, application_id=app, kind="withdraw", recipient="Ann Roe\nAcme")
    letters = [e for e in network.contact_timeline(journal, sam) if e.kind == "letter"]
    assert [e.text for e in letters] == ["Letter: Withdraw an application"]
