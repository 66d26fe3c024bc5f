"""Random but reproducible table activity over the test campaign (property and crash tests)."""

from __future__ import annotations

import random
from collections.abc import Callable

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.errors import DomainError
from desktop.model.state import TOKEN_STATUSES, TOKEN_TYPES, TableState
from desktop.model.store import Store

from .factory import DERELICT, OUTPOST, SHIP

Step = tuple[A.Action | str, str]  # an action (or "undo"/"redo") and who does it
NAMES = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot")


def _loc(r: random.Random) -> str:
    return r.choice([SHIP, SHIP, DERELICT, OUTPOST, "", "", "", "", "", "atlantis"])


def _cell(campaign: Campaign, r: random.Random, slug: str, deck_id: str) -> tuple[int, int]:
    """Mostly a cell inside a room of that place; sometimes anywhere."""
    location = campaign.location(slug)
    rooms = [
        room
        for room in (location.map.rooms.values() if location and location.map else ())
        if not deck_id or room.deck_id == deck_id
    ]
    if rooms and r.random() < 0.85:
        room = r.choice(rooms)
        return r.randrange(room.x, room.x + room.width), r.randrange(room.y, room.y + room.height)
    return r.randint(-1, 20), r.randint(-1, 12)


def _room(campaign: Campaign, r: random.Random) -> str:
    ship = campaign.locations[SHIP].map
    assert ship is not None
    ids = [rid for loc in campaign.locations.values() if loc.map for rid in loc.map.rooms]
    return r.choice([*ship.rooms, *ship.rooms, *ids, "nowhere"])


def _token(state: TableState, r: random.Random) -> str:
    shown = state.locations.get(state.location_slug)
    ids = list(shown.tokens) if shown and r.random() < 0.7 else []
    ids = ids or [t for ls in state.locations.values() for t in ls.tokens]
    return r.choice(ids) if ids and r.random() < 0.9 else "no-such-token"


def _deck(r: random.Random) -> str:
    return r.choice(["", "", "", "", "upper", "lower", "main", "attic"])


def _view(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    view = r.choice(["STANDBY", "BRIDGE", "ENCOUNTER", "ENCOUNTER", "CHARON_TERMINAL"])
    return A.SwitchView(view, _loc(r)), "gm"


def _rooms(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    visible = r.choice([True, False, None, True])
    return A.ToggleRoom(_room(campaign, r), visible, location_slug=_loc(r), deck_id=_deck(r)), "gm"


def _many_rooms(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    pairs = {_room(campaign, r): r.random() < 0.7 for _ in range(r.randint(1, 4))}
    return A.SetRoomVisibility(tuple(sorted(pairs.items())), location_slug=_loc(r)), "gm"


def _level(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    return A.SwitchLevel(_deck(r) or "upper", None, _loc(r)), "gm"


def _door(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    door = r.choice(["c-bridge-corr", "c-med-vault", "c-corr-med", "c-eng-reac", "c-hold-lab"])
    status = r.choice(["OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"])
    return A.SetDoorStatus(door, status, location_slug=_loc(r)), "gm"


def _place(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    kind = r.choice(TOKEN_TYPES)
    image = r.choice(["", "", "token:alien", "npc:kade"])
    slug, deck = _loc(r), _deck(r)
    shown = state.locations.get(slug or state.location_slug)
    x, y = _cell(campaign, r, slug or state.location_slug, deck or (shown.deck_id if shown else ""))
    return A.PlaceToken(kind, r.choice(NAMES), x, y, image, slug, deck), "gm"


def _player_move(state: TableState, campaign: Campaign, r: random.Random) -> Step | None:
    shown = state.locations.get(state.location_slug)
    lmap = campaign.locations[state.location_slug].map if shown else None
    if shown is None or lmap is None or r.random() < 0.2:
        return None
    ids = [t.id for t in shown.tokens.values() if t.room_id in shown.revealed]
    rooms = [
        room
        for room in lmap.rooms.values()
        if room.id in shown.revealed and room.deck_id == shown.deck_id
    ]
    if not ids or not rooms:
        return None
    room = r.choice(rooms)
    x, y = r.randrange(room.x, room.x + room.width), r.randrange(room.y, room.y + room.height)
    return A.MoveToken(r.choice(ids), x, y), "player"


def _move(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    actor = r.choice(["gm", "player", "player"])
    if actor == "player":
        step = _player_move(state, campaign, r)
        if step is not None:
            return step
    deck = _deck(r) if r.random() < 0.2 else ""
    tid = _token(state, r)
    where = [(s, ls.tokens[tid]) for s, ls in state.locations.items() if tid in ls.tokens]
    if not where:
        return A.MoveToken(tid, r.randint(-1, 20), r.randint(-1, 12), deck), actor
    slug, token = where[0]
    x, y = _cell(campaign, r, slug, deck or token.deck_id)
    return A.MoveToken(tid, x, y, deck), actor


def _token_edit(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    tid = _token(state, r)
    pick = r.randrange(4)
    if pick == 0:
        return A.RemoveToken(tid), "gm"
    if pick == 1:
        return A.RenameToken(tid, r.choice(NAMES)), "gm"
    statuses = tuple(s for s in TOKEN_STATUSES if r.random() < 0.3)
    return A.UpdateTokenStatus(tid, statuses), "gm"


def _misc(state: TableState, campaign: Campaign, r: random.Random) -> Step:
    options: list[Callable[[], Step]] = [
        lambda: (A.ClearTokens(_loc(r), _deck(r)), "gm"),
        lambda: (A.TogglePortrait(r.choice(["kade", "ghost", "nobody"])), "gm"),
        lambda: (A.SetShipSystem(r.choice(["engines", "comms", "warp"]), "DAMAGED", 50), "gm"),
        lambda: (A.SendBroadcast(r.choice(NAMES), "HQ"), "gm"),
        lambda: (
            A.TogglePoi(
                r.choice(["p-cache", "t-vault", "p-kit", "p-x"]), None, location_slug=_loc(r)
            ),
            "gm",
        ),
        lambda: (A.ResetLocation(_loc(r)), "gm"),
        lambda: (
            A.RenameMarker(
                r.choice(["p-kit", "t-med", "p-x"]), r.choice(NAMES), location_slug=_loc(r)
            ),
            "gm",
        ),
        lambda: (
            A.RemoveMarker(r.choice(["p-gold", "t-vault", "p-x"]), location_slug=_loc(r)),
            "gm",
        ),
        lambda: (A.SetHold(r.random() < 0.4), "gm"),
        lambda: (
            A.ShowTerminal(*r.choice([(SHIP, "med-term"), (SHIP, "vault-term"), ("", "")])),
            "gm",
        ),
        lambda: (A.HideTerminal(), r.choice(["gm", "player"])),
        lambda: (A.SetCharonMode(r.choice(["DISPLAY", "QUERY", "QUERY"])), "gm"),
        lambda: (
            A.SubmitQuestion(r.choice(["story", "bridge", f"encounter-{SHIP}"]), "Why?"),
            "player",
        ),
        lambda: (A.CharonSend(r.choice(["story", "bridge"]), "Because."), "gm"),
        lambda: (A.ToggleDialog(r.choice([True, False, None])), r.choice(["gm", "player"])),
        lambda: (A.SetPlayerPermissions(tuple(t for t in TOKEN_TYPES if r.random() < 0.5)), "gm"),
        lambda: (A.SetRoomStatus(_room(campaign, r), "HAZARD", location_slug=_loc(r)), "gm"),
        lambda: ("undo", "gm"),
        lambda: ("redo", "gm"),
    ]
    if r.random() < 0.05:
        return A.NewSession(), "gm"
    return r.choice(options)()


KINDS = (_view, _rooms, _rooms, _many_rooms, _level, _door, _place, _place, _move, _move)
KINDS += (_move, _token_edit, _misc, _misc, _misc)


def step_for(state: TableState, campaign: Campaign, kind: int, seed: int) -> Step:
    """The step a (kind, seed) pair stands for in this state."""
    return KINDS[kind % len(KINDS)](state, campaign, random.Random(seed))


def run(store: Store, step: Step) -> bool:
    """Perform a step; False when it was refused."""
    action, actor = step
    try:
        if action == "undo":
            store.undo()
        elif action == "redo":
            store.redo()
        else:
            assert isinstance(action, A.Action)
            store.dispatch(action, actor=actor)
    except DomainError:
        return False
    return True


def prelude(kind: int) -> list[Step]:
    """A table already in play (for most runs): the ship shown, two rooms revealed, tokens."""
    if kind % 4 == 0:
        return []
    return [
        (A.SwitchView("ENCOUNTER", SHIP), "gm"),
        (A.ToggleRoom("r-bridge", True), "gm"),
        (A.ToggleRoom("r-corr", True), "gm"),
        (A.PlaceToken("player", "Alpha", 1, 1), "gm"),
        (A.PlaceToken("player", "Bravo", 6, 0), "gm"),
        (A.PlaceToken("creature", "Charlie", 2, 2), "gm"),
        (A.SetCharonMode("QUERY"), "gm"),
    ]
