"""What the bundle leaves out of PySide6: the parts of Qt jobjournal never loads.

The spec filters PyInstaller's file lists through these two functions. Each rule names
what it drops and why; what stays is what a desktop session can ask for (X11, Wayland,
input methods, the GTK and portal themes, printing) plus the offscreen platform that
`--self-test` uses.
"""

from __future__ import annotations

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
