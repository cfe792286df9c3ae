"""The bundle's PyInstaller build, started in the background once the tests that kill
processes at measured moments are done (they run first, alone: tests/conftest.py), so its
minute overlaps the rest of the suite; tests/test_bundle.py runs last and waits for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from support import packaging_script

_started: tuple[subprocess.Popen[bytes], Path] | None = None


def start() -> None:
    global _started
    if _started is not None:
        return
    root = Path(tempfile.mkdtemp(prefix="jobjournal-bundle-"))
    # PyInstaller keeps a cache in ~/.cache; the suite stays out of the home folder.
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(root / "pyinstaller-cache"))
    process = packaging_script("build").start_build(root / "dist", root / "work", env)
    _started = (process, root)


def finish() -> Path:
    """The built bundle's folder (started now if nothing started it earlier)."""
    start()
    assert _started is not None
    process, root = _started
    return packaging_script("build").finish_build(process, root / "dist")


def clean_up() -> None:
    if _started is not None:
        process, root = _started
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(root, ignore_errors=True)
