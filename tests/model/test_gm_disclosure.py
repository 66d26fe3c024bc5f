"""What a revealed room gives away is the GM's call: markers, descriptions, mail read, systems."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.model import actions as A
from desktop.model.errors import NotFound
from desktop.model.store import Store
from desktop.storage.persistence import StateFile

from .conftest import open_ship
from .factory import SHIP


def frame(store: Store) -> bytes:
    return store.player_frame().data


def markers(store: Store) -> list[str]:
    emap = store.player_frame().snapshot["encounter_map"]
    assert isinstance(emap, dict)
    return [m["id"] for m in emap["terminals"]] + [m["id"] for m in emap["pois"]]


def test_any_marker_can_be_hidden_and_shown_again_at_any_time(store: Store) -> None:
    open_ship(store, "r-med", "r-bridge")
    assert markers(store) == ["t-med", "p-kit"]
    assert b"Bandages." in frame(store)
    store.dispatch(A.TogglePoi("p-kit", False))
    store.dispatch(A.TogglePoi("t-med", False))
    assert markers(store) == []
    for secret in (b"Med Kit", b"Bandages.", b"p-kit", b"Med Console", b"t-med"):
        assert secret not in frame(store)
    store.dispatch(A.TogglePoi("p-kit"))  # a flip shows it again
    assert markers(store) == ["p-kit"]
    store.dispatch(A.TogglePoi("p-cache", True))  # the campaign's hidden one, revealed
    store.dispatch(A.TogglePoi("p-cache", False))  # and held back again
    store.dispatch(A.TogglePoi("p-cache", True))
    assert markers(store) == ["p-kit", "p-cache"]


def test_hiding_a_marker_is_undone_and_kept_across_a_restart(tmp_path: Path, store: Store) -> None:
    open_ship(store, "r-med")
    store.dispatch(A.TogglePoi("p-kit", False))
    store.undo()
    assert markers(store) == ["t-med", "p-kit"]
    store.redo()
    assert markers(store) == ["t-med"]
    state_file = StateFile(tmp_path / "table.sqlite")
    state_file.attach(store)
    state_file.close()
    again = StateFile(tmp_path / "table.sqlite")
    reloaded = Store(store.campaign, again.load())
    again.close()
    assert markers(reloaded) == ["t-med"]
    assert reloaded.state.locations[SHIP].hidden_pois == frozenset({"p-kit"})


def test_a_room_description_is_held_back_on_the_server(store: Store) -> None:
    open_ship(store, "r-med")
    assert b"Beds." in frame(store)
    store.dispatch(A.SetRoomDescription("r-med", shown=False))
    assert b"Beds." not in frame(store)
    rooms = store.player_frame().snapshot["encounter_map"]["rooms"]  # type: ignore[index]
    assert rooms[0]["name"] == "Medbay" and rooms[0]["description"] == ""
    gm_room = [r for r in store.gm_snapshot()["encounter_map"]["rooms"] if r["id"] == "r-med"]
    assert gm_room[0]["description"] == "Beds." and gm_room[0]["description_shown"] is False
    before = store.state
    assert store.dispatch(A.SetRoomDescription("r-med", shown=False)) is before
    store.undo()
    assert b"Beds." in frame(store)
    store.dispatch(A.SetRoomDescription("r-vault", shown=False))  # prepared before the reveal
    store.dispatch(A.ToggleRoom("r-vault", True))
    assert b"Gold bars." not in frame(store)
    store.dispatch(A.SetRoomDescription("r-vault", shown=True))
    assert b"Gold bars." in frame(store)
    with pytest.raises(NotFound, match="unknown room 'r-none'"):
        store.dispatch(A.SetRoomDescription("r-none", shown=True))


def test_a_mail_opened_on_one_display_reads_as_read_on_all(store: Store) -> None:
    with pytest.raises(NotFound, match="NO SUCH MESSAGE"):  # no terminal overlaid
        store.dispatch(A.MarkMailRead("m1"), actor=A.PLAYER)
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    inbox = store.player_frame().snapshot["terminal"]["inbox"]  # type: ignore[index]
    assert [(m["id"], m["read"]) for m in inbox] == [("m1", False)]
    store.dispatch(A.MarkMailRead("m1"), actor=A.PLAYER)
    inbox = store.player_frame().snapshot["terminal"]["inbox"]  # type: ignore[index]
    assert [(m["id"], m["read"]) for m in inbox] == [("m1", True)]
    assert b'"id":"m1","timestamp":"2183-01-02 10:00:00","priority":"HIGH"' in frame(store)
    before = store.state
    assert store.dispatch(A.MarkMailRead("m1"), actor=A.PLAYER) is before
    with pytest.raises(NotFound, match="NO SUCH MESSAGE ON THIS TERMINAL") as refused:
        store.dispatch(A.MarkMailRead("m3"), actor=A.PLAYER)  # another terminal's mail
    assert "m3" not in str(refused.value)
    assert store.undo_label == "Show Sickbay Terminal"  # reading is no GM change to undo


def open_message(store: Store) -> object:
    return store.player_frame().snapshot["overlay_open_message_id"]


def test_the_opened_mail_is_the_open_one_everywhere_and_kept(tmp_path: Path, store: Store) -> None:
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    assert open_message(store) == ""
    store.dispatch(A.MarkMailRead("m2"), actor=A.PLAYER)  # a sent mail opens too
    assert open_message(store) == "m2"
    store.dispatch(A.MarkMailRead("m1"))  # the GM picks one
    assert open_message(store) == "m1"
    state_file = StateFile(tmp_path / "table.sqlite")
    state_file.attach(store)
    state_file.close()
    again = StateFile(tmp_path / "table.sqlite")
    reloaded = Store(store.campaign, again.load())
    again.close()
    assert open_message(reloaded) == "m1"
    store.dispatch(A.ShowTerminal(SHIP, "vault-term"))
    assert open_message(store) == ""  # another terminal opens on none
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    assert open_message(store) == ""
    store.dispatch(A.MarkMailRead("m1"), actor=A.PLAYER)
    store.dispatch(A.SwitchView("BRIDGE"))  # the overlay goes, and its open mail with it
    assert open_message(store) == "" and store.state.overlay_message == ""


def systems(store: Store) -> dict[str, object]:
    store.dispatch(A.SwitchView("BRIDGE"))
    ship = store.player_frame().snapshot["ship"]
    assert isinstance(ship, dict)
    found: dict[str, object] = ship["systems"]
    return found


def test_a_status_override_without_text_drops_the_campaigns_text_and_bar(store: Store) -> None:
    assert systems(store)["engines"] == {"status": "STRESSED", "condition": 70, "info": "Leaking"}
    store.dispatch(A.SetShipSystem("engines", "CRITICAL"))
    assert systems(store)["engines"] == {"status": "CRITICAL", "condition": None, "info": None}
    store.dispatch(A.SetShipSystem("engines", "CRITICAL", condition=12))
    assert systems(store)["engines"] == {"status": "CRITICAL", "condition": 12, "info": None}
    store.dispatch(A.SetShipSystem("engines", "CRITICAL", info="Fire in the core"))
    want = {"status": "CRITICAL", "condition": 12, "info": "Fire in the core"}
    assert systems(store)["engines"] == want
    store.dispatch(A.SetShipSystem("engines", "STRESSED", condition=70, info="Leaking"))
    assert store.state.ship == {}  # back to the campaign's own: no override left
    assert systems(store)["engines"] == {"status": "STRESSED", "condition": 70, "info": "Leaking"}
    store.dispatch(A.SetShipSystem("comms", "ONLINE", condition=55))  # same status: campaign text
    assert systems(store)["comms"] == {"status": "ONLINE", "condition": 55, "info": ""}
