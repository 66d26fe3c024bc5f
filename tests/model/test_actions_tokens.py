"""Tokens: placing, moving (GM and player rules), removing, renaming, statuses, clearing."""

from __future__ import annotations

import pytest

from desktop.model import actions as A
from desktop.model.errors import Conflict, Forbidden, InvalidInput, NotFound
from desktop.model.store import Store

from .conftest import open_ship, place, token
from .factory import DERELICT, SHIP


def test_the_cell_decides_the_room_and_room_id_is_ignored(store: Store) -> None:
    open_ship(store)
    action = A.PlaceToken.from_body(
        {"type": "player", "name": "Reyes", "x": 6, "y": 3, "room_id": "r-bridge"}
    )
    store.dispatch(action)
    tid = store.last_reply["token_id"]
    assert isinstance(tid, str)
    placed = token(store, tid)
    assert (placed.room_id, placed.deck_id, placed.x, placed.y) == ("r-med", "upper", 6, 3)


def test_deck_id_decides_the_deck_and_a_disagreeing_level_is_ignored(store: Store) -> None:
    open_ship(store)
    tid = place(store, 6, 1, deck_id="lower", level=1)
    assert (token(store, tid).deck_id, token(store, tid).room_id) == ("lower", "r-reactor")
    tid = place(store, 1, 1, level=0)
    assert token(store, tid).deck_id == "lower"


def test_a_cell_outside_every_room_is_400_and_an_occupied_one_409(store: Store) -> None:
    open_ship(store)
    place(store, 6, 3)
    before = store.state
    with pytest.raises(InvalidInput, match=r"cell \(19, 11\) is outside every room"):
        store.dispatch(A.PlaceToken("player", "x", 19, 11))
    with pytest.raises(InvalidInput, match="outside every room"):
        store.dispatch(A.PlaceToken("player", "x", -1, 0))
    with pytest.raises(Conflict, match=r"cell \(6, 3\) is occupied"):
        store.dispatch(A.PlaceToken("player", "x", 6, 3))
    assert store.state is before
    place(store, 6, 3, deck_id="lower")  # the same cell on another deck is free


def test_placing_checks_404_before_409(store: Store) -> None:
    with pytest.raises(Conflict, match="no location open"):
        store.dispatch(A.PlaceToken("player", "x", 1, 1))
    with pytest.raises(NotFound, match="unknown location"):
        store.dispatch(A.PlaceToken("player", "x", 1, 1, location_slug="atlantis"))
    with pytest.raises(NotFound, match="unknown deck"):
        store.dispatch(A.PlaceToken("player", "x", 1, 1, location_slug=SHIP, deck_id="attic"))
    with pytest.raises(NotFound, match=r"unknown token image 'nope\.png'"):
        store.dispatch(A.PlaceToken("player", "x", 1, 1, "nope.png", location_slug=SHIP))


def test_token_images_are_campaign_ids_or_older_urls_naming_their_file(store: Store) -> None:
    open_ship(store)
    tid = place(store, 1, 1, image="token:alien")
    assert token(store, tid).image == "token:alien"
    tid = place(store, 2, 1, image="/data/campaign/tokens/alien.png")
    assert token(store, tid).image == "token:alien"


def test_token_ids_are_random_and_never_sequential(campaign: object) -> None:
    store = Store(campaign)  # type: ignore[arg-type]  # the real id generator
    open_ship(store)
    ids = [place(store, x, 0, name=f"t{x}") for x in range(5)]
    assert len(set(ids)) == 5
    assert all(len(i) >= 10 and not i.isdigit() for i in ids)
    assert sorted(ids) != ids or sorted(ids, reverse=True) != ids


def test_the_gm_moves_across_rooms_and_decks(store: Store) -> None:
    open_ship(store)
    tid = place(store, 1, 1)
    store.dispatch(A.MoveToken(tid, 6, 3))
    assert token(store, tid).room_id == "r-med"
    store.dispatch(A.MoveToken(tid, 7, 1, deck_id="lower"))
    moved = token(store, tid)
    assert (moved.deck_id, moved.room_id) == ("lower", "r-reactor")
    store.dispatch(A.MoveToken(tid, 8, 2))  # stays on its deck
    assert token(store, tid).deck_id == "lower"
    before = store.state
    assert store.dispatch(A.MoveToken(tid, 8, 2)) is before
    with pytest.raises(InvalidInput, match="outside every room"):
        store.dispatch(A.MoveToken(tid, 12, 12))
    with pytest.raises(NotFound, match="unknown token 'zzz'"):
        store.dispatch(A.MoveToken("zzz", 1, 1))


def test_moving_onto_another_token_is_a_conflict(store: Store) -> None:
    open_ship(store)
    a, b = place(store, 1, 1), place(store, 2, 1)
    with pytest.raises(Conflict, match="occupied"):
        store.dispatch(A.MoveToken(a, 2, 1))
    assert token(store, a).x == 1 and token(store, b).x == 2


def test_tokens_at_an_unseen_location_are_found_by_id(store: Store) -> None:
    open_ship(store)
    store.dispatch(A.PlaceToken("creature", "Thing", 1, 1, location_slug=DERELICT))
    tid = store.last_reply["token_id"]
    assert isinstance(tid, str)
    store.dispatch(A.MoveToken(tid, 4, 1))
    assert token(store, tid, DERELICT).room_id == "r-lab"
    with pytest.raises(NotFound):
        store.dispatch(A.MoveToken(tid, 4, 1, location_slug=SHIP))


def _player_ready(store: Store) -> str:
    open_ship(store, "r-bridge", "r-corr")
    return place(store, 1, 1)


def test_a_player_moves_a_visible_player_token_into_a_revealed_room(store: Store) -> None:
    tid = _player_ready(store)
    store.dispatch(A.MoveToken(tid, 6, 0), actor="player")
    assert token(store, tid).room_id == "r-corr"


@pytest.mark.parametrize(
    ("x", "y", "reason"),
    [
        (6, 3, "AREA NOT SURVEYED"),  # the hidden medbay
        (19, 11, "AREA NOT SURVEYED"),  # outside every room: same answer, no hint of walls
        (14, 1, "AREA NOT SURVEYED"),  # the hidden cargo bay
    ],
)
def test_a_player_may_not_move_into_a_hidden_room_or_nowhere(
    store: Store, x: int, y: int, reason: str
) -> None:
    tid = _player_ready(store)
    before = store.state
    with pytest.raises(Forbidden, match=reason):
        store.dispatch(A.MoveToken(tid, x, y), actor="player")
    assert store.state is before


def test_a_player_may_not_move_what_the_gm_does_not_allow(store: Store) -> None:
    tid = _player_ready(store)
    npc = place(store, 2, 2, "npc", "Kade")
    with pytest.raises(Forbidden, match="CREW MAY NOT MOVE THIS MARKER"):
        store.dispatch(A.MoveToken(npc, 3, 2), actor="player")
    store.dispatch(A.SetPlayerPermissions(("player", "npc")))
    store.dispatch(A.MoveToken(npc, 3, 2), actor="player")
    with pytest.raises(Forbidden, match="DECK TRANSFER NOT AUTHORISED"):
        store.dispatch(A.MoveToken(tid, 1, 1, deck_id="lower"), actor="player")
    with pytest.raises(Forbidden, match="OUTSIDE THIS LOCATION"):
        store.dispatch(A.MoveToken(tid, 2, 1, location_slug=DERELICT), actor="player")


def test_a_player_may_not_move_what_players_cannot_see(store: Store) -> None:
    tid = _player_ready(store)
    store.dispatch(A.UpdateTokenStatus(tid, ("hidden",)))
    with pytest.raises(NotFound, match="NO SUCH MARKER ON THIS DECK"):
        store.dispatch(A.MoveToken(tid, 2, 1), actor="player")
    in_medbay = place(store, 6, 3)
    with pytest.raises(NotFound, match="NO SUCH MARKER ON THIS DECK"):
        store.dispatch(A.MoveToken(in_medbay, 2, 2), actor="player")
    lower = place(store, 1, 1, deck_id="lower")
    with pytest.raises(NotFound, match="NO SUCH MARKER ON THIS DECK"):
        store.dispatch(A.MoveToken(lower, 2, 2), actor="player")
    store.dispatch(A.SwitchView("BRIDGE"))
    with pytest.raises(NotFound, match="NO SUCH MARKER ON THIS DECK"):
        store.dispatch(A.MoveToken(in_medbay, 2, 2), actor="player")


def test_player_errors_come_in_the_order_404_403_409(store: Store) -> None:
    tid = _player_ready(store)
    other = place(store, 2, 1)
    with pytest.raises(NotFound):
        store.dispatch(A.MoveToken("unknown", 6, 3), actor="player")
    elsewhere = place(store, 1, 1, "creature", "x", location_slug=DERELICT)
    with pytest.raises(NotFound):  # players know only the shown location
        store.dispatch(A.MoveToken(elsewhere, 1, 2), actor="player")
    with pytest.raises(Forbidden):  # occupied, but the room is hidden: 403 first
        store.dispatch(A.MoveToken(tid, 6, 3, deck_id="lower"), actor="player")
    with pytest.raises(Conflict, match="SPACE OCCUPIED"):
        store.dispatch(A.MoveToken(tid, 2, 1), actor="player")
    assert token(store, other).x == 2


def test_no_location_shown_means_no_token_for_players(store: Store) -> None:
    with pytest.raises(NotFound):
        store.dispatch(A.MoveToken("anything", 1, 1), actor="player")


def test_players_may_not_place_remove_or_rename(store: Store) -> None:
    tid = _player_ready(store)
    for action in (
        A.PlaceToken("player", "x", 2, 2),
        A.RemoveToken(tid),
        A.RenameToken(tid, "Bob"),
        A.UpdateTokenStatus(tid, ("dead",)),
        A.ClearTokens(),
    ):
        with pytest.raises(Forbidden, match="players may not"):
            store.dispatch(action, actor="player")


def test_remove_rename_and_statuses(store: Store) -> None:
    open_ship(store)
    tid = place(store, 1, 1)
    store.dispatch(A.RenameToken(tid, "Sgt. Reyes"))
    assert token(store, tid).name == "Sgt. Reyes"
    store.dispatch(A.UpdateTokenStatus(tid, ("wounded", "stunned")))
    assert token(store, tid).statuses == ("wounded", "stunned")
    before = store.state
    assert store.dispatch(A.UpdateTokenStatus(tid, ("stunned", "wounded"))) is before
    assert store.dispatch(A.RenameToken(tid, "Sgt. Reyes")) is before
    store.dispatch(A.RemoveToken(tid))
    assert tid not in store.state.locations[SHIP].tokens
    for action in (A.RemoveToken(tid), A.RenameToken(tid, "x"), A.UpdateTokenStatus(tid, ())):
        with pytest.raises(NotFound):
            store.dispatch(action)


def test_clear_tokens_clears_only_the_deck(store: Store) -> None:
    open_ship(store)
    place(store, 1, 1)
    place(store, 2, 1)
    lower = place(store, 1, 1, deck_id="lower")
    state = store.dispatch(A.ClearTokens())
    assert list(state.locations[SHIP].tokens) == [lower]
    state = store.dispatch(A.ClearTokens(deck_id="lower"))
    assert state.locations[SHIP].tokens == {}
