"""Edits of a MapDraft, each one undoable: the editor's own history (not the table's)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop.mapedit.draft import (
    Cell,
    DraftDeck,
    DraftDoor,
    DraftLink,
    DraftMarker,
    DraftRoom,
    MapDraft,
)


class EditError(ValueError):
    """An edit that cannot be made; the message says why."""


class MapEditor:
    """The draft being drawn, with undo and redo; every edit replaces the draft as a whole."""

    def __init__(self, draft: MapDraft) -> None:
        self.draft = draft
        self._undo: list[MapDraft] = []
        self._redo: list[MapDraft] = []

    def _commit(self, draft: MapDraft) -> MapDraft:
        draft = _linked(draft)
        if draft != self.draft:
            self._undo.append(self.draft)
            self._redo.clear()
            self.draft = draft
        return draft

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.draft)
        self.draft = self._undo.pop()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.draft)
        self.draft = self._redo.pop()
        return True

    # --- decks -------------------------------------------------------------------------------

    def add_deck(
        self, name: str, width: int, height: int, level: int | None = None, unit_size: int = 40
    ) -> str:
        if not (1 <= width <= 1000 and 1 <= height <= 1000):
            raise EditError("a deck is 1 to 1000 cells a side")
        levels = [d.level for d in self.draft.decks]
        level = max(levels, default=0) + 1 if level is None else level
        if level in levels:
            raise EditError(f"level {level} already has a deck")
        used = {d.id for d in self.draft.decks}
        deck_id = next(
            f"deck-{n}" for n in range(level, level + len(used) + 2) if f"deck-{n}" not in used
        )
        deck = DraftDeck(deck_id, name, level, width, height, unit_size)
        self._commit(self.draft.with_deck(deck))
        return deck_id

    # --- rooms -------------------------------------------------------------------------------

    def paint(self, deck_id: str, cells: Iterable[Cell], room_id: str | None = None) -> str:
        """Add cells to a room (a new one when room_id is None); cells taken from other rooms."""
        deck = self.draft.deck(deck_id)
        wanted = frozenset(c for c in cells if 0 <= c[0] < deck.width and 0 <= c[1] < deck.height)
        if not wanted:
            raise EditError("no cell of the deck was drawn")
        if room_id is None:
            room_id = self.draft.free_id("room")
            number = sum(1 for d in self.draft.decks for _ in d.rooms) + 1
            rooms = [*deck.rooms, DraftRoom(room_id, f"Room {number}", frozenset())]
        else:
            rooms = list(deck.rooms)
        rooms = [
            replace(r, cells=r.cells | wanted)
            if r.id == room_id
            else replace(r, cells=r.cells - wanted)
            for r in rooms
        ]
        self._commit(self.draft.with_deck(_without_empty(replace(deck, rooms=tuple(rooms)))))
        return room_id

    def erase(self, deck_id: str, cells: Iterable[Cell]) -> None:
        """Take cells out of whatever rooms hold them (a room left with none is deleted)."""
        deck = self.draft.deck(deck_id)
        gone = frozenset(cells)
        rooms = tuple(replace(r, cells=r.cells - gone) for r in deck.rooms)
        self._commit(self.draft.with_deck(_without_empty(replace(deck, rooms=rooms))))

    def rename(self, deck_id: str, item_id: str, name: str) -> None:
        if not name.strip():
            raise EditError("a name cannot be empty")
        deck = self.draft.deck(deck_id)
        rooms = tuple(replace(r, name=name.strip()) if r.id == item_id else r for r in deck.rooms)
        markers = tuple(
            replace(m, name=name.strip()) if m.id == item_id else m for m in deck.markers
        )
        self._commit(self.draft.with_deck(replace(deck, rooms=rooms, markers=markers)))

    def set_status(self, deck_id: str, item_id: str, status: str) -> None:
        deck = self.draft.deck(deck_id)
        rooms = tuple(replace(r, status=status) if r.id == item_id else r for r in deck.rooms)
        doors = tuple(replace(d, door_status=status) if d.id == item_id else d for d in deck.doors)
        links = tuple(replace(k, status=status) if k.id == item_id else k for k in deck.links)
        self._commit(self.draft.with_deck(replace(deck, rooms=rooms, doors=doors, links=links)))

    def move_room(self, deck_id: str, room_id: str, dx: int, dy: int) -> None:
        deck = self.draft.deck(deck_id)
        room = deck.room(room_id)
        if room is None:
            raise EditError(f"no room {room_id!r}")
        moved = frozenset((x + dx, y + dy) for x, y in room.cells)
        if any(not (0 <= x < deck.width and 0 <= y < deck.height) for x, y in moved):
            raise EditError("the room would leave the deck")
        if any(r.id != room_id and r.cells & moved for r in deck.rooms):
            raise EditError("the room would cover another room")
        rooms = tuple(replace(r, cells=moved) if r.id == room_id else r for r in deck.rooms)
        markers = tuple(
            replace(m, x=m.x + dx, y=m.y + dy) if m.room == room_id else m for m in deck.markers
        )
        self._commit(self.draft.with_deck(replace(deck, rooms=rooms, markers=markers)))

    # --- passages, links, markers --------------------------------------------------------------

    def connect(
        self, deck_id: str, a: str, b: str, door_type: str = "standard", status: str = "CLOSED"
    ) -> str:
        """A door on the shared wall of two rooms, or a corridor when they do not touch."""
        deck = self.draft.deck(deck_id)
        if a == b or deck.room(a) is None or deck.room(b) is None:
            raise EditError("a door joins two rooms of this deck")
        door_id = self.draft.free_id("door" if door_type else "passage")
        door = DraftDoor(door_id, a, b, door_type, status if door_type else "OPEN")
        self._commit(self.draft.with_deck(replace(deck, doors=(*deck.doors, door))))
        return door_id

    def link(
        self, deck_id: str, room: str, to_deck: str, to_room: str, kind: str = "ladder"
    ) -> str:
        deck, far = self.draft.deck(deck_id), self.draft.deck(to_deck)
        if deck.room(room) is None or far.room(to_room) is None or far.id == deck.id:
            raise EditError("a ladder or lift joins a room to a room of another deck")
        link_id = self.draft.free_id(kind)
        link = DraftLink(link_id, room, to_deck, to_room, kind)
        self._commit(self.draft.with_deck(replace(deck, links=(*deck.links, link))))
        return link_id

    def mark(
        self,
        deck_id: str,
        cell: Cell,
        name: str,
        poi_type: str = "item",
        terminal_slug: str = "",
        hidden: bool = False,
    ) -> str:
        """A point of interest (or, with terminal_slug, a terminal) in the middle of a cell."""
        deck = self.draft.deck(deck_id)
        room = deck.holder(cell)
        if room is None:
            raise EditError("a marker goes in a room")
        marker_id = self.draft.free_id("terminal" if terminal_slug else "poi")
        kind = "" if terminal_slug else poi_type
        marker = DraftMarker(
            marker_id, room.id, cell[0] + 0.5, cell[1] + 0.5, name, hidden, kind, terminal_slug
        )
        self._commit(self.draft.with_deck(replace(deck, markers=(*deck.markers, marker))))
        return marker_id

    def set_hidden(self, deck_id: str, marker_id: str, hidden: bool) -> None:
        deck = self.draft.deck(deck_id)
        markers = tuple(replace(m, hidden=hidden) if m.id == marker_id else m for m in deck.markers)
        self._commit(self.draft.with_deck(replace(deck, markers=markers)))

    def delete(self, deck_id: str, item_id: str) -> None:
        """A room (with its doors, links and markers), a door, a link or a marker."""
        deck = self.draft.deck(deck_id)
        self._commit(self.draft.with_deck(_dropped(deck, {item_id})))


def _linked(draft: MapDraft) -> MapDraft:
    """The draft without ladders and lifts whose far room is gone."""
    rooms = {(d.id, r.id) for d in draft.decks for r in d.rooms}
    decks = tuple(
        replace(d, links=tuple(k for k in d.links if (k.to_deck, k.to_room) in rooms))
        for d in draft.decks
    )
    return replace(draft, decks=decks)


def _without_empty(deck: DraftDeck) -> DraftDeck:
    empty = {r.id for r in deck.rooms if not r.cells}
    return _dropped(deck, empty) if empty else deck


def _dropped(deck: DraftDeck, ids: set[str]) -> DraftDeck:
    rooms = tuple(r for r in deck.rooms if r.id not in ids)
    kept = {r.id for r in rooms}
    return replace(
        deck,
        rooms=rooms,
        doors=tuple(d for d in deck.doors if d.id not in ids and {d.from_room, d.to_room} <= kept),
        links=tuple(k for k in deck.links if k.id not in ids and k.from_room in kept),
        markers=tuple(m for m in deck.markers if m.id not in ids and m.room in kept),
    )
