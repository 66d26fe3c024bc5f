"""Every write's body is checked before anything happens: a missing or wrong field is a 400."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.model import actions as A
from desktop.model.errors import InvalidInput
from desktop.net.routes import WRITE_PATHS

# A valid body for every action; each test below breaks one field of it.
VALID: dict[type[A.Action], dict[str, Any]] = {
    A.SwitchView: {"view_type": "ENCOUNTER", "location_slug": "tempest"},
    A.ShowTerminal: {"location_slug": "tempest", "terminal_slug": "med-term"},
    A.HideTerminal: {},
    A.MarkMailRead: {"message_id": "m1"},
    A.SetCharonMode: {"mode": "QUERY"},
    A.SetCharonLocation: {"location_path": "galaxy/tempest"},
    A.ToggleDialog: {"open": True},
    A.SwitchLevel: {"deck_id": "lower", "level": 0},
    A.ToggleRoom: {"room_id": "r-med", "visible": True},
    A.SetRoomVisibility: {"room_visibility": {"r-med": True, "r-corr": False}},
    A.SetDoorStatus: {"connection_id": "c-bridge-corr", "door_status": "OPEN"},
    A.PlaceToken: {"type": "player", "name": "Reyes", "x": 1, "y": 1},
    A.MoveToken: {"token_id": "t1", "x": 2, "y": 3},
    A.RemoveToken: {"token_id": "t1"},
    A.UpdateTokenStatus: {"token_id": "t1", "status": ["wounded"]},
    A.ClearTokens: {},
    A.TogglePortrait: {"npc_id": "kade"},
    A.SetShipSystem: {"system": "engines", "status": "DAMAGED", "condition": 40, "info": "x"},
    A.SetGauge: {"gauge": "health", "value": 10, "crew_id": "reyes"},
    A.RenameToken: {"token_id": "t1", "name": "Bob"},
    A.SetRoomStatus: {"room_id": "r-med", "status": "HAZARD"},
    A.TogglePoi: {"poi_id": "p-cache", "visible": True},
    A.SetRoomDescription: {"room_id": "r-med", "shown": False},
    A.RenameMarker: {"poi_id": "p-kit", "name": "First aid"},
    A.RemoveMarker: {"poi_id": "p-kit"},
    A.ResetLocation: {"location_slug": "tempest"},
    A.SetHold: {"hold": True},
    A.SetPlayerPermissions: {"movable_types": ["player", "npc"]},
    A.NewSession: {},
    A.SendBroadcast: {"content": "Hello", "sender": "HQ", "priority": "HIGH"},
    A.CharonSend: {"channel": "story", "content": "I am awake."},
    A.DismissQuestion: {"channel": "story", "query_id": "q1"},
    A.ApproveDraft: {"channel": "story", "pending_id": "d1", "content": "Edited."},
    A.RejectDraft: {"channel": "story", "pending_id": "d1"},
    A.ClearConversation: {"channel": "story"},
    A.SubmitQuestion: {"channel": "story", "query": "Where are we?"},
    A.SetStarVisibility: {"key": "vesper_reach", "visible": False},
    A.SetShipCourse: {},
    A.ShowStarView: {},
    A.RollDice: {"dice": "2d10+1"},
    A.ShowRoll: {"roll_id": "r1"},
    A.StartTimer: {"label": "SELF-DESTRUCT", "seconds": 600},
    A.ControlTimer: {"timer_id": "t1", "action": "pause"},
    A.SetAlert: {"alert": "red_alert"},
    A.ClearAlerts: {},
    A.ClearBroadcasts: {},
    A.SetAtmosphere: {"room_id": "r-med", "effects": ["smoke"]},
    A.SetConditions: {"crew_id": "reyes", "conditions": ["Shaken"]},
    A.PlaySound: {"sound": "klaxon"},
    A.SetAmbient: {"sound": "file:hum"},
    A.SetDisplay: {"display": "tablet-one", "name": "Table TV", "rotation": 180},
    A.PingCell: {"x": 3, "y": 4},
    A.ShowHandout: {"title": "Note", "text": "Meet at the airlock."},
}

REQUIRED = [
    (cls, name)
    for cls, body in VALID.items()
    for name in body
    if (
        name
        not in {
            "location_slug",
            "level",
            "visible",
            "open",
            "condition",
            "info",
            "sender",
            "priority",
            "name",
            "rotation",
            "title",
            "text",
        }
        or (cls, name) == (A.ShowTerminal, "location_slug")
    )
    and (cls, name) != (A.ApproveDraft, "content")
    and (cls, name) != (A.SetAmbient, "sound")  # no sound: the loop stops
]


def test_every_write_of_the_api_has_an_action() -> None:
    assert set(VALID) == set(WRITE_PATHS.values())
    assert len(WRITE_PATHS) == 53


@pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
def test_a_valid_body_builds_the_action(cls: type[A.Action]) -> None:
    action = cls.from_body({**VALID[cls], "unknown_extra": [1, 2]})
    assert isinstance(action, cls)
    assert action.label


@pytest.mark.parametrize(("cls", "name"), REQUIRED, ids=lambda v: getattr(v, "__name__", v))
def test_a_missing_required_field_is_named(cls: type[A.Action], name: str) -> None:
    body = {k: v for k, v in VALID[cls].items() if k != name}
    with pytest.raises(InvalidInput, match=f"missing field '{name}'"):
        cls.from_body(body)


@pytest.mark.parametrize(("cls", "name"), REQUIRED, ids=lambda v: getattr(v, "__name__", v))
def test_a_wrongly_typed_field_is_named(cls: type[A.Action], name: str) -> None:
    good = VALID[cls][name]
    bad: object = 7 if isinstance(good, str | list | dict) else "7"
    with pytest.raises(InvalidInput, match=f"'{name}"):
        cls.from_body({**VALID[cls], name: bad})


@pytest.mark.parametrize("field", ["x", "y"])
@pytest.mark.parametrize("value", [True, False, 1.5, "3", None])
def test_cells_must_be_integers_and_booleans_are_not(field: str, value: object) -> None:
    body = {**VALID[A.PlaceToken], field: value}
    with pytest.raises(InvalidInput, match=f"'{field}'"):
        A.PlaceToken.from_body(body)
    with pytest.raises(InvalidInput, match=f"'{field}'"):
        A.MoveToken.from_body({**VALID[A.MoveToken], field: value})


@pytest.mark.parametrize("value", [1, 0, "true", "yes"])
def test_open_must_be_a_real_boolean(value: object) -> None:
    with pytest.raises(InvalidInput, match="'open' must be true or false"):
        A.ToggleDialog.from_body({"open": value})
    assert A.ToggleDialog.from_body({}).open is None
    assert A.ToggleDialog.from_body({"open": None}).open is None


@pytest.mark.parametrize(
    ("cls", "name", "value"),
    [
        (A.SwitchView, "view_type", "LOBBY"),
        (A.SetCharonMode, "mode", "display"),
        (A.SetDoorStatus, "door_status", "AJAR"),
        (A.PlaceToken, "type", "monster"),
        (A.UpdateTokenStatus, "status", ["wounded", "on fire"]),
        (A.SetShipSystem, "status", "BROKEN"),
        (A.SetRoomStatus, "status", "ON_FIRE"),
        (A.SetPlayerPermissions, "movable_types", ["ghost"]),
        (A.SendBroadcast, "priority", "URGENT"),
    ],
)
def test_enums_are_checked(cls: type[A.Action], name: str, value: object) -> None:
    with pytest.raises(InvalidInput, match=f"'{name}' must be one of"):
        cls.from_body({**VALID[cls], name: value})


def test_lengths_are_limited() -> None:
    with pytest.raises(InvalidInput, match="'name' is too long"):
        A.PlaceToken.from_body({**VALID[A.PlaceToken], "name": "n" * 201})
    assert A.PlaceToken.from_body({**VALID[A.PlaceToken], "name": "n" * 200}).name == "n" * 200
    with pytest.raises(InvalidInput, match="'content' is too long"):
        A.SendBroadcast.from_body({"content": "m" * 4001})
    assert A.SendBroadcast.from_body({"content": "m" * 4000}).content == "m" * 4000
    with pytest.raises(InvalidInput, match="'query' is too long"):
        A.SubmitQuestion.from_body({"channel": "story", "query": "q" * 4001})


@pytest.mark.parametrize("content", ["", "   ", "\n"])
def test_an_empty_message_is_refused(content: str) -> None:
    with pytest.raises(InvalidInput, match="'content' must not be empty"):
        A.SendBroadcast.from_body({"content": content})
    with pytest.raises(InvalidInput, match="'content' must not be empty"):
        A.CharonSend.from_body({"content": content}, channel="story")


@pytest.mark.parametrize("condition", [-1, 101, 50.5, True])
def test_ship_condition_is_an_integer_from_0_to_100(condition: object) -> None:
    with pytest.raises(InvalidInput, match="'condition'"):
        A.SetShipSystem.from_body({"system": "engines", "status": "ONLINE", "condition": condition})


def test_room_visibility_values_must_be_booleans() -> None:
    with pytest.raises(InvalidInput, match=r"room_visibility\.r-med"):
        A.SetRoomVisibility.from_body({"room_visibility": {"r-med": 1}})
    with pytest.raises(InvalidInput, match="'room_visibility'"):
        A.SetRoomVisibility.from_body({"room_visibility": ["r-med"]})


def test_the_path_channel_wins_over_the_body() -> None:
    action = A.CharonSend.from_body({"channel": "bridge", "content": "hi"}, channel="story")
    assert action.channel == "story"
    with pytest.raises(InvalidInput, match="missing field 'channel'"):
        A.ClearConversation.from_body({})


def test_statuses_are_deduplicated_in_a_fixed_order() -> None:
    action = A.UpdateTokenStatus.from_body({"token_id": "t", "status": ["hidden", "dead", "dead"]})
    assert action.status == ("dead", "hidden")


def test_show_terminal_needs_both_slugs_or_neither() -> None:
    assert A.ShowTerminal.from_body({"location_slug": "", "terminal_slug": ""}).terminal_slug == ""
    with pytest.raises(InvalidInput, match="'terminal_slug' is empty"):
        A.ShowTerminal.from_body({"location_slug": "tempest", "terminal_slug": ""})


@pytest.mark.parametrize(
    ("cls", "field", "value"),
    [
        (A.PlaceToken, "name", ""),
        (A.PlaceToken, "name", "\u200b"),
        (A.RenameToken, "name", " \u2060 "),
        (A.RenameMarker, "name", "\ufeff"),
        (A.SendBroadcast, "content", "\u200b"),
        (A.SendBroadcast, "content", " \u200b\n\u3164"),
        (A.CharonSend, "content", "\u2063"),
        (A.SubmitQuestion, "query", "\u200b\u200b"),
    ],
)
def test_a_name_or_text_that_shows_nothing_is_refused(cls: Any, field: str, value: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        cls.from_body({**VALID[cls], field: value})
    assert f"field '{field}'" in str(refused.value)


@pytest.mark.parametrize(
    ("cls", "field", "value", "code"),
    [
        (A.PlaceToken, "name", "Bo\x00b", "U+0000"),
        (A.RenameToken, "name", "Bob\nAlice", "U+000A"),
        (A.RenameToken, "name", "\u202eboB", "U+202E"),
        (A.RenameMarker, "name", "Kit\u2066x\u2069", "U+2066"),
        (A.SendBroadcast, "content", "Hull\x1b[31m breach", "U+001B"),
        (A.SendBroadcast, "sender", "H\u202aQ", "U+202A"),
        (A.CharonSend, "content", "I am\x07 awake", "U+0007"),
        (A.SetShipSystem, "info", "x\x7f", "U+007F"),
    ],
)
def test_control_characters_and_bidi_overrides_are_refused(
    cls: Any, field: str, value: str, code: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        cls.from_body({**VALID[cls], field: value})
    assert str(refused.value) == f"field '{field}' must not hold control characters (found {code})"


def test_newlines_stay_in_message_bodies_and_names_lose_outer_spaces() -> None:
    assert A.SendBroadcast.from_body({"content": "Hull\nbreach"}).content == "Hull\nbreach"
    assert A.CharonSend.from_body({"channel": "story", "content": "a\nb"}).content == "a\nb"
    assert A.RenameToken.from_body({"token_id": "t1", "name": "  Bob "}).name == "Bob"
    placed = A.PlaceToken.from_body({**VALID[A.PlaceToken], "name": "Zoë ✓"})
    assert placed.name == "Zoë ✓"
