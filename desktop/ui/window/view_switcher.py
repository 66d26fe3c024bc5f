"""The four player views as a row of buttons (Ctrl+1..4); the current one is lit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.model.state import VIEW_TYPES, TableState

VIEW_LABELS = {
    "STANDBY": "Standby",
    "BRIDGE": "Bridge",
    "ENCOUNTER": "Encounter",
    "CHARON_TERMINAL": "Ship computer",
}


class ViewSwitcher(QFrame):
    """Asks for a player view; ENCOUNTER brings back the place and deck players last saw."""

    view_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ViewSwitcher")
        self.buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(4)
        caption = QLabel("PLAYERS SEE")
        caption.setObjectName("Caption")
        row.addWidget(caption)
        for index, view in enumerate(VIEW_TYPES, start=1):
            button = QPushButton(VIEW_LABELS[view])
            button.setCheckable(True)
            button.setObjectName("ViewButton")
            button.setShortcut(QKeySequence(f"Ctrl+{index}"))
            tip = f"Players see: {VIEW_LABELS[view]} (Ctrl+{index})"
            if view == "ENCOUNTER":
                tip += " — the place and deck they last saw; 'Show to players' shows yours"
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, v=view: self._on_clicked(v))
            self._group.addButton(button)
            self.buttons[view] = button
            row.addWidget(button)
        self._current = ""

    def _on_clicked(self, view: str) -> None:
        # The button shows the table's view, not the click: sync() sets it back if refused.
        self.buttons[view].setChecked(view == self._current)
        if self._current in self.buttons:
            self.buttons[self._current].setChecked(True)
        self.view_requested.emit(view)

    def sync(self, state: TableState) -> None:
        """Light the view the players see."""
        self._current = state.view_type
        button = self.buttons.get(state.view_type)
        if button is not None and not button.isChecked():
            button.setChecked(True)
