"""The Handouts group at the top of the Displays dock: show a handout of the campaign's
handouts/ folder to every display or to one, and see where each shown handout is visible."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox

from desktop.model.aimed import where_seen
from desktop.model.audience import content_key
from desktop.model.state import TableState
from desktop.ui.panels.display_choice import DisplayChoice

EVERY_DISPLAY = "every display"
SHOWN = 5  # the latest handouts listed as shown


class HandoutForm(QGroupBox):
    """Handout, audience and the TV's time; `show_requested(key, displays, seconds)`."""

    show_requested = Signal(str, object, int)

    def __init__(self) -> None:
        super().__init__("Handouts")
        self.setObjectName("HandoutsGroup")
        self.handout = QComboBox()
        self.handout.setAccessibleName("Handout")
        self.audience = DisplayChoice(EVERY_DISPLAY, "Show handout to")
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 3600)
        self.seconds.setSuffix(" s on a TV")
        self.seconds.setSpecialValueText("until tapped")
        self.show_button = QPushButton("Show handout")
        self.shown = QLabel()
        self.shown.setObjectName("Caption")
        self.shown.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        form.addRow("Handout", self.handout)
        form.addRow("Show to", self.audience)
        form.addRow("Clears", self.seconds)
        form.addRow(self.show_button)
        form.addRow(self.shown)
        self.show_button.clicked.connect(self._show)

    def sync(
        self,
        state: TableState,
        handouts: list[tuple[str, str]],
        connected: list[tuple[str, str]],
    ) -> None:
        """The campaign's handouts (key, title), the displays by name (and the `connected`
        ones not set up yet), and the shown handouts."""
        _refill(self.handout, handouts)
        self.audience.sync(state, connected)
        self.show_button.setEnabled(bool(handouts))
        if not handouts:
            self.handout.setPlaceholderText("none: put pictures or texts in handouts/")
        lines = [
            f"{h.title} ({where_seen(state, content_key('handout', h.id)) or 'every display'})"
            for h in reversed(state.handouts[-SHOWN:])
        ]
        text = "Shown: " + "; ".join(lines) if lines else "No handout shown yet."
        if self.shown.text() != text:
            self.shown.setText(text)

    def _show(self) -> None:
        key = self.handout.currentData()
        if isinstance(key, str) and key:
            self.show_requested.emit(key, list(self.audience.displays()), self.seconds.value())


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
