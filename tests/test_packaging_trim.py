"""packaging/bundle_trim.py's rules on PyInstaller-shaped file lists (no build needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support import packaging_script

trim = packaging_script("bundle_trim")
QT = "PySide6/Qt/plugins"


def test_qt_plugins_the_app_never_loads_are_dropped() -> None:
    for kept in (
        f"{QT}/platforms/libqxcb.so",
        f"{QT}/platforms/libqwayland.so",
        f"{QT}/platforms/libqoffscreen.so",
        f"{QT}/platformthemes/libqgtk3.so",
        f"{QT}/imageformats/libqsvg.so",
        f"{QT}/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "libpython3.11.so.1.0",
    ):
        assert trim.keep_binary(kept), kept
    for dropped in (
        f"{QT}/platforms/libqvnc.so",
        f"{QT}/platforms/libqeglfs.so",
        f"{QT}/sqldrivers/libqsqlpsql.so",
        f"{QT}/tls/libqopensslbackend.so",
        f"{QT}/imageformats/libqpdf.so",
        f"{QT}/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6\\Qt\\plugins\\qmltooling\\qmldbg_tcp.dll",  # Windows separators too
    ):
        assert not trim.keep_binary(dropped), dropped
    assert not trim.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert trim.keep_data("docx/templates/default.docx")


def test_system_libraries_only_the_gtk_theme_needs_are_left_to_the_system() -> None:
    needs = {
        "/venv/QtGui.abi3.so": {("libQt6Gui.so.6", None), ("libfontconfig.so.1", "/usr/x")},
        "/usr/lib/libfontconfig.so.1": {("libexpat.so.1", "/usr/lib/libexpat.so.1")},
        "/usr/lib/libexpat.so.1": set(),
        "/venv/libqgtk3.so": {("libgtk-3.so.0", "/usr/x"), ("libexpat.so.1", "/usr/x")},
        "/usr/lib/libgtk-3.so.0": {("libpango-1.0.so.0", "/usr/x")},
        "/usr/lib/libpango-1.0.so.0": set(),
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/venv/QtGui.abi3.so", "EXTENSION"),
        (f"{QT}/platformthemes/libqgtk3.so", "/venv/libqgtk3.so", "BINARY"),
        ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
        ("libexpat.so.1", "/usr/lib/libexpat.so.1", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),
    ]
    kept = trim.without_unneeded_system_libraries(binaries, lambda path: needs[path])
    assert [dest for dest, _, _ in kept] == [
        "PySide6/QtGui.abi3.so",
        f"{QT}/platformthemes/libqgtk3.so",  # the plugin itself stays
        "libfontconfig.so.1",  # needed by Qt
        "libexpat.so.1",  # needed through fontconfig, not only by the GTK plugin
    ]


def _system_library(name: str) -> Path | None:
    places = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64")
    return next((Path(p) / name for p in places if (Path(p) / name).exists()), None)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plug-in is Linux's")
def test_a_bundle_without_a_window_library_is_refused_by_name() -> None:
    from jobjournal.core.system import preflight

    folders = preflight.qt_folders()
    assert folders is not None
    plugins, (qt_lib, *_) = folders
    qxcb = plugins / "libqxcb.so"
    binaries = [(f"PySide6/Qt/lib/{f.name}", str(f), "BINARY") for f in qt_lib.glob("*.so*")]
    for name in preflight.needed(qxcb) + preflight.needed(qt_lib / "libQt6XcbQpa.so.6"):
        found = _system_library(name)
        if found is not None and not name.startswith("libc."):
            binaries.append((name, str(found), "BINARY"))
    assert trim.window_libraries_missing(binaries, str(qxcb)) == []
    without = [entry for entry in binaries if entry[0] != "libxcb-icccm.so.4"]
    assert trim.window_libraries_missing(without, str(qxcb)) == ["libxcb-icccm.so.4"]


def test_the_release_build_installs_every_library_the_readme_lists() -> None:
    """The bundle can only carry what its build machine has: the workflow installs the
    README's Debian/Ubuntu packages before it builds."""
    from support import PROJECT_DIR

    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("sudo apt install"))
    listed = set(line.split("#")[0].split()[3:]) - {"make", "python3-venv"}
    workflow = (PROJECT_DIR / ".github" / "workflows" / "bundle.yml").read_text(encoding="utf-8")
    installed = set(workflow.replace("\\\n", " ").split())
    assert listed and listed <= installed, sorted(listed - installed)
