"""The crash dialog: an unexpected error, told to the GM without stopping the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "Unexpected error"


class CrashDialog:
    """One non-modal box at a time (open(), never exec(): PITFALLS.md); a repeat updates it."""

    def __init__(self, parent: QWidget, log_file: Path | None) -> None:
        self._parent = parent
        self._log_file = log_file
        self._box: QMessageBox | None = None
        self.count = 0

    @property
    def box(self) -> QMessageBox | None:
        return self._box

    def show(self, details: str) -> None:
        self.count += 1
        box = self._box if self._box is not None else self._new_box()
        box.setText(self._text())
        box.setDetailedText(details)
        box.open()

    def _text(self) -> str:
        repeat = f" ({self.count} errors so far)" if self.count > 1 else ""
        where = f" The details are in {self._log_file}." if self._log_file is not None else ""
        return (
            f"Something went wrong inside GM Terminal{repeat}. The table is saved and keeps "
            f"running; the displays stay connected.{where}"
        )

    def _new_box(self) -> QMessageBox:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(TITLE)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.destroyed.connect(self._forget)
        self._box = box
        return box

    def _forget(self) -> None:
        self._box = None
