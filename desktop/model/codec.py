"""The table state as JSON-ready values and back (for the state file), part by part."""

from __future__ import annotations

from typing import Any

from desktop.model.state import (
    Broadcast,
    CharonEntry,
    CharonState,
    LocationState,
    SystemOverride,
    TableState,
    Token,
)

Json = dict[str, Any]
FORMAT = 2


def token_out(t: Token) -> list[Any]:
    return [t.id, t.type, t.name, t.x, t.y, t.deck_id, t.room_id, list(t.statuses), t.image]


def token_in(v: list[Any]) -> Token:
    return Token(v[0], v[1], v[2], int(v[3]), int(v[4]), v[5], v[6], tuple(v[7]), v[8])


def location_out(ls: LocationState) -> Json:
    """A location without its tokens (they have rows of their own), with their order."""
    return {
        "deck_id": ls.deck_id,
        "revealed": sorted(ls.revealed),
        "door_status": ls.door_status,
        "room_status": ls.room_status,
        "revealed_pois": sorted(ls.revealed_pois),
        "hidden_pois": sorted(ls.hidden_pois),
        "hidden_descriptions": sorted(ls.hidden_descriptions),
        "order": list(ls.tokens),
    }


def location_in(v: Json, tokens: list[Token]) -> LocationState:
    return LocationState(
        v["deck_id"],
        frozenset(v["revealed"]),
        dict(v["door_status"]),
        dict(v["room_status"]),
        frozenset(v["revealed_pois"]),
        {t.id: t for t in tokens},
        frozenset(v.get("hidden_pois", ())),  # files written before these two existed
        frozenset(v.get("hidden_descriptions", ())),
    )


def broadcasts_out(items: tuple[Broadcast, ...]) -> list[Any]:
    return [[b.id, b.content, b.sender, b.priority, b.timestamp] for b in items]


def broadcasts_in(v: list[Any]) -> tuple[Broadcast, ...]:
    return tuple(Broadcast(i, c, s, p, float(t)) for i, c, s, p, t in v)


def entries_out(items: tuple[CharonEntry, ...]) -> list[Any]:
    return [[e.id, e.role, e.content, e.timestamp, e.in_reply_to, e.pending] for e in items]


def entries_in(v: list[Any]) -> tuple[CharonEntry, ...]:
    return tuple(CharonEntry(i, r, c, float(t), re, bool(p)) for i, r, c, t, re, p in v)


def meta_out(s: TableState) -> Json:
    """Everything but the revision, locations, broadcasts and conversations."""
    return {
        "format": FORMAT,
        "view_type": s.view_type,
        "location_slug": s.location_slug,
        "portraits": list(s.portraits),
        "overlay": [s.overlay_location, s.overlay_terminal],
        "ship": {k: [o.status, o.condition, o.info] for k, o in s.ship.items()},
        "charon": [s.charon.mode, s.charon.dialog_open, s.charon.location_path],
        "hold": s.hold,
        "movable_types": list(s.movable_types),
        "unplaced": [[slug, token_out(t)] for slug, t in s.unplaced],
        "read_mail": sorted(s.read_mail),
    }


def state_in(
    meta: Json,
    revision: int,
    locations: dict[str, LocationState],
    broadcasts: tuple[Broadcast, ...],
    conversations: dict[str, tuple[CharonEntry, ...]],
) -> TableState:
    """A table state from its decoded rows."""
    mode, dialog_open, path = meta["charon"]
    return TableState(
        revision=revision,
        view_type=meta["view_type"],
        location_slug=meta["location_slug"],
        locations=locations,
        portraits=tuple(meta["portraits"]),
        overlay_location=meta["overlay"][0],
        overlay_terminal=meta["overlay"][1],
        ship={k: SystemOverride(*v) for k, v in meta["ship"].items()},
        broadcasts=broadcasts,
        charon=CharonState(mode, bool(dialog_open), path, conversations),
        hold=bool(meta["hold"]),
        movable_types=tuple(meta["movable_types"]),
        unplaced=tuple((slug, token_in(t)) for slug, t in meta["unplaced"]),
        read_mail=frozenset(meta.get("read_mail", ())),
    )
