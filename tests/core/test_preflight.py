"""Before Qt starts: a system library the window's plug-in needs but cannot open is named,
with the command that installs it, instead of Qt's misleading abort. The broken library
is real: a file of the same name, not a library, put first on the loader's path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import PROJECT_DIR

from jobjournal.core.system import preflight

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or preflight.qt_folders() is None,
    reason="Qt's xcb plug-in is a Linux part",
)


def _plugin() -> Path:
    folders = preflight.qt_folders()
    assert folders is not None
    return folders[0] / "libqxcb.so"


def _broken_library(folder: Path, name: str) -> dict[str, str]:
    """An environment whose loader finds a broken `name` before the system's."""
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(b"not a library at all")
    environ = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # Qt's choice
    return dict(
        environ,
        LD_LIBRARY_PATH=str(folder),
        DISPLAY=":93",  # a desktop, as far as the check can tell; Qt never starts
        PATH="/nonexistent",  # no zenity or notify-send: the words go to stderr
        JOBJOURNAL_HOME=str(folder.parent / "home"),
    )


def test_the_plugin_says_what_it_links() -> None:
    linked = preflight.needed(_plugin())
    assert "libxcb-icccm.so.4" in linked and "libxcb-keysyms.so.1" in linked
    assert "libQt6XcbQpa.so.6" in linked  # Qt's own, followed to its own needs


def test_everything_resolves_on_this_machine() -> None:
    folders = preflight.qt_folders()
    assert folders is not None
    assert preflight.unresolved(_plugin(), folders[1]) == []


def test_a_missing_library_is_named_with_the_command_that_installs_it(tmp_path: Path) -> None:
    env = _broken_library(tmp_path / "lib", "libxcb-icccm.so.4")
    code = (
        "from jobjournal.core.system import preflight as p; m = p.check(); print(m and m.message())"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert "libxcb-icccm.so.4" in found
    assert "sudo apt install libxcb-icccm4" in found
    assert "sudo dnf install xcb-util-wm" in found
    assert "libxcb-keysyms" not in found  # only what is missing


def test_the_app_stops_before_qt_and_says_why(tmp_path: Path) -> None:
    env = _broken_library(tmp_path / "lib", "libxcb-keysyms.so.1")
    ran = subprocess.run(
        [sys.executable, "-m", "jobjournal"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_DIR,
    )
    assert ran.returncode == 1
    assert "cannot open its window" in ran.stderr
    assert "libxcb-keysyms.so.1" in ran.stderr and "libxcb-keysyms1" in ran.stderr
    assert "xcb-cursor0" not in ran.stderr  # never Qt's misleading words
    assert not (tmp_path / "home" / "config" / "window-libraries-checked").exists()


def test_a_clean_check_is_not_repeated_until_a_library_folder_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp = tmp_path / "checked"
    folder = tmp_path / "lib"
    folder.mkdir()
    environ = {"DISPLAY": ":93", "LD_LIBRARY_PATH": str(folder)}
    calls: list[int] = []
    monkeypatch.setattr(preflight, "check", lambda environ: calls.append(1))
    assert preflight.check_once(stamp, environ) is None
    assert preflight.check_once(stamp, environ) is None
    assert calls == [1]  # the second start read the stamp
    (folder / "libsomething.so.1").write_bytes(b"")  # a library installed or removed
    os.utime(folder, ns=(1, 1))
    assert preflight.check_once(stamp, environ) is None
    assert calls == [1, 1]


def test_not_asked_without_a_desktop_or_with_another_plugin() -> None:
    assert preflight.check({}) is None
    assert preflight.check({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) is None


def test_an_unknown_library_is_still_named() -> None:
    text = preflight.Missing(("libfancy.so.3",), "xcb").message()
    assert "libfancy.so.3" in text and "sudo apt install libfancy.so.3" in text


def test_on_wayland_the_wayland_plugin_is_chosen_when_it_has_all_it_needs(
    tmp_path: Path,
) -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-0"}
    assert preflight.check(environ) is None
    assert environ["QT_QPA_PLATFORM"] == "wayland"
    env = _broken_library(tmp_path / "lib", "libwayland-client.so.0")
    env.pop("DISPLAY")
    code = (
        "import os; from jobjournal.core.system import preflight as p;"
        "e = {'WAYLAND_DISPLAY': 'wayland-0', 'DISPLAY': ':93'}; m = p.check(e);"
        "print(e.get('QT_QPA_PLATFORM'), m is None)"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert ran.stdout.split() == ["None", "True"]  # not chosen: X11 through XWayland
