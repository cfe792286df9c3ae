"""What the bundle leaves out: the parts of Qt jobjournal never loads, and the GTK stack.

The spec filters PyInstaller's file lists through these functions. Each rule names what
it drops and why; what stays is what a desktop session can ask for (X11, Wayland, input
methods, the GTK and portal themes, printing) plus the offscreen platform that
`--self-test` uses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# Qt plugin folders with nothing the app uses: device back-ends for embedded boards,
# databases, networking, QML tooling, Designer, Lottie and compositor-side Wayland.
DROPPED_PLUGIN_FOLDERS = (
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "tls",
    "sqldrivers",
    "qmltooling",
    "qmllint",
    "designer",
    "vectorimageformats",
    "wayland-graphics-integration-server",
)
# Platforms for embedded screens and remote framebuffers.
DROPPED_PLATFORMS = ("eglfs", "linuxfb", "vnc", "vkkhrdisplay", "minimalegl", "minimal.")
# Image formats the app never reads (PNG is built into Qt; SVG serves the icon themes).
DROPPED_IMAGE_FORMATS = ("gif", "icns", "jpeg", "pdf", "tga", "tiff", "wbmp", "webp")
# The on-screen keyboard is for touch kiosks; compose and ibus input stay.
DROPPED_INPUT_CONTEXTS = ("virtualkeyboard",)


def _plugin_path(destination: str) -> tuple[str, str] | None:
    """(folder, file) for a Qt plugin's destination in the bundle, else None."""
    parts = destination.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return None
    index = parts.index("plugins")
    under_qt = "Qt" in parts[:index] or "PySide6" in parts[:index]
    if len(parts) < index + 3 or not under_qt:
        return None
    return parts[index + 1], parts[-1].lower()


def keep_binary(destination: str) -> bool:
    plugin = _plugin_path(destination)
    if plugin is None:
        return True
    folder, name = plugin
    if folder in DROPPED_PLUGIN_FOLDERS:
        return False
    dropped_names = {
        "platforms": DROPPED_PLATFORMS,
        "imageformats": DROPPED_IMAGE_FORMATS,
        "platforminputcontexts": DROPPED_INPUT_CONTEXTS,
    }.get(folder, ())
    return not any(part in name for part in dropped_names)


def keep_data(destination: str) -> bool:
    """Qt's own translations go: jobjournal's interface is English and loads none."""
    parts = destination.replace("\\", "/").split("/")
    return not ("Qt" in parts and "translations" in parts)


# Qt's GTK theme plugin links GTK 3 and its whole stack (GDK, pango, cairo, atk, pixbuf).
# A desktop that wants the GTK look has its own, matching its themes; a copy in the
# bundle could disagree with them, and would add 12 MB wherever the build machine has
# GTK. So the plugin goes in alone; where GTK is missing, Qt skips it and draws its own.
USES_THE_SYSTEMS_LIBRARIES = ("platformthemes/libqgtk3.so",)

Entry = tuple[str, str, str]  # PyInstaller's (destination, source, kind)


def without_unneeded_system_libraries(
    binaries: list[Entry], needs: Callable[[str], set[tuple[str, str | None]]]
) -> list[Entry]:
    """Drop the system libraries (copied from /usr or /lib to the bundle's top) that no
    kept binary needs, directly or through another; `needs(path)` gives a file's
    shared libraries as (name, where found) pairs (PyInstaller's bindepend.get_imports)."""
    system = {dest: source for dest, source, _ in binaries if _is_system_library(dest, source)}
    wanted: set[str] = set()
    queue = [
        source
        for dest, source, _ in binaries
        if dest not in system and not dest.replace("\\", "/").endswith(USES_THE_SYSTEMS_LIBRARIES)
    ]
    while queue:
        for name, _ in needs(queue.pop()):
            if name in system and name not in wanted:
                wanted.add(name)
                queue.append(system[name])
    return [entry for entry in binaries if entry[0] not in system or entry[0] in wanted]


def _is_system_library(destination: str, source: str) -> bool:
    top_level = "/" not in destination and "\\" not in destination
    return top_level and source.startswith(("/usr/", "/lib"))


# The window plug-in's X11 helper libraries: not part of a desktop's baseline (a fresh
# Debian lacked icccm and keysyms), so the bundle carries each of them. libxcb.so.1 and
# libX11 themselves are the X client's baseline, left to the system (PyInstaller too).
WINDOW_LIBRARY_PREFIXES = ("libxcb-", "libxkbcommon-x11", "libX11-xcb")


def window_libraries_missing(binaries: list[Entry], qxcb: str) -> list[str]:
    """The X11 libraries Qt's xcb plug-in links (directly or through Qt's own libraries)
    that the bundle does not carry: the build machine lacks them, and a person's machine
    may too. The build stops and names them."""
    from jobjournal.core.system.preflight import needed

    carried = {Path(dest).name: source for dest, source, _ in binaries}
    wanted: set[str] = set()
    queue = [qxcb]
    seen: set[str] = set()
    while queue:
        for name in needed(Path(queue.pop())):
            if name in seen:
                continue
            seen.add(name)
            if name.startswith(WINDOW_LIBRARY_PREFIXES):
                wanted.add(name)
            if name in carried:
                queue.append(carried[name])
    return sorted(name for name in wanted if name not in carried)
