"""One journal on several computers (issue 27): journals in temporary folders exchanging
through a shared folder, as two or three computers would through a sync tool."""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from support import DEMO_TODAY, PASSPHRASE, open_demo_copy

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import plain
from jobjournal.core.records.journal import Journal
from jobjournal.core.storage import crypto, vault
from jobjournal.core.sync import chunks
from jobjournal.core.sync import merge as sync

_derive_once = functools.lru_cache(crypto.derive_key)


@pytest.fixture(autouse=True)
def exchange_keys_derived_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The exchange key is derived as the journal's is; once per run here."""
    monkeypatch.setattr(chunks, "derive_key", _derive_once)


@pytest.fixture(scope="session")
def synced_pair(tmp_path_factory: pytest.TempPathFactory, demo_templates: Path) -> Path:
    """The demo journal on a laptop, syncing, and a desktop that joined it: made once,
    copied for each test (joining takes longer than most tests that start from it)."""
    root = tmp_path_factory.mktemp("synced-pair")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunks, "derive_key", _derive_once)
        (root / "laptop").mkdir()
        laptop = open_demo_copy(root / "laptop" / "journal.db", DEMO_TODAY, demo_templates)
        sync.enable(laptop, root / "Sync", PASSPHRASE, "laptop")
        sync.write_own(laptop)
        desktop = sync.join(root / "desktop" / "journal.db", root / "Sync", PASSPHRASE, "desktop")
        laptop.lock()
        desktop.lock()
    return root


@pytest.fixture
def pair(tmp_path: Path, synced_pair: Path) -> Path:
    shutil.copytree(synced_pair, tmp_path / "pair")
    return tmp_path / "pair"


@pytest.fixture
def folder(pair: Path) -> Path:
    return pair / "Sync"


def _opened(pair: Path, computer: str) -> Journal:
    """A computer of the copied pair, pointed at the copied folder."""
    journal = vault.unlock(pair / computer / "journal.db", PASSPHRASE)
    with journal.session() as session:
        session.connection().exec_driver_sql(
            "UPDATE sync_switch SET folder = ?", (str(pair / "Sync"),)
        )
    return journal


@pytest.fixture
def laptop(pair: Path) -> Iterator[Journal]:
    journal = _opened(pair, "laptop")
    yield journal
    if not journal.is_locked:
        journal.lock()


@pytest.fixture
def desktop(pair: Path, laptop: Journal) -> Iterator[Journal]:
    journal = _opened(pair, "desktop")
    yield journal
    if not journal.is_locked:
        journal.lock()


def _both(laptop: Journal, desktop: Journal) -> tuple[plain.Application, plain.Application]:
    """The same application (Juniper Energy's) as each computer holds it."""
    return tuple(  # type: ignore[return-value]
        next(a for a in journal.all(plain.Application) if a.company.name == "Juniper Energy")
        for journal in (laptop, desktop)
    )


def exchange(*journals: Journal) -> None:
    """Each writes its file, then each merges the others' (twice round: a sync tool
    delivers everything eventually)."""
    for _ in range(2):
        for journal in journals:
            sync.write_own(journal)
        for journal in journals:
            report = sync.merge(journal)
            assert report.refused == []


def test_a_second_computer_joins_with_the_folder_and_the_passphrase(
    laptop: Journal, desktop: Journal
) -> None:
    assert sync.canonical(desktop) == sync.canonical(laptop)
    assert len(desktop.all(plain.Application)) == 12
    assert desktop.profile().name == "Alex Rivera"
    hits = {hit.kind for hit in desktop.search("alpha spending")}
    assert "feedback" in hits  # the search index was built as rows arrived


def test_edits_on_both_sides_meet(laptop: Journal, desktop: Journal) -> None:
    app = laptop.all(plain.Application)[0]
    laptop.update_application(app.id, location="Lisbon")
    other = desktop.all(plain.Application)[3]
    desktop.update_application(other.id, notes="Called them back")
    desktop.add_application(company="Brand New Co", job_title="Analyst")
    exchange(laptop, desktop)
    assert sync.canonical(desktop) == sync.canonical(laptop)
    titles = {a.company.name for a in laptop.all(plain.Application)}
    assert "Brand New Co" in titles
    assert sync.conflict_count(laptop) == sync.conflict_count(desktop) == 0


def test_the_same_field_changed_on_both_is_a_conflict_kept_on_both(
    laptop: Journal, desktop: Journal
) -> None:
    app_l, app_d = _both(laptop, desktop)
    laptop.update_application(app_l.id, location="Porto")
    desktop.update_application(app_d.id, location="Oslo")
    exchange(laptop, desktop)
    assert sync.canonical(desktop) == sync.canonical(laptop)
    winner = laptop.get(plain.Application, app_l.id).location
    assert winner in ("Porto", "Oslo")
    assert sync.conflict_count(laptop) >= 1 and sync.conflict_count(desktop) >= 1


def test_a_deletion_and_an_edit_made_apart_converge(laptop: Journal, desktop: Journal) -> None:
    app_l, app_d = _both(laptop, desktop)
    laptop.delete(plain.Application, app_l.id, confirm=True)
    desktop.update_application(app_d.id, notes="Still keen")
    exchange(laptop, desktop)
    assert sync.canonical(desktop) == sync.canonical(laptop)
    # Whichever way it went, the edit is not lost: each side names the clash to choose.
    assert sync.conflict_count(laptop) >= 1 and sync.conflict_count(desktop) >= 1


def test_a_conflict_chosen_on_one_computer_is_settled_on_both(
    laptop: Journal, desktop: Journal
) -> None:
    app_l, app_d = _both(laptop, desktop)
    laptop.update_application(app_l.id, location="Porto")
    desktop.update_application(app_d.id, location="Oslo")
    exchange(laptop, desktop)
    [conflict] = [c for c in sync.conflicts(desktop) if c.column == "location"]
    assert {conflict.kept, conflict.other} == {"Porto", "Oslo"}
    assert conflict.what == "The application Operations Analyst at Juniper Energy"
    assert ", this computer" in conflict.kept_by + conflict.other_by
    sync.choose(desktop, conflict.id, take_other=conflict.kept != "Oslo")
    exchange(laptop, desktop)
    assert desktop.get(plain.Application, app_d.id).location == "Oslo"
    assert laptop.get(plain.Application, app_l.id).location == "Oslo"
    assert not [c for c in sync.conflicts(laptop) if c.column == "location"]
    assert not [c for c in sync.conflicts(desktop) if c.column == "location"]


def test_a_record_deleted_while_edited_elsewhere_can_be_kept(
    laptop: Journal, desktop: Journal
) -> None:
    app_l, app_d = _both(laptop, desktop)
    laptop.delete(plain.Application, app_l.id, confirm=True)
    desktop.update_application(app_d.id, notes="Still keen")
    exchange(laptop, desktop)
    assert not any(a.company.name == "Juniper Energy" for a in laptop.all(plain.Application))
    deletion = next(c for c in sync.conflicts(laptop) if c.deletion)
    sync.choose(laptop, deletion.id, take_other=True)  # keep it
    exchange(laptop, desktop)
    assert sync.canonical(desktop) == sync.canonical(laptop)
    kept = next(a for a in laptop.all(plain.Application) if a.company.name == "Juniper Energy")
    assert laptop.application_texts(kept.id).notes == "Still keen"


# -- three computers, time, and files that must not be merged -----------------------------


@pytest.fixture
def third(tmp_path: Path, folder: Path, desktop: Journal) -> Iterator[Journal]:
    journal = sync.join(tmp_path / "work" / "journal.db", folder, PASSPHRASE, "work laptop")
    yield journal
    if not journal.is_locked:
        journal.lock()


def _app(journal: Journal, company: str) -> int:
    return next(a.id for a in journal.all(plain.Application) if a.company.name == company)


def test_three_computers_with_offline_spells_end_the_same(
    laptop: Journal, desktop: Journal, third: Journal
) -> None:
    # The work laptop is offline while the other two exchange twice.
    laptop.update_application(_app(laptop, "Juniper Energy"), location="Porto")
    exchange(laptop, desktop)
    desktop.update_application(_app(desktop, "Meridian Bank"), priority=2)
    exchange(laptop, desktop)
    third.update_application(_app(third, "Tallgrass Retail"), next_action="Chase the recruiter")
    third.add_application(company="Offline Co", job_title="Analyst")
    exchange(laptop, desktop, third)
    assert sync.canonical(laptop) == sync.canonical(desktop) == sync.canonical(third)
    assert third.get(plain.Application, _app(third, "Juniper Energy")).location == "Porto"
    assert any(a.company.name == "Offline Co" for a in laptop.all(plain.Application))


def test_a_clock_hours_ahead_does_not_win_after_its_changes_were_seen(
    laptop: Journal, desktop: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from jobjournal.core.sync import clock

    with monkeypatch.context() as skewed:  # the desktop's clock, five hours ahead
        skewed.setattr(clock, "now", lambda: time.time() + 5 * 3600)
        desktop.update_application(_app(desktop, "Juniper Energy"), location="Ahead")
        sync.write_own(desktop)
    sync.merge(laptop)  # the laptop sees the desktop's stamp, 5 h ahead of its clock
    laptop.update_application(_app(laptop, "Juniper Energy"), location="Later, here")
    exchange(laptop, desktop)
    assert desktop.get(plain.Application, _app(desktop, "Juniper Energy")).location == (
        "Later, here"
    )
    assert sync.conflict_count(desktop) == 0  # the laptop had seen the change it replaced


def _own_files(journal: Journal) -> list[Path]:
    with journal.reading() as connection:
        settings = sync.settings_of(connection)
    folder = chunks.computer_folder(settings.folder, settings.journal_id, settings.computer_id)
    return [path for _generation, path in chunks.generations(folder)]


def test_an_old_copy_put_back_is_refused_and_what_was_merged_stands(
    laptop: Journal, desktop: Journal
) -> None:
    laptop.update_application(_app(laptop, "Juniper Energy"), location="First")
    sync.write_own(laptop)
    month_old = _own_files(laptop)[-1].read_bytes()
    laptop.update_application(_app(laptop, "Juniper Energy"), location="Second")
    sync.write_own(laptop)
    sync.merge(desktop)
    before = sync.canonical(desktop)
    newest = _own_files(laptop)[-1]
    newest.write_bytes(month_old)  # a backup of the folder, restored over the newer file
    report = sync.merge(desktop)
    assert report.files == 0 and "An old or different copy" in report.refused[0]
    assert sync.canonical(desktop) == before


def test_files_of_another_journal_a_newer_version_or_damaged_are_refused(
    laptop: Journal, desktop: Journal, tmp_path: Path, folder: Path
) -> None:
    before = sync.canonical(desktop)
    with laptop.reading() as connection:
        settings = sync.settings_of(connection)
    key = chunks.exchange_key(PASSPHRASE, settings.journal_id)
    newer = chunks.Header(
        settings.journal_id,
        settings.computer_id,
        "laptop",
        0,
        schema_version=99,
    )
    stamp = "9999999999999.00000.ff"
    chunks.write(folder, key, newer, [("applications", "x", "location", "New", stamp)])
    report = sync.merge(desktop)
    assert "newer jobjournal on laptop" in report.refused[0] and report.files == 0
    assert sync.canonical(desktop) == before
    from jobjournal.core.storage import migrations

    with pytest.MonkeyPatch.context() as upgraded:  # the desktop is updated too, later
        upgraded.setattr(migrations, "LATEST_VERSION", 99)
        assert sync.merge(desktop).files == 1
    assert desktop.get(plain.Application, _app(desktop, "Juniper Energy")).location != "New"
    laptop.update_application(_app(laptop, "Juniper Energy"), location="Never seen")
    sync.write_own(laptop)
    before = sync.canonical(desktop)
    damaged = _own_files(laptop)[-1]
    data = bytearray(damaged.read_bytes())
    data[2048:2100] = bytes(52)
    damaged.write_bytes(bytes(data))
    assert "damaged or cut short" in " ".join(sync.merge(desktop).refused)
    other = chunks.Header("ab" * 16, settings.computer_id, "laptop", 0)
    stray = chunks.write(
        tmp_path / "elsewhere", chunks.exchange_key(PASSPHRASE, "ab" * 16), other, []
    )
    stray.rename(damaged)
    assert "belongs to another journal" in " ".join(sync.merge(desktop).refused)
    assert sync.canonical(desktop) == before


def test_a_write_killed_part_way_leaves_no_exchange_file_and_the_next_is_whole(
    laptop: Journal, folder: Path
) -> None:
    from support import start_python

    with laptop.reading() as connection:
        settings = sync.settings_of(connection)
    child = start_python(
        """
        import sys
        from pathlib import Path
        from jobjournal.core.sync import chunks
        root, journal_id, computer = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
        key = chunks.exchange_key("x", journal_id)
        entries = [("notes", f"{n:032x}", "text", "y" * 200, "1") for n in range(400_000)]
        print("writing", flush=True)
        chunks.write(root, key, chunks.Header(journal_id, computer, "laptop", 0), entries)
        print("done", flush=True)
        """,
        str(folder),
        settings.journal_id,
        settings.computer_id,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    import time

    time.sleep(0.5)
    child.kill()
    child.wait()
    own = chunks.computer_folder(folder, settings.journal_id, settings.computer_id)
    whole = [path.name for _g, path in chunks.generations(own)]
    assert whole == ["00000001.jjx"]  # the kill left at most a temporary file
    laptop.update_application(_app(laptop, "Juniper Energy"), location="After the crash")
    assert sync.write_own(laptop) == own / "00000002.jjx"


def test_exchange_files_hold_no_plaintext(laptop: Journal, folder: Path) -> None:
    from support import files_containing

    laptop.update_application(_app(laptop, "Juniper Energy"), notes="SENTINEL-5ync-b41f")
    sync.write_own(laptop)
    assert files_containing(folder, "SENTINEL-5ync-b41f") == []
    assert files_containing(folder, "Juniper") == []


# -- any interleaving ends the same -------------------------------------------------------


class ThreeComputers(RuleBasedStateMachine):
    """Edits, additions and deletions on three computers, each exchanging when it likes;
    once everything is delivered, every computer holds the same journal."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="jobjournal-sync-"))
        first = vault.create(self.root / "a.db", PASSPHRASE)
        for n in range(3):
            first.add_application(company=f"Firm {n}", job_title=f"Role {n}")
        sync.enable(first, self.root / "Sync", PASSPHRASE, "a")
        sync.write_own(first)
        self.computers = [first] + [
            sync.join(self.root / f"{name}.db", self.root / "Sync", PASSPHRASE, name)
            for name in ("b", "c")
        ]

    def teardown(self) -> None:
        for journal in self.computers:
            journal.lock()
        shutil.rmtree(self.root, ignore_errors=True)

    def _some_application(self, data: st.DataObject, journal: Journal) -> int | None:
        ids = [a.id for a in journal.list_applications(limit=50)]
        return data.draw(st.sampled_from(ids)) if ids else None

    @rule(data=st.data(), who=st.integers(0, 2), where=st.sampled_from(["Oslo", "Porto", ""]))
    def edit(self, data: st.DataObject, who: int, where: str) -> None:
        journal = self.computers[who]
        found = self._some_application(data, journal)
        if found is not None:
            journal.update_application(found, location=where, notes=f"by {who}")

    @rule(who=st.integers(0, 2), n=st.integers(0, 9))
    def add(self, who: int, n: int) -> None:
        self.computers[who].add_application(company=f"Firm {n}", job_title="Added")

    @rule(data=st.data(), who=st.integers(0, 2))
    def delete(self, data: st.DataObject, who: int) -> None:
        journal = self.computers[who]
        found = self._some_application(data, journal)
        if found is not None:
            journal.delete(plain.Application, found, confirm=True)

    @rule(data=st.data(), who=st.integers(0, 2))
    def interview(self, data: st.DataObject, who: int) -> None:
        from datetime import datetime

        journal = self.computers[who]
        found = self._some_application(data, journal)
        if found is not None:
            journal.add(plain.Interview, application_id=found, starts_at=datetime(2026, 12, 1, 9))

    @rule(data=st.data(), who=st.integers(0, 2), take_other=st.booleans())
    def choose(self, data: st.DataObject, who: int, take_other: bool) -> None:
        found = sync.conflicts(self.computers[who])
        if found:
            conflict = data.draw(st.sampled_from(found))
            sync.choose(self.computers[who], conflict.id, take_other)

    @rule(who=st.integers(0, 2))
    def exchange_one(self, who: int) -> None:
        sync.write_own(self.computers[who])
        assert sync.merge(self.computers[who]).refused == []

    def everything_delivered(self) -> None:
        exchange(*self.computers)
        first = sync.canonical(self.computers[0])
        for other in self.computers[1:]:
            assert sync.canonical(other) == first


def test_any_interleaving_of_edits_and_exchanges_converges() -> None:
    class Checked(ThreeComputers):
        def teardown(self) -> None:
            try:
                self.everything_delivered()
            finally:
                super().teardown()

    run_state_machine_as_test(
        Checked,
        settings=settings(
            max_examples=8,
            stateful_step_count=18,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def test_a_changed_passphrase_is_asked_for_on_the_other_computer(
    laptop: Journal, desktop: Journal
) -> None:
    new = "a brand new passphrase, changed on the laptop"
    laptop.vault.change_passphrase(PASSPHRASE, new)
    sync.rekey(laptop, new)
    laptop.update_application(_app(laptop, "Juniper Energy"), location="After the change")
    sync.write_own(laptop)
    refused = sync.merge(desktop).refused
    assert refused and "another passphrase" in refused[0]
    with pytest.raises(InvalidInput, match="does not open the other computers' files"):
        sync.use_passphrase(desktop, "a mistyped passphrase")
    report = sync.use_passphrase(desktop, new)
    assert report.refused == []
    assert desktop.get(plain.Application, _app(desktop, "Juniper Energy")).location == (
        "After the change"
    )


def test_the_timeline_names_the_computer_that_recorded_each_entry(
    laptop: Journal, desktop: Journal
) -> None:
    from jobjournal.core.storage.models import Status

    app = _app(desktop, "Juniper Energy")
    desktop.set_status(app, Status.SCREENING)
    exchange(laptop, desktop)
    entries = laptop.timeline(_app(laptop, "Juniper Energy"))
    assert entries[-1].made_on == "desktop" and entries[0].made_on == "laptop"


def test_a_backup_put_back_takes_again_what_it_had_shared(
    laptop: Journal, desktop: Journal, tmp_path: Path
) -> None:
    backup = laptop.vault.backup()
    laptop.update_application(_app(laptop, "Juniper Energy"), location="Shared before")
    exchange(laptop, desktop)
    path = laptop.path
    laptop.lock()
    restored = vault.restore_backup(backup, path, PASSPHRASE)
    try:
        assert restored.get(plain.Application, _app(restored, "Juniper Energy")).location != (
            "Shared before"
        )
        report = sync.merge(restored)
        assert report.refused == []
        restored.update_application(_app(restored, "Meridian Bank"), location="After restore")
        exchange(restored, desktop)
        assert sync.canonical(restored) == sync.canonical(desktop)
        assert restored.get(plain.Application, _app(restored, "Juniper Energy")).location == (
            "Shared before"
        )
    finally:
        restored.lock()


def test_a_record_deleted_while_the_other_side_added_to_it_stays_with_what_was_added(
    laptop: Journal, desktop: Journal
) -> None:
    from datetime import datetime

    laptop.delete(plain.Application, _app(laptop, "Juniper Energy"), confirm=True)
    desktop.add(
        plain.Interview,
        application_id=_app(desktop, "Juniper Energy"),
        starts_at=datetime(2026, 12, 1, 10),
        reflection="Added while the laptop deleted it",
    )
    exchange(laptop, desktop)
    assert sync.canonical(desktop) == sync.canonical(laptop)
    kept = _app(laptop, "Juniper Energy")  # kept on both, with the interview
    [interview] = laptop.records_of(kept).interviews
    assert interview.reflection == "Added while the laptop deleted it"
    assert any(c.deletion for c in sync.conflicts(desktop))  # to delete after all, if wanted


def test_a_company_deleted_on_one_side_while_applied_to_on_the_other_stays(
    laptop: Journal, desktop: Journal
) -> None:
    company = laptop.find_or_add_company("Lonely Co").new_id
    exchange(laptop, desktop)
    laptop.delete(plain.Company, company)
    desktop.add_application(company="Lonely Co", job_title="Analyst")
    exchange(laptop, desktop)  # the merge must not get stuck on the application
    assert sync.canonical(desktop) == sync.canonical(laptop)
    assert any(a.company.name == "Lonely Co" for a in laptop.all(plain.Application))


def test_a_file_with_the_right_key_but_entries_of_no_known_shape_is_refused_whole(
    laptop: Journal, desktop: Journal, folder: Path
) -> None:
    before = sync.canonical(desktop)
    with laptop.reading() as connection:
        settings = sync.settings_of(connection)
    key = chunks.exchange_key(PASSPHRASE, settings.journal_id)
    header = chunks.Header(settings.journal_id, settings.computer_id, "laptop", 0)
    good = ("profile", "profile:1", "name", "Mallory", "9999999999999.00000.ff")
    for bad in (
        ("sqlite_master", "x", "sql", "DROP TABLE applications", good[4]),
        ("applications", "x", "no_such_column", 1, good[4]),
        ("applications", "x", "location", "Here", "not a stamp"),
    ):
        chunks.write(folder, key, header, [good, bad])
        report = sync.merge(desktop)
        assert report.files == 0 and "cannot read" in report.refused[0]
        assert sync.canonical(desktop) == before
        _own_files(laptop)[-1].unlink()


def test_a_record_kept_after_its_deletion_comes_back_whole(
    laptop: Journal, desktop: Journal
) -> None:
    """Found by the three-computer machine: an application kept alive came back without
    its texts, and the next edit of its notes failed."""
    from datetime import datetime

    laptop.delete(plain.Application, _app(laptop, "Juniper Energy"), confirm=True)
    desktop.add(
        plain.Interview,
        application_id=_app(desktop, "Juniper Energy"),
        starts_at=datetime(2026, 12, 1, 10),
    )
    exchange(laptop, desktop)
    for journal in (laptop, desktop):
        kept = _app(journal, "Juniper Energy")
        journal.update_application(kept, notes="Still here, whole")
        assert journal.timeline(kept)  # its history came back with it
    exchange(laptop, desktop)
    assert sync.canonical(desktop) == sync.canonical(laptop)
