"""The one way to reach the files in `resources/` (icons, the desktop entry).

`resources/` installs as the package `jobjournal.resources` (see pyproject.toml), the
PyInstaller spec puts it at the same place in the bundle, and an editable install maps
the name back to the repository's folder, so the package's import machinery finds it in
all three cases and nothing here needs to know which one it is.
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.resources import files
from pathlib import Path

from jobjournal import APP_ID

PACKAGE = "jobjournal.resources"
ICON_SVG = ("icons", "jobjournal.svg")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESKTOP_ENTRY = f"{APP_ID}.desktop"


@cache
def _folder() -> Path:
    """The package's folder: where its __init__ was loaded from.

    That is what importlib.resources.files() answers for a package on disk (installed,
    editable, or in the bundle, where PyInstaller gives modules their would-be paths).
    The window icon needs it before the first paint, and importing importlib.resources
    there would cost 5 ms of a start-up measured against a bare window; a loader with
    no file (a zipped install, never how we ship) still goes through it.
    """
    location = getattr(importlib.import_module(PACKAGE), "__file__", None)
    if location:
        return Path(location).parent

    found = files(PACKAGE)
    if not isinstance(found, Path):
        raise RuntimeError(f"{PACKAGE} is not installed as plain files: {found}")
    return found


def asset(*parts: str) -> Path:
    """The file at `parts` below resources/, as a path Qt and python-docx can open."""
    found = _folder().joinpath(*parts)
    if not found.is_file():
        raise FileNotFoundError(f"jobjournal's resource {'/'.join(parts)} is missing: {found}")
    return found


def icon_png(size: int) -> Path:
    return asset("icons", f"jobjournal-{size}.png")


def icon_pngs() -> list[Path]:
    return [icon_png(size) for size in ICON_SIZES]
