"""Dropping a character who is on the map already: move it here, or place a second copy?"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

MOVE_LABEL = "Move here"
COPY_LABEL = "Place a second token"


def ask_move_or_copy(
    parent: QWidget, name: str, where: str, on_move: Callable[[], None], on_copy: Callable[[], None]
) -> QMessageBox:
    """Ask without a nested loop (open(), never exec()); Move is the default, Esc cancels."""
    box = QMessageBox(parent)
    box.setObjectName("MoveOrCopy")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(f"{name} is on the map")
    box.setText(f"{name} is already on the map at {where}.\nMove the token here instead?")
    move = box.addButton(MOVE_LABEL, QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(COPY_LABEL, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(move)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def answered(button: object) -> None:
        if button is move:
            on_move()
        elif button is copy:
            on_copy()

    box.buttonClicked.connect(answered)
    box.open()
    return box
