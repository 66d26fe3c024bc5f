"""The table state as JSON-ready values and back (for the state file), part by part."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.model.starstate import StarState
from desktop.model.state import (
    CHARON_MODES,
    THROUGH_DOORS,
    TOKEN_STATUSES,
    TOKEN_TYPES,
    VIEW_TYPES,
    Broadcast,
    CharonDraft,
    CharonEntry,
    CharonState,
    LocationState,
    SystemOverride,
    TableState,
    Token,
)
from desktop.model.warden_codec import warden_in, warden_out

Json = dict[str, Any]
FORMAT = 2


class BadRow(ValueError):
    """A saved value of the wrong kind (a row this version cannot read)."""


def _str(v: object) -> str:
    if not isinstance(v, str):
        raise BadRow(f"expected text, found {type(v).__name__}")
    return v


def _opt_str(v: object) -> str | None:
    return None if v is None else _str(v)


def _int(v: object) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise BadRow(f"expected a whole number, found {type(v).__name__}")
    return v


def _num(v: object) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise BadRow(f"expected a number, found {type(v).__name__}")
    return float(v)


def _bool(v: object) -> bool:
    if not isinstance(v, bool):
        raise BadRow(f"expected true or false, found {type(v).__name__}")
    return v


def _list(v: object) -> list[Any]:
    if not isinstance(v, list):
        raise BadRow(f"expected a list, found {type(v).__name__}")
    return v


def _strs(v: object) -> list[str]:
    return [_str(x) for x in _list(v)]


def _str_map(v: object) -> dict[str, str]:
    if not isinstance(v, dict):
        raise BadRow(f"expected a mapping, found {type(v).__name__}")
    return {_str(k): _str(x) for k, x in v.items()}


def _int_map(v: object) -> dict[str, int]:
    if not isinstance(v, dict):
        raise BadRow(f"expected a mapping, found {type(v).__name__}")
    return {_str(k): _int(x) for k, x in v.items()}


def _one_of(v: object, allowed: tuple[str, ...]) -> str:
    if _str(v) not in allowed:
        raise BadRow(f"unknown value {v!r}")
    return str(v)


def token_out(t: Token) -> list[Any]:
    return [t.id, t.type, t.name, t.x, t.y, t.deck_id, t.room_id, list(t.statuses), t.image]


def token_in(v: list[Any]) -> Token:
    i, kind, name, x, y, deck, room, statuses, image = _list(v)
    return Token(
        _str(i),
        _one_of(kind, TOKEN_TYPES),
        _str(name),
        _int(x),
        _int(y),
        _str(deck),
        _str(room),
        tuple(_one_of(s, TOKEN_STATUSES) for s in _list(statuses)),
        _str(image),
    )


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
        "marker_names": ls.marker_names,
        "removed_markers": sorted(ls.removed_markers),
    }


def location_in(v: Json, tokens: list[Token]) -> LocationState:
    return LocationState(
        _str(v["deck_id"]),
        frozenset(_strs(v["revealed"])),
        _str_map(v["door_status"]),
        _str_map(v["room_status"]),
        frozenset(_strs(v["revealed_pois"])),
        {t.id: t for t in tokens},
        frozenset(_strs(v.get("hidden_pois", []))),  # files written before these two existed
        frozenset(_strs(v.get("hidden_descriptions", []))),
        _str_map(v.get("marker_names", {})),  # absent in files written before markers had names
        frozenset(_strs(v.get("removed_markers", []))),
    )


def broadcasts_out(items: tuple[Broadcast, ...]) -> list[Any]:
    return [[b.id, b.content, b.sender, b.priority, b.timestamp] for b in items]


def broadcasts_in(v: list[Any]) -> tuple[Broadcast, ...]:
    return tuple(
        Broadcast(_str(i), _str(c), _str(s), _str(p), _num(t)) for i, c, s, p, t in _list(v)
    )


def entries_in(v: list[Any]) -> tuple[CharonEntry, ...]:
    return tuple(entry_in(e) for e in _list(v))


def entry_out(e: CharonEntry) -> list[Any]:
    return [e.id, e.role, e.content, e.timestamp, e.in_reply_to, e.pending, e.drafted, e.display]


def entry_in(v: list[Any]) -> CharonEntry:
    """An entry; one saved before questions kept `drafted` has six fields, before they kept
    the asking display seven."""
    i, role, content, timestamp, in_reply_to, pending, *later = _list(v)
    if len(later) > 2:
        raise BadRow(f"expected 6 to 8 fields, found {6 + len(later)}")
    drafted = later[0] if later else False
    display = later[1] if len(later) > 1 else ""
    return CharonEntry(
        _str(i),
        _str(role),
        _str(content),
        _num(timestamp),
        _str(in_reply_to),
        _bool(pending),
        _bool(drafted),
        _str(display),
    )


def drafts_out(drafts: Mapping[str, tuple[CharonDraft, ...]]) -> Json:
    return {
        channel: [[d.id, d.query_id, d.content, d.created_at, d.note] for d in items]
        for channel, items in drafts.items()
    }


def drafts_in(v: object) -> dict[str, tuple[CharonDraft, ...]]:
    if not isinstance(v, dict):
        raise BadRow(f"expected a mapping, found {type(v).__name__}")
    found = {_str(channel): tuple(_draft(d) for d in _list(items)) for channel, items in v.items()}
    return {channel: drafts for channel, drafts in found.items() if drafts}


def _draft(v: object) -> CharonDraft:
    i, query_id, content, created_at, note = _list(v)
    return CharonDraft(_str(i), _str(query_id), _str(content), _num(created_at), _str(note))


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
        "overlay_message": s.overlay_message,
        "through_doors": s.through_doors,
        "gauges": dict(s.gauges),
        "star": star_out(s.star),
        "warden": warden_out(s.warden),
    }


def state_in(
    meta: Json,
    revision: int,
    locations: dict[str, LocationState],
    broadcasts: tuple[Broadcast, ...],
    conversations: dict[str, tuple[CharonEntry, ...]],
) -> TableState:
    """A table state from its decoded rows."""
    mode, dialog_open, path = _list(meta["charon"])
    location, terminal = _strs(meta["overlay"])
    return TableState(
        revision=revision,
        view_type=_one_of(meta["view_type"], VIEW_TYPES),
        location_slug=_str(meta["location_slug"]),
        locations=locations,
        portraits=tuple(_strs(meta["portraits"])),
        overlay_location=location,
        overlay_terminal=terminal,
        overlay_message=_str(meta.get("overlay_message", "")),
        ship={_str(k): _override(v) for k, v in meta["ship"].items()},
        broadcasts=broadcasts,
        charon=CharonState(
            _one_of(mode, CHARON_MODES), _bool(dialog_open), _str(path), conversations
        ),
        hold=_bool(meta["hold"]),
        movable_types=tuple(_one_of(t, TOKEN_TYPES) for t in _list(meta["movable_types"])),
        unplaced=tuple((_str(slug), token_in(t)) for slug, t in _list(meta["unplaced"])),
        read_mail=frozenset(_strs(meta.get("read_mail", []))),
        through_doors=_one_of(meta.get("through_doors", "unlocked"), THROUGH_DOORS),
        gauges=_int_map(meta.get("gauges", {})),
        star=star_in(meta.get("star")),
        warden=warden_in(meta.get("warden")),
    )


def star_out(star: StarState) -> Json:
    return {
        "hidden": sorted(star.hidden),
        "revealed": sorted(star.revealed),
        "ship_at": star.ship_at,
        "course": list(star.course),
        "view": star.view,
        "shows": star.shows,
    }


def star_in(v: object) -> StarState:
    if v is None:
        return StarState()
    if not isinstance(v, dict):
        raise BadRow(f"expected a mapping, found {type(v).__name__}")
    return StarState(
        hidden=frozenset(_strs(v.get("hidden", []))),
        revealed=frozenset(_strs(v.get("revealed", []))),
        ship_at=_str(v.get("ship_at", "")),
        course=tuple(_strs(v.get("course", []))),
        view=_str(v.get("view", "")),
        shows=_int(v.get("shows", 0)),
    )


def _override(v: object) -> SystemOverride:
    status, condition, info = _list(v)
    return SystemOverride(
        _opt_str(status), None if condition is None else _int(condition), _opt_str(info)
    )


def whole_number(v: object) -> int:
    """v when it is an int (not a bool); BadRow otherwise."""
    return _int(v)


def texts(v: object) -> list[str]:
    """v when it is a list of strings; BadRow otherwise."""
    return _strs(v)


def audiences_in(v: object) -> dict[str, int]:
    """The audiences' revisions: a mapping of names to whole numbers."""
    if not isinstance(v, dict):
        raise BadRow(f"expected a mapping, found {type(v).__name__}")
    return {_str(k): _int(n) for k, n in v.items()}


def text(v: object) -> str:
    """v when it is a string; BadRow otherwise."""
    return _str(v)


def number(v: object) -> float:
    """v when it is a number; BadRow otherwise."""
    return _num(v)


def items(v: object) -> list[Any]:
    """v when it is a list; BadRow otherwise."""
    return _list(v)


def one_of(v: object, allowed: tuple[str, ...]) -> str:
    """v when it is one of allowed; BadRow otherwise."""
    return _one_of(v, allowed)
