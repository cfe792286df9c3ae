"""The app around the window: idle lock, settings that outlive a restart, --demo, PATH."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from support import PASSPHRASE, by_name
from ui_support import answer_modal, back_up_now, demo_journal_file, shortcut

from jobjournal.__main__ import build
from jobjournal.core.storage import paths, vault
from jobjournal.ui.journal import settings
from jobjournal.ui.journal.app import AppController
from jobjournal.ui.shared import theme


@pytest.fixture
def journal_path() -> Path:
    return demo_journal_file()


def unlocked(qtbot: QtBot, path: Path) -> AppController:
    controller = AppController(path)
    controller.start()
    field = by_name(controller.dialog, "Passphrase")
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.window)
    return controller


@pytest.fixture
def controller(qtbot: QtBot, journal_path: Path) -> Iterator[AppController]:
    controller = unlocked(qtbot, journal_path)
    yield controller
    controller.quit()
    controller.dialog.close()


def test_lock_by_shortcut_clears_everything_the_window_showed(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    assert window is not None and window.model.rowCount() == 12
    window.table.selectRow(0)
    journal = window.journal
    shortcut(qtbot, window.table, Qt.Key.Key_L)
    assert controller.window is None
    assert journal.is_locked
    assert window.model.rowCount() == 0
    assert window.detail.application_id is None
    assert not window.isVisible()
    assert controller.dialog.isVisible()


def test_idle_timer_locks_and_activity_postpones_it(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    assert window is not None
    controller.idle.set_minutes(0.01)  # 600 ms
    for _ in range(6):  # 1.2 s of a person moving the mouse now and then
        qtbot.wait(200)
        qtbot.mouseMove(window.table.viewport(), QPoint(10 + _, 10))
    assert controller.window is window
    qtbot.waitUntil(lambda: controller.window is None, timeout=3000)
    assert controller.dialog.isVisible()
    assert by_name(controller.dialog, "Passphrase").text() == ""


def test_settings_persist_across_a_restart(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    backups = tmp_path / "elsewhere" / "backups"

    def change(dialog: QWidget) -> None:
        lock_after = by_name(dialog, "Lock after minutes idle")
        lock_after.selectAll()
        qtbot.keyClicks(lock_after, "3")
        themes = by_name(dialog, "Theme")
        themes.setCurrentIndex(themes.findText("Dark"))
        keep = by_name(dialog, "Backups to keep")
        keep.selectAll()
        qtbot.keyClicks(keep, "2")
        folder = by_name(dialog, "Backups folder")
        folder.clear()
        qtbot.keyClicks(folder, str(backups))
        qtbot.mouseClick(by_name(dialog, "Save settings"), Qt.MouseButton.LeftButton)

    window = controller.window
    assert window is not None
    answer_modal(qtbot, change)
    shortcut(qtbot, window.table, Qt.Key.Key_Comma)
    qtbot.waitUntil(lambda: theme.is_dark(window.palette()))  # Qt hands it on in events
    assert controller.idle.interval_minutes == 3
    controller.quit()

    again = unlocked(qtbot, controller.path)
    try:
        assert settings.auto_lock_minutes() == 3 and settings.theme() == "dark"
        assert again.idle.interval_minutes == 3
        for _ in range(3):
            shortcut(
                qtbot,
                again.window.table,
                Qt.Key.Key_B,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
        assert len(list(backups.iterdir())) == 2  # kept two, in the chosen folder
    finally:
        again.quit()
        theme.apply_theme("system")  # the palette belongs to the whole test process


def test_a_bad_backups_folder_is_refused_and_the_dialog_stays(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    seen: list[str] = []

    def change(dialog: QWidget) -> None:
        folder = by_name(dialog, "Backups folder")
        folder.clear()
        qtbot.keyClicks(folder, "relative/folder")
        qtbot.mouseClick(by_name(dialog, "Save settings"), Qt.MouseButton.LeftButton)
        seen.append(by_name(dialog, "Settings message").text())
        assert dialog.isVisible() and folder.text() == "relative/folder"
        dialog.reject()

    answer_modal(qtbot, change)
    controller.window.settings_action.trigger()
    assert "full path" in seen[0]
    assert settings.backup_prefs(controller.path).folder is None


def test_window_geometry_and_columns_persist(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    assert window is not None
    window.resize(701, 555)
    window.table.horizontalHeader().resizeSection(0, 321)
    window.splitter.setSizes([120, 330, 250])
    sizes = window.splitter.sizes()
    controller.quit()
    again = unlocked(qtbot, controller.path)
    try:
        assert again.window.size().toTuple() == (701, 555)
        assert again.window.table.horizontalHeader().sectionSize(0) == 321
        assert again.window.splitter.sizes() == sizes
    finally:
        again.quit()


def test_first_run_with_the_example_journal(qtbot: QtBot) -> None:
    controller = AppController(paths.default_journal_path())
    controller.start()
    dialog = controller.dialog
    qtbot.keyClicks(by_name(dialog, "New passphrase"), "a long enough passphrase")
    qtbot.keyClicks(by_name(dialog, "Repeat passphrase"), "a long enough passphrase")
    qtbot.mouseClick(by_name(dialog, "Start with an example journal"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(by_name(dialog, "Repeat passphrase"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None)
    try:
        assert controller.window.model.rowCount() == 12
        assert controller.window.windowTitle() == "journal.db — jobjournal"
    finally:
        controller.quit()
        dialog.close()


def test_demo_flag_opens_a_throwaway_journal_removed_on_quit(qtbot: QtBot) -> None:
    _app, controller = build(["--demo"])
    controller.start()
    qtbot.waitUntil(lambda: controller.window is not None)
    folder = controller.demo_folder
    assert folder is not None and (folder / "demo-journal.db").exists()
    assert controller.window.model.rowCount() == 12
    assert "Example journal" in controller.window.windowTitle()
    assert not paths.default_journal_path().exists()
    controller.quit()
    controller.dialog.close()
    assert not folder.exists()


def test_what_is_changed_while_trying_the_demo_stays_with_the_demo(qtbot: QtBot) -> None:
    settings.set_theme("light")
    settings.set_letters_folder(Path("/my/letters"))
    _app, controller = build(["--demo"])
    controller.start()
    qtbot.waitUntil(lambda: controller.window is not None)
    assert settings.theme() == "light"  # the demo starts as the person set things up
    settings.set_theme("dark")
    settings.set_letters_folder(Path("/tmp/demo letters"))
    assert settings.theme() == "dark"
    controller.quit()
    controller.dialog.close()
    assert (settings.theme(), settings.letters_folder()) == ("light", Path("/my/letters"))


def test_path_argument_opens_that_journal(qtbot: QtBot, tmp_path: Path) -> None:
    elsewhere = tmp_path / "other place" / "search.db"
    vault.create(elsewhere, PASSPHRASE).lock()
    _app, controller = build([str(elsewhere)])
    controller.start()
    try:
        assert by_name(controller.dialog, "Journal path").text() == str(elsewhere)
        field = by_name(controller.dialog, "Passphrase")
        qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: controller.window is not None)
        assert controller.window.windowTitle() == "search.db — jobjournal"
    finally:
        controller.quit()
        controller.dialog.close()


def test_nothing_typed_reaches_a_file_in_plain_text(
    qtbot: QtBot, controller: AppController, jobjournal_home: Path
) -> None:
    from support import files_containing

    sentinel = "Zebra-Quokka-7781"
    window = controller.window
    assert window is not None
    window.table.selectRow(0)
    notes = by_name(window, "Notes")
    notes.setFocus()
    qtbot.keyClicks(notes, sentinel)
    shortcut(qtbot, notes, Qt.Key.Key_S)
    window.focus_search()
    qtbot.keyClicks(window.search_box, sentinel[:10])
    qtbot.waitUntil(lambda: window.results.count() > 0)
    assert sentinel not in window.windowTitle()
    shortcut(
        qtbot,
        window.table,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    controller.lock()  # writes the window state to the settings file
    assert list(jobjournal_home.rglob("settings.ini"))
    assert files_containing(jobjournal_home, sentinel) == []


def test_restoring_a_backup_from_the_menu_reopens_it_and_keeps_the_journal_it_replaced(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    assert window is not None
    back_up_now(qtbot, window)
    company = window.journal.find_or_add_company("Added after the backup").new_id
    window.journal.add_application(company_id=company, job_title="Gone after the restore")

    def restore(dialog: QWidget) -> None:
        field = by_name(dialog, "Passphrase of the backup")
        qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    answer_modal(qtbot, restore)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: controller.window is not None and controller.window is not window)
    restored = controller.window
    assert restored.journal.count_applications() == 12
    qtbot.waitUntil(lambda: "Restored" in restored.statusBar().currentMessage())
    kept = list(controller.path.parent.glob(f"{controller.path.stem}.before-restore-*.db"))
    assert kept[0].name in restored.statusBar().currentMessage()
    assert len(kept) == 1  # the journal as it was, with the application added since
    replaced = vault.unlock(kept[0], PASSPHRASE)
    try:
        assert replaced.count_applications() == 13
    finally:
        replaced.lock()


def test_an_unticked_box_is_visible_on_the_dark_palette(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    box = QCheckBox("Remember")
    qtbot.addWidget(box)
    try:
        theme.apply_theme("dark")
        box.setPalette(theme.dark_palette())
        box.resize(box.sizeHint())
        picture = box.grab().toImage()
        option = QStyleOptionButton()
        option.initFrom(box)
        frame = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        light = [
            picture.pixelColor(x, y).lightness()
            for x in range(frame.left(), frame.right() + 1)
            for y in range(frame.top(), frame.bottom() + 1)
        ]
        assert max(light) > 110  # the frame stands out from the #1b1c1f field
    finally:
        theme.apply_theme("system")


def test_a_start_without_arguments_has_the_parsers_defaults() -> None:
    from jobjournal import __main__ as entry

    assert vars(entry.parse_args([])) == vars(entry.parser().parse_args([]))
    assert entry.parse_args(["--demo"]).demo is True
