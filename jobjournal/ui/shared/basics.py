"""Small pieces every form uses: a labelled row, a passphrase field, a message line.

Kept apart from `fields.py` because the unlock dialog uses them, and this module loads
before the first paint (so it imports nothing but a few widget classes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QLineEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox


def message_label(name: str) -> QLabel:
    """Where a form says what is wrong; hidden until there is something to say."""
    label = QLabel()
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.setStyleSheet(  # a red tint: reads as a problem on light and dark alike
        "background: rgba(217, 48, 37, 0.16); border-radius: 4px; padding: 6px 8px;"
    )
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def labelled_row(
    form: QFormLayout, text: str, field: QWidget | QLayout, buddy: QWidget | None = None
) -> None:
    """A form row whose label's mnemonic focuses `buddy` (the field itself by default)."""
    label = QLabel(text)
    target = buddy or field
    assert isinstance(target, QWidget), "a row holding a layout needs a buddy"
    label.setBuddy(target)
    form.addRow(label, field)


def say_replaced_characters(widget: QWidget) -> None:
    """After a save: tell the person, in the main window's status bar, when characters
    that could not be stored (a broken paste) were saved as "�"."""
    from PySide6.QtWidgets import QMainWindow

    from jobjournal.core.records.validation import take_replaced_count

    count = take_replaced_count()
    if not count:
        return
    window: QWidget | None = widget.window()
    while window is not None and not isinstance(window, QMainWindow):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if window is not None:
        window.statusBar().showMessage(
            f"Saved. {count} character{'s' if count != 1 else ''} that could not be stored "
            "(from a broken paste) became “\ufffd”; the rest is as you typed it.",
            15000,
        )


def use_money_style(journal: Any) -> None:
    """Amounts everywhere in the window as the profile asks ("USD 118,000" or "$118,000")."""
    from jobjournal.core.records.money import use_style

    use_style(journal.profile().money_style)


# What records are called when a person reads how many go with a deletion.
_RECORD_NOUNS = {
    "interviews": "interview",
    "interview_questions": "interview question",
    "offers": "offer",
    "negotiation_rounds": "negotiation round",
    "feedback_requests": "feedback request",
    "letters": "letter",
    "action_items": "action item",
    "conversations": "conversation note",
    "introductions": "introduction",
    "openings": "opening",
}


def impact_words(impact: dict[str, int]) -> str:
    """{"interviews": 2, "letters": 1} → "2 interviews, 1 letter"."""
    return ", ".join(
        f"{n} {_RECORD_NOUNS.get(kind, kind)}{'' if n == 1 else 's'}" for kind, n in impact.items()
    )


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button for a window that only shows things (Escape closes it too), named
    for screen readers."""
    from PySide6.QtWidgets import QDialogButtonBox  # not before the first paint

    buttons = QDialogButtonBox()
    close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
    close.setAccessibleName("Close")
    buttons.rejected.connect(dialog.reject)
    return buttons


FIRST_HEIGHT = 700  # as first shown: a 1366×768 laptop screen with a taskbar


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Size a window as asked, but within its screen (a margin left for the window frame)
    and no taller than FIRST_HEIGHT: larger screens get the asked size, a laptop the room
    it has. Its layout's minimum still holds."""
    from PySide6.QtGui import QGuiApplication  # not before the first paint

    # The primary screen's room. Asking a window not yet shown for its screen
    # (window.screen()) was followed, a few dialogs later in the test suite, by a crash
    # inside QWidget::screen() on a dangling screen; the primary screen is asked instead.
    primary = QGuiApplication.primaryScreen()
    screen = primary.availableGeometry()
    window.resize(min(width, screen.width() - 40), min(height, FIRST_HEIGHT, screen.height() - 60))


def scrolling(*parts: QWidget | QLayout, grow: QWidget | QLayout | None = None) -> QWidget:
    """The parts one under the other in an area that scrolls up and down when the window
    is shorter than they are (a 720-pixel screen, text at 125 %), and shows them whole
    when it is not; a dialog's buttons stay outside it, always in view. `grow`: the part
    that takes the height to spare (a letter's text), else the room is left below."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout

    inside = QWidget()
    column = QVBoxLayout(inside)
    column.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        stretch = 1 if part is grow else 0
        if isinstance(part, QLayout):
            column.addLayout(part, stretch)
        else:
            column.addWidget(part, stretch)
    if grow is None:
        column.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, and scrolls to them
    area.setWidget(inside)
    return area
