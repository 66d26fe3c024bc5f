"""Reading: the player snapshot and stream, media, the join URL, and the GM's reads."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import IO, Any

import orjson
from aiohttp import web
from aiohttp.abc import AbstractStreamWriter
from aiohttp.web_request import BaseRequest

from desktop.campaign.links import within
from desktop.campaign.model import Campaign, Deck, Location
from desktop.campaign.pieces import pieces_dir
from desktop.mapimport.pieces import cut_piece, find_piece
from desktop.model.errors import Conflict, NotFound
from desktop.model.state import LocationState, TableState
from desktop.net.auth import GM
from desktop.net.broadcaster import SSE_HEADERS
from desktop.net.discovery import player_url, qr_svg
from desktop.net.displays import display_list
from desktop.net.keys import AUTH, BROADCASTER, DISCOVERY, STORE
from desktop.net.limits import display_of

JSON = "application/json"


def json_bytes(data: object) -> web.Response:
    """A JSON answer encoded with orjson."""
    return web.Response(body=orjson.dumps(data), content_type=JSON)


def _wants_gm(request: web.Request) -> bool:
    """`?role=gm` with the GM token; without it a 401."""
    if request.query.get("role") != "gm":
        request.app[AUTH].actor(request)  # a wrong token is still a 401
        return False
    request.app[AUTH].require_gm(request)
    return True


async def active_view(request: web.Request) -> web.Response:
    """The snapshot; the player's carries its revision as ETag, and If-None-Match gets a 304.

    A display whose stream has been silent asks this way whether the table is only quiet
    (304, a few hundred bytes) or its stream is dead and missed a change (200).
    """
    store = request.app[STORE]
    if _wants_gm(request):
        return json_bytes(store.gm_snapshot())
    frame = store.player_frame(display_of(request))
    etag = str(frame.revision)
    if any(tag.value in (etag, "*") for tag in request.if_none_match or ()):
        response = web.Response(status=304)
    else:
        response = web.Response(body=frame.data, content_type=JSON)
    response.etag = etag
    response.headers["Cache-Control"] = "no-cache"
    return response


async def active_view_stream(request: web.Request) -> web.StreamResponse:
    role = GM if _wants_gm(request) else "player"
    if request.method == "HEAD":  # the stream's headers, and no stream
        return web.Response(headers=SSE_HEADERS)
    return await request.app[BROADCASTER].stream(request, role)


class MediaResponse(web.FileResponse):
    """A campaign file written chunk by chunk through the connection's buffer, never by the
    kernel's sendfile: a client that stops reading stalls the buffer, and the connection's
    write timeout (connections.WRITE_TIMEOUT) closes it."""

    async def _sendfile(
        self, request: BaseRequest, fobj: IO[Any], offset: int, count: int
    ) -> AbstractStreamWriter:
        writer = await web.StreamResponse.prepare(self, request)
        assert writer is not None
        return await self._sendfile_fallback(writer, fobj, offset, count)


async def media(request: web.Request) -> web.StreamResponse:
    """An image of the current player frame: a campaign file, or a revealed room's piece of a
    deck's picture (cut on its first request, off the loop, then kept in the cache)."""
    store = request.app[STORE]
    path = store.media(request.match_info["media_id"], display_of(request))
    if path is not None and path.parent == pieces_dir():
        return await _piece(store.campaign, path)
    served = within(store.campaign.root, path) if path is not None else None  # resolved now
    if served is None or not served.is_file():
        raise web.HTTPNotFound()
    return MediaResponse(served, headers={"Cache-Control": "no-cache"})


async def _piece(campaign: Campaign, path: Path) -> web.StreamResponse:
    found = find_piece(campaign, path)
    if found is None:
        raise web.HTTPNotFound()
    loop = asyncio.get_running_loop()
    if not await loop.run_in_executor(None, cut_piece, found[0], found[1], path):
        raise web.HTTPNotFound()
    return MediaResponse(path, headers={"Cache-Control": "no-cache"})


def join_url(request: web.Request) -> str:
    """The player URL on the LAN (what the QR code holds)."""
    discovery = request.app[DISCOVERY]
    if discovery.player_url:
        return discovery.player_url
    sockname = request.transport.get_extra_info("sockname") if request.transport else None
    port = int(sockname[1]) if sockname else 80
    return player_url("0.0.0.0", port)


async def join(request: web.Request) -> web.Response:
    return json_bytes({"url": join_url(request), "mdns_url": request.app[DISCOVERY].mdns_url})


async def join_qr(request: web.Request) -> web.Response:
    return web.Response(
        text=qr_svg(join_url(request)),
        content_type="image/svg+xml",
        headers={"Cache-Control": "no-cache"},
    )


# --- GM reads -------------------------------------------------------------------------------


def _location_tree(campaign: Campaign, slug: str) -> dict[str, object]:
    location = campaign.locations[slug]
    return {
        "slug": location.slug,
        "name": location.name,
        "type": location.type,
        "has_map": location.has_map,
        "terminals": [
            {"slug": t.slug, "name": t.name, "owner": t.owner} for t in location.terminals
        ],
        "children": [
            _location_tree(campaign, child)
            for child in location.children
            if child in campaign.locations
        ],
    }


async def gm_locations(request: web.Request) -> web.Response:
    request.app[AUTH].require_gm(request)
    campaign = request.app[STORE].campaign
    tree = [_location_tree(campaign, slug) for slug in campaign.top_level]
    return json_bytes({"locations": tree})


def _deck_json(deck: Deck, lstate: LocationState | None) -> dict[str, object]:
    room_status = lstate.room_status if lstate else {}
    door_status = lstate.door_status if lstate else {}
    grid = deck.grid
    return {
        "id": deck.id,
        "name": deck.name,
        "level": deck.level,
        "default": deck.default,
        "grid": None
        if grid is None
        else {"width": grid.width, "height": grid.height, "unit_size": grid.unit_size},
        "rooms": [
            {
                "id": r.id,
                "name": r.name,
                "x": r.x,
                "y": r.y,
                "width": r.width,
                "height": r.height,
                "status": room_status.get(r.id, r.status),
                **({"cells": [list(cell) for cell in r.cells()]} if r.shape else {}),
            }
            for r in deck.rooms
        ],
        "connections": [
            {
                "id": c.id,
                "from": c.from_room,
                "to": c.to_room,
                "door_type": c.door_type or "passage",
                "door_status": door_status.get(c.id, c.door_status) if c.door_type else "OPEN",
            }
            for c in deck.connections
        ],
    }


async def gm_encounter_map(request: web.Request) -> web.Response:
    request.app[AUTH].require_gm(request)
    store = request.app[STORE]
    location = store.campaign.location(request.match_info["slug"])
    if location is None or location.map is None or not location.has_map:
        raise NotFound(f"no map for location '{request.match_info['slug']}'")
    lstate = store.state.locations.get(location.slug)
    return json_bytes({"decks": [_deck_json(d, lstate) for d in location.map.decks]})


async def gm_npcs(request: web.Request) -> web.Response:
    request.app[AUTH].require_gm(request)
    npcs = request.app[STORE].campaign.npcs.values()
    return json_bytes(
        {"npcs": [{"id": n.id, "name": n.name, "portrait": n.portrait is not None} for n in npcs]}
    )


async def gm_displays(request: web.Request) -> web.Response:
    request.app[AUTH].require_gm(request)
    connected = request.app[BROADCASTER].displays()
    return json_bytes({"displays": display_list(request.app[STORE].state, connected)})


def _visibility_location(state: TableState, campaign: Campaign, slug: str) -> Location:
    slug = slug or state.location_slug
    if not slug:
        raise Conflict("no location open: open one or name it with 'location_slug'")
    location = campaign.location(slug)
    if location is None:
        raise NotFound(f"unknown location '{slug}'")
    return location


async def gm_room_visibility(request: web.Request) -> web.Response:
    request.app[AUTH].require_gm(request)
    store = request.app[STORE]
    state = store.state
    location = _visibility_location(state, store.campaign, request.query.get("location_slug", ""))
    lstate = state.locations.get(location.slug)
    revealed = lstate.revealed if lstate else frozenset()
    rooms = location.map.rooms if location.map else {}
    return json_bytes(
        {
            "location_slug": location.slug,
            "room_visibility": {room_id: room_id in revealed for room_id in rooms},
        }
    )
