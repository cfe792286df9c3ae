"""Saving a letter as a Word file, as every letter window does: the folder typed (made
privately when missing), the file never replaced without asking."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jobjournal.core.documents import docx_letter
from jobjournal.core.documents.exports import FileExistsAlready
from jobjournal.core.errors import InvalidInput
from jobjournal.ui.shared.dialogs import yes_asked

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from jobjournal.core.documents.letters import Draft


def chosen_folder(typed: str) -> Path:
    """The folder typed, as a full path; made (private) when it does not exist yet."""
    typed = typed.strip()
    if not typed:
        raise InvalidInput("Choose the folder to save the letter in.")
    folder = Path(typed).expanduser()
    if not folder.is_absolute():
        raise InvalidInput("Give the folder as a full path, or press Browse.")
    if not folder.exists():  # ~/Documents on a fresh account: made, private, on export
        try:
            folder.mkdir(mode=0o700, parents=True)
        except OSError as error:
            raise InvalidInput(
                f"The folder {folder} does not exist and could not be made "
                f"({error.strerror}). Choose another with Browse."
            ) from error
    return folder


def write(letter: Draft, folder: Path, name: str, *, replace: bool) -> Path:
    from jobjournal.ui.letters.letter_dialog import local_paper

    return docx_letter.export(letter, folder, name or None, replace=replace, paper=local_paper())


def export_asking(parent: QWidget, letter: Draft, folder: Path, name: str) -> Path | None:
    """The letter saved in `folder`; None when a file by that name exists and the person
    chose to keep it."""
    try:
        return write(letter, folder, name, replace=False)
    except FileExistsAlready as exists:
        if not replace_confirmed(parent, exists.path):
            return None
        return write(letter, folder, name, replace=True)


def replace_confirmed(parent: QWidget, path: Path) -> bool:
    question = f"“{path.name}” already exists in {path.parent}. Replace it with this letter?"
    return yes_asked(parent, "Replace the file?", question)
