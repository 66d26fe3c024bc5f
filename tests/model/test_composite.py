"""A composite action: one gesture of several actions is one change and one undo step."""

from __future__ import annotations

import pytest

from desktop.model import actions as A
from desktop.model.errors import InvalidInput, NotFound
from desktop.model.store import BROADCAST, Store

from .conftest import place
from .factory import SHIP


def _lower_deck_id(store: Store) -> str:
    location = store.campaign.location(SHIP)
    assert location is not None and location.map is not None
    return next(d.id for d in location.map.decks if d.id != location.map.default_deck_id)


def test_a_composite_applies_every_part_in_one_revision_and_one_broadcast(store: Store) -> None:
    deck = _lower_deck_id(store)
    gesture = A.Composite(
        (A.SwitchView("ENCOUNTER", SHIP), A.SwitchLevel(deck, location_slug=SHIP)), "Show Tempest"
    )
    sent: list[int] = []
    store.subscribe(lambda s: sent.append(s.revision), BROADCAST)
    state = store.dispatch(gesture)
    assert (state.view_type, state.location_slug) == ("ENCOUNTER", SHIP)
    assert state.locations[SHIP].deck_id == deck
    assert state.revision == 1
    assert sent == [1]
    assert store.undo_label == "Show Tempest"


def test_undo_takes_the_whole_gesture_back_and_redo_brings_it_again(store: Store) -> None:
    deck = _lower_deck_id(store)
    store.dispatch(A.SwitchView("BRIDGE"))
    before = store.state
    store.dispatch(
        A.Composite((A.SwitchView("ENCOUNTER", SHIP), A.SwitchLevel(deck, location_slug=SHIP)))
    )
    after = store.state
    store.undo()
    assert store.state.view_type == "BRIDGE"
    assert SHIP not in store.state.locations or store.state.locations == before.locations
    assert store.undo_label == "Show bridge"
    store.redo()
    assert store.state.view_type == "ENCOUNTER"
    assert store.state.locations[SHIP].deck_id == deck == after.locations[SHIP].deck_id


def test_a_failing_part_leaves_the_state_unchanged(store: Store) -> None:
    store.dispatch(A.SwitchView("BRIDGE"))
    before, label = store.state, store.undo_label
    seen: list[int] = []
    store.subscribe(lambda s: seen.append(s.revision), BROADCAST)
    gesture = A.Composite(
        (A.SwitchView("ENCOUNTER", SHIP), A.SwitchLevel("no-such-deck", location_slug=SHIP))
    )
    with pytest.raises(NotFound):
        store.dispatch(gesture)
    assert store.state is before
    assert store.undo_label == label
    assert seen == []


def test_later_parts_see_what_earlier_parts_did(store: Store) -> None:
    store.dispatch(A.SwitchView("ENCOUNTER", SHIP))
    token_id = place(store, 1, 1, "creature", "Hollowed")
    store.dispatch(
        A.Composite(
            (
                A.RenameToken(token_id, "Hollowed 1", SHIP),
                A.PlaceToken("creature", "Hollowed 2", 2, 1),
            )
        )
    )
    names = sorted(t.name for t in store.state.locations[SHIP].tokens.values())
    assert names == ["Hollowed 1", "Hollowed 2"]
    store.undo()
    names = sorted(t.name for t in store.state.locations[SHIP].tokens.values())
    assert names == ["Hollowed"]


def test_players_may_ask_only_for_what_every_part_allows() -> None:
    assert A.Composite((A.HideTerminal(), A.ToggleDialog(False))).player_allowed
    assert not A.Composite((A.HideTerminal(), A.SwitchView("BRIDGE"))).player_allowed
    assert A.Composite((A.SetHold(True), A.SwitchView("BRIDGE"))).undoable
    with pytest.raises(InvalidInput):
        A.Composite(())
