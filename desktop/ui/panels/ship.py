"""The Ship dock: the ship's name, hull and armor, and every system with the GM's overrides."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.campaign.model import Campaign, Ship
from desktop.model.gauges import current_gauge
from desktop.model.state import SHIP_GAUGES, TableState
from desktop.ui.look.widgets import label, scroll_body
from desktop.ui.panels.gauge_spin import GaugeSpin
from desktop.ui.panels.ship_system_row import ShipSystemRow


class ShipPanel(QScrollArea):
    """Set a system's status, condition and info; the bridge display shows them."""

    system_requested = Signal(str, str, int, str)  # system, status, condition, info
    gauge_requested = Signal(str, int, str)  # hull or armor, value, "" (no crew member)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ship: Ship | bool | None = False  # False: never synced
        self.rows: dict[str, ShipSystemRow] = {}
        self.header = label(name="Heading")
        self.details = label(name="Caption", wrap=True)
        self.gauges = {gauge: GaugeSpin() for gauge in SHIP_GAUGES}
        self._gauge_row = QWidget()
        row = QHBoxLayout(self._gauge_row)
        row.setContentsMargins(0, 0, 0, 0)
        for gauge, spin in self.gauges.items():
            spin.setAccessibleName(gauge)
            spin.value_requested.connect(
                lambda value, g=gauge: self.gauge_requested.emit(g, value, "")
            )
            row.addWidget(QLabel(gauge.capitalize()))
            row.addWidget(spin, 1)
        self._layout = scroll_body(self, QVBoxLayout, margin=6)
        self._layout.setSpacing(4)

    def sync(self, state: TableState, campaign: Campaign) -> None:
        """Rebuild for another ship; show merged values."""
        ship = campaign.ship
        if ship is not self._ship:
            self._rebuild(ship)
        if ship is None:
            return
        for gauge, spin in self.gauges.items():
            spin.sync(current_gauge(state, campaign, gauge))
        for system in ship.systems:
            override = state.ship.get(system.name)
            row = self.rows[system.name]
            row.sync(
                override.status if override and override.status is not None else system.status,
                override.condition
                if override and override.condition is not None
                else system.condition,
                override.info if override and override.info is not None else system.info,
            )

    def _rebuild(self, ship: Ship | None) -> None:
        self._ship = ship
        while self._layout.count():
            taken = self._layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None and child not in (self.header, self.details, self._gauge_row):
                child.deleteLater()
        self.rows.clear()
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.details)
        self._layout.addWidget(self._gauge_row)
        self._gauge_row.setVisible(ship is not None)
        if ship is None:
            self.header.setText("NO SHIP")
            self.details.setText("The campaign has no ship.yaml.")
        else:
            self.header.setText(ship.name)
            self.details.setText(f"{ship.ship_class} · crew {ship.crew_count}/{ship.crew_capacity}")
            for system in ship.systems:
                row = ShipSystemRow(system.name)
                row.system_requested.connect(self.system_requested)
                self.rows[system.name] = row
                self._layout.addWidget(row)
        self._layout.addStretch(1)
