"""Before Qt starts on a Linux desktop: does its window plug-in find every system library
it needs? When one is missing, Qt aborts with "xcb-cursor0 or libxcb-cursor0 is needed",
whatever is really missing. This names the libraries and the command that installs them.

It reads the plug-in's ELF "needed" list, follows Qt's own libraries (beside it), and
opens each system library as the loader would. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

# Every Linux has these (the C and C++ runtimes): opening them proves nothing.
_BASELINE = (
    "libc.so",
    "libm.so",
    "libstdc++.so",
    "libgcc_s.so",
    "ld-linux",
    "libpthread.so",
    "libdl.so",
    "librt.so",
)
# soname → (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}
_SHT_DYNAMIC, _DT_NEEDED = 6, 1


class Missing:
    """What the window's plug-in lacks. (A plain class: a NamedTuple or a dataclass
    costs a millisecond to define, in front of the first paint.)"""

    __slots__ = ("libraries", "plugin")

    def __init__(self, libraries: tuple[str, ...], plugin: str) -> None:
        self.libraries = libraries  # sonames the loader could not open
        self.plugin = plugin  # "xcb" or "wayland"

    def message(self) -> str:
        debian = sorted({PACKAGES.get(name, (name, name))[0] for name in self.libraries})
        fedora = sorted({PACKAGES.get(name, (name, name))[1] for name in self.libraries})
        return (
            "jobjournal cannot open its window: this computer lacks system libraries that "
            f"the window needs ({', '.join(self.libraries)}).\n\n"
            "Install them, then start jobjournal again:\n"
            f"  Debian, Ubuntu:  sudo apt install {' '.join(debian)}\n"
            f"  Fedora:          sudo dnf install {' '.join(fedora)}\n\n"
            "Your journal is untouched."
        )


def needed(library: Path) -> list[str]:
    """The libraries an ELF file asks the loader for (its DT_NEEDED entries)."""
    with library.open("rb") as file:
        header = file.read(64)
        if header[:4] != b"\x7fELF" or header[4] != 2:  # 64-bit ELF only
            return []
        order = "<" if header[5] == 1 else ">"
        (sections_at,) = struct.unpack_from(order + "Q", header, 0x28)
        entry_size, count = struct.unpack_from(order + "HH", header, 0x3A)
        file.seek(sections_at)
        table = file.read(entry_size * count)
        sections = [
            struct.unpack_from(order + "IIQQQQIIQQ", table, n * entry_size) for n in range(count)
        ]
        for _name, kind, _flags, _addr, offset, size, link, *_ in sections:
            if kind != _SHT_DYNAMIC:
                continue
            strings = sections[link]
            file.seek(strings[4])
            names = file.read(strings[5])
            file.seek(offset)
            dynamic = file.read(size)
            found = []
            for at in range(0, len(dynamic) - 15, 16):
                tag, value = struct.unpack_from(order + "qQ", dynamic, at)
                if tag == _DT_NEEDED:
                    found.append(names[value : names.index(b"\0", value)].decode())
            return found
    return []


def unresolved(plugin: Path, own: list[Path]) -> list[str]:
    """The system libraries the plug-in needs, directly or through Qt's own libraries
    (found in the folders `own`), that the loader cannot open."""
    missing: list[str] = []
    seen: set[str] = set()
    queue = needed(plugin)
    while queue:
        name = queue.pop(0)
        if name in seen or name.startswith(_BASELINE):
            continue
        seen.add(name)
        ours = next((folder / name for folder in own if (folder / name).exists()), None)
        if ours is not None:
            queue += needed(ours)
            continue
        reason = _open(name)
        if reason is not None:
            missing.append(_named_in(reason, name))
    return sorted(set(missing))


def _open(name: str) -> str | None:
    import ctypes  # here: the check runs before the first paint, and mostly finds all

    try:
        ctypes.CDLL(name)
    except OSError as error:
        return str(error)
    return None


def _named_in(reason: str, asked: str) -> str:
    """The library the loader names (a library may open and lack one of its own)."""
    first = reason.split(":", 1)[0].strip()
    return first if first.startswith("lib") and ".so" in first else asked


def qt_folders() -> tuple[Path, list[Path]] | None:
    """Qt's platform plug-ins, and the folders its own libraries are in (in the bundle,
    also the bundle's folder, where the build put the system libraries it carries).
    Found without importing Qt."""
    if getattr(sys, "frozen", False):
        bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        root, own = bundle / "PySide6" / "Qt", [bundle]
    else:
        from importlib.util import find_spec

        spec = find_spec("PySide6")
        if spec is None or not spec.submodule_search_locations:
            return None
        root, own = Path(next(iter(spec.submodule_search_locations))) / "Qt", []
    plugins = root / "plugins" / "platforms"
    return (plugins, [root / "lib", *own]) if plugins.is_dir() else None


def check_once(
    stamp: Path, environ: dict[str, str] | os._Environ[str] = os.environ
) -> Missing | None:
    """`check`, skipped while nothing changed since it last found everything: the same
    Qt, and no library folder changed (installing or removing a library changes its
    folder). The check costs about 15 ms in front of the first paint; a stamp, 0.1 ms."""
    key = _stamp_key(environ)
    try:
        if key is not None and stamp.read_text(encoding="utf-8") == key:
            return None
    except OSError:
        pass  # no stamp yet: check
    missing = check(environ)
    if missing is None and key is not None:
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(key, encoding="utf-8")
        except OSError:
            pass  # checked again next time
    return missing


_LIBRARY_FOLDERS = (
    "/lib",
    "/lib64",
    "/usr/lib",
    "/usr/lib64",
    "/lib/x86_64-linux-gnu",
    "/usr/lib/x86_64-linux-gnu",
    "/lib/aarch64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
    "/usr/local/lib",
)


def _stamp_key(environ: dict[str, str] | os._Environ[str]) -> str | None:
    folders = qt_folders()
    if folders is None:
        return None
    plugin = folders[0] / "libqxcb.so"
    searched = [*_LIBRARY_FOLDERS, *environ.get("LD_LIBRARY_PATH", "").split(":")]
    parts = [environ.get("QT_QPA_PLATFORM", ""), bool(environ.get("WAYLAND_DISPLAY"))]
    for place in (str(plugin), *searched):
        try:
            parts.append(f"{place}:{os.stat(place).st_mtime_ns}")
        except OSError:
            continue
    return "\n".join(map(str, parts))


def check(environ: dict[str, str] | os._Environ[str] = os.environ) -> Missing | None:
    """On a Linux desktop, what the window's plug-in lacks (None: nothing, or not asked).
    On Wayland, the Wayland plug-in is chosen when it has all it needs."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return None
    folders = qt_folders()
    if folders is None:
        return None
    plugins, own = folders
    if environ.get("WAYLAND_DISPLAY") and "QT_QPA_PLATFORM" not in environ:
        wayland = plugins / "libqwayland.so"
        if wayland.exists() and not unresolved(wayland, own):
            environ["QT_QPA_PLATFORM"] = "wayland"
            return None
    if not environ.get("DISPLAY"):
        return None
    lacking = unresolved(plugins / "libqxcb.so", own)
    return Missing(tuple(lacking), "xcb") if lacking else None


def tell(missing: Missing) -> None:
    """Say it where a person who double-clicked will see it, and on stderr."""
    import shutil
    import subprocess

    text = missing.message()
    print(text, file=sys.stderr)
    for command in (
        ["zenity", "--error", "--title=jobjournal", f"--text={text}"],
        ["kdialog", "--title", "jobjournal", "--error", text],
        ["notify-send", "--urgency=critical", "jobjournal cannot open its window", text],
    ):
        if shutil.which(command[0]):
            subprocess.run(command, check=False, timeout=600)
            return
