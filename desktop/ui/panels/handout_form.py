"""Show a handout of the campaign's campaign/handouts/ folder to every display, or to one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QPushButton, QSpinBox, QWidget

EVERY_DISPLAY = "Every display"


class HandoutForm(QWidget):
    """Handout, audience and the TV's time; `show_requested(key, displays, seconds)`."""

    show_requested = Signal(str, object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handout = QComboBox()
        self.audience = QComboBox()
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 3600)
        self.seconds.setSuffix(" s on a TV")
        self.seconds.setSpecialValueText("until tapped")
        self.show_button = QPushButton("Show handout")
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 4)
        form.addRow("Handout", self.handout)
        form.addRow("To", self.audience)
        form.addRow("Clears", self.seconds)
        form.addRow(self.show_button)
        self.show_button.clicked.connect(self._show)

    def sync(self, handouts: list[tuple[str, str]], displays: list[tuple[str, str]]) -> None:
        """The campaign's handouts (key, title) and the displays by id (id, label)."""
        _refill(self.handout, handouts)
        _refill(self.audience, [("", EVERY_DISPLAY), *displays])
        self.show_button.setEnabled(bool(handouts))

    def _show(self) -> None:
        key = self.handout.currentData()
        display = self.audience.currentData()
        if isinstance(key, str) and key:
            chosen = [display] if isinstance(display, str) and display else []
            self.show_requested.emit(key, chosen, self.seconds.value())


def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """The combo's items, keeping the current choice (only when they changed)."""
    if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == items:
        return
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
