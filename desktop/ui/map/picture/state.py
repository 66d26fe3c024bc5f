"""Builds the GM's MapPicture of one deck from the table state: everything, hidden marked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from desktop.campaign.model import Campaign, Deck, Location, MapTerminal, Poi, Room
from desktop.model.deck_geometry import DoorPlace
from desktop.model.deckmap import geometry_of, marker_shown
from desktop.model.names import shown_name
from desktop.model.naming import door_name
from desktop.model.state import LocationState, TableState
from desktop.model.warden import room_key
from desktop.ui.map.picture.shapes import (
    EMPTY_PICTURE,
    DoorShape,
    FrameShape,
    LinkShape,
    MapPicture,
    MarkerShape,
    RoomShape,
    TokenShape,
    fill,
)

Shape = TypeVar("Shape", RoomShape, LinkShape, MarkerShape, TokenShape)


def _copy(cls: type[Shape], source: object, **given: Any) -> Shape:
    """A shape whose other fields are the source's attributes of the same name (a room's id,
    name and box; a token's type, cell and statuses)."""
    return fill(cls, lambda name, _type: getattr(source, name), **given)


class StatePictureBuilder:
    """Turns (state, focus) into a MapPicture.

    Actions share the parts of the state they do not change, so each kind of shape is rebuilt
    only when one of its inputs is a different object; the scene then skips unchanged kinds.
    """

    def __init__(self) -> None:
        # id(deck) -> (deck, doors); the deck is kept so its id cannot be reused meanwhile.
        self._doors: dict[int, tuple[Deck, dict[str, DoorShape]]] = {}
        self._memo: dict[str, tuple[tuple[object, ...], dict[str, Any]]] = {}

    def _cached(
        self, kind: str, inputs: tuple[object, ...], build: Callable[[], dict[str, Any]]
    ) -> dict[str, Any]:
        memo = self._memo.get(kind)
        if memo is not None and all(x is y for x, y in zip(memo[0], inputs, strict=True)):
            return memo[1]
        shapes = build()
        self._memo[kind] = (inputs, shapes)
        return shapes

    def build(
        self, state: TableState, campaign: Campaign, location_slug: str, deck_id: str
    ) -> MapPicture:
        """The picture of a deck of a location as the GM sees it."""
        location = campaign.location(location_slug)
        deck = _deck(location, deck_id)
        if location is None or deck is None or deck.grid is None:
            return EMPTY_PICTURE
        loc = state.locations.get(location_slug) or LocationState(deck_id=deck.id)
        air = state.warden.atmosphere
        shown = location_slug == state.location_slug and (loc.deck_id or deck.id) == deck.id
        return MapPicture(
            deck_id=deck.id,
            width=deck.grid.width,
            height=deck.grid.height,
            rooms=self._cached(
                "rooms",
                (deck, loc.revealed, loc.room_status, loc.hidden_descriptions, air),
                lambda: _rooms(deck, loc, location_slug, air),
            ),
            doors=self._cached(
                "doors", (deck, loc.door_status), lambda: self._door_shapes(location, deck, loc)
            ),
            links=self._cached("links", (deck, location), lambda: _links(deck, location)),
            markers=self._cached(
                "markers",
                (deck, loc.revealed_pois, loc.hidden_pois, loc.marker_names, loc.removed_markers),
                lambda: _markers(deck, loc, location),
            ),
            tokens=self._cached(
                "tokens",
                (deck, loc.tokens, campaign.token_images),
                lambda: _tokens(deck, loc, campaign),
            ),
            background=deck.background,
            frames=self._cached(
                "frames",
                (state.displays, state.location_slug, loc, deck),
                lambda: _frames(state, shown) if shown else {},
            ),
            on_displays=shown,
            displays=self._cached("displays", (state.displays,), lambda: _display_names(state)),
        )

    def _door_shapes(
        self, location: Location, deck: Deck, loc: LocationState
    ) -> dict[str, DoorShape]:
        cached = self._doors.get(id(deck))
        if cached is None or cached[0] is not deck:
            if len(self._doors) > 64:
                self._doors.clear()
            cached = (deck, _base_doors(location, deck))
            self._doors[id(deck)] = cached
        base = cached[1]
        if not loc.door_status:
            return base
        doors = dict(base)
        for door_id, status in loc.door_status.items():
            door = doors.get(door_id)
            if door is not None and door.type != "passage":
                doors[door_id] = replace(door, status=status)
        return doors


def _deck(location: Location | None, deck_id: str) -> Deck | None:
    if location is None or location.map is None:
        return None
    return location.map.deck(deck_id) or location.map.deck(location.map.default_deck_id)


def _rooms(
    deck: Deck, loc: LocationState, slug: str, air: Mapping[str, tuple[str, ...]]
) -> dict[str, RoomShape]:
    return {
        r.id: _copy(
            RoomShape,
            r,
            status=loc.room_status.get(r.id, r.status),
            revealed=r.id in loc.revealed,
            has_description=bool(r.description),
            description_shown=r.id not in loc.hidden_descriptions,
            cells=tuple(r.cells()) if r.shape else (),
            atmosphere=air.get(room_key(slug, r.id), ()),
        )
        for r in deck.rooms
    }


def door_shape(rooms: dict[str, Room], door: DoorPlace) -> DoorShape | None:
    room_a, room_b = rooms.get(door.from_room), rooms.get(door.to_room)
    if room_a is None or room_b is None:
        return None
    way = door.way
    far = (way.b.x, way.b.y, way.b.orientation) if way.b is not None else None
    return DoorShape(
        id=door.id,
        type=door.type,
        status=door.status,
        x=way.a.x,
        y=way.a.y,
        orientation=way.a.orientation,
        length=way.length,
        name=door_name(door.type, room_a.name, room_b.name),
        far=far,
        corridor=way.corridor,
    )


def _base_doors(location: Location, deck: Deck) -> dict[str, DoorShape]:
    """The doors where the deck's one geometry puts them (desktop/model/deck_geometry.py)."""
    rooms = {r.id: r for r in deck.rooms}
    doors: dict[str, DoorShape] = {}
    for door in geometry_of(location, deck).doors.values():
        shape = door_shape(rooms, door)
        if shape is not None:
            doors[door.id] = shape
    return doors


def _links(deck: Deck, location: Location) -> dict[str, LinkShape]:
    """Every link touching the deck (those written on the far deck too), in its slot."""
    return {
        k.key: _copy(
            LinkShape,
            k,
            id=k.key,
            to_deck=k.far_deck,
            to_deck_name=k.far_deck_name,
            to_room=k.far_room,
        )
        for k in geometry_of(location, deck).links.values()
    }


def _markers(deck: Deck, loc: LocationState, location: Location) -> dict[str, MarkerShape]:
    """Every marker the GM kept, moved apart as on the displays (after the room's links)."""
    markers: dict[str, MarkerShape] = {}
    gone = loc.removed_markers
    for t in deck.terminals:
        if t.id in gone:
            continue
        markers[f"terminal:{t.id}"] = _copy(
            MarkerShape,
            t,
            kind="terminal",
            type="terminal",
            terminal_slug=t.terminal_slug,
            **_marker_state(t, loc),
        )
    for p in deck.pois:
        if p.id in gone:
            continue
        markers[f"poi:{p.id}"] = _copy(MarkerShape, p, kind="poi", **_marker_state(p, loc))
    at = geometry_of(location, deck).placed(markers)
    return {key: _at(m, *at[key]) for key, m in markers.items()}


def _marker_state(marker: Poi | MapTerminal, loc: LocationState) -> dict[str, Any]:
    """A marker's name as the GM left it, its room, and whether players may see it."""
    return {
        "name": loc.marker_names.get(marker.id) or shown_name(marker.name, *_idents(marker)),
        "room_id": marker.room,
        "secret": marker.hidden,
        "concealed": not marker_shown(marker, loc),
    }


def _idents(marker: Poi | MapTerminal) -> tuple[str, ...]:
    """What stands in for a marker's name where the campaign gave none (as on the displays)."""
    return (marker.id, marker.terminal_slug) if isinstance(marker, MapTerminal) else (marker.id,)


def _at(marker: MarkerShape, x: float, y: float) -> MarkerShape:
    return marker if (x, y) == (marker.x, marker.y) else replace(marker, x=x, y=y)


def _tokens(deck: Deck, loc: LocationState, campaign: Campaign) -> dict[str, TokenShape]:
    images = campaign.token_images
    tokens: dict[str, TokenShape] = {}
    for token in loc.tokens.values():
        if token.deck_id != deck.id:
            continue
        image = images.get(token.image) if token.image else None
        tokens[token.id] = _copy(TokenShape, token, image=image.path if image else None)
    return tokens


def _display_names(state: TableState) -> dict[str, str]:
    return {d: s.name or f"Display {d[:6]}" for d, s in state.displays.items()}


def _frames(state: TableState, shown: bool) -> dict[str, FrameShape]:
    """The GM frames of the displays, on the deck the displays show (none on any other)."""
    names = _display_names(state)
    return {
        display: FrameShape(display, names[display], c.x, c.y, c.w, c.h)
        for display, settings in state.displays.items()
        if shown and (c := settings.camera).mode == "frame" and c.w > 0 and c.h > 0
    }
