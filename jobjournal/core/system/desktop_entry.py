"""Put jobjournal in a Linux desktop's application menu, for this user only.

`jobjournal --install-desktop` (and `make install-desktop` from a checkout) writes the
entry from resources/ with `Exec` pointing at the program that ran it — the bundle's
executable, or the installed `jobjournal` script — plus the icon in every size under
the freedesktop icon theme's "hicolor" folders. Nothing needs root.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from jobjournal import APP_ID
from jobjournal.core.errors import CannotWrite
from jobjournal.core.storage.paths import desktop_share_dir
from jobjournal.core.system.assets import DESKTOP_ENTRY, ICON_SIZES, ICON_SVG, asset, icon_png

# Characters the desktop entry spec says must be escaped inside a quoted Exec argument.
_EXEC_ESCAPED = ("\\", '"', "`", "$")


def launcher() -> Path:
    """What the menu entry should start: this bundle, or the `jobjournal` script."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve()
    beside_python = Path(sys.executable).parent / "jobjournal"
    found = beside_python if beside_python.is_file() else shutil.which("jobjournal")
    if found is None:
        raise CannotWrite(
            "The jobjournal command is not installed, so a menu entry would have nothing "
            "to start. Install it first (make run, or pip install .)."
        )
    return Path(found).resolve()


def exec_argument(program: Path) -> str:
    """`program` quoted for an Exec line, as the desktop entry spec asks."""
    text = _checked(program)
    for character in _EXEC_ESCAPED:
        text = text.replace(character, "\\" + character)
    # The file's own string escaping applies on top: each backslash is written twice.
    return '"' + text.replace("\\", "\\\\") + '"'


def _string_value(program: Path) -> str:
    return _checked(program).replace("\\", "\\\\")


def _checked(program: Path) -> str:
    text = str(program)
    if any(character in text for character in "\n\r%"):
        raise CannotWrite(f"A menu entry cannot start a program whose path has {text!r} in it.")
    return text


def entry_text(program: Path) -> str:
    """resources/'s entry with Exec and TryExec pointing at `program`."""
    lines = []
    for line in asset(DESKTOP_ENTRY).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_argument(program)} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={_string_value(program)}"  # a plain path, not a command line
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_files(share: Path) -> list[Path]:
    icons = share / "icons" / "hicolor"
    return [
        share / "applications" / DESKTOP_ENTRY,
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES),
    ]


def install(program: Path | None = None, share: Path | None = None) -> list[Path]:
    """Write the entry and the icons; returns the files written."""
    share = share or desktop_share_dir()
    entry, svg, *pngs = installed_files(share)
    try:
        _write(entry, entry_text(program or launcher()).encode())
        _write(svg, asset(*ICON_SVG).read_bytes())
        for size, target in zip(ICON_SIZES, pngs, strict=True):
            _write(target, icon_png(size).read_bytes())
    except OSError as error:
        raise CannotWrite(f"Could not add jobjournal to the menu: {error}") from error
    _refresh_caches(share)
    return [entry, svg, *pngs]


def uninstall(share: Path | None = None) -> list[Path]:
    """Remove what `install` wrote; returns the files that were there."""
    share = share or desktop_share_dir()
    removed = [path for path in installed_files(share) if path.exists()]
    try:
        for path in removed:
            path.unlink()
    except OSError as error:
        raise CannotWrite(f"Could not take jobjournal out of the menu: {error}") from error
    _refresh_caches(share)
    return removed


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def _refresh_caches(share: Path) -> None:
    """Menus pick the entry up sooner with fresh caches; without the tools they rescan."""
    for command in (
        ["update-desktop-database", "-q", str(share / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(share / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]):
            subprocess.run(command, check=False, capture_output=True, timeout=60)
