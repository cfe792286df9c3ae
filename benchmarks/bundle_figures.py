"""bundle_mb, bundle_tgz_mb and bundle_start (the packaging issue).

bundle_mb / bundle_tgz_mb: the Linux bundle `make package` builds, unpacked and as its
tarball, against a bare PySide6 + sqlcipher3 app bundled by PyInstaller's defaults in
the same run (the smallest bundle that can show a window on an encrypted file).

bundle_start: the bundled program, from launch to the first paint of its unlock window
on an existing journal, against the same app started from source (`python -m
jobjournal`), both ended at that paint by JOBJOURNAL_EXIT_ON_FIRST_PAINT and started in
turn so a busy machine slows both alike.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

from benchmarks.common import Figure, existing_journal, start_medians

PROJECT = Path(__file__).resolve().parent.parent
STARTS = 11
_BARE_APP = """
import sys

import sqlcipher3  # noqa: F401
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv)
window = QWidget()
window.show()
app.exec()
"""


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build", PROJECT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _scratch() -> Path:
    """One folder for this run's two bundles (about 400 MB), removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="jobjournal-bench-bundle-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@cache
def _ours() -> tuple[Path, Path]:
    """(bundle folder, tarball), built once per run from the current checkout."""
    build = _build_script()
    folder = build.build(_scratch() / "dist", _scratch() / "work")
    return folder, build.archive(folder)


@cache
def _bare() -> tuple[Path, Path]:
    build = _build_script()
    script = _scratch() / "bare_app.py"
    script.write_text(_BARE_APP, encoding="utf-8")
    dist, work = _scratch() / "bare-dist", _scratch() / "bare-work"
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--log-level=WARN", "--noconfirm"]
    places = [f"--distpath={dist}", f"--workpath={work}", f"--specpath={work}"]
    subprocess.run([*pyinstaller, "--onedir", "--windowed", *places, str(script)], check=True)
    folder = dist / "bare_app"
    return folder, build.archive(folder)


def bundle_mb() -> Figure:
    ours, bare = _ours()[0], _bare()[0]
    size = _build_script().folder_bytes
    return Figure(
        "bundle_mb",
        size(ours) / 1e6,
        "bare_pyside6_sqlcipher_bundle",
        size(bare) / 1e6,
        "<= 220 MB unpacked",
        unit="MB",
    )


def bundle_tgz_mb() -> Figure:
    return Figure(
        "bundle_tgz_mb",
        _ours()[1].stat().st_size / 1e6,
        "bare_pyside6_sqlcipher_bundle_tgz",
        _bare()[1].stat().st_size / 1e6,
        "<= 90 MB compressed",
        unit="MB",
    )


def bundle_start() -> Figure:
    env = dict(
        os.environ,
        JOBJOURNAL_HOME=str(_scratch() / "home"),
        QT_QPA_PLATFORM="offscreen",
        JOBJOURNAL_EXIT_ON_FIRST_PAINT="1",
    )
    existing_journal(env)
    bundled, source = [str(_ours()[0] / "jobjournal")], [sys.executable, "-m", "jobjournal"]
    bundled_ms, source_ms = start_medians(bundled, source, env, STARTS)
    return Figure("bundle_start", bundled_ms, "same_app_from_source", source_ms, "<= 1.3x")
