"""The bundle's PyInstaller build and its tarball, made in a process of their own once the
tests that kill processes at measured moments are done (they run first, alone:
tests/conftest.py), so their minute overlaps the rest of the suite; tests/test_bundle.py
runs last and waits for them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from support import PROJECT_DIR

_BUILD = """
import importlib.util, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("packaging_build", sys.argv[1])
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
root = Path(sys.argv[2])
build.archive(build.build(root / "dist", root / "work"))
"""

_started: tuple[subprocess.Popen[bytes], Path] | None = None


def start() -> None:
    global _started
    if _started is not None:
        return
    root = Path(tempfile.mkdtemp(prefix="jobjournal-bundle-"))
    # PyInstaller keeps a cache in ~/.cache; the suite stays out of the home folder.
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(root / "pyinstaller-cache"))
    script = str(PROJECT_DIR / "packaging" / "build.py")
    process = subprocess.Popen([sys.executable, "-c", _BUILD, script, str(root)], env=env)
    _started = (process, root)


def finish() -> tuple[Path, Path]:
    """The built bundle's folder and its tarball (started now if nothing started them)."""
    start()
    assert _started is not None
    process, root = _started
    if process.wait() != 0:
        raise subprocess.CalledProcessError(process.returncode, process.args)
    folder = root / "dist" / "jobjournal"
    (tarball,) = (root / "dist").glob("*.tar.gz")
    return folder, tarball


def clean_up() -> None:
    if _started is not None:
        process, root = _started
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(root, ignore_errors=True)
