"""Tokens a campaign change left without a room: listed so the GM can see what went missing."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QWidget

from desktop.campaign.model import Campaign
from desktop.model.state import TableState


class UnplacedList(QListWidget):
    """One line per unplaced token: name, type and the location it was at."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnplacedList")
        self._shown: tuple[object, ...] | None = None

    def sync(self, state: TableState, campaign: Campaign) -> None:
        """Show state.unplaced."""
        if state.unplaced == self._shown:
            return
        self._shown = state.unplaced
        self.clear()
        for slug, token in state.unplaced:
            location = campaign.location(slug)
            where = location.name if location else slug
            self.addItem(f"{token.name} ({token.type}) — was at {where}")
        if not state.unplaced:
            self.addItem("None: every token has a room.")
        self.setMaximumHeight(28 if not state.unplaced else 16777215)
