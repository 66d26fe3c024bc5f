"""The Store: revisions, undo and redo as changes, subscribers, the player frame, media."""

from __future__ import annotations

from dataclasses import replace

import orjson
import pytest

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.errors import Conflict, Forbidden, NotFound
from desktop.model.state import TableState
from desktop.model.store import BROADCAST, PERSISTENCE, VIEWS, Store

from .conftest import make_store, open_ship, place, token
from .factory import SHIP


def test_every_change_raises_the_revision_by_one(store: Store) -> None:
    revisions = [store.dispatch(a).revision for a in (A.SwitchView("BRIDGE"), A.SetHold(True))]
    assert revisions == [1, 2]
    assert store.dispatch(A.SetHold(True)).revision == 2


def test_a_refused_action_changes_nothing(store: Store) -> None:
    open_ship(store)
    place(store, 1, 1)
    before, label = store.state, store.undo_label
    seen: list[int] = []
    store.subscribe(lambda s: seen.append(s.revision), VIEWS)
    with pytest.raises(Conflict):
        store.dispatch(A.PlaceToken("player", "x", 1, 1))
    assert store.state is before
    assert store.undo_label == label
    assert seen == []


def test_subscribers_run_in_order_and_can_leave(campaign: Campaign) -> None:
    store = make_store(campaign, validate=False)
    calls: list[str] = []
    store.subscribe(lambda s: calls.append("views"), VIEWS)
    store.subscribe(lambda s: calls.append("broadcast"), BROADCAST)
    leave = store.subscribe(lambda s: calls.append("persistence"), PERSISTENCE)
    store.dispatch(A.SwitchView("BRIDGE"))
    assert calls == ["persistence", "broadcast", "views"]
    leave()
    store.dispatch(A.SwitchView("STANDBY"))
    assert calls[3:] == ["broadcast", "views"]


def test_a_failing_subscriber_does_not_stop_the_others(campaign: Campaign) -> None:
    store = make_store(campaign, validate=False)
    seen: list[int] = []

    def broken(state: TableState) -> None:
        raise RuntimeError("boom")

    store.subscribe(broken, BROADCAST)  # a PERSISTENCE subscriber vetoes (test_save_failure)
    store.subscribe(lambda s: seen.append(s.revision), VIEWS)
    store.dispatch(A.SwitchView("BRIDGE"))
    assert seen == [1]


def test_unknown_actors_and_player_only_rules(store: Store) -> None:
    with pytest.raises(ValueError):
        store.dispatch(A.SwitchView("BRIDGE"), actor="root")
    with pytest.raises(Forbidden):
        store.dispatch(A.SwitchView("BRIDGE"), actor="player")


def test_undo_is_a_new_change_and_redo_brings_it_back(store: Store) -> None:
    open_ship(store)
    store.dispatch(A.ToggleRoom("r-med", True))
    assert store.undo_label == "Reveal Medbay"
    revealed = store.state
    state = store.undo()
    assert state.revision == revealed.revision + 1
    assert "r-med" not in state.locations[SHIP].revealed
    assert store.redo_label == "Reveal Medbay"
    state = store.redo()
    assert replace(state, revision=0) == replace(revealed, revision=0)
    with pytest.raises(Conflict, match="nothing to redo"):
        store.redo()


def test_redo_gives_back_what_undo_took_even_after_a_player_move(store: Store) -> None:
    open_ship(store, "r-bridge", "r-corr")
    tid = place(store, 1, 1)
    store.dispatch(A.MoveToken(tid, 6, 0), actor="player")
    moved = store.state
    store.undo()  # the placement: the token is gone, from where the player took it
    assert tid not in store.state.locations[SHIP].tokens
    state = store.redo()
    assert replace(state, revision=0) == replace(moved, revision=0)
    assert (token(store, tid).x, token(store, tid).room_id) == (6, "r-corr")
    store.undo()
    assert tid not in store.state.locations[SHIP].tokens


def test_undo_walks_back_through_gm_changes_only(store: Store) -> None:
    open_ship(store, "r-bridge", "r-corr")
    tid = place(store, 1, 1)
    store.dispatch(A.MoveToken(tid, 2, 1), actor="player")
    store.dispatch(A.RenameToken(tid, "Ace"))
    store.undo()  # the rename; the player's move stays
    assert (token(store, tid).name, token(store, tid).x) == ("Reyes", 2)
    store.undo()  # the placement: the token goes wherever the player took it
    assert tid not in store.state.locations[SHIP].tokens
    store.undo()
    store.undo()
    assert store.state.locations[SHIP].revealed == frozenset()


def test_undo_of_a_move_the_player_changed_since_is_a_conflict_and_dropped(store: Store) -> None:
    open_ship(store, "r-bridge", "r-corr")
    tid = place(store, 1, 1)
    store.dispatch(A.MoveToken(tid, 3, 1))
    store.dispatch(A.MoveToken(tid, 4, 1), actor="player")
    before = store.state
    with pytest.raises(Conflict, match="cannot undo 'Move token'"):
        store.undo()
    assert store.state is before
    assert store.undo_label == "Place Reyes"


def test_undo_is_a_conflict_when_the_old_cell_is_taken_now(store: Store) -> None:
    open_ship(store, "r-bridge", "r-corr")
    a = place(store, 1, 1)
    b = place(store, 2, 2)
    store.dispatch(A.MoveToken(a, 3, 1))
    store.dispatch(A.MoveToken(b, 1, 1), actor="player")
    with pytest.raises(Conflict, match=r"cell \(1, 1\) is taken"):
        store.undo()
    assert token(store, a).x == 3


def test_undo_of_a_removal_puts_the_token_back(store: Store) -> None:
    open_ship(store)
    tid = place(store, 1, 1)
    store.dispatch(A.UpdateTokenStatus(tid, ("dead",)))
    removed = token(store, tid)
    store.dispatch(A.RemoveToken(tid))
    store.undo()
    assert token(store, tid) == removed


def test_a_new_gm_change_clears_redo(store: Store) -> None:
    store.dispatch(A.SwitchView("BRIDGE"))
    store.undo()
    store.dispatch(A.SetCharonMode("QUERY"))
    assert store.redo_label is None


def test_undo_of_a_new_session_brings_the_table_back(store: Store) -> None:
    open_ship(store, "r-med")
    tid = place(store, 6, 3)
    store.dispatch(A.SendBroadcast("Hi"))
    before = store.state
    store.dispatch(A.NewSession())
    state = store.undo()
    assert replace(state, revision=0) == replace(before, revision=0)
    assert tid in state.locations[SHIP].tokens


def test_undoing_what_is_already_undone_changes_nothing(store: Store) -> None:
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    store.dispatch(A.HideTerminal(), actor="player")
    before = store.state
    assert store.undo() is before  # the overlay is already gone
    assert store.redo_label is not None


def test_the_frame_is_encoded_once_and_kept_while_players_see_no_change(store: Store) -> None:
    open_ship(store, "r-med")
    frame = store.player_frame()
    assert store.player_frame() is frame
    assert orjson.loads(frame.data) == frame.snapshot
    assert b"\n" not in frame.data
    store.dispatch(A.SetCharonLocation("somewhere"))
    store.dispatch(A.ToggleRoom("r-engine", True))
    assert store.player_frame() is frame
    store.dispatch(A.ToggleRoom("r-corr", True))
    changed = store.player_frame()
    assert changed.revision == frame.revision + 1  # players count only the frames they got
    assert changed.snapshot["revision"] == changed.revision


def test_hold_freezes_the_frame_and_release_publishes_the_latest(store: Store) -> None:
    open_ship(store)
    store.dispatch(A.ToggleRoom("r-med", True))  # nobody asked for the frame since
    store.dispatch(A.SetHold(True))
    frozen = store.player_frame()
    assert frozen.snapshot["encounter_room_visibility"] == {"r-med": True}
    store.dispatch(A.ToggleRoom("r-corr", True))
    store.dispatch(A.SwitchView("BRIDGE"))
    assert store.player_frame() is frozen
    store.dispatch(A.SetHold(False))
    latest = store.player_frame()
    assert latest.snapshot["view_type"] == "BRIDGE"
    assert latest.revision == frozen.revision + 1


def test_media_only_for_images_the_frame_refers_to(store: Store, campaign: Campaign) -> None:
    kade = campaign.npcs["kade"].portrait
    assert kade is not None
    assert store.media("A" * 12) is None
    store.dispatch(A.TogglePortrait("kade"))
    url = store.player_frame().snapshot["encounter_npc_data"]["kade"]["portrait_url"]  # type: ignore[index]
    media_id = url.rsplit("/", 1)[1]
    assert store.media(media_id) == kade
    assert "kade" not in url and str(kade) not in store.player_frame().data.decode()
    store.dispatch(A.TogglePortrait("kade"))
    assert store.media(media_id) is None


def test_media_of_visible_tokens_and_of_the_crew_on_the_bridge(store: Store) -> None:
    open_ship(store, "r-bridge")
    tid = place(store, 1, 1, "creature", "Alien", image="token:alien")
    url = store.player_frame().snapshot["encounter_tokens"][tid]["image_url"]  # type: ignore[index]
    assert store.media(url.rsplit("/", 1)[1]).name == "alien.png"  # type: ignore[union-attr]
    store.dispatch(A.UpdateTokenStatus(tid, ("hidden",)))
    assert store.media(url.rsplit("/", 1)[1]) is None
    store.dispatch(A.SwitchView("BRIDGE"))
    crew = store.player_frame().snapshot["crew"]
    portrait = crew[0]["portrait_url"]  # type: ignore[index]
    assert store.media(portrait.rsplit("/", 1)[1]).name == "reyes.png"  # type: ignore[union-attr]


def test_replacing_the_campaign_keeps_tokens_whose_room_is_gone(
    store: Store, campaign: Campaign
) -> None:
    open_ship(store, "r-med")
    tid = place(store, 6, 3)
    lmap = campaign.locations[SHIP].map
    assert lmap is not None
    upper = lmap.decks[1]
    rooms = tuple(r for r in upper.rooms if r.id != "r-med")
    smaller = replace(
        campaign,
        locations={
            **campaign.locations,
            SHIP: replace(
                campaign.locations[SHIP],
                map=replace(lmap, decks=(lmap.decks[0], replace(upper, rooms=rooms))),
            ),
        },
    )
    revision = store.state.revision
    state = store.replace_campaign(smaller)
    assert state.revision == revision + 1
    assert tid not in state.locations[SHIP].tokens
    assert [(slug, t.id) for slug, t in state.unplaced] == [(SHIP, tid)]
    assert store.undo_label is None
    with pytest.raises(NotFound):
        store.dispatch(A.MoveToken(tid, 1, 1), actor="player")
    state = store.dispatch(A.MoveToken(tid, 1, 1))  # the GM puts it back on the map
    assert state.unplaced == ()
    assert (token(store, tid).room_id, token(store, tid).deck_id) == ("r-bridge", "upper")
    store.undo()
    assert [t.id for _slug, t in store.state.unplaced] == [tid]
    state = store.dispatch(A.RemoveToken(tid))
    assert state.unplaced == () and tid not in state.locations[SHIP].tokens


def test_replacing_campaign_and_state_shows_the_saved_table_at_a_higher_revision(
    store: Store, campaign: Campaign
) -> None:
    open_ship(store, "r-med")
    tid = place(store, 6, 3)
    saved = store.state
    store.dispatch(A.SwitchView("BRIDGE"))
    seen: list[int] = []
    store.subscribe(lambda s: seen.append(s.revision), VIEWS)
    old_frame, old_revision = store.player_frame(), store.state.revision
    state = store.replace_campaign(campaign, state=saved)  # an older table comes back
    assert state.revision == old_revision + 1 and seen == [state.revision]
    assert state.view_type == "ENCOUNTER" and tid in state.locations[SHIP].tokens
    assert store.undo_label is None
    frame = store.player_frame()
    assert frame.revision > old_frame.revision and frame.snapshot["view_type"] == "ENCOUNTER"
    ahead = frame.revision + 500  # a table whose displays saw more frames
    later = replace(
        TableState(), revision=state.revision + 50, audience_revisions={"everyone": ahead}
    )
    state = store.replace_campaign(campaign, state=later)  # a table saved at a later revision
    assert state.revision == later.revision + 1
    assert state.view_type != "ENCOUNTER" and store.player_frame().revision == ahead + 1
