"""One ship system in the Ship dock: status, condition and info, each change one request."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QSpinBox, QWidget

from desktop.campaign.model import SYSTEM_STATUSES
from desktop.model.names import humanise
from desktop.ui.look.widgets import grid, line_edit


class ShipSystemRow(QFrame):
    """Edits one system; sync() never overwrites a field the GM is typing in."""

    system_requested = Signal(str, str, int, str)  # system, status, condition, info

    def __init__(self, system: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SystemRow")
        self.system = system
        self.title = QLabel(humanise(system))
        self.title.setObjectName("RowTitle")
        self.status = QComboBox()
        self.status.addItems(list(SYSTEM_STATUSES))
        self.condition = QSpinBox()
        self.condition.setRange(0, 100)
        self.condition.setSuffix(" %")
        self.info = line_edit("Info shown on the bridge display")
        layout = grid(self, margins=(6, 4, 6, 4), spacing=(6, 3))
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.status, 0, 1)
        layout.addWidget(self.condition, 0, 2)
        layout.addWidget(self.info, 1, 0, 1, 3)
        self._syncing = False
        self.status.activated.connect(self._request)
        self.condition.editingFinished.connect(self._request_if_changed)
        self.info.editingFinished.connect(self._request_if_changed)
        self._shown: tuple[str, int, str] = ("", -1, "")

    def sync(self, status: str, condition: int, info: str) -> None:
        """Show the merged system values."""
        self._shown = (status, condition, info)
        self._syncing = True
        try:
            if self.status.currentText() != status:
                self.status.setCurrentText(status)
            if not self.condition.hasFocus() and self.condition.value() != condition:
                self.condition.setValue(condition)
            if not self.info.hasFocus() and self.info.text() != info:
                self.info.setText(info)
                self.info.setCursorPosition(0)
            if self.property("status") != status:  # a re-polish repaints the row
                self.setProperty("status", status)
                self.style().unpolish(self)
                self.style().polish(self)
        finally:
            self._syncing = False

    def _values(self) -> tuple[str, int, str]:
        return self.status.currentText(), self.condition.value(), self.info.text()

    def _request_if_changed(self) -> None:
        if not self._syncing and self._values() != self._shown:
            self._request()

    def _request(self) -> None:
        if not self._syncing:
            self.system_requested.emit(self.system, *self._values())
