"""What a player move may do: hidden tokens cannot be probed, doors follow the GM's rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.activity import player_write_event
from desktop.model.errors import Conflict, DomainError, InvalidInput, NotFound
from desktop.model.store import Store
from desktop.storage.persistence import StateFile

from .conftest import make_store, open_ship, place, token
from .factory import SHIP


def _hidden(store: Store, x: int, y: int, name: str = "Lurker") -> str:
    tid = place(store, x, y, "creature", name)
    store.dispatch(A.UpdateTokenStatus(tid, ("hidden",)))
    return tid


def _refusal(store: Store, action: A.Action) -> tuple[str, str]:
    with pytest.raises(DomainError) as refused:
        store.dispatch(action, actor="player")
    return refused.value.kind, refused.value.message


def test_a_cell_holding_only_a_hidden_token_reads_as_empty(store: Store) -> None:
    open_ship(store, "r-bridge", "r-corr")
    mover = place(store, 1, 1)
    lurker = _hidden(store, 2, 1)
    store.dispatch(A.MoveToken(mover, 2, 1), actor="player")  # taken: both stay
    assert (token(store, mover).x, token(store, lurker).x) == (2, 2)
    assert "Lurker" not in store.player_frame().data.decode()
    event = player_write_event(A.MoveToken(mover, 2, 1), store.state, store.campaign, 0.0)
    assert "Lurker" in event.text and "hidden" in event.text  # the GM is told
    seen = place(store, 3, 1, "creature", "Visible")
    with pytest.raises(Conflict, match="SPACE OCCUPIED"):
        store.dispatch(A.MoveToken(mover, 3, 1), actor="player")
    assert token(store, seen).x == 3


def test_a_cell_with_a_hidden_and_a_visible_token_is_occupied_for_the_same_reason(
    store: Store,
) -> None:
    open_ship(store, "r-bridge")
    first, second = place(store, 1, 1), place(store, 1, 2, name="Ng")
    place(store, 3, 1, "creature", "Visible")
    visible_only = _refusal(store, A.MoveToken(second, 3, 1))
    _hidden(store, 2, 1)
    store.dispatch(A.MoveToken(first, 2, 1), actor="player")  # shares the hidden one's cell
    assert _refusal(store, A.MoveToken(second, 2, 1)) == visible_only
    assert visible_only == ("conflict", "MOVE BLOCKED \u2014 SPACE OCCUPIED")


def test_through_doors_open_unlocked_and_any(store: Store) -> None:
    open_ship(store, "r-bridge", "r-corr", "r-med", "r-vault")
    mover = place(store, 1, 1)
    store.dispatch(A.MoveToken(mover, 6, 0), actor="player")  # a CLOSED door: default passes
    store.dispatch(A.MoveToken(mover, 1, 1), actor="player")
    store.dispatch(A.SetPlayerPermissions(through_doors="open"))
    kind, message = _refusal(store, A.MoveToken(mover, 6, 0))
    assert kind == "forbidden" and message == "ROUTE BLOCKED \u2014 NO PASSABLE DOOR ON THE WAY"
    assert token(store, mover).room_id == "r-bridge"
    store.dispatch(A.SetDoorStatus("c-bridge-corr", "OPEN"))
    store.dispatch(A.MoveToken(mover, 6, 3), actor="player")  # open door, then a passage
    assert token(store, mover).room_id == "r-med"
    store.dispatch(A.SetPlayerPermissions(through_doors="unlocked"))
    assert _refusal(store, A.MoveToken(mover, 10, 3))[0] == "forbidden"  # LOCKED blast door
    store.dispatch(A.ToggleRoom("r-cargo", True))  # the long way round: corridor, cargo
    store.dispatch(A.MoveToken(mover, 10, 3), actor="player")
    assert token(store, mover).room_id == "r-vault"
    store.dispatch(A.ToggleRoom("r-cargo", False))
    assert _refusal(store, A.MoveToken(mover, 6, 3))[0] == "forbidden"  # only the locked door
    assert token(store, mover).room_id == "r-vault"
    store.dispatch(A.SetPlayerPermissions(through_doors="any"))
    store.dispatch(A.MoveToken(mover, 6, 3), actor="player")
    assert token(store, mover).room_id == "r-med"


def test_refusals_never_name_ids_slugs_or_cells(store: Store) -> None:
    open_ship(store, "r-bridge", "r-corr", "r-med", "r-vault")
    mover = place(store, 1, 1)
    store.dispatch(A.SetPlayerPermissions(through_doors="open"))
    _kind, message = _refusal(store, A.MoveToken(mover, 10, 3))
    for secret in ("r-vault", "c-med-vault", SHIP, "10", "vault", "Vault"):
        assert secret not in message


def test_player_permissions_body_and_undo(store: Store) -> None:
    assert A.SetPlayerPermissions.from_body({"through_doors": "any"}) == (
        A.SetPlayerPermissions(None, "any")
    )
    with pytest.raises(InvalidInput, match="through_doors"):
        A.SetPlayerPermissions.from_body({"through_doors": "sometimes"})
    with pytest.raises(InvalidInput, match="movable_types"):
        A.SetPlayerPermissions.from_body({})
    both = A.SetPlayerPermissions.from_body({"movable_types": ["npc"], "through_doors": "open"})
    store.dispatch(both)
    assert (store.state.movable_types, store.state.through_doors) == (("npc",), "open")
    assert store.gm_snapshot()["through_doors"] == "open"
    store.undo()
    assert (store.state.movable_types, store.state.through_doors) == (("player",), "unlocked")


def test_the_rule_survives_a_restart(tmp_path: Path, campaign: Campaign) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    store.dispatch(A.SetPlayerPermissions(through_doors="any"))
    state_file.close()
    state_file = StateFile(path)
    saved = state_file.load()
    assert saved is not None and saved.through_doors == "any"
    state_file.close()


def test_a_question_to_a_made_up_or_inactive_channel_gets_the_same_refusal(
    store: Store,
) -> None:
    open_ship(store)
    store.dispatch(A.SetCharonMode("QUERY"))
    inactive = _refusal(store, A.SubmitQuestion("bridge", "Hello?"))
    made_up = _refusal(store, A.SubmitQuestion("encounter-atlantis", "Hello?"))
    nonsense = _refusal(store, A.SubmitQuestion("nowhere", "Hello?"))
    assert inactive == made_up == nonsense
    assert inactive[0] == "forbidden" and "atlantis" not in inactive[1]
    store.dispatch(A.SubmitQuestion(f"encounter-{SHIP}", "Hello?"), actor="player")
    with pytest.raises(NotFound):  # the GM is told what is wrong
        store.dispatch(A.SubmitQuestion("nowhere", "Hello?"), actor="gm")


def test_the_player_revision_counts_frames_and_survives_a_restart(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    open_ship(store, "r-med")
    shown = store.player_frame()
    for n in range(10):  # hidden GM changes: the GM's revision moves, the players' does not
        store.dispatch(A.SetCharonLocation(f"deck {n}"))
        assert store.player_frame() is shown
    store.dispatch(A.ToggleRoom("r-corr", True))
    seen = store.player_frame()
    assert seen.revision == shown.revision + 1
    state_file.close()  # the app stops right after that frame went out
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    again = store.player_frame()
    assert again.revision >= seen.revision and again.data.replace(
        f'"revision":{again.revision}'.encode(), b""
    ) == seen.data.replace(f'"revision":{seen.revision}'.encode(), b"")
    store.dispatch(A.ToggleRoom("r-bridge", True))
    assert store.player_frame().revision == again.revision + 1
    state_file.close()
