"""Builds a MapPicture from a player snapshot: the player preview draws exactly this."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from desktop.ui.map.picture.shapes import (
    EMPTY_PICTURE,
    DoorShape,
    LinkShape,
    MapPicture,
    MarkerShape,
    RoomShape,
    TokenShape,
    fill,
)

MediaResolver = Callable[[str], Path | None]
Shape = TypeVar("Shape", RoomShape, DoorShape, LinkShape, MarkerShape, TokenShape)


def _dicts(value: object) -> list[Mapping[str, object]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _str(item: Mapping[str, object], key: str) -> str:
    value = item.get(key, "")
    return value if isinstance(value, str) else str(value)


def _num(item: Mapping[str, object], key: str) -> float:
    value = item.get(key, 0)
    return float(value) if isinstance(value, int | float) else 0.0


def _int(item: Mapping[str, object], key: str) -> int:
    return int(_num(item, key))


_READERS: dict[str, Callable[[Mapping[str, object], str], object]] = {
    "str": _str,
    "int": _int,
    "float": _num,
}


def _read(cls: type[Shape], item: Mapping[str, object], **given: Any) -> Shape:
    """A shape from a snapshot item: its other fields are the item's values of the same names,
    read by the field's type (missing or of another type: "" or 0)."""
    return fill(cls, lambda name, kind: _READERS[kind](item, name), **given)


def _media_path(url: str, resolve: MediaResolver) -> Path | None:
    prefix = "/media/"
    if not url.startswith(prefix):
        return None
    return resolve(url[len(prefix) :])


def _rooms(map_data: Mapping[str, object]) -> dict[str, RoomShape]:
    rooms: dict[str, RoomShape] = {}
    for r in _dicts(map_data.get("rooms")):
        room = _read(RoomShape, r, status=_str(r, "status") or "OPERATIONAL", revealed=True)
        rooms[room.id] = room
    return rooms


def _doors(map_data: Mapping[str, object], statuses: object) -> dict[str, DoorShape]:
    """The doors; players get each status in encounter_door_status, and no wall length."""
    status_of = statuses if isinstance(statuses, Mapping) else {}
    doors: dict[str, DoorShape] = {}
    for d in _dicts(map_data.get("doors")):
        door = _read(
            DoorShape,
            d,
            status=_str(status_of, _str(d, "id")) or _str(d, "status"),
            orientation=_str(d, "orientation") or "v",
            length=_num(d, "length") or 1.0,
            far=_far_end(d),
            corridor=_corridor(d),
        )
        doors[door.id] = door
    return doors


def _far_end(door: Mapping[str, object]) -> tuple[float, float, str] | None:
    """The second door symbol of a corridor whose two rooms the players both see."""
    ends = list(_dicts(door.get("ends")))
    if len(ends) < 2:
        return None
    return _num(ends[1], "x"), _num(ends[1], "y"), _str(ends[1], "orientation") or "v"


def _corridor(door: Mapping[str, object]) -> tuple[tuple[float, float], ...]:
    points = door.get("corridor")
    if not isinstance(points, list):
        return ()
    found = []
    for point in points:
        if isinstance(point, list) and len(point) == 2:
            x, y = point
            if isinstance(x, int | float) and isinstance(y, int | float):
                found.append((float(x), float(y)))
    return tuple(found)


def _links(map_data: Mapping[str, object]) -> dict[str, LinkShape]:
    links: dict[str, LinkShape] = {}
    for k in _dicts(map_data.get("links")):
        link = _read(LinkShape, k)
        links[link.id] = link
    return links


def _markers(map_data: Mapping[str, object]) -> dict[str, MarkerShape]:
    markers: dict[str, MarkerShape] = {}
    for kind, key in (("terminal", "terminals"), ("poi", "pois")):
        for m in _dicts(map_data.get(key)):
            kind_type = _str(m, "type") if kind == "poi" else "terminal"
            marker = _read(MarkerShape, m, kind=kind, type=kind_type)
            markers[f"{kind}:{marker.id}"] = marker
    return markers


def _tokens(snapshot: Mapping[str, object], resolve: MediaResolver) -> dict[str, TokenShape]:
    raw = snapshot.get("encounter_tokens")
    if not isinstance(raw, Mapping):
        return {}
    tokens: dict[str, TokenShape] = {}
    for token_id, t in raw.items():
        if not isinstance(t, Mapping):
            continue
        status = t.get("status")
        tokens[str(token_id)] = _read(
            TokenShape,
            t,
            id=str(token_id),
            statuses=tuple(str(s) for s in status) if isinstance(status, list) else (),
            image=_media_path(_str(t, "image_url"), resolve),
        )
    return tokens


def picture_from_snapshot(snapshot: Mapping[str, object], resolve: MediaResolver) -> MapPicture:
    """The deck a player display draws, from its snapshot (empty outside ENCOUNTER)."""
    map_data = snapshot.get("encounter_map")
    if snapshot.get("view_type") != "ENCOUNTER" or not isinstance(map_data, Mapping):
        return EMPTY_PICTURE
    grid = map_data.get("grid")
    grid = grid if isinstance(grid, Mapping) else {}
    return MapPicture(
        deck_id=_str(snapshot, "encounter_deck_id"),
        width=_int(grid, "width"),
        height=_int(grid, "height"),
        rooms=_rooms(map_data),
        doors=_doors(map_data, snapshot.get("encounter_door_status")),
        links=_links(map_data),
        markers=_markers(map_data),
        tokens=_tokens(snapshot, resolve),
    )
