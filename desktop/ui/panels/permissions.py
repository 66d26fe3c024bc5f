"""What the players may do with tokens: which types they drag, and through which doors."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model.state import TOKEN_TYPES, TableState

# The `through_doors` rule as the GM reads it (API.md: open | unlocked (default) | any).
THROUGH_DOORS_LABELS = {
    "open": "through open doors",
    "unlocked": "through unlocked doors",
    "any": "through any door",
}


class PermissionsPanel(QWidget):
    """A checkbox per token type and the door rule; a change asks for new permissions."""

    permissions_requested = Signal(object)  # tuple of movable token types
    through_doors_requested = Signal(str)  # open, unlocked or any

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.setToolTip("Token types players may drag on their displays, and the doors they cross")
        for kind in TOKEN_TYPES:
            box = QCheckBox(kind.capitalize())
            box.clicked.connect(self._on_clicked)
            self.boxes[kind] = box
            row.addWidget(box)
        row.addStretch(1)
        self.doors = QComboBox()
        self.doors.setObjectName("ThroughDoors")
        for rule, label in THROUGH_DOORS_LABELS.items():
            self.doors.addItem(label, rule)
        self.doors.setToolTip(
            "A player's move into another room needs a path of revealed rooms through doors "
            "this lets through (unlocked: not LOCKED or SEALED); the tablet says why when not"
        )
        self.doors.activated.connect(self._on_doors)
        heading = QLabel("Players may move")
        heading.setObjectName("Heading")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.doors)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(top)
        column.addLayout(row)

    def sync(self, state: TableState) -> None:
        """Tick the types the table allows; show its door rule."""
        for kind, box in self.boxes.items():
            wanted = kind in state.movable_types
            if box.isChecked() != wanted:
                box.setChecked(wanted)
        index = self.doors.findData(state.through_doors)
        if index >= 0 and self.doors.currentIndex() != index:
            self.doors.setCurrentIndex(index)

    def _on_clicked(self) -> None:
        chosen = tuple(k for k, box in self.boxes.items() if box.isChecked())
        self.permissions_requested.emit(chosen)

    def _on_doors(self, index: int) -> None:
        self.through_doors_requested.emit(str(self.doors.itemData(index)))
