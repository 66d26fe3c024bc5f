"""Fitting a table state to a campaign that changed since it was saved."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.campaign.model import Campaign, Location
from desktop.model.state import LocationState, TableState, Token


def _location(
    location: Location, lstate: LocationState, unplaced: list[tuple[str, Token]]
) -> LocationState:
    lmap = location.map
    deck_id = lstate.deck_id
    if lmap is not None and lmap.deck(deck_id) is None:
        deck_id = lmap.default_deck_id
    tokens: dict[str, Token] = {}
    for token in lstate.tokens.values():
        deck = lmap.deck(token.deck_id) if lmap else None
        room = deck.room_at(token.x, token.y) if deck else None
        if room is None:
            unplaced.append((location.slug, replace(token, room_id="")))
        else:
            tokens[token.id] = (
                token if room.id == token.room_id else replace(token, room_id=room.id)
            )
    same = len(tokens) == len(lstate.tokens) and all(
        tokens[k] is t for k, t in lstate.tokens.items()
    )
    if same and deck_id == lstate.deck_id:
        return lstate
    return replace(lstate, deck_id=deck_id, tokens=lstate.tokens if same else tokens)


def reconcile(state: TableState, campaign: Campaign) -> TableState:
    """state fitted to campaign: tokens whose room is gone move to `unplaced`, never lost;
    states of unknown locations are kept (harmless); dangling references are cleared."""
    unplaced: list[tuple[str, Token]] = []
    locations: dict[str, LocationState] = {}
    for slug, lstate in state.locations.items():
        location = campaign.location(slug)
        locations[slug] = _location(location, lstate, unplaced) if location else lstate
    changes: dict[str, Any] = {}
    if any(locations[s] is not ls for s, ls in state.locations.items()):
        changes["locations"] = locations
    if unplaced:
        changes["unplaced"] = (*state.unplaced, *unplaced)
    if state.location_slug and campaign.location(state.location_slug) is None:
        changes["location_slug"] = ""
        if state.view_type == "ENCOUNTER":
            changes["view_type"] = "STANDBY"
    portraits = tuple(p for p in state.portraits if p in campaign.npcs)
    if portraits != state.portraits:
        changes["portraits"] = portraits
    overlay = campaign.location(state.overlay_location)
    if state.overlay_location and (overlay is None or not overlay.terminal(state.overlay_terminal)):
        changes["overlay_location"] = changes["overlay_terminal"] = ""
        changes["overlay_message"] = ""
    return replace(state, **changes) if changes else state
