"""Snapshots: what the players may see (filtered on this machine) and what the GM sees.

The player snapshot is built from parts (common fields, the ship, the place, the deck's map,
the tokens), each cached with its JSON encoding until what it depends on changes: a token
move re-encodes one token and joins the cached bytes. The snapshot's dict and its images are
put together only when someone reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import orjson

from desktop.campaign.model import Campaign, Deck, Location
from desktop.model import wire
from desktop.model.actions.places import location_state
from desktop.model.deckmap import player_map
from desktop.model.display_state import Camera, DisplaySettings
from desktop.model.names import shown_name, words
from desktop.model.starview import place_star_map, star_map_part
from desktop.model.state import LocationState, TableState, Token
from desktop.model.token_part import TokenCache, VisibleTokens

Json = dict[str, object]
Media = dict[str, Path]

SCHEMA = 1
SHOWN_BROADCASTS = 20
SHOWN_ENTRIES = 50
MAX_PARTS = 256  # cached parts (the audiences' are dropped beyond, and built again)
_NO_MAP: Json = {
    "encounter_map": None,
    "encounter_room_visibility": {},
    "encounter_door_status": {},
    "encounter_room_atmosphere": {},
    "encounter_tokens": {},
}


def _inner(fields: Json) -> bytes:
    return orjson.dumps(fields)[1:-1]


class Piece(Protocol):
    """A part of the player snapshot: its JSON (no braces), its fields and images on demand."""

    @property
    def data(self) -> bytes: ...

    def fields(self) -> Json: ...

    def media(self) -> Media: ...


class Part:
    """A cached part: fields built once, their JSON, the images they refer to."""

    __slots__ = ("_fields", "_media", "data")

    def __init__(self, fields: Json, media: Media) -> None:
        self._fields = fields
        self.data = _inner(fields)
        self._media = media

    def fields(self) -> Json:
        return self._fields

    def media(self) -> Media:
        return self._media


_NO_MAP_PART = Part(_NO_MAP, {})


class Projector:
    """Builds snapshots of one campaign, caching what only changes with the campaign or a deck."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self._parts: dict[str, tuple[tuple[object, ...], Part]] = {}
        self._terminals: dict[tuple[str, str], Json | None] = {}
        self._tokens = TokenCache(campaign)
        self._visible = VisibleTokens(self._tokens)
        self._shown: tuple[tuple[object, ...], list[Piece], str] | None = None  # the last deck

    def _part(self, name: str, deps: tuple[object, ...], build: Callable[[Media], Json]) -> Part:
        """build(media) again only when one of deps changed."""
        hit = self._parts.get(name)
        if hit is None or hit[0] != deps:  # item by item: identity first, then equality
            found: Media = {}
            hit = (deps, Part(build(found), found))
            self._parts[name] = hit
        return hit[1]

    # --- parts -----------------------------------------------------------------------------------

    def common(self, state: TableState, audience: str = "") -> Part:
        """The fields of every view (cached per audience: `audience` names it)."""
        deps = (
            state.view_type,
            state.location_slug,
            state.movable_types,
            state.broadcasts,
            state.charon,
            state.overlay_location,
            state.overlay_terminal,
            state.overlay_message,
            state.portraits,
            state.read_mail,
            state.handouts,
            state.pings,
        )
        name = f"common:{audience}" if audience else "common"
        if audience and len(self._parts) > MAX_PARTS:
            self._parts = {k: v for k, v in self._parts.items() if ":" not in k}
        return self._part(name, deps, lambda found: self._common(state, found))

    def _common(self, state: TableState, media: Media) -> Json:
        campaign, charon, channel = self.campaign, state.charon, state.charon_channel
        entries = charon.conversations.get(channel, ())
        portraits = [p for p in state.portraits if p in campaign.npcs]
        return {
            "view_type": state.view_type,
            "location_slug": state.location_slug if state.view_type == "ENCOUNTER" else "",
            "campaign_name": campaign.name,
            "ship_name": campaign.ship.name if campaign.ship else "",
            "movable_types": list(state.movable_types),
            "broadcasts": [wire.broadcast(b) for b in state.broadcasts[-SHOWN_BROADCASTS:]],
            "charon_mode": charon.mode,
            "charon_dialog_open": charon.dialog_open,
            "charon_active_channel": channel,
            "charon_channel_name": self._channel_name(state),
            "charon_name": campaign.voice.name,
            "charon_conversation": [wire.entry(e) for e in entries[-SHOWN_ENTRIES:]],
            "charon_pending": any(e.pending for e in entries),
            "overlay_location_slug": state.overlay_location,
            "overlay_terminal_slug": state.overlay_terminal,
            "terminal": self._terminal(state),
            "overlay_open_message_id": state.overlay_message if state.overlay_terminal else "",
            "encounter_active_portraits": portraits,
            "encounter_npc_data": {p: wire.npc_public(campaign.npcs[p], media) for p in portraits},
            "handouts": [wire.handout(h, campaign, media) for h in state.handouts],
            "pings": [{"id": p.id, "x": p.x, "y": p.y} for p in state.pings],
        }

    def _channel_name(self, state: TableState) -> str:
        """What the ship computer's header says where it speaks: a place's name, never a key."""
        if state.view_type == "BRIDGE":
            return "Bridge"
        location = self.campaign.location(state.location_slug)
        if state.view_type == "ENCOUNTER" and location is not None:
            return shown_name(location.name, location.slug)
        return ""

    def _terminal(self, state: TableState) -> Json | None:
        """The overlaid terminal's mail, with what a display opened since marked read."""
        key = (state.overlay_location, state.overlay_terminal)
        if key not in self._terminals:
            location = self.campaign.location(key[0])
            term = location.terminal(key[1]) if location else None
            self._terminals[key] = wire.terminal(term) if term else None
        found = self._terminals[key]
        if found is None or not state.read_mail:
            return found
        return wire.with_read(found, key[0], state.read_mail)

    def warden(self, state: TableState, audience: str = "") -> Part:
        """Countdowns, alerts and the roll the GM shows (never the private roll history)."""
        w = state.warden
        deps = (w.timers, w.alerts, w.shown_roll, w.ambient, w.cue, w.cue_sound)
        name = f"warden:{audience}" if audience else "warden"
        return self._part(name, deps, lambda found: wire.warden(w, self.campaign, found))

    def bridge(self, state: TableState) -> Part:
        """The ship with overrides merged, crew dossiers, session logs."""
        return self._part(
            "bridge",
            (state.ship, state.gauges, state.warden.conditions),
            lambda found: self._bridge(state, found),
        )

    def _bridge(self, state: TableState, media: Media) -> Json:
        ship = self.campaign.ship
        return {
            "ship": wire.ship(ship, state.ship, state.gauges) if ship else None,
            "crew": [
                wire.crew_member(c, media, state.gauges, state.warden.conditions)
                for c in self.campaign.crew
            ],
            "sessions": [wire.session(s) for s in self.campaign.sessions],
        }

    def star(self, state: TableState) -> Part:
        """The star map: the galaxy (or the view the GM showed) on BRIDGE; on ENCOUNTER the
        map of a system, planet or moon without a deck plan (else None)."""
        location = self.campaign.location(state.location_slug)
        bridge = state.view_type == "BRIDGE"

        def build(_media: Media) -> Json:
            if bridge:
                return star_map_part(self.campaign, state.star, state.star.view)
            return place_star_map(self.campaign, state.star, location)

        return self._part("star", (state.star, bridge, location), build)

    def deck_of(self, location: Location, lstate: LocationState) -> Deck | None:
        """The deck shown at a location (None without a map)."""
        lmap = location.map
        if lmap is None or not lmap.decks:
            return None
        return lmap.deck(lstate.deck_id) or lmap.deck(lmap.default_deck_id) or lmap.decks[0]

    def place(self, location: Location | None, deck: Deck | None) -> Json:
        """Location and deck fields; the location card when there is no map."""
        has_map = deck is not None and deck.grid is not None
        name = shown_name(location.name, location.slug) if location else ""
        card = None
        if location is not None and not has_map:
            card = {
                "name": name,
                "type": words(location.type),
                "status": location.status,
                "description": location.description,
            }
        lmap = location.map if location else None
        return {
            "location_name": name,
            "location_type": location.type if location else "",
            "encounter_has_map": has_map,
            "location_card": card,
            "encounter_deck_id": deck.id if deck else "",
            "encounter_deck_name": shown_name(deck.name, deck.id) if deck else "",
            "encounter_level": deck.level if deck else 0,
            "encounter_total_decks": len(lmap.decks) if lmap else 0,
        }

    def token(self, token: Token, media: Media) -> Json:
        """A token as players see it (cached per token); its image goes into media."""
        _token, fields, _data, media_id, path = self._tokens.entry(token)
        if path is not None:
            media[media_id] = path
        return fields

    def _encounter(self, state: TableState) -> list[Piece]:
        found = state.locations.get(state.location_slug)
        key: tuple[object, ...] | None = None
        if found is not None:
            key = (state.location_slug, found.deck_id, found.revealed, found.door_status)
            key += (found.room_status, found.revealed_pois, found.hidden_pois)
            key += (found.hidden_descriptions,)
            key += (found.room_status, found.revealed_pois, found.marker_names)
            key += (found.removed_markers, state.warden.atmosphere)
            shown = self._shown
            if shown is not None and shown[0] == key:  # only tokens changed: a token move
                return [*shown[1], self._visible.part(found, shown[2])]
        location = self.campaign.location(state.location_slug)
        lstate = location_state(state, location) if location else None
        deck = self.deck_of(location, lstate) if location and lstate else None
        place = self._part("place", (location, deck), lambda _m: self.place(location, deck))
        if location is None or lstate is None or deck is None or deck.grid is None:
            return [place, _NO_MAP_PART]
        deps: tuple[object, ...] = (location, deck, lstate.revealed, lstate.door_status)
        deps += (lstate.room_status, lstate.revealed_pois, lstate.hidden_pois)
        deps += (lstate.hidden_descriptions,)
        deps += (lstate.room_status, lstate.revealed_pois, lstate.marker_names)
        deps += (lstate.removed_markers, state.warden.atmosphere)
        air = state.warden.atmosphere
        emap = self._part("map", deps, lambda found: self._map(location, deck, lstate, found, air))
        if key is not None:
            self._shown = (key, [place, emap], deck.id)
        return [place, emap, self._visible.part(lstate, deck.id)]

    @staticmethod
    def _map(
        location: Location,
        deck: Deck,
        lstate: LocationState,
        media: Media,
        air: Mapping[str, tuple[str, ...]],
    ) -> Json:
        encounter_map, visibility, doors = player_map(location, deck, lstate, media)
        return {
            "encounter_map": encounter_map,
            "encounter_room_visibility": visibility,
            "encounter_door_status": doors,
            "encounter_room_atmosphere": wire.atmosphere(location.slug, visibility, air),
        }

    def display(
        self,
        display: str,
        settings: DisplaySettings,
        state: TableState,
        seen_tokens: Container[str] = (),
    ) -> Part:
        """A display's own settings, and the sheet of the character it is bound to. A follow
        camera names its token only while the display sees it (else it follows the party):
        the id of a token players do not see is never sent."""
        target = settings.camera.target
        camera = settings.camera if target in seen_tokens else replace(settings.camera, target="")
        return self._part(
            f"display:{display}",
            (settings, camera, state.gauges, state.warden.conditions),
            lambda found: {"display": self._display(settings, camera, state, found)},
        )

    def _display(
        self, settings: DisplaySettings, camera: Camera, state: TableState, media: Media
    ) -> Json:
        member = next((c for c in self.campaign.crew if c.id == settings.character), None)
        conditions = state.warden.conditions
        sheet = wire.crew_member(member, media, state.gauges, conditions) if member else None
        return {
            "name": settings.name,
            "kind": settings.kind,
            "rotation": settings.rotation,
            "camera": wire.camera(camera),
            "character": sheet,
        }

    # --- public ----------------------------------------------------------------------------------

    def player_parts(self, state: TableState, audience: str = "") -> list[Piece]:
        """The player snapshot as parts (`frame_bytes` and `frame_snapshot` join them);
        `audience` names the displays' audience it is for (audience.py), "" everyone."""
        parts: list[Piece] = [self.common(state, audience), self.warden(state, audience)]
        if state.view_type == "BRIDGE":
            parts.append(self.bridge(state))
        elif state.view_type == "ENCOUNTER":
            parts += self._encounter(state)
        if state.view_type in ("BRIDGE", "ENCOUNTER"):
            parts.append(self.star(state))
        return parts

    def player(self, state: TableState) -> tuple[Json, Media]:
        """The player snapshot and the images it refers to (opaque id -> file)."""
        parts = self.player_parts(state)
        return frame_snapshot(state.revision, parts), frame_media(parts)


def frame_bytes(revision: int, data: Sequence[bytes]) -> bytes:
    """The player snapshot's JSON: schema and revision first, then the parts' JSON."""
    head = b'{"schema":%d,"revision":%d,' % (SCHEMA, revision)
    return b"".join((head, b",".join(data), b"}"))


def frame_snapshot(revision: int, parts: Sequence[Piece]) -> Json:
    """The player snapshot's fields (shared with the parts' caches: read, never change)."""
    snapshot: Json = {"schema": SCHEMA, "revision": revision}
    for part in parts:
        snapshot.update(part.fields())
    return snapshot


def frame_media(parts: Sequence[Piece]) -> Media:
    """The images the parts refer to, by opaque id."""
    media: Media = {}
    for part in parts:
        media.update(part.media())
    return media


def player_snapshot(state: TableState, campaign: Campaign) -> tuple[Json, Media]:
    """The player snapshot of a state, and the images it refers to."""
    return Projector(campaign).player(state)
