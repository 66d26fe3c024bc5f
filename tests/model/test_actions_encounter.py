"""Views, decks, rooms, doors, room statuses, hidden points of interest, reset."""

from __future__ import annotations

import pytest

from desktop.model import actions as A
from desktop.model.errors import Conflict, NotFound
from desktop.model.store import Store

from .conftest import open_ship, place
from .factory import DERELICT, OUTPOST, SHIP


def test_first_visit_hides_every_room_on_the_default_deck(store: Store) -> None:
    state = store.dispatch(A.SwitchView("ENCOUNTER", SHIP))
    assert state.view_type == "ENCOUNTER" and state.location_slug == SHIP
    assert state.locations[SHIP].deck_id == "upper"
    assert state.locations[SHIP].revealed == frozenset()
    snap = store.player_frame().snapshot
    assert snap["encounter_room_visibility"] == {}
    assert snap["encounter_map"]["rooms"] == []  # type: ignore[index]


def test_a_location_opens_again_as_the_gm_left_it(store: Store) -> None:
    open_ship(store, "r-med")
    store.dispatch(A.SwitchLevel("lower"))
    store.dispatch(A.SwitchView("ENCOUNTER", DERELICT))
    store.dispatch(A.SwitchView("BRIDGE"))
    state = store.dispatch(A.SwitchView("ENCOUNTER", SHIP))
    assert state.locations[SHIP].revealed == {"r-med"}
    assert state.locations[SHIP].deck_id == "lower"


def test_switching_the_view_clears_the_overlay_and_keeps_portraits_at_the_same_place(
    store: Store,
) -> None:
    open_ship(store)
    store.dispatch(A.TogglePortrait("kade"))
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    state = store.dispatch(A.SwitchView("BRIDGE"))
    assert (state.overlay_location, state.overlay_terminal) == ("", "")
    assert state.portraits == ("kade",)
    state = store.dispatch(A.SwitchView("ENCOUNTER"))  # the same location again
    assert state.portraits == ("kade",)
    state = store.dispatch(A.SwitchView("ENCOUNTER", DERELICT))
    assert state.portraits == ()


def test_encounter_without_a_location_is_a_conflict_and_unknown_ones_are_404(
    store: Store,
) -> None:
    with pytest.raises(Conflict, match="no location open"):
        store.dispatch(A.SwitchView("ENCOUNTER"))
    with pytest.raises(NotFound, match="unknown location 'atlantis'"):
        store.dispatch(A.SwitchView("ENCOUNTER", "atlantis"))
    assert store.state.revision == 0


def test_a_location_without_a_map_shows_its_card(store: Store) -> None:
    store.dispatch(A.SwitchView("ENCOUNTER", OUTPOST))
    snap = store.player_frame().snapshot
    assert snap["encounter_has_map"] is False
    assert snap["encounter_map"] is None
    assert snap["location_card"] == {
        "name": "Rimward Outpost",
        "type": "base",
        "status": "quiet",
        "description": "A dusty outpost.",
    }
    with pytest.raises(Conflict, match="has no map"):
        store.dispatch(A.PlaceToken("player", "x", 0, 0))
    with pytest.raises(NotFound, match="unknown room"):
        store.dispatch(A.ToggleRoom("r-med"))


def test_a_write_that_changes_nothing_returns_the_same_state(store: Store) -> None:
    open_ship(store, "r-med")
    before = store.state
    assert store.dispatch(A.ToggleRoom("r-med", True)) is before
    assert store.dispatch(A.SwitchView("ENCOUNTER", SHIP)) is before
    assert store.dispatch(A.SwitchLevel("upper")) is before
    assert store.dispatch(A.SetDoorStatus("c-bridge-corr", "CLOSED")) is before
    assert store.dispatch(A.SetRoomStatus("r-med", "WARNING")) is before
    assert store.dispatch(A.ClearTokens()) is before
    assert store.dispatch(A.HideTerminal()) is before
    assert store.state.revision == before.revision


def test_switch_level_deck_id_decides_and_level_only_without_it(store: Store) -> None:
    open_ship(store)
    assert store.dispatch(A.SwitchLevel("lower", level=1)).locations[SHIP].deck_id == "lower"
    assert store.dispatch(A.SwitchLevel("", level=1)).locations[SHIP].deck_id == "upper"
    with pytest.raises(NotFound, match="unknown deck 'basement'"):
        store.dispatch(A.SwitchLevel("basement"))
    with pytest.raises(NotFound, match="unknown deck level 7"):
        store.dispatch(A.SwitchLevel("", level=7))


def test_toggle_room_reveals_hides_and_flips(store: Store) -> None:
    open_ship(store)
    assert "r-med" in store.dispatch(A.ToggleRoom("r-med")).locations[SHIP].revealed
    assert "r-med" not in store.dispatch(A.ToggleRoom("r-med")).locations[SHIP].revealed
    assert "r-med" in store.dispatch(A.ToggleRoom("r-med", True)).locations[SHIP].revealed
    assert "r-med" not in store.dispatch(A.ToggleRoom("r-med", False)).locations[SHIP].revealed


def test_rooms_of_another_deck_are_found_by_id(store: Store) -> None:
    open_ship(store, "r-reactor")
    assert "r-reactor" in store.state.locations[SHIP].revealed
    assert store.player_frame().snapshot["encounter_room_visibility"] == {}


def test_encounter_writes_need_an_open_or_named_location(store: Store) -> None:
    with pytest.raises(Conflict, match="no location open"):
        store.dispatch(A.ToggleRoom("r-med"))
    with pytest.raises(NotFound, match="unknown location"):
        store.dispatch(A.ToggleRoom("r-med", location_slug="atlantis"))
    with pytest.raises(NotFound, match="unknown room 'nowhere'"):
        store.dispatch(A.ToggleRoom("nowhere", location_slug=SHIP))
    with pytest.raises(NotFound, match="unknown deck 'attic'"):
        store.dispatch(A.ToggleRoom("r-med", location_slug=SHIP, deck_id="attic"))
    state = store.dispatch(A.ToggleRoom("r-med", True, location_slug=SHIP))
    assert state.locations[SHIP].revealed == {"r-med"}
    assert state.view_type == "STANDBY"


def test_preparing_an_unseen_place_leaves_the_player_frame_alone(store: Store) -> None:
    open_ship(store, "r-med")
    frame, start = store.player_frame(), store.state.revision
    store.dispatch(A.ToggleRoom("r-hold", True, location_slug=DERELICT))
    store.dispatch(A.PlaceToken("creature", "Thing", 1, 1, location_slug=DERELICT))
    store.dispatch(A.SwitchLevel("main", location_slug=DERELICT))
    store.dispatch(A.ToggleRoom("r-engine", True))  # another deck of the shown location
    lurker = place(store, 1, 1, "creature", "Lurker", deck_id="lower")
    store.dispatch(A.UpdateTokenStatus(lurker, ("wounded",)))
    store.dispatch(A.SetDoorStatus("c-eng-reac", "OPEN"))
    hidden = place(store, 10, 3, "creature", "Vault Lurker")  # in the hidden vault
    store.dispatch(A.MoveToken(hidden, 11, 3))
    assert store.state.revision == start + 8  # switching to its default deck: no change
    assert store.player_frame() is frame


def test_room_visibility_sets_several_and_checks_every_id_first(store: Store) -> None:
    open_ship(store, "r-corr")
    state = store.dispatch(A.SetRoomVisibility((("r-corr", False), ("r-med", True))))
    assert state.locations[SHIP].revealed == {"r-med"}
    with pytest.raises(NotFound, match="unknown room 'ghost'"):
        store.dispatch(A.SetRoomVisibility((("r-bridge", True), ("ghost", True))))
    assert store.state is state


def test_door_status_overrides_and_restores(store: Store) -> None:
    open_ship(store, "r-corr")
    state = store.dispatch(A.SetDoorStatus("c-bridge-corr", "SEALED"))
    assert state.locations[SHIP].door_status == {"c-bridge-corr": "SEALED"}
    assert "SEALED" in store.player_frame().snapshot["encounter_door_status"].values()  # type: ignore[union-attr]
    state = store.dispatch(A.SetDoorStatus("c-bridge-corr", "CLOSED"))  # the campaign's own
    assert state.locations[SHIP].door_status == {}


def test_only_connections_with_a_door_have_a_status(store: Store) -> None:
    open_ship(store)
    with pytest.raises(NotFound, match="unknown door 'c-corr-med'"):
        store.dispatch(A.SetDoorStatus("c-corr-med", "OPEN"))
    with pytest.raises(NotFound, match="unknown door 'nope'"):
        store.dispatch(A.SetDoorStatus("nope", "OPEN"))


def test_room_status_is_a_runtime_override(store: Store) -> None:
    open_ship(store, "r-med")
    store.dispatch(A.SetRoomStatus("r-med", "HAZARD"))
    rooms = store.player_frame().snapshot["encounter_map"]["rooms"]  # type: ignore[index]
    assert rooms[0]["status"] == "HAZARD"
    assert store.dispatch(A.SetRoomStatus("r-med", "WARNING")).locations[SHIP].room_status == {}
    with pytest.raises(NotFound):
        store.dispatch(A.SetRoomStatus("r-nowhere", "HAZARD"))


def test_a_hidden_poi_shows_only_once_revealed(store: Store) -> None:
    open_ship(store, "r-bridge")

    def pois() -> list[str]:
        return [p["id"] for p in store.player_frame().snapshot["encounter_map"]["pois"]]  # type: ignore[index]

    assert pois() == []
    store.dispatch(A.TogglePoi("p-cache"))
    assert pois() == ["p-cache"]
    store.dispatch(A.TogglePoi("p-cache", False))
    assert pois() == []
    before = store.state
    assert store.dispatch(A.TogglePoi("p-cache", False)) is before  # hidden already: no change
    with pytest.raises(NotFound, match="unknown point of interest 'p-none'"):
        store.dispatch(A.TogglePoi("p-none"))


def test_a_hidden_terminal_is_revealed_like_a_poi(store: Store) -> None:
    open_ship(store, "r-vault")
    terminals = store.player_frame().snapshot["encounter_map"]["terminals"]  # type: ignore[index]
    assert terminals == []
    store.dispatch(A.TogglePoi("t-vault", True))
    terminals = store.player_frame().snapshot["encounter_map"]["terminals"]  # type: ignore[index]
    assert [t["id"] for t in terminals] == ["t-vault"]


def test_reset_location_hides_restores_and_removes(store: Store) -> None:
    open_ship(store, "r-med", "r-bridge")
    store.dispatch(A.SetDoorStatus("c-bridge-corr", "OPEN"))
    store.dispatch(A.SetRoomStatus("r-med", "OFFLINE"))
    store.dispatch(A.TogglePoi("p-cache", True))
    place(store, 6, 3)
    state = store.dispatch(A.ResetLocation())
    ls = state.locations[SHIP]
    assert (ls.revealed, ls.door_status, ls.room_status, ls.revealed_pois, ls.tokens) == (
        frozenset(),
        {},
        {},
        frozenset(),
        {},
    )
    assert store.dispatch(A.ResetLocation()) is state
    with pytest.raises(NotFound):
        store.dispatch(A.ResetLocation("atlantis"))
