"""Fitting a table state to a campaign that changed since it was saved."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.campaign.model import Campaign, Location
from desktop.model.state import LocationState, TableState, Token


def _still_revealed(
    revealed: frozenset[str], location: Location, before: Location | None
) -> frozenset[str]:
    """The reveals without the rooms whose cells changed since `before` (an edited room shows
    players nothing new until the GM reveals it again)."""
    if before is None or before.map is None or location.map is None:
        return revealed
    old, new = before.map.rooms, location.map.rooms
    return frozenset(
        room_id
        for room_id in revealed
        if room_id not in old
        or room_id not in new
        or (
            old[room_id].deck_id == new[room_id].deck_id
            and set(old[room_id].cells()) == set(new[room_id].cells())
        )
    )


def _location(
    location: Location,
    lstate: LocationState,
    unplaced: list[tuple[str, Token]],
    before: Location | None = None,
) -> LocationState:
    revealed = _still_revealed(lstate.revealed, location, before)
    if revealed != lstate.revealed:
        lstate = replace(lstate, revealed=revealed)
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


def reconcile(state: TableState, campaign: Campaign, before: Campaign | None = None) -> TableState:
    """state fitted to campaign: tokens whose room is gone move to `unplaced`, never lost;
    states of unknown locations are kept (harmless); dangling references are cleared. Given
    the campaign `before` a reload, a revealed room whose cells changed is hidden again."""
    unplaced: list[tuple[str, Token]] = []
    locations: dict[str, LocationState] = {}
    for slug, lstate in state.locations.items():
        location = campaign.location(slug)
        old = before.location(slug) if before is not None else None
        locations[slug] = _location(location, lstate, unplaced, old) if location else lstate
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
