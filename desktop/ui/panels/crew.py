"""The Crew dock: each player character's health and stress, as the bridge display shows them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QWidget

from desktop.campaign.model import Campaign
from desktop.model.gauges import current_gauge
from desktop.model.state import CREW_GAUGES, TableState
from desktop.ui.look.widgets import label, scroll_body
from desktop.ui.panels.gauge_spin import GaugeSpin


class CrewPanel(QScrollArea):
    """One row per crew member: name, role, health and stress (each change one action)."""

    gauge_requested = Signal(str, int, str)  # gauge, value, crew id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._campaign: Campaign | None = None
        self.spins: dict[tuple[str, str], GaugeSpin] = {}  # (crew id, gauge)
        self._grid = scroll_body(self, QGridLayout, margin=8)
        self._grid.setVerticalSpacing(6)

    def sync(self, state: TableState, campaign: Campaign) -> None:
        """Rebuild for another campaign; show the table's values."""
        if campaign is not self._campaign:
            self._rebuild(campaign)
        for (crew_id, gauge), spin in self.spins.items():
            spin.sync(current_gauge(state, campaign, gauge, crew_id))

    def _rebuild(self, campaign: Campaign) -> None:
        self._campaign = campaign
        while self._grid.count():
            taken = self._grid.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.deleteLater()
        self.spins.clear()
        for column, text in enumerate(("Crew", "Health", "Stress")):
            heading = label(text, name="Heading")
            self._grid.addWidget(heading, 0, column)
        for row, member in enumerate(campaign.crew, start=1):
            name = label(member.name, name="RowTitle", wrap=True)
            name.setToolTip(" · ".join(p for p in (member.role, member.char_class) if p))
            self._grid.addWidget(name, row, 0)
            for column, gauge in enumerate(CREW_GAUGES, start=1):
                spin = GaugeSpin()
                spin.setAccessibleName(f"{member.name} {gauge}")
                spin.value_requested.connect(
                    lambda value, g=gauge, c=member.id: self.gauge_requested.emit(g, value, c)
                )
                self.spins[(member.id, gauge)] = spin
                self._grid.addWidget(spin, row, column)
        if not campaign.crew:
            self._grid.addWidget(QLabel("This campaign has no crew."), 1, 0, 1, 3)
        self._grid.setColumnStretch(0, 1)
        self._grid.setRowStretch(len(campaign.crew) + 1, 1)
