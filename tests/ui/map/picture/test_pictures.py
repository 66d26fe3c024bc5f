"""The map's picture without Qt: what the GM map and the player preview draw, as plain values.

No qtbot, no QApplication: the GM's picture of a deck and the players' picture of the same deck
are built from a real Store on the sample campaign and read as values.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.picture.preview import preview_snapshot
from desktop.ui.map.picture.shapes import EMPTY_PICTURE, MapPicture
from desktop.ui.map.picture.snapshot import picture_from_snapshot
from desktop.ui.map.picture.state import StatePictureBuilder

SHIP = "hadal_wren"
ORIGINAL = Path(__file__).resolve().parents[3] / "fixtures" / "original_campaign"
SHOWN = {"airlock", "suit_locker", "d1_corridor"}  # revealed by the store fixture


def gm_picture(store: Store, deck: str = "deck_1") -> MapPicture:
    return StatePictureBuilder().build(store.state, store.campaign, SHIP, deck)


def player_picture(store: Store, deck: str = "deck_1") -> MapPicture:
    return picture_from_snapshot(*preview_snapshot(store, SHIP, deck))


def test_importing_the_picture_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "import desktop.ui.map.picture.shapes, desktop.ui.map.picture.state\n"
        "import desktop.ui.map.picture.snapshot, desktop.ui.map.picture.preview\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'qasync')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_gm_sees_every_room_with_the_hidden_ones_marked(store: Store) -> None:
    picture = gm_picture(store)
    assert {r for r, shape in picture.rooms.items() if shape.revealed} == SHOWN
    assert "bridge" in picture.rooms and not picture.rooms["bridge"].revealed
    assert (picture.width, picture.height) > (0, 0)


def test_the_players_picture_holds_only_what_they_were_shown(store: Store) -> None:
    gm, player = gm_picture(store), player_picture(store)
    assert set(player.rooms) == SHOWN
    assert set(player.markers) < set(gm.markers)
    assert all(player.rooms[r].name == gm.rooms[r].name for r in SHOWN)


def test_a_room_the_gm_reveals_appears_in_both_pictures(store: Store) -> None:
    store.dispatch(a.SetRoomVisibility((("bridge", True),)))
    assert gm_picture(store).rooms["bridge"].revealed
    assert "bridge" in player_picture(store).rooms


def test_a_door_the_gm_opens_reads_open_for_the_gm(store: Store) -> None:
    door = gm_picture(store).doors["door_airlock_inner"]
    assert door.status == "CLOSED"
    store.dispatch(a.SetDoorStatus("door_airlock_inner", "OPEN"))
    assert gm_picture(store).doors["door_airlock_inner"].status == "OPEN"


def test_the_builder_keeps_the_kinds_an_action_did_not_touch(store: Store) -> None:
    builder = StatePictureBuilder()
    before = builder.build(store.state, store.campaign, SHIP, "deck_1")
    store.dispatch(a.SetRoomVisibility((("galley", True),)))
    after = builder.build(store.state, store.campaign, SHIP, "deck_1")
    assert after.rooms is not before.rooms and after.rooms["galley"].revealed
    assert after.doors is before.doors and after.markers is before.markers


def test_an_unknown_deck_falls_back_to_the_default_and_a_place_without_map_draws_nothing(
    store: Store, campaign: Campaign
) -> None:
    builder = StatePictureBuilder()
    fallback = builder.build(store.state, campaign, SHIP, "no_deck")
    assert fallback.deck_id == campaign.location(SHIP).map.default_deck_id  # type: ignore[union-attr]
    assert builder.build(store.state, campaign, "no_such_place", "deck_1") == EMPTY_PICTURE
    assert picture_from_snapshot({"view_type": "STATUS"}, lambda _id: None) == EMPTY_PICTURE


def test_a_hand_made_snapshot_reads_into_shapes_and_bad_values_read_empty() -> None:
    snapshot = {
        "view_type": "ENCOUNTER",
        "encounter_deck_id": "deck_1",
        "encounter_door_status": {"d1": "LOCKED"},
        "encounter_map": {
            "grid": {"width": 20, "height": 12},
            "rooms": [{"id": "galley", "name": "Galley", "x": 2, "y": 3, "width": 4, "height": 3}],
            "doors": [{"id": "d1", "type": "standard", "x": 6, "y": "4.5", "status": "OPEN"}],
            "links": [{"id": "l1", "type": "ladder", "status": "OK", "room_id": "galley"}],
            "pois": [{"id": "kit", "type": "item", "name": "Kit", "room_id": "galley", "x": 3}],
            "terminals": [{"id": "t1", "type": "ignored", "name": "Core", "room_id": "galley"}],
        },
        "encounter_tokens": {
            "tok": {"type": "pc", "name": "Okafor", "x": 3, "y": 4, "status": ["wounded"]}
        },
    }
    picture = picture_from_snapshot(snapshot, lambda _id: None)
    room = picture.rooms["galley"]
    assert (room.name, room.x, room.width, room.status, room.revealed) == (
        "Galley",
        2,
        4,
        "OPERATIONAL",
        True,
    )
    door = picture.doors["d1"]
    assert (door.status, door.x, door.y, door.orientation, door.length) == (
        "LOCKED",
        6.0,
        0.0,
        "v",
        1.0,
    )  # the door's status comes from encounter_door_status; a string y reads 0
    assert picture.links["l1"].x == 0.0 and picture.links["l1"].to_deck == ""
    assert picture.markers["poi:kit"].type == "item" and picture.markers["poi:kit"].x == 3.0
    assert picture.markers["terminal:t1"].type == "terminal"
    token = picture.tokens["tok"]
    assert (token.id, token.name, token.statuses, token.image) == (
        "tok",
        "Okafor",
        ("wounded",),
        None,
    )


def test_a_marker_without_a_name_reads_as_words_on_the_gm_map_as_on_the_displays() -> None:
    """A campaign written the old way leaves a terminal unnamed: the GM map reads "Ops
    Terminal" as the displays do, never its slug."""
    campaign = load_campaign(ORIGINAL)
    store = Store(campaign)
    picture = StatePictureBuilder().build(store.state, campaign, "relay_nine", "upper")
    names = {m.name for m in picture.markers.values()}
    assert "Ops Terminal" in names and "ops_terminal" not in names
    assert "INFIRMARY CONSOLE" in names  # a name the campaign gave stays as it is
