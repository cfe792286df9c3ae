"""The one way to reach the files in `resources/` (icons, the desktop entry).

`resources/` installs as the package `jobjournal.resources` (see pyproject.toml), the
PyInstaller spec puts it at the same place in the bundle, and an editable install maps
the name back to the repository's folder, so `importlib.resources` finds it in all
three cases and nothing here needs to know which one it is.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = "jobjournal.resources"
APP_ID = "io.github.jobjournal"  # the desktop entry's name, the icon's, and Wayland's app id
ICON_SVG = ("icons", "jobjournal.svg")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESKTOP_ENTRY = f"{APP_ID}.desktop"


def asset(*parts: str) -> Path:
    """The file at `parts` below resources/, as a path Qt and python-docx can open."""
    found = files(PACKAGE).joinpath(*parts)
    if not isinstance(found, Path):  # a zipped install: never how we ship
        raise RuntimeError(f"{PACKAGE} is not installed as plain files: {found}")
    if not found.is_file():
        raise FileNotFoundError(f"jobjournal's resource {'/'.join(parts)} is missing: {found}")
    return found


def icon_png(size: int) -> Path:
    return asset("icons", f"jobjournal-{size}.png")


def icon_pngs() -> list[Path]:
    return [icon_png(size) for size in ICON_SIZES]
