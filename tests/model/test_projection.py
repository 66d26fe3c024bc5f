"""The player projection hides what players must not see; the GM snapshot shows it all."""

from __future__ import annotations

import orjson

from desktop.campaign.model import Campaign, Room
from desktop.model import actions as A
from desktop.model.geometry import door_geometry
from desktop.model.gm_projection import gm_snapshot
from desktop.model.projection import player_snapshot
from desktop.model.store import Store

from .conftest import check_gm, check_player, open_ship, place
from .factory import SHIP


def _bytes(store: Store) -> str:
    return store.player_frame().data.decode()


def test_only_revealed_rooms_of_the_shown_deck_reach_players(store: Store) -> None:
    open_ship(store, "r-med", "r-engine")
    snap = store.player_frame().snapshot
    assert [r["id"] for r in snap["encounter_map"]["rooms"]] == ["r-med"]  # type: ignore[index]
    assert snap["encounter_room_visibility"] == {"r-med": True}
    data = _bytes(store)
    for secret in ("r-vault", "Secret Vault", "Gold bars", "r-engine", "Engine Room", "lower"):
        assert secret not in data
    for secret in ("r-cargo", "Cargo Bay", "r-bridge", "Command Deck", "Gold Pile", "p-gold"):
        assert secret not in data


def test_doors_show_position_and_status_never_the_room_behind(store: Store) -> None:
    open_ship(store, "r-med")
    snap = store.player_frame().snapshot
    doors = snap["encounter_map"]["doors"]  # type: ignore[index]
    statuses = snap["encounter_door_status"]
    by_type = {d["type"]: d for d in doors}
    assert set(by_type) == {"passage", "blast_door"}  # corridor passage, the vault's door
    vault_door = by_type["blast_door"]
    assert set(vault_door) == {"id", "type", "x", "y", "orientation", "ends", "corridor"}
    assert statuses[vault_door["id"]] == "LOCKED"  # type: ignore[index]
    assert (vault_door["x"], vault_door["y"], vault_door["orientation"]) == (9.0, 3.5, "v")
    assert statuses[by_type["passage"]["id"]] == "OPEN"  # type: ignore[index]
    assert by_type["passage"]["orientation"] == "h"
    data = _bytes(store)
    assert "c-med-vault" not in data and "c-corr-med" not in data
    assert "r-corr" not in data and "r-vault" not in data


def test_door_ids_are_opaque_and_stable(store: Store) -> None:
    open_ship(store, "r-med")
    first = [d["id"] for d in store.player_frame().snapshot["encounter_map"]["doors"]]  # type: ignore[index]
    store.dispatch(A.ToggleRoom("r-corr", True))
    second = [d["id"] for d in store.player_frame().snapshot["encounter_map"]["doors"]]  # type: ignore[index]
    assert set(first) <= set(second)
    assert all(len(i) == 11 and not i.startswith("c-") for i in second)


def test_links_lose_their_far_end(store: Store) -> None:
    open_ship(store, "r-cargo")
    links = store.player_frame().snapshot["encounter_map"]["links"]  # type: ignore[index]
    assert len(links) == 1
    assert links[0]["room_id"] == "r-cargo" and links[0]["type"] == "ladder"
    assert links[0]["direction"] == "down"
    assert set(links[0]) == {"id", "type", "status", "room_id", "x", "y", "direction"}
    assert "r-engine" not in _bytes(store) and "l-ladder" not in _bytes(store)
    store.dispatch(A.SwitchLevel("lower"))
    store.dispatch(A.ToggleRoom("r-engine", True))
    links = store.player_frame().snapshot["encounter_map"]["links"]  # type: ignore[index]
    assert [(k["room_id"], k["direction"]) for k in links] == [("r-engine", "up")]
    assert "r-cargo" not in _bytes(store)


def test_hidden_tokens_and_tokens_elsewhere_never_reach_players(store: Store) -> None:
    open_ship(store, "r-bridge")
    seen = place(store, 1, 1, name="Visible Val")
    hidden = place(store, 2, 1, "creature", "Lurking Larry")
    store.dispatch(A.UpdateTokenStatus(hidden, ("hidden", "wounded")))
    in_dark = place(store, 10, 3, "creature", "Vault Vermin")
    below = place(store, 1, 1, "creature", "Deep Dweller", deck_id="lower")
    tokens = store.player_frame().snapshot["encounter_tokens"]
    assert list(tokens) == [seen]  # type: ignore[call-overload]
    data = _bytes(store)
    for secret in (hidden, "Lurking Larry", in_dark, "Vault Vermin", below, "Deep Dweller"):
        assert secret not in data


def test_only_shown_npcs_and_never_their_description(store: Store) -> None:
    store.dispatch(A.TogglePortrait("ghost"))
    data = _bytes(store)
    assert "The Whisper" in data
    assert "NPC-DESC-SECRET" not in data
    assert "Dr. Kade" not in data and "killer" not in data


def test_only_the_overlaid_terminal_mail(store: Store) -> None:
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    data = _bytes(store)
    assert "Lab results" in data
    assert "VAULT CODE" not in data


def test_no_file_paths_and_no_gm_context(store: Store, campaign: Campaign) -> None:
    store.dispatch(A.SetCharonLocation("galaxy/secret-base"))
    store.dispatch(A.TogglePortrait("kade"))
    store.dispatch(A.SwitchView("BRIDGE"))
    data = _bytes(store)
    assert str(campaign.root) not in data
    assert ".png" not in data and "galaxy/" not in data
    assert "secret-base" not in data


def test_bridge_only_ship_crew_and_sessions(store: Store) -> None:
    assert "ship" not in store.player_frame().snapshot
    store.dispatch(A.SwitchView("BRIDGE"))
    snap = store.player_frame().snapshot
    assert snap["ship"]["name"] == "Hadal"  # type: ignore[index]
    assert snap["crew"][0]["stats"] == {"str": 30}  # type: ignore[index]
    assert snap["sessions"][0]["title"] == "Arrival"  # type: ignore[index]
    assert snap["location_slug"] == ""


def test_the_gm_snapshot_has_everything(store: Store) -> None:
    open_ship(store, "r-med")
    hidden = place(store, 10, 3, "creature", "Vault Vermin")
    below = place(store, 1, 1, deck_id="lower")
    store.dispatch(A.UpdateTokenStatus(hidden, ("hidden",)))
    snap = store.gm_snapshot()
    rooms = {r["id"]: r["revealed"] for r in snap["encounter_map"]["rooms"]}  # type: ignore[index]
    assert rooms == {
        "r-bridge": False,
        "r-corr": False,
        "r-med": True,
        "r-vault": False,
        "r-cargo": False,
    }
    assert {d["id"] for d in snap["encounter_map"]["doors"]} >= {"c-med-vault"}  # type: ignore[index]
    tokens = snap["encounter_tokens"]
    assert tokens[hidden]["hidden"] is True  # type: ignore[index]
    assert tokens[below]["deck_id"] == "lower"  # type: ignore[index]
    assert snap["encounter_npc_data"]["ghost"]["description"] == "NPC-DESC-SECRET"  # type: ignore[index]
    assert snap["undo_label"] == "Token status hidden"
    assert snap["hold"] is False


def test_pure_functions_match_the_store(store: Store, campaign: Campaign) -> None:
    open_ship(store, "r-med")
    snap, media = player_snapshot(store.state, campaign)
    snap["revision"] = store.player_frame().revision  # the frames players got, not the changes
    assert orjson.dumps(snap) == store.player_frame().data
    assert media == {}
    check_player(snap)
    check_gm(gm_snapshot(store.state, campaign))


def test_door_geometry_on_shared_walls() -> None:
    def room(x: int, y: int, w: int, h: int) -> Room:
        return Room("r", "r", x, y, w, h, "d")

    assert door_geometry(room(0, 0, 4, 4), room(4, 1, 3, 5)) == (4.0, 2.5, "v", 3.0)
    assert door_geometry(room(4, 1, 3, 5), room(0, 0, 4, 4)) == (4.0, 2.5, "v", 3.0)
    assert door_geometry(room(0, 0, 4, 2), room(1, 2, 2, 2)) == (2.0, 2.0, "h", 2.0)
    assert door_geometry(room(0, 0, 2, 2), room(5, 0, 2, 2)) == (3.5, 1.0, "v", 1.0)
    assert door_geometry(room(0, 0, 2, 2), room(0, 6, 2, 2)) == (1.0, 4.0, "h", 1.0)
