"""Non-blocking confirmations: QMessageBox.open() plus a callback, never exec()."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(
    parent: QWidget, title: str, text: str, accept_label: str, on_accept: Callable[[], None]
) -> QMessageBox:
    """Ask, and call on_accept if the GM agrees. exec() would start a nested loop that
    hangs the asyncio loop (PITFALLS.md), so the box is opened and answers by signal."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(accept_label, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def answered(button: object) -> None:
        if button is yes:
            on_accept()

    box.buttonClicked.connect(answered)
    box.open()
    return box
