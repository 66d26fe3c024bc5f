"""A location's map read into a MapDraft, and a MapDraft saved as our YAML: a manifest and one
file per deck (keys in a stable order; rectangles as x, y, width, height, other rooms as cells;
a deck's background picture and extras beside it are left alone)."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.model import Deck, Location
from desktop.mapedit.draft import DraftDeck, DraftDoor, DraftLink, DraftMarker, DraftRoom, MapDraft
from desktop.mapimport.inplace import DECK, MANIFEST, read_value, update_file

Json = dict[str, object]


def draft_of(location: Location) -> MapDraft:
    """The location's map as a draft (an empty one when it has none)."""
    lmap = location.map
    if lmap is None:
        return MapDraft(location.name)
    return MapDraft(lmap.name, tuple(_deck(deck) for deck in lmap.decks if deck.grid is not None))


def _deck(deck: Deck) -> DraftDeck:
    assert deck.grid is not None
    rooms = tuple(
        DraftRoom(r.id, r.name, frozenset(r.cells()), r.status, r.description) for r in deck.rooms
    )
    doors = tuple(
        DraftDoor(
            c.id,
            c.from_room,
            c.to_room,
            c.door_type,
            c.door_status if c.door_type else "OPEN",
            c.position,
        )
        for c in deck.connections
    )
    links = tuple(
        DraftLink(k.id, k.from_room, k.to_deck, k.to_room, k.type, k.status) for k in deck.links
    )
    markers = tuple(
        DraftMarker(t.id, t.room, t.x, t.y, t.name, t.hidden, terminal_slug=t.terminal_slug)
        for t in deck.terminals
    ) + tuple(DraftMarker(p.id, p.room, p.x, p.y, p.name, p.hidden, p.type) for p in deck.pois)
    grid = deck.grid
    return DraftDeck(
        deck.id,
        deck.name,
        deck.level,
        grid.width,
        grid.height,
        grid.unit_size,
        rooms,
        doors,
        links,
        markers,
    )


def save_draft(draft: MapDraft, map_dir: Path) -> list[Path]:
    """Write the manifest and every deck file (decks removed from the draft keep their files,
    unlisted); the files written. A file that exists is updated in place: the GM's comments
    and keys the editor does not know stay (desktop/mapimport/inplace.py)."""
    map_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for deck in draft.decks:
        path = map_dir / f"{deck.id}.yaml"
        update_file(path, deck_data(deck), DECK, "Drawn in the GM Terminal deck editor.")
        written.append(path)
    manifest = map_dir / "manifest.yaml"
    update_file(manifest, manifest_of(draft, _default_deck(manifest)), MANIFEST)
    return [*written, manifest]


def _default_deck(manifest: Path) -> str:
    decks = read_value(manifest, "decks")
    listed = [d for d in decks if isinstance(d, dict)] if isinstance(decks, list) else []
    return next((str(d.get("id")) for d in listed if d.get("default")), "")


def manifest_of(draft: MapDraft, default: str = "") -> Json:
    """The manifest of the draft's decks; the default deck stays the one it was (else the
    first)."""
    ids = [d.id for d in draft.decks]
    default = default if default in ids else (ids[0] if ids else "")
    entries = [
        {"id": d.id, "name": d.name, "file": f"{d.id}.yaml", "level": d.level}
        | ({"default": True} if d.id == default else {})
        for d in draft.decks
    ]
    return {"name": draft.name, "total_decks": len(entries), "decks": entries}


def deck_data(deck: DraftDeck) -> Json:
    data: Json = {
        "grid": {"width": deck.width, "height": deck.height, "unit_size": deck.unit_size},
        "rooms": [_room(r) for r in deck.rooms],
    }
    if deck.doors:
        data["connections"] = [_door(d) for d in deck.doors]
    if deck.links:
        data["inter_deck_connections"] = [
            {
                "id": k.id,
                "from_room": k.from_room,
                "to_deck": k.to_deck,
                "to_room": k.to_room,
                "type": k.type,
                "status": k.status,
            }
            for k in deck.links
        ]
    terminals = [m for m in deck.markers if m.terminal_slug]
    pois = [m for m in deck.markers if not m.terminal_slug]
    if terminals:
        data["terminals"] = [
            {
                "id": m.id,
                "room": m.room,
                "position": {"x": m.x, "y": m.y},
                "terminal_slug": m.terminal_slug,
                "name": m.name,
            }
            | _hidden(m)
            for m in terminals
        ]
    if pois:
        data["poi"] = [
            {
                "id": m.id,
                "type": m.poi_type,
                "room": m.room,
                "position": {"x": m.x, "y": m.y},
                "name": m.name,
            }
            | _hidden(m)
            for m in pois
        ]
    return data


def _hidden(marker: DraftMarker) -> Json:
    return {"hidden": True} if marker.hidden else {}


def _room(room: DraftRoom) -> Json:
    xs = [x for x, _ in room.cells]
    ys = [y for _, y in room.cells]
    x, y, w, h = min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    data: Json = {"id": room.id, "name": room.name}
    if len(room.cells) == w * h:
        data |= {"x": x, "y": y, "width": w, "height": h}
    else:
        data["cells"] = [[cx, cy] for cx, cy in sorted(room.cells, key=lambda c: (c[1], c[0]))]
    if room.status != "OPERATIONAL":
        data["status"] = room.status
    if room.description:
        data["description"] = room.description
    return data


def _door(door: DraftDoor) -> Json:
    data: Json = {"id": door.id, "from": door.from_room, "to": door.to_room}
    if door.door_type:
        data |= {"door_type": door.door_type, "door_status": door.door_status}
    if door.position is not None:
        data["position"] = {"x": door.position[0], "y": door.position[1]}
    return data
