"""The GM's focus: the location and deck the window shows, which players may not see."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.campaign.model import Campaign
from desktop.model.state import TableState


class Focus(QObject):
    """Window-local: which location and deck the map shows (not part of the table state)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location_slug = ""
        self.deck_id = ""

    def set(self, location_slug: str, deck_id: str) -> None:
        """Look at another location or deck."""
        if (location_slug, deck_id) != (self.location_slug, self.deck_id):
            self.location_slug, self.deck_id = location_slug, deck_id
            self.changed.emit()

    def settle(self, state: TableState, campaign: Campaign) -> None:
        """Keep the focus valid for this campaign: a known location (its deck, if it has a map;
        a place without one shows its location card)."""
        location = campaign.location(self.location_slug)
        if location is None:
            self.set(*initial_focus(state, campaign))
            return
        if location.map is None:
            self.set(location.slug, "")
            return
        if location.map.deck(self.deck_id) is None:
            self.set(location.slug, deck_for(state, campaign, location.slug))

    def is_live(self, state: TableState) -> bool:
        """Do the players see exactly this location and deck now?"""
        if state.view_type != "ENCOUNTER" or state.location_slug != self.location_slug:
            return False
        loc = state.locations.get(self.location_slug)
        return loc is not None and loc.deck_id == self.deck_id


def deck_for(state: TableState, campaign: Campaign, location_slug: str) -> str:
    """The deck to show for a location: the table's deck there, else the map's default."""
    loc = state.locations.get(location_slug)
    location = campaign.location(location_slug)
    if location is None or location.map is None:
        return ""
    if loc is not None and location.map.deck(loc.deck_id) is not None:
        return loc.deck_id
    return location.map.default_deck_id


def initial_focus(state: TableState, campaign: Campaign) -> tuple[str, str]:
    """Where the window opens: the shown location, else the first location with a map."""
    slugs = [state.location_slug] if state.location_slug else []
    slugs += [slug for slug, loc in campaign.locations.items() if loc.has_map]
    for slug in slugs:
        location = campaign.location(slug)
        if location is not None and location.map is not None:
            return slug, deck_for(state, campaign, slug)
    return "", ""
