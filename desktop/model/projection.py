"""Snapshots: what the players may see (filtered on this machine) and what the GM sees."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.campaign.model import Campaign, Deck, Location
from desktop.model import wire
from desktop.model.actions.places import location_state
from desktop.model.deckmap import PlayerMap, gm_map, player_map
from desktop.model.media import media_url
from desktop.model.state import LocationState, TableState, Token

Json = dict[str, object]
Media = dict[str, Path]

SCHEMA = 1
SHOWN_BROADCASTS = 20
SHOWN_ENTRIES = 50


class Projector:
    """Builds snapshots of one campaign, caching what only changes with the campaign or a deck."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self._maps: dict[tuple[str, str], tuple[tuple[object, ...], PlayerMap]] = {}
        self._ship: tuple[object, Json] | None = None
        self._people: tuple[list[Json], list[Json], Media] | None = None
        self._terminals: dict[tuple[str, str], Json | None] = {}
        self._tokens: dict[str, tuple[Token, Json, str, Path | None]] = {}
        self._memos: dict[str, tuple[tuple[object, ...], Json, Media]] = {}

    def _memo(self, name: str, deps: tuple[object, ...], build: Callable[[Media], Json]) -> Json:
        """build(media) again only when one of deps changed; its media are replayed."""
        hit = self._memos.get(name)
        if hit is None or any(a is not b and a != b for a, b in zip(hit[0], deps, strict=True)):
            media: Media = {}
            hit = (deps, build(media), media)
            self._memos[name] = hit
        return hit[1]

    def _memo_media(self, name: str, media: Media) -> None:
        media.update(self._memos[name][2])

    # --- shared by every view ------------------------------------------------------------------

    def _common(self, state: TableState, media: Media) -> Json:
        deps = (
            state.view_type,
            state.location_slug,
            state.movable_types,
            state.broadcasts,
            state.charon,
            state.overlay_location,
            state.overlay_terminal,
            state.portraits,
        )
        common = self._memo("common", deps, lambda found: self._build_common(state, found))
        self._memo_media("common", media)
        return {"schema": SCHEMA, "revision": state.revision, **common}

    def _build_common(self, state: TableState, media: Media) -> Json:
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
            "charon_conversation": [wire.entry(e) for e in entries[-SHOWN_ENTRIES:]],
            "charon_pending": any(e.pending for e in entries),
            "overlay_location_slug": state.overlay_location,
            "overlay_terminal_slug": state.overlay_terminal,
            "terminal": self._terminal(state.overlay_location, state.overlay_terminal),
            "encounter_active_portraits": portraits,
            "encounter_npc_data": {p: wire.npc_public(campaign.npcs[p], media) for p in portraits},
        }

    def _terminal(self, location_slug: str, terminal_slug: str) -> Json | None:
        key = (location_slug, terminal_slug)
        if key not in self._terminals:
            location = self.campaign.location(location_slug)
            term = location.terminal(terminal_slug) if location else None
            self._terminals[key] = wire.terminal(term) if term else None
        return self._terminals[key]

    def _bridge(self, state: TableState, media: Media) -> Json:
        ship = self.campaign.ship
        if self._ship is None or self._ship[0] is not state.ship:
            self._ship = (state.ship, wire.ship(ship, state.ship) if ship else {})
        if self._people is None:
            people: Media = {}
            crew = [wire.crew_member(c, people) for c in self.campaign.crew]
            self._people = (crew, [wire.session(s) for s in self.campaign.sessions], people)
        crew, sessions, people = self._people
        media.update(people)
        return {"ship": self._ship[1] or None, "crew": crew, "sessions": sessions}

    # --- the encounter ---------------------------------------------------------------------------

    def _deck(self, location: Location, lstate: LocationState) -> Deck | None:
        lmap = location.map
        if lmap is None or not lmap.decks:
            return None
        return lmap.deck(lstate.deck_id) or lmap.deck(lmap.default_deck_id) or lmap.decks[0]

    def _place(self, location: Location | None, lstate: LocationState | None) -> Json:
        deck = self._deck(location, lstate) if location and lstate else None
        has_map = deck is not None and deck.grid is not None
        card = None
        if location is not None and not has_map:
            card = {k: getattr(location, k) for k in ("name", "type", "status", "description")}
        lmap = location.map if location else None
        return {
            "location_name": location.name if location else "",
            "location_type": location.type if location else "",
            "encounter_has_map": has_map,
            "location_card": card,
            "encounter_deck_id": deck.id if deck else "",
            "encounter_deck_name": deck.name if deck else "",
            "encounter_level": deck.level if deck else 0,
            "encounter_total_decks": len(lmap.decks) if lmap else 0,
        }

    def _player_map(self, location: Location, deck: Deck, lstate: LocationState) -> PlayerMap:
        key = (location.slug, deck.id)
        deps = (lstate.revealed, lstate.door_status, lstate.room_status, lstate.revealed_pois)
        hit = self._maps.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], deps, strict=True)):
            return hit[1]
        built = player_map(location, deck, lstate)
        self._maps[key] = (deps, built)
        return built

    def _token(self, token: Token, media: Media, gm: bool = False) -> Json:
        hit = self._tokens.get(token.id)
        if hit is None or hit[0] is not token:
            image = self.campaign.token_images.get(token.image)
            path = image.path if image else None
            found: Media = {}
            data: Json = {
                "type": token.type,
                "name": token.name,
                "x": token.x,
                "y": token.y,
                "status": [s for s in token.statuses if s != "hidden"],
                "image_url": media_url(path, found),
                "room_id": token.room_id,
            }
            hit = (token, data, next(iter(found), ""), path)
            self._tokens[token.id] = hit
        _token, data, mid, path = hit
        if path is not None:
            media[mid] = path
        if gm:
            return {**data, "deck_id": token.deck_id, "hidden": token.hidden, "image": token.image}
        return data

    def _encounter(self, state: TableState, media: Media) -> Json:
        location = self.campaign.location(state.location_slug)
        lstate = location_state(state, location) if location else None
        deck = self._deck(location, lstate) if location and lstate else None
        deps = (location, deck)
        part = {**self._memo("place", deps, lambda _media: self._place(location, lstate))}
        if location is None or lstate is None or deck is None or deck.grid is None:
            part.update(
                encounter_map=None,
                encounter_room_visibility={},
                encounter_door_status={},
                encounter_tokens={},
            )
            return part
        emap, visibility, doors = self._player_map(location, deck, lstate)
        part.update(
            encounter_map=emap,
            encounter_room_visibility=visibility,
            encounter_door_status=doors,
            encounter_tokens=self._visible_tokens(lstate, deck.id, media),
        )
        return part

    def _visible_tokens(self, lstate: LocationState, deck_id: str, media: Media) -> Json:
        revealed, cache = lstate.revealed, self._tokens
        tokens: Json = {}
        for tid, t in lstate.tokens.items():
            if t.deck_id != deck_id or t.room_id not in revealed or "hidden" in t.statuses:
                continue
            hit = cache.get(tid)
            if hit is None or hit[0] is not t:
                self._token(t, media)
                hit = cache[tid]
            tokens[tid] = hit[1]
            if hit[3] is not None:
                media[hit[2]] = hit[3]
        return tokens

    # --- public ----------------------------------------------------------------------------------

    def player(self, state: TableState) -> tuple[Json, Media]:
        """The player snapshot and the images it refers to (opaque id -> file)."""
        media: Media = {}
        snap = self._common(state, media)
        if state.view_type == "BRIDGE":
            snap.update(self._bridge(state, media))
        elif state.view_type == "ENCOUNTER":
            snap.update(self._encounter(state, media))
        return snap, media

    def gm(self, state: TableState) -> Json:
        """Everything, unfiltered, under the player snapshot's field names."""
        media: Media = {}
        snap = self._common(state, media)
        snap["location_slug"] = state.location_slug
        snap.update(self._bridge(state, media))
        location = self.campaign.location(state.location_slug)
        if location is not None:
            lstate = location_state(state, location)
            snap.update(self._place(location, lstate))
            deck = self._deck(location, lstate)
            has_map = deck is not None and deck.grid is not None
            snap["encounter_map"] = gm_map(location, deck, lstate) if deck and has_map else None
            snap["encounter_room_visibility"] = {r: True for r in sorted(lstate.revealed)}
            snap["encounter_door_status"] = dict(lstate.door_status)
            snap["encounter_tokens"] = {
                t.id: self._token(t, media, gm=True) for t in lstate.tokens.values()
            }
        snap["encounter_npc_data"] = {
            n.id: {
                **wire.npc_public(n, media),
                "faction": n.faction,
                "location": n.location,
                "status": n.status,
                "description": n.description,
            }
            for n in self.campaign.npcs.values()
        }
        snap.update(
            hold=state.hold,
            charon_location_path=state.charon.location_path,
            charon_conversations={
                c: [wire.entry(e) for e in es] for c, es in state.charon.conversations.items()
            },
            unplaced=[{"location_slug": s, "id": t.id, "name": t.name} for s, t in state.unplaced],
        )
        return snap


def player_snapshot(state: TableState, campaign: Campaign) -> tuple[Json, Media]:
    """The player snapshot of a state, and the images it refers to."""
    return Projector(campaign).player(state)


def gm_snapshot(state: TableState, campaign: Campaign) -> Json:
    """The GM snapshot of a state."""
    return Projector(campaign).gm(state)
