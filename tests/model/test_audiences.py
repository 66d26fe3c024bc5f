"""Content aimed at some displays is only in their frames (API.md "Audiences"); displays of
one audience share one frame; a display's revision moves only with what it sees."""

from __future__ import annotations

from dataclasses import replace

from desktop.campaign.model import Campaign
from desktop.model.actions import SetDisplay, UpdateTokenStatus
from desktop.model.actions.displays import CameraBody
from desktop.model.audience import aimed, content_key, visible_to
from desktop.model.display_state import Camera, DisplaySettings
from desktop.model.state import Broadcast, TableState
from desktop.model.store import Store

from .conftest import check_player, open_ship, place

A, B, C = "display-aaaa", "display-bbbb", "display-cccc"


def _aimed_state() -> TableState:
    """A broadcast to all, a broadcast and Kade's portrait aimed at display A only."""
    targets = aimed({}, content_key("broadcast", "b-secret"), (A,))
    targets = aimed(targets, content_key("portrait", "kade"), (A,))
    return TableState(
        view_type="BRIDGE",
        broadcasts=(
            Broadcast("b-all", "ALL HANDS TO STATIONS", "Bridge", "NORMAL", 1.0),
            Broadcast("b-secret", "ONLY-FOR-A-WHISPER", "Kade", "HIGH", 2.0),
        ),
        portraits=("kade",),
        targets=targets,
    )


def test_aimed_content_is_only_in_its_displays_bytes(campaign: Campaign) -> None:
    store = Store(campaign, _aimed_state())
    a, b, anonymous = store.player_frame(A), store.player_frame(B), store.player_frame()
    assert b"ONLY-FOR-A-WHISPER" in a.data and b"Dr. Kade" in a.data
    for frame in (b, anonymous):
        assert b"ONLY-FOR-A-WHISPER" not in frame.data and b"b-secret" not in frame.data
        assert b"Dr. Kade" not in frame.data and b"kade" not in frame.data
        assert b"ALL HANDS TO STATIONS" in frame.data
        check_player(frame.snapshot)
    check_player(a.snapshot)
    portrait = a.snapshot["encounter_npc_data"]["kade"]["portrait_url"]  # type: ignore[index]
    media_id = str(portrait).rsplit("/", 1)[1]
    assert store.media(media_id, A) is not None
    assert store.media(media_id, B) is None and store.media(media_id) is None


def test_displays_of_one_audience_share_a_frame(campaign: Campaign) -> None:
    state = replace(_aimed_state(), targets={content_key("broadcast", "b-secret"): (A, C)})
    store = Store(campaign, state)
    assert store.player_frame(A) is store.player_frame(C)  # encoded once for both
    assert store.player_frame(B) is store.player_frame()  # plain displays: everyone's frame


def test_a_display_revision_moves_only_with_what_it_sees(campaign: Campaign) -> None:
    store = Store(campaign, _aimed_state())
    a0, b0 = store.player_frame(A).revision, store.player_frame(B).revision
    # The GM aims one more broadcast at A: B's frame and revision stay as they were.
    more = (*store.state.broadcasts, Broadcast("b-2", "SECOND-FOR-A", "Kade", "LOW", 3.0))
    targets = aimed(store.state.targets, content_key("broadcast", "b-2"), (A,))
    store._commit(replace(store.state, broadcasts=more, targets=targets))
    assert store.player_frame(B).revision == b0
    a1 = store.player_frame(A)
    assert a1.revision > a0 and b"SECOND-FOR-A" in a1.data


def test_visible_to_is_everyone_without_a_target() -> None:
    state = TableState(targets={"portrait:kade": (A,)})
    assert visible_to(state, "broadcast:x", None) and visible_to(state, "broadcast:x", B)
    assert visible_to(state, "portrait:kade", A)
    assert not visible_to(state, "portrait:kade", B)
    assert not visible_to(state, "portrait:kade", None)


def test_a_display_with_settings_gets_its_own_part(campaign: Campaign) -> None:
    settings = DisplaySettings("Far side TV", "tv", "reyes", 180, Camera("locked", x=2, y=3))
    store = Store(campaign, TableState(displays={A: settings}))
    check_player(store.player_frame(A).snapshot)
    shown = store.player_frame(A).snapshot["display"]
    assert shown["rotation"] == 180 and shown["camera"]["mode"] == "locked"  # type: ignore[index]
    assert shown["character"]["name"] == "Reyes"  # type: ignore[index]
    assert "display" not in store.player_frame(B).snapshot


def test_a_follow_camera_names_its_token_only_while_the_display_sees_it(store: Store) -> None:
    """Following a token the players no longer see (hidden, or in a room not revealed) must
    not tell them its id: the display's camera then follows the party."""
    open_ship(store, "r-corr")
    followed = place(store, 6, 1, name="Stowaway")
    store.dispatch(SetDisplay(A, camera=CameraBody("follow", target=followed)))
    seen = store.player_frame(A)
    assert seen.snapshot["display"]["camera"]["target"] == followed  # type: ignore[index]
    store.dispatch(UpdateTokenStatus(followed, ("hidden",)))
    hidden = store.player_frame(A)
    assert followed.encode() not in hidden.data
    assert hidden.snapshot["display"]["camera"]["target"] == ""  # type: ignore[index]
    check_player(hidden.snapshot)
    store.dispatch(UpdateTokenStatus(followed, ()))
    assert followed.encode() in store.player_frame(A).data  # seen again: followed again
