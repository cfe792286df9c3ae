"""Light, dark, or whatever the system uses.

Qt's `setColorScheme` is honoured by the native styles on Windows, macOS and recent
Linux desktops, but not everywhere (not on Xvfb or offscreen), so a chosen scheme is also
set as an explicit palette: the choice always shows.

Loaded before the first paint: the palette's Qt classes are imported when a scheme is
applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QIcon, QPainter

# `Qt` is imported inside the functions: its first use builds every Qt enum (~18 ms), and
# with the "system" theme that can wait until the first window has painted.
_system_palette: list[QPalette] = []  # the platform's own palette, kept before we change it


def apply_theme(name: str) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    if not _system_palette:
        _system_palette.append(QGuiApplication.palette())
    from PySide6.QtCore import Qt

    schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    hints = app.styleHints()
    if name in schemes:
        hints.setColorScheme(schemes[name])
        QGuiApplication.setPalette(dark_palette() if name == "dark" else light_palette())
    else:
        hints.unsetColorScheme()
        system_dark = hints.colorScheme() == Qt.ColorScheme.Dark
        if system_dark and not is_dark(_system_palette[0]):
            QGuiApplication.setPalette(dark_palette())  # the platform said dark but drew light
        else:
            QGuiApplication.setPalette(_system_palette[0])
    if is_dark(QGuiApplication.palette()):
        outline_indicators()  # only then: a new style costs ~7 ms of start-up


def outline_indicators() -> None:
    """Fusion draws a check box's frame, and a text field's, a shade darker than the
    window: on a dark palette an unticked box vanishes and the search and filter fields
    can hardly be told from the window. This style adds a frame in the text's colour."""
    from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

    class _Outlined(QProxyStyle):
        _BOXES = (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        )

        _FIELDS = (QStyle.PrimitiveElement.PE_FrameLineEdit,)

        def drawPrimitive(self, element, option, painter, widget=None):  # type: ignore[no-untyped-def]
            super().drawPrimitive(element, option, painter, widget)
            if not is_dark(option.palette):
                return
            if element in self._BOXES:
                self._edge(painter, option.rect.adjusted(1, 1, -2, -2), option.palette, 0.55)
            elif element in self._FIELDS:
                self._edge(painter, option.rect.adjusted(0, 0, -1, -1), option.palette, 0.45)

        @staticmethod
        def _edge(painter: QPainter, rect: QRect, palette: QPalette, strength: float) -> None:
            edge = QColor(palette.color(QPalette.ColorRole.Text))
            edge.setAlphaF(strength)
            painter.save()
            painter.setPen(edge)
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRect(rect)
            painter.restore()

    app = QApplication.instance()
    if not isinstance(app, QApplication) or isinstance(app.style(), QProxyStyle):
        return  # no widgets to draw, or already outlined
    app.setStyle(_Outlined(app.style().name()))


def follow_system_changes(current_theme: object) -> None:
    """Re-apply the theme when the system switches light/dark (for the "system" choice)."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(str(current_theme())))  # type: ignore[operator]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def light_palette() -> QPalette:
    return _palette(
        window="#f3f3f3",
        base="#ffffff",
        alternate="#f7f7f9",
        text="#1d1d1f",
        button="#ececec",
        highlight="#2f6fdf",
        link="#1d5fd0",
        mid="#c4c4c8",
        disabled="#8e8e93",
    )


def dark_palette() -> QPalette:
    return _palette(
        window="#232427",
        base="#1b1c1f",
        alternate="#26272b",
        text="#e8e8ea",
        button="#2e2f33",
        highlight="#3d7bea",
        link="#7fb0ff",
        mid="#4a4b50",
        disabled="#7c7c82",
    )


def _palette(**c: str) -> QPalette:
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: c["window"],
        role.WindowText: c["text"],
        role.Base: c["base"],
        role.AlternateBase: c["alternate"],
        role.Text: c["text"],
        role.Button: c["button"],
        role.ButtonText: c["text"],
        role.Highlight: c["highlight"],
        role.HighlightedText: "#ffffff",
        role.Link: c["link"],
        role.ToolTipBase: c["base"],
        role.ToolTipText: c["text"],
        role.PlaceholderText: c["disabled"],
        role.Mid: c["mid"],
        role.Light: c["button"],
        role.Midlight: c["button"],
        role.Dark: c["mid"],
        role.Shadow: "#000000",
        role.BrightText: "#ff453a",
    }
    for key, value in colours.items():
        palette.setColor(key, QColor(value))
    for key in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, key, QColor(c["disabled"]))
    return palette


# One colour per status, from the Okabe-Ito set (told apart with any colour vision), each
# mid-toned to read on light and dark: always beside the status's name, never instead.
STATUS_COLOURS = {
    "saved": "#9a9a9a",
    "applied": "#0072b2",
    "screening": "#56b4e9",
    "interviewing": "#009e73",
    "offer": "#e69f00",
    "negotiating": "#d55e00",
    "accepted": "#2e9f5e",
    "declined": "#cc79a7",
    "withdrawn": "#7f7f7f",
    "rejected": "#c0392b",
    "no_response": "#b0a36a",
}
_DOTS: dict[str, QIcon] = {}


def status_dot(status: str) -> QIcon:
    """A small round mark in the status's colour (a QIcon), ringed so it shows on any
    background."""
    if status not in _DOTS:
        from PySide6.QtGui import QIcon, QPainter, QPixmap

        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(0, 0, 0, 90))
        painter.setBrush(QColor(STATUS_COLOURS.get(status, "#9a9a9a")))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _DOTS[status] = QIcon(pixmap)
    return _DOTS[status]
