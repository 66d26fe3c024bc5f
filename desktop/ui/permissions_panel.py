"""Which token types the players may drag on their displays."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from desktop.model.state import TOKEN_TYPES, TableState


class PermissionsPanel(QWidget):
    """A checkbox per token type; changing one asks for new player permissions."""

    permissions_requested = Signal(object)  # tuple of movable token types

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.setToolTip("Token types players may drag on their displays")
        for kind in TOKEN_TYPES:
            box = QCheckBox(kind.capitalize())
            box.clicked.connect(self._on_clicked)
            self.boxes[kind] = box
            row.addWidget(box)
        row.addStretch(1)

    def sync(self, state: TableState) -> None:
        """Tick the types the table allows."""
        for kind, box in self.boxes.items():
            wanted = kind in state.movable_types
            if box.isChecked() != wanted:
                box.setChecked(wanted)

    def _on_clicked(self) -> None:
        chosen = tuple(k for k, box in self.boxes.items() if box.isChecked())
        self.permissions_requested.emit(chosen)
