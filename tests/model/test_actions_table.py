"""Terminal overlay, portraits, the ship computer, the ship, hold, permissions, sessions."""

from __future__ import annotations

import pytest

from desktop.model import actions as A
from desktop.model.errors import Conflict, Forbidden, NotFound
from desktop.model.state import SystemOverride
from desktop.model.store import Store

from .conftest import open_ship
from .factory import SHIP


def test_show_and_hide_a_terminal(store: Store) -> None:
    state = store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    assert (state.overlay_location, state.overlay_terminal) == (SHIP, "med-term")
    terminal = store.player_frame().snapshot["terminal"]
    assert isinstance(terminal, dict)
    assert terminal["owner"] == "Dr. Kade"
    assert [m["subject"] for m in terminal["inbox"]] == ["Lab results"]
    assert terminal["inbox"][0]["body"][0]["spans"][1] == {
        "text": "stable",
        "marks": ["strong"],
        "href": "",
    }
    with pytest.raises(NotFound, match="unknown terminal 'x'"):
        store.dispatch(A.ShowTerminal(SHIP, "x"))
    with pytest.raises(NotFound, match="unknown location"):
        store.dispatch(A.ShowTerminal("atlantis", "med-term"))
    store.dispatch(A.HideTerminal(), actor="player")
    assert store.player_frame().snapshot["terminal"] is None
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    assert store.dispatch(A.ShowTerminal("", "")).overlay_terminal == ""


def test_portraits_toggle_in_order(store: Store) -> None:
    store.dispatch(A.TogglePortrait("kade"))
    store.dispatch(A.TogglePortrait("ghost"))
    snap = store.player_frame().snapshot
    assert snap["encounter_active_portraits"] == ["kade", "ghost"]
    assert snap["encounter_npc_data"]["ghost"] == {  # type: ignore[index]
        "id": "ghost",
        "name": "The Whisper",
        "role": "Unknown",
        "portrait_url": "",
    }
    assert store.dispatch(A.TogglePortrait("kade")).portraits == ("ghost",)
    with pytest.raises(NotFound, match="unknown NPC 'nobody'"):
        store.dispatch(A.TogglePortrait("nobody"))


def test_ship_computer_mode_context_and_dialog(store: Store) -> None:
    assert store.dispatch(A.SetCharonMode("QUERY")).charon.mode == "QUERY"
    assert store.dispatch(A.SetCharonLocation("galaxy/x")).charon.location_path == "galaxy/x"
    assert store.dispatch(A.ToggleDialog()).charon.dialog_open is True
    assert store.dispatch(A.ToggleDialog(True)).charon.dialog_open is True
    assert store.dispatch(A.ToggleDialog()).charon.dialog_open is False


def test_players_may_only_close_the_dialog(store: Store) -> None:
    for action in (A.ToggleDialog(True), A.ToggleDialog()):
        with pytest.raises(Forbidden, match="only close"):
            store.dispatch(action, actor="player")
    store.dispatch(A.ToggleDialog(True))
    assert store.dispatch(A.ToggleDialog(), actor="player").charon.dialog_open is False
    store.dispatch(A.ToggleDialog(True))
    assert store.dispatch(A.ToggleDialog(False), actor="player").charon.dialog_open is False


def test_the_active_channel_follows_the_view(store: Store) -> None:
    assert store.state.charon_channel == "story"
    store.dispatch(A.SwitchView("BRIDGE"))
    assert store.player_frame().snapshot["charon_active_channel"] == "bridge"
    open_ship(store)
    assert store.state.charon_channel == f"encounter-{SHIP}"
    store.dispatch(A.SwitchView("CHARON_TERMINAL"))
    assert store.state.charon_channel == "story"


def test_questions_only_in_query_mode_on_the_active_channel(store: Store) -> None:
    with pytest.raises(Forbidden, match="NOT TAKING QUESTIONS"):
        store.dispatch(A.SubmitQuestion("story", "Hello?"), actor="player")
    store.dispatch(A.SetCharonMode("QUERY"))
    with pytest.raises(Forbidden, match="NOT LISTENING ON THIS CHANNEL"):
        store.dispatch(A.SubmitQuestion("bridge", "Hello?"), actor="player")
    with pytest.raises(Forbidden, match="NOT LISTENING ON THIS CHANNEL"):  # 403 as well: no probe
        store.dispatch(A.SubmitQuestion("encounter-atlantis", "Hello?"), actor="player")
    with pytest.raises(NotFound, match="unknown channel"):  # the GM is told what is wrong
        store.dispatch(A.SubmitQuestion("encounter-atlantis", "Hello?"))
    store.dispatch(A.SubmitQuestion("story", "Where are we?"), actor="player")
    query_id = store.last_reply["query_id"]
    snap = store.player_frame().snapshot
    assert snap["charon_pending"] is True
    assert snap["charon_conversation"][0]["content"] == "Where are we?"  # type: ignore[index]
    store.dispatch(A.CharonSend("story", "Adrift.", str(query_id)))
    snap = store.player_frame().snapshot
    assert snap["charon_pending"] is False
    entries = snap["charon_conversation"]
    assert [(e["role"], e["in_reply_to"]) for e in entries] == [  # type: ignore[attr-defined]
        ("player", ""),
        ("charon", query_id),
    ]


def test_answers_and_dismissals_name_a_known_question(store: Store) -> None:
    with pytest.raises(NotFound, match="unknown question 'q9'"):
        store.dispatch(A.CharonSend("story", "Hi", "q9"))
    with pytest.raises(NotFound, match="unknown question"):
        store.dispatch(A.DismissQuestion("story", "q9"))
    with pytest.raises(NotFound, match="unknown channel 'lobby'"):
        store.dispatch(A.ClearConversation("lobby"))
    store.dispatch(A.SetCharonMode("QUERY"))
    store.dispatch(A.SubmitQuestion("story", "Why?"), actor="player")
    query_id = str(store.last_reply["query_id"])
    state = store.dispatch(A.DismissQuestion("story", query_id))
    assert state.charon.conversations == {}
    store.dispatch(A.CharonSend("story", "One."))
    store.dispatch(A.CharonSend("bridge", "Two."))
    state = store.dispatch(A.ClearConversation("story"))
    assert list(state.charon.conversations) == ["bridge"]
    assert store.dispatch(A.ClearConversation("story")) is state


def test_ship_overrides_merge_over_the_campaign(store: Store) -> None:
    store.dispatch(A.SetShipSystem("engines", "DAMAGED", 40, "Fire"))
    store.dispatch(A.SetShipSystem("engines", "CRITICAL"))
    assert store.state.ship["engines"] == SystemOverride("CRITICAL", 40, "Fire")
    store.dispatch(A.SwitchView("BRIDGE"))
    systems = store.player_frame().snapshot["ship"]["systems"]  # type: ignore[index]
    assert systems["engines"] == {"status": "CRITICAL", "condition": 40, "info": "Fire"}
    assert systems["comms"] == {"status": "ONLINE", "condition": 100, "info": ""}
    state = store.dispatch(A.SetShipSystem("engines", "STRESSED", 70, "Leaking"))
    assert state.ship == {}  # back to ship.yaml's own values
    with pytest.raises(NotFound, match="unknown ship system 'warp'"):
        store.dispatch(A.SetShipSystem("warp", "ONLINE"))


def test_hold_is_not_undone_and_permissions_are_kept_in_order(store: Store) -> None:
    store.dispatch(A.SetHold(True))
    assert store.state.hold is True
    with pytest.raises(Conflict, match="nothing to undo"):
        store.undo()
    state = store.dispatch(A.SetPlayerPermissions(("creature", "player")))
    assert state.movable_types == ("player", "creature")


def test_a_new_session_is_clean_but_the_revision_keeps_rising(store: Store) -> None:
    open_ship(store, "r-med")
    store.dispatch(A.SendBroadcast("Hello"))
    store.dispatch(A.SetHold(True))
    revision = store.state.revision
    state = store.dispatch(A.NewSession())
    assert state.revision == revision + 1
    assert (state.view_type, state.locations, state.broadcasts, state.hold) == (
        "STANDBY",
        {},
        (),
        False,
    )
    assert store.dispatch(A.NewSession()) is state


def test_broadcasts_keep_the_last_twenty_on_display(store: Store) -> None:
    for i in range(25):
        store.dispatch(A.SendBroadcast(f"m{i}", "HQ", "HIGH"))
    assert len(store.state.broadcasts) == 25
    shown = store.player_frame().snapshot["broadcasts"]
    assert [b["content"] for b in shown] == [f"m{i}" for i in range(5, 25)]  # type: ignore[attr-defined]
    assert store.last_reply["broadcast_id"] == shown[-1]["id"]  # type: ignore[index]


def test_clearing_broadcasts_empties_the_displays_and_undoes(store: Store) -> None:
    store.dispatch(A.SendBroadcast("Hull breach", "CORE", "CRITICAL", displays=("tv",)))
    store.dispatch(A.SendBroadcast("Coffee is ready"))
    state = store.dispatch(A.ClearBroadcasts())
    assert state.broadcasts == ()
    assert store.player_frame().snapshot["broadcasts"] == []
    assert not any(key.startswith("broadcast") for key in state.targets)
    assert store.dispatch(A.ClearBroadcasts()) is state  # nothing left: no change
    store.undo()
    assert [b.content for b in store.state.broadcasts] == ["Hull breach", "Coffee is ready"]
