"""Writing: every POST path of API.md becomes one action dispatched to the store.

Checks run in API.md's order of precedence: the body's size (middleware, 413), the token
(401), the JSON and its fields (400), a player's limits (429), then the action itself raises
404, 403 or 409.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping

import orjson
from aiohttp import web

from desktop.model.actions import Action, SetRoomVisibility
from desktop.model.actions.charon import SubmitQuestion
from desktop.model.actions.displays import SetDisplay
from desktop.model.activity import player_write_event, refused_action_text, refused_event
from desktop.model.display_state import is_display_id
from desktop.model.errors import DomainError, InvalidInput, NotFound
from desktop.model.state import TableState
from desktop.model.store import Store
from desktop.net.auth import GM
from desktop.net.keys import ACTIVITY, AUTH, BROADCASTER, LIMITS, STORE
from desktop.net.limits import TooMany, display_of
from desktop.net.middleware import json_error
from desktop.net.reads import gm_room_visibility, json_bytes
from desktop.net.routes import WRITE_PATHS

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def parse_body(raw: bytes) -> Mapping[str, object]:
    """The request's JSON object (an empty body counts as `{}`)."""
    if not raw.strip():
        return {}
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InvalidInput(f"body is not valid JSON: {exc.msg}") from None
    if not isinstance(body, dict):
        raise InvalidInput("body must be a JSON object")
    return body


def _actor(request: web.Request, player_allowed: bool) -> str:
    actor = request.app[AUTH].actor(request)
    if actor != GM and not player_allowed:
        raise web.HTTPUnauthorized()
    return actor


def _over_limit(request: web.Request, store: Store, *, question: bool) -> web.Response | None:
    """A 429 when this display writes (or asks) too often; None when it may go on."""
    limits = request.app[LIMITS]
    try:
        if question:
            limits.admit_question(request, store.state)
        else:
            limits.admit(request)
    except TooMany as exc:
        refused = json_error(429, exc.message)
        refused.headers["Retry-After"] = str(exc.retry_after)
        return refused
    return None


def known_display(request: web.Request, display: str) -> None:
    """A display id of API.md's form (400) that is connected or known to the table (404)."""
    if not is_display_id(display):
        raise InvalidInput("bad display id (6 to 64 of A-Z a-z 0-9 _ -)")
    online = {d.display for d in request.app[BROADCASTER].displays()}
    if display not in online and display not in request.app[STORE].state.displays:
        raise NotFound("no such display: it has not connected")


def _success(revision: int, extra: Mapping[str, object] | None = None) -> web.Response:
    return json_bytes({"success": True, "revision": revision, **(extra or {})})


def action_handler(action_type: type[Action]) -> Handler:
    """The handler of one write path (its parameters, `{channel}`, are fields too)."""

    async def handle(request: web.Request) -> web.Response:
        actor = _actor(request, action_type.player_allowed)
        store: Store = request.app[STORE]
        action: Action | None = None
        if actor != GM:  # every player write counts, before its body is even read
            refused = _over_limit(request, store, question=False)
            if refused is not None:
                return refused
        try:
            body = parse_body(await request.read())
            action = action_type.from_body(body, **request.match_info)
            if isinstance(action, SetDisplay):
                known_display(request, action.display)
            if actor != GM and action_type is SubmitQuestion:
                refused = _over_limit(request, store, question=True)
                if refused is not None:
                    return refused
            before = store.state.revision
            state = store.dispatch(action, actor=actor, display=display_of(request))
        except DomainError as exc:
            if actor != GM:  # the GM hears of what the players tried and why it was refused
                what = refused_action_text(action, store.state, store.campaign)
                request.app[ACTIVITY](refused_event(what, exc.message, time.time()))
            raise
        request.app[BROADCASTER].deliver()  # committed: the displays first, then the reply
        if actor == GM:
            return _success(state.revision, store.last_reply)
        if state.revision != before:  # a write that changed nothing is no news for the GM
            request.app[ACTIVITY](player_write_event(action, state, store.campaign, time.time()))
        if action_type is SubmitQuestion:
            request.app[LIMITS].asked(request, str(store.last_reply.get("query_id", "")))
        # A display counts only the frames of its audience (API.md "Audiences").
        return _success(store.player_frame(display_of(request)).revision, store.last_reply)

    return handle


def _history_handler(step: Callable[[Store], TableState]) -> Handler:
    """The handler of undo or redo: GM only, a JSON body (or none), then the store's step."""

    async def handle(request: web.Request) -> web.Response:
        _actor(request, player_allowed=False)
        parse_body(await request.read())
        state = step(request.app[STORE])
        request.app[BROADCASTER].deliver()
        return _success(state.revision)

    return handle


def add_write_routes(app: web.Application) -> None:
    """Every write path; GET on room-visibility reads the map it sets."""
    router = app.router
    for path, action_type in WRITE_PATHS.items():
        resource = router.add_resource(path)
        resource.add_route("POST", action_handler(action_type))
        if action_type is SetRoomVisibility:
            resource.add_route("GET", gm_room_visibility)
    router.add_post("/api/gm/undo/", _history_handler(Store.undo))
    router.add_post("/api/gm/redo/", _history_handler(Store.redo))
