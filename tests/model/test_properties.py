"""Properties that hold after any sequence of table activity (hypothesis)."""

from __future__ import annotations

from dataclasses import replace

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.errors import DomainError
from desktop.model.projection import player_snapshot
from desktop.model.state import TableState
from desktop.model.store import Store

from .conftest import check_gm, check_player, make_store
from .sequences import Step, prelude, run, step_for

STEPS = st.lists(st.tuples(st.integers(0, 14), st.integers(0, 2**32)), min_size=1, max_size=50)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ENCOUNTER_WRITES = (
    A.ToggleRoom,
    A.SetRoomVisibility,
    A.SetDoorStatus,
    A.SetRoomStatus,
    A.TogglePoi,
    A.PlaceToken,
    A.SwitchLevel,
    A.ClearTokens,
    A.ResetLocation,
)


def check_tokens(state: TableState, campaign: Campaign) -> None:
    """Every token is in the room holding its cell on its deck; ids are unique and opaque."""
    ids: list[str] = []
    for slug, ls in state.locations.items():
        lmap = campaign.locations[slug].map
        cells = set()
        for tid, token in ls.tokens.items():
            assert tid == token.id
            deck = lmap.deck(token.deck_id) if lmap else None
            assert deck is not None
            room = deck.room_at(token.x, token.y)
            assert room is not None and room.id == token.room_id
            assert (token.deck_id, token.x, token.y) not in cells
            cells.add((token.deck_id, token.x, token.y))
            ids.append(tid)
    assert len(ids) == len(set(ids))
    assert not any(i.isdigit() for i in ids)


def check_secrets(state: TableState, campaign: Campaign, data: str, names: bool = True) -> None:
    """Nothing hidden appears in the player bytes (ids; names too unless prose may hold them)."""
    for npc_data in campaign.npcs.values():
        assert not npc_data.description or npc_data.description not in data
    for npc in campaign.npcs:
        if npc not in state.portraits:
            assert f'"{npc}"' not in data
    shown_rooms: set[str] = set()
    shown_pois: set[str] = set()
    if state.view_type == "ENCOUNTER" and state.location_slug in state.locations:
        ls = state.locations[state.location_slug]
        lmap = campaign.locations[state.location_slug].map
        deck = lmap.deck(ls.deck_id) if lmap else None
        if deck is not None:
            shown_rooms = {r.id for r in deck.rooms if r.id in ls.revealed}
            for item in (*deck.pois, *deck.terminals):
                if item.room in shown_rooms and (not item.hidden or item.id in ls.revealed_pois):
                    shown_pois.add(item.id)
        for token in ls.tokens.values():
            visible = deck is not None and token.deck_id == deck.id
            if not (visible and token.room_id in shown_rooms and not token.hidden):
                assert token.id not in data
    for slug, loc in campaign.locations.items():
        ls = state.locations.get(slug)
        for token in ls.tokens.values() if ls and slug != state.location_slug else ():
            assert token.id not in data
        if loc.map is None:
            continue
        for room in loc.map.rooms.values():
            if not (slug == state.location_slug and room.id in shown_rooms):
                _absent(room.id, data, names)
                assert not names or room.name not in data
        for poi in (*loc.map.pois.values(), *loc.map.terminals.values()):
            if not (slug == state.location_slug and poi.id in shown_pois):
                _absent(poi.id, data, names)


class World:
    """The campaign, with a short repr for hypothesis' failure reports."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign

    def __repr__(self) -> str:
        return "World(test campaign)"


@pytest.fixture
def world(campaign: Campaign) -> World:
    return World(campaign)


def _absent(item_id: str, data: str, anywhere: bool) -> None:
    """The id is nowhere (unique test ids), or at least in no place that names a map item."""
    if anywhere:
        assert f'"{item_id}"' not in data
        return
    for pattern in ('"id":"{}"', '"room_id":"{}"', '"{}":true', '"rooms":["{}"', ',"{}"]'):
        assert pattern.format(item_id) not in data


def _unseen(action: object, before: TableState) -> bool:
    if not isinstance(action, ENCOUNTER_WRITES):
        return False
    slug = action.location_slug or before.location_slug
    return before.view_type != "ENCOUNTER" or slug != before.location_slug


def _step(
    store: Store, campaign: Campaign, step: Step, index: int, seen: dict[int, TableState]
) -> None:
    before, frame = store.state, store.player_frame()
    accepted = run(store, step)
    after = store.state
    if not accepted:
        assert after is before
    else:
        assert after.revision in (before.revision, before.revision + 1)
        assert (after is before) == (after.revision == before.revision)
    new_frame = store.player_frame()
    if before.hold and after.hold:
        assert new_frame is frame
    if _unseen(step[0], before) and not before.hold:
        assert new_frame.data == frame.data
    check_tokens(after, campaign)
    # a frame's revision counts frames (API.md "Audiences"): note the state each one shows
    seen.setdefault(new_frame.revision, before if after.hold and not before.hold else after)
    check_secrets(seen[new_frame.revision], campaign, new_frame.data.decode())
    if index % 3 == 0:  # the frame, built from cached parts, shows the state (or the held one)
        snapshot, media = player_snapshot(
            seen[new_frame.revision] if after.hold else after, campaign
        )
        snapshot["revision"] = new_frame.revision
        assert orjson.loads(new_frame.data) == snapshot == new_frame.snapshot
        assert new_frame.media == media
    if index % 10 == 0:
        check_player(new_frame.snapshot)
        check_gm(store.gm_snapshot())


@SETTINGS
@given(STEPS)
def test_any_activity_keeps_the_rules(world: World, steps: list[tuple[int, int]]) -> None:
    campaign = world.campaign
    store = make_store(campaign, validate=False)
    seen: dict[int, TableState] = {}  # a frame's revision -> the state it shows
    for index, (kind, seed) in enumerate(steps):
        if index == 0:
            for step in prelude(kind):
                _step(store, campaign, step, 1, seen)
        _step(store, campaign, step_for(store.state, campaign, kind, seed), index, seen)


@SETTINGS
@given(STEPS)
def test_undo_then_redo_gives_the_same_state(world: World, steps: list[tuple[int, int]]) -> None:
    campaign = world.campaign
    store = make_store(campaign, validate=False)
    for step in prelude(steps[0][0]):
        run(store, step)
    for kind, seed in steps:
        step = step_for(store.state, campaign, kind, seed)
        label = store.undo_label
        if not run(store, step) or step[1] != "gm" or store.undo_label == label:
            continue
        done = store.state
        try:
            store.undo()
        except DomainError:
            continue
        store.redo()
        assert replace(store.state, revision=0) == replace(done, revision=0)
        assert store.state.revision == done.revision + 2
