"""Drafting the ship computer's replies without blocking the loop.

Every player question gets a draft as soon as it is in the state (whatever path it came by);
the GM asks for one from a prompt with POST .../generate/. The draft is made by the language
model when one is configured (desktop.net.chat_model) or offline, then queued with QueueDraft
from the drafting task. Drafts are GM-only: nothing here touches a display.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from aiohttp import web

from desktop.charon.prompt import asked
from desktop.model.actions import QueueDraft
from desktop.model.actions.charon import check_channel
from desktop.model.actions.drafts import DraftRequest
from desktop.model.state import CharonEntry, TableState
from desktop.model.store import VIEWS, Store
from desktop.net.chat_model import Drafted, ModelEndpoint, draft_reply
from desktop.net.keys import AUTH, STORE
from desktop.net.reads import json_bytes
from desktop.net.writes import parse_body

log = logging.getLogger(__name__)

EndpointSource = Callable[[], ModelEndpoint | None]


def no_model() -> ModelEndpoint | None:
    return None


class DraftService:
    """Drafts a reply to each player question once, and to the GM's prompts."""

    def __init__(self, store: Store, endpoint: EndpointSource = no_model) -> None:
        self._store = store
        self._endpoint = endpoint
        self._started: set[str] = set()  # question ids a draft was started for
        self._tasks: set[asyncio.Task[None]] = set()
        self._seen: object = None

    def watch(self) -> Callable[[], None]:
        """Draft for the questions waiting now, then for each new one; answers unsubscribe."""
        self.publish(self._store.state)
        return self._store.subscribe(self.publish, VIEWS)

    def publish(self, state: TableState) -> None:
        """A subscriber: start a draft for every waiting question that has none."""
        conversations = state.charon.conversations
        if conversations is self._seen:
            return
        self._seen = conversations
        for channel, entries in conversations.items():
            drafted = {d.query_id for d in state.charon.drafts.get(channel, ())}
            for entry in entries:
                fresh = not entry.drafted and entry.id not in drafted
                if entry.pending and entry.role == "player" and fresh:
                    self._answer(channel, entry)

    def _answer(self, channel: str, entry: CharonEntry) -> None:
        if entry.id in self._started:
            return
        self._started.add(entry.id)
        self._spawn(self._queue(channel, entry.content, entry.id))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def draft(self, question: str) -> Drafted:
        """A draft for the question from the table as it is now (model, else offline)."""
        store = self._store
        return await draft_reply(question, store.campaign, store.state, self._endpoint())

    async def _queue(self, channel: str, question: str, query_id: str = "") -> None:
        try:
            drafted = await self.draft(question)
            self.queue(channel, drafted, query_id)
        except Exception:  # a draft lost is a question the GM answers by hand
            log.exception("the ship computer could not draft a reply")

    def request(self, channel: str, prompt: str, context: str = "") -> None:
        """Draft from the GM's prompt in the background; the draft is queued when done."""
        self._spawn(self._queue(channel, asked(prompt, context)))

    def queue(self, channel: str, drafted: Drafted, query_id: str = "") -> str:
        """Queue a draft: its id ("" when its question went meanwhile); DomainError if refused."""
        body = {"content": drafted.text, "query_id": query_id, "note": drafted.fallback}
        self._store.dispatch(QueueDraft.from_body(body, channel=channel))
        return str(self._store.last_reply.get("pending_id", ""))

    async def close(self) -> None:
        """Stop the drafts under way (their questions stay for the GM)."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


DRAFTS: web.AppKey[DraftService] = web.AppKey("drafts")


async def generate(request: web.Request) -> web.Response:
    """POST /api/gm/charon/<channel>/generate/ {"prompt", "context"?}: a draft from a prompt."""
    request.app[AUTH].require_gm(request)
    store: Store = request.app[STORE]
    body = parse_body(await request.read())
    ask = DraftRequest.from_body(body, request.match_info["channel"])
    check_channel(store.campaign, ask.channel)
    drafted = await request.app[DRAFTS].draft(asked(ask.prompt, ask.context))
    pending_id = request.app[DRAFTS].queue(ask.channel, drafted)
    reply = {"success": True, "revision": store.state.revision, "pending_id": pending_id}
    return json_bytes({**reply, "content": drafted.text, "fallback": drafted.fallback})


async def pending(request: web.Request) -> web.Response:
    """GET /api/gm/charon/<channel>/pending/: the channel's drafts, oldest first."""
    request.app[AUTH].require_gm(request)
    store: Store = request.app[STORE]
    channel = check_channel(store.campaign, request.match_info["channel"])
    drafts = store.state.charon.drafts.get(channel, ())
    return json_bytes(
        {
            "pending": [
                {
                    "id": d.id,
                    "query_id": d.query_id,
                    "content": d.content,
                    "created_at": d.created_at,
                }
                for d in drafts
            ]
        }
    )


def add_draft_routes(app: web.Application, endpoint: EndpointSource) -> None:
    """The drafts' routes and the service that drafts for every player question."""
    app[DRAFTS] = DraftService(app[STORE], endpoint)
    app.router.add_post("/api/gm/charon/{channel}/generate/", generate)
    app.router.add_get("/api/gm/charon/{channel}/pending/", pending)
    app.on_startup.append(_start)
    app.on_shutdown.append(_stop)


UNWATCH: web.AppKey[Callable[[], None]] = web.AppKey("unwatch-drafts")


async def _start(app: web.Application) -> None:
    app[UNWATCH] = app[DRAFTS].watch()


async def _stop(app: web.Application) -> None:
    app[UNWATCH]()
    await app[DRAFTS].close()
