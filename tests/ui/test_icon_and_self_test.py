"""The app icon (its built files kept in step with the SVG, on every window) and
`--self-test` run from source, passing and failing."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from support import child_env, packaging_script

from jobjournal import APP_ID
from jobjournal.core.system import assets
from jobjournal.core.system.assets import ICON_SIZES, ICON_SVG, asset, icon_png
from jobjournal.ui.applications.main_window import MainWindow


def _mean_difference(one: QImage, other: QImage) -> float:
    one = one.convertToFormat(QImage.Format.Format_RGBA8888)
    other = other.convertToFormat(QImage.Format.Format_RGBA8888)
    first, second = bytes(one.constBits()), bytes(other.constBits())
    return sum(abs(a - b) for a, b in zip(first, second, strict=True)) / len(first)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_the_svg_drawn_at_its_size(qapp: QApplication, size: int) -> None:
    """Fails when the SVG was edited without `make icons` (a small tolerance lets another
    Qt release antialias an edge differently)."""
    committed = QImage(str(icon_png(size)))
    fresh = QImage.fromData(packaging_script("make_icons").render_png(asset(*ICON_SVG), size))
    assert committed.size() == QSize(size, size) == fresh.size()
    assert _mean_difference(committed, fresh) < 1.5
    assert committed.pixelColor(size // 2, size // 8).alpha() == 255  # the tile is opaque
    assert committed.pixelColor(0, 0).alpha() == 0  # and its corners rounded off


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        fields = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        side, bits, length, offset = fields[0], fields[5], fields[6], fields[7]
        assert bits == 32
        entries.append((side or 256, data[offset : offset + length]))
    return entries


def test_the_ico_holds_every_windows_size_as_png(qapp: QApplication) -> None:
    entries = _ico_entries(asset("icons", "jobjournal.ico").read_bytes())
    assert [side for side, _ in entries] == [16, 24, 32, 48, 64, 128, 256]
    for side, png in entries:
        assert QImage.fromData(png).size() == QSize(side, side)
        assert png == icon_png(side).read_bytes()


def test_the_icns_holds_every_macos_size_as_png(qapp: QApplication) -> None:
    data = asset("icons", "jobjournal.icns").read_bytes()
    magic, total = struct.unpack_from(">4sI", data)
    assert (magic, total) == (b"icns", len(data))
    found, offset = {}, 8
    while offset < len(data):
        code, length = struct.unpack_from(">4sI", data, offset)
        found[code.decode()] = QImage.fromData(data[offset + 8 : offset + length]).width()
        offset += length
    assert found == {
        "icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512,
        "ic10": 1024, "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512,
    }  # fmt: skip


def test_the_app_has_the_icon_and_the_desktop_entrys_name(qtbot: QtBot) -> None:
    from jobjournal.__main__ import build

    app, controller = build([])
    qtbot.addWidget(controller.dialog)
    assert app.desktopFileName() == APP_ID  # Wayland matches windows to the entry by this
    controller.start()
    qtbot.waitExposed(controller.dialog)
    qtbot.waitUntil(lambda: not app.windowIcon().isNull())  # right after the first paint
    icon = app.windowIcon()
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)
    drawn = controller.dialog.windowIcon().pixmap(48).toImage()
    assert _mean_difference(drawn, QImage(str(icon_png(48)))) < 1.5
    controller.dialog.close()


def test_the_self_test_passes_from_source(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jobjournal", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    steps = [line.split(":")[0].split(None, 1)[1] for line in lines[:-1]]
    assert steps == [
        "window libraries",
        "resources",
        "create and write",
        "lock keeps it secret",
        "unlock",
        "wrong passphrase is refused",
        "letter",
        "verify",
        "main window",
        "keychain backend",
    ]
    assert all(line.startswith("ok ") for line in lines[:-1])


def test_the_self_test_fails_loudly_when_a_part_is_missing(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jobjournal.ui.journal.self_test import run_self_test

    def gone(size: int) -> Path:
        raise FileNotFoundError(f"jobjournal's resource icons/jobjournal-{size}.png is missing")

    monkeypatch.setattr(assets, "icon_png", gone)
    monkeypatch.setattr(assets, "icon_pngs", lambda: [gone(16)])
    assert run_self_test() == 1
    out = capsys.readouterr().out
    assert "\nFAILED resources\n" in out  # after the window's libraries, which are here
    assert "icons/jobjournal-16.png is missing" in out
    assert "self-test passed" not in out


def test_about_shows_the_version_beside_the_icon(qtbot: QtBot, window: MainWindow) -> None:
    from ui_support import answer_modal

    from jobjournal import __version__
    from jobjournal.ui.journal.app import app_icon

    window.setWindowIcon(app_icon())  # as build() gives every window of the real app
    seen: list[tuple[str, QImage]] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.iconPixmap().toImage()))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    answer_modal(qtbot, read)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # the Help menu
    menu = QApplication.activePopupWidget()
    assert menu is not None
    qtbot.keyClick(menu, Qt.Key.Key_A)  # &About jobjournal
    qtbot.waitUntil(lambda: bool(seen))
    text, picture = seen[0]
    assert f"jobjournal {__version__}" in text
    size = picture.width()
    assert size >= 32 and picture.height() == size
    expected = QImage(str(icon_png(size))) if size in ICON_SIZES else None
    if expected is not None:
        assert _mean_difference(picture, expected) < 1.5
    # whatever size the style asks for, it is our tile: teal at the top, not Qt's "i" icon
    top = picture.pixelColor(size // 2, size // 10)
    assert top.green() > top.red() + 40 and top.blue() > top.red() + 40


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plug-in is Linux's")
def test_the_self_test_fails_when_a_window_library_is_missing(tmp_path: Path) -> None:
    shadow = tmp_path / "lib"
    shadow.mkdir()
    (shadow / "libxcb-icccm.so.4").write_bytes(b"not a library")
    env = dict(child_env(), LD_LIBRARY_PATH=str(shadow))
    result = subprocess.run(
        [sys.executable, "-m", "jobjournal", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("FAILED window libraries")
    assert "sudo apt install libxcb-icccm4" in result.stdout
