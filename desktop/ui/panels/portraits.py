"""The Portraits dock: every NPC, with the ones on the displays lit and where each is seen;
"Show to" picks every display or one named display."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.campaign.model import Campaign
from desktop.model.aimed import where_seen
from desktop.model.audience import content_key
from desktop.model.state import TableState
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.look.widgets import label, scroll_body
from desktop.ui.panels.display_choice import DisplayChoice
from desktop.ui.panels.portrait_row import PortraitRow


class PortraitPanel(QScrollArea):
    """Show NPC portraits on every display or one, or dismiss them."""

    toggle_requested = Signal(str, str)  # npc id, display id ("" every display)

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._campaign: Campaign | None = None
        self.rows: dict[str, PortraitRow] = {}
        self.summary = label(name="Caption", wrap=True)
        self.target = DisplayChoice("every display", "Show to")
        self.target.setToolTip("Where the next portrait you show appears")
        self._target_row = QWidget()
        target_row = QHBoxLayout(self._target_row)
        target_row.setContentsMargins(0, 0, 0, 0)
        target_row.addWidget(QLabel("Show to"))
        target_row.addWidget(self.target, 1)
        self._layout = scroll_body(self, QVBoxLayout, margin=6)
        self._layout.setSpacing(4)

    def sync(self, state: TableState, campaign: Campaign) -> None:
        """Rebuild rows when the campaign changed; light the shown portraits."""
        if campaign is not self._campaign:
            self._rebuild(campaign)
        self.target.sync(state)
        shown = set(state.portraits)
        for npc_id, row in self.rows.items():
            row.sync(npc_id in shown, where_seen(state, content_key("portrait", npc_id)))
        names = [
            _on_screen(campaign.npcs[n].name, where_seen(state, content_key("portrait", n)))
            for n in state.portraits
            if n in campaign.npcs
        ]
        self.summary.setText("ON SCREEN: " + (", ".join(names) if names else "none"))

    def _rebuild(self, campaign: Campaign) -> None:
        self._campaign = campaign
        while self._layout.count():
            taken = self._layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None and child not in (self.summary, self._target_row):
                child.deleteLater()
        self.rows.clear()
        self._layout.addWidget(self._target_row)
        self._layout.addWidget(self.summary)
        for npc in campaign.npcs.values():
            row = PortraitRow(npc, self._images)
            row.toggle_requested.connect(self._toggle)
            self.rows[npc.id] = row
            self._layout.addWidget(row)
        if not campaign.npcs:
            self._layout.addWidget(QLabel("This campaign has no NPCs."))
        self._layout.addStretch(1)

    def _toggle(self, npc_id: str) -> None:
        self.toggle_requested.emit(npc_id, self.target.chosen())


def _on_screen(name: str, where: str) -> str:
    return f"{name} ({where})" if where else name
