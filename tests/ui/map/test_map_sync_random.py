"""The GM map after any mix of changes draws exactly what a fresh build of the state draws.

The window re-syncs incrementally (memoized shapes, unchanged kinds skipped, items updated in
place). A seeded random run of a few hundred actions, at the shown place and at places being
prepared, with focus moves, deck switches and the player preview toggled, checks at every
re-sync that each item on the map carries the shape a from-scratch build gives.
"""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.campaign.model import Campaign, Deck
from desktop.model import actions as a
from desktop.model.errors import DomainError
from desktop.model.state import LocationState
from desktop.model.store import Store
from desktop.ui.map.picture.preview import preview_snapshot
from desktop.ui.map.picture.snapshot import picture_from_snapshot
from desktop.ui.map.picture.state import StatePictureBuilder
from desktop.ui.window.main_window import MainWindow

SEED = 1125
STEPS = 400
KINDS = ("rooms", "doors", "links", "markers", "tokens")
DOORS = ("OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED")
ROOMS = ("OPERATIONAL", "WARNING", "HAZARD", "OFFLINE")
MARKS = ("wounded", "dead", "panicked", "stunned", "hidden")


def drawn(window: MainWindow) -> dict[str, dict[str, Any]]:
    scene = window.map_panel.scene
    return {kind: {k: i.shape_data for k, i in getattr(scene, kind).items()} for kind in KINDS}


def built_afresh(window: MainWindow, store: Store) -> dict[str, dict[str, Any]]:
    focus = window.focus
    if window.map_panel.preview:
        picture = picture_from_snapshot(
            *preview_snapshot(store, focus.location_slug, focus.deck_id)
        )
    else:
        picture = StatePictureBuilder().build(
            store.state, store.campaign, focus.location_slug, focus.deck_id
        )
    return {kind: dict(getattr(picture, kind)) for kind in KINDS}


class RandomTable:
    """Random actions on the mapped places of the sample campaign."""

    def __init__(self, store: Store, campaign: Campaign, rng: random.Random) -> None:
        self.store, self.rng = store, rng
        self.decks: list[tuple[str, Deck]] = [
            (loc.slug, deck)
            for loc in campaign.locations.values()
            if loc.map is not None
            for deck in loc.map.decks
            if deck.rooms
        ]

    def action(self) -> a.Action:
        rng = self.rng
        slug, deck = rng.choice(self.decks)
        rooms = list(deck.rooms)
        room = rng.choice(rooms)
        x = rng.randrange(room.x, room.x + room.width)
        y = rng.randrange(room.y, room.y + room.height)
        where = {"location_slug": slug, "deck_id": deck.id}
        tokens = [
            token_id
            for token_id, token in self.store.state.locations.get(slug, _NO_PLACE).tokens.items()
            if token.deck_id == deck.id
        ]
        roll = rng.random()
        if roll < 0.05:
            return a.SwitchView("ENCOUNTER", slug)
        if roll < 0.09:
            return a.SwitchLevel(deck.id, location_slug=slug)
        if roll < 0.30:
            return a.ToggleRoom(room.id, rng.random() < 0.7, **where)
        if roll < 0.40 and deck.connections:
            door = rng.choice(deck.connections)
            return a.SetDoorStatus(door.id, rng.choice(DOORS), **where)
        if roll < 0.45:
            return a.SetRoomStatus(room.id, rng.choice(ROOMS), **where)
        if roll < 0.62 or not tokens:
            kind = rng.choice(("player", "npc", "creature", "object"))
            return a.PlaceToken(kind, f"{kind} {x},{y}", x, y, **where)
        token = rng.choice(tokens)
        if roll < 0.80:
            return a.MoveToken(token, x, y, **where)
        if roll < 0.88:
            marks = tuple(rng.sample(MARKS, rng.randrange(0, 3)))
            return a.UpdateTokenStatus(token, marks, location_slug=slug)
        if roll < 0.93:
            return a.RemoveToken(token, location_slug=slug)
        if roll < 0.97:
            return a.RenameToken(token, f"renamed {rng.randrange(100)}", location_slug=slug)
        return a.ResetLocation(slug)


_NO_PLACE = LocationState("")


def test_the_map_always_draws_what_a_fresh_build_draws(
    qtbot: QtBot, window: MainWindow, store: Store, campaign: Campaign
) -> None:
    rng = random.Random(SEED)
    table = RandomTable(store, campaign, rng)
    applied = checks = 0
    for step in range(STEPS):
        if rng.random() < 0.08:
            slug, deck = rng.choice(table.decks)
            window.focus.set(slug, deck.id)
        if rng.random() < 0.03:
            window.map_panel.set_preview(not window.map_panel.preview)
        try:
            store.dispatch(table.action())
            applied += 1
        except DomainError:
            pass  # a busy cell, an unseen token: refused and nothing changed
        if step % 3 == 0:
            window.refresher.flush()
            QApplication.processEvents()
            assert drawn(window) == built_afresh(window, store), f"after step {step}"
            checks += 1
    assert applied > STEPS // 2 and checks > 100
