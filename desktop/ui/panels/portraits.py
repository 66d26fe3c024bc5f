"""The Portraits dock: every NPC, with the ones on the displays lit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.campaign.model import Campaign
from desktop.model.state import TableState
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.look.widgets import label, scroll_body
from desktop.ui.panels.portrait_row import PortraitRow


class PortraitPanel(QScrollArea):
    """Show or dismiss NPC portraits on every display."""

    toggle_requested = Signal(str)  # npc id

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._campaign: Campaign | None = None
        self.rows: dict[str, PortraitRow] = {}
        self.summary = label(name="Caption", wrap=True)
        self._layout = scroll_body(self, QVBoxLayout, margin=6)
        self._layout.setSpacing(4)

    def sync(self, state: TableState, campaign: Campaign) -> None:
        """Rebuild rows when the campaign changed; light the shown portraits."""
        if campaign is not self._campaign:
            self._rebuild(campaign)
        shown = set(state.portraits)
        for npc_id, row in self.rows.items():
            row.sync(npc_id in shown)
        names = [campaign.npcs[n].name for n in state.portraits if n in campaign.npcs]
        self.summary.setText("ON SCREEN: " + (", ".join(names) if names else "none"))

    def _rebuild(self, campaign: Campaign) -> None:
        self._campaign = campaign
        while self._layout.count():
            taken = self._layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None and child is not self.summary:
                child.deleteLater()
        self.rows.clear()
        self._layout.addWidget(self.summary)
        for npc in campaign.npcs.values():
            row = PortraitRow(npc, self._images)
            row.toggle_requested.connect(self.toggle_requested)
            self.rows[npc.id] = row
            self._layout.addWidget(row)
        if not campaign.npcs:
            self._layout.addWidget(QLabel("This campaign has no NPCs."))
        self._layout.addStretch(1)
