"""Ship-computer drafts over HTTP on 127.0.0.1: routes, rules, and nothing of a draft on a
display before the GM approves it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model.store import Store
from desktop.net.chat_model import ModelEndpoint
from desktop.net.drafting import DraftService
from desktop.net.server import create_app
from desktop.storage.persistence import StateFile
from tests.net.conftest import GM_HEADERS, GM_JSON, JSON, TOKEN, gm_post
from tests.net.sse_reader import StreamReader

BRIDGE = "/api/gm/charon/bridge"
SECRET_QUESTION = "What is the Bore Shaft Head?"
SECRET = "warm wet air rises from below"  # the hidden room's description, in the draft

Client = TestClient[Any, Any]


@pytest.fixture
def store() -> Store:
    return Store(load_campaign(sample_campaign_path()))


@pytest.fixture
async def client(
    aiohttp_client: Callable[..., Awaitable[Client]], store: Store
) -> AsyncIterator[Client]:
    yield await aiohttp_client(create_app(store, gm_token=TOKEN))


async def listening(client: Client) -> None:
    """The bridge on the displays and the ship computer taking questions."""
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})
    await gm_post(client, "/api/gm/charon/toggle-dialog/", {"open": True})


async def ask(client: Client, question: str) -> str:
    """A player's question (no token); answers its id."""
    reply = await client.post("/api/charon/bridge/submit/", json={"query": question}, headers=JSON)
    assert reply.status == 200, await reply.text()
    query_id: str = (await reply.json())["query_id"]
    return query_id


async def pending(client: Client, channel: str = "bridge") -> list[dict[str, Any]]:
    reply = await client.get(f"/api/gm/charon/{channel}/pending/", headers=GM_HEADERS)
    assert reply.status == 200
    found: list[dict[str, Any]] = (await reply.json())["pending"]
    return found


async def draft_for(client: Client, query_id: str) -> dict[str, Any]:
    """The draft answering a question, once it is queued (polled, generous give-up)."""
    async with asyncio.timeout(20):
        while True:
            found = [d for d in await pending(client) if d["query_id"] == query_id]
            if found:
                return found[0]
            await asyncio.sleep(0.02)


async def test_a_player_question_queues_a_draft_at_once(client: Client, store: Store) -> None:
    await listening(client)
    query_id = await ask(client, "What is the status of the engines?")
    draft = await draft_for(client, query_id)
    assert set(draft) == {"id", "query_id", "content", "created_at"}
    assert "ENGINES: STRESSED, CONDITION 64%." in draft["content"]
    assert isinstance(draft["created_at"], float)
    assert store.state.charon.drafts["bridge"][0].note == ""  # no model configured


async def test_approve_sends_the_draft_as_the_reply(client: Client, store: Store) -> None:
    await listening(client)
    query_id = await ask(client, "Comms?")
    draft = await draft_for(client, query_id)
    reply = await gm_post(client, f"{BRIDGE}/approve/", {"pending_id": draft["id"]})
    entries = store.state.charon.conversations["bridge"]
    question, answer = entries[-2:]
    assert (answer.role, answer.content, answer.in_reply_to) == (
        "charon",
        draft["content"],
        query_id,
    )
    assert reply["entry_id"] == answer.id
    assert not question.pending
    assert await pending(client) == []


async def test_edit_then_approve_sends_the_gms_text(client: Client, store: Store) -> None:
    await listening(client)
    query_id = await ask(client, "Comms?")
    draft = await draft_for(client, query_id)
    body = {"pending_id": draft["id"], "content": "COMMS ARRAY ICED.\nSHORT RANGE ONLY."}
    await gm_post(client, f"{BRIDGE}/approve/", body)
    answer = store.state.charon.conversations["bridge"][-1]
    assert (answer.content, answer.in_reply_to) == (body["content"], query_id)


async def test_reject_drops_the_draft_and_keeps_the_question(client: Client, store: Store) -> None:
    await listening(client)
    query_id = await ask(client, "Comms?")
    draft = await draft_for(client, query_id)
    await gm_post(client, f"{BRIDGE}/reject/", {"pending_id": draft["id"]})
    assert await pending(client) == []
    question = store.state.charon.conversations["bridge"][-1]
    assert (question.id, question.pending) == (query_id, True)


async def test_generate_from_a_prompt_and_context(client: Client, store: Store) -> None:
    reply = await gm_post(
        client, f"{BRIDGE}/generate/", {"prompt": "Who is Dr. Kesh?", "context": "Lantern Station"}
    )
    assert "DR. MARA KESH" in reply["content"]
    assert reply["fallback"] == ""
    [draft] = await pending(client)
    assert (draft["id"], draft["query_id"], draft["content"]) == (
        reply["pending_id"],
        "",
        reply["content"],
    )
    await gm_post(client, f"{BRIDGE}/approve/", {"pending_id": draft["id"]})
    answer = store.state.charon.conversations["bridge"][-1]
    assert (answer.content, answer.in_reply_to) == (reply["content"], "")


@pytest.mark.parametrize(
    ("route", "body", "status", "says"),
    [
        ("approve", {}, 400, "missing field 'pending_id'"),
        ("approve", {"pending_id": "nope"}, 404, "unknown draft 'nope'"),
        ("approve", {"pending_id": "nope", "content": ""}, 400, "'content' must not be empty"),
        ("approve", {"pending_id": 7}, 400, "'pending_id' must be a string"),
        ("reject", {}, 400, "missing field 'pending_id'"),
        ("reject", {"pending_id": "nope"}, 404, "unknown draft 'nope'"),
        ("generate", {}, 400, "missing field 'prompt'"),
        ("generate", {"prompt": "  "}, 400, "'prompt' must not be empty"),
        ("generate", {"prompt": "x", "context": 3}, 400, "'context' must be a string"),
        ("generate", [1], 400, "body must be a JSON object"),
    ],
)
async def test_bad_input_is_refused_and_changes_nothing(
    client: Client, store: Store, route: str, body: object, status: int, says: str
) -> None:
    before = store.state
    reply = await client.post(f"{BRIDGE}/{route}/", json=body, headers=GM_JSON)
    assert reply.status == status
    assert says in (await reply.json())["error"]
    assert store.state is before


async def test_an_unknown_channel_is_404(client: Client) -> None:
    for path, body in [("generate", {"prompt": "x"}), ("approve", {"pending_id": "x"})]:
        reply = await client.post(f"/api/gm/charon/nowhere/{path}/", json=body, headers=GM_JSON)
        assert reply.status == 404
    reply = await client.get("/api/gm/charon/nowhere/pending/", headers=GM_HEADERS)
    assert reply.status == 404


async def test_the_drafts_are_the_gms_only(client: Client) -> None:
    for route in ("generate", "approve", "reject"):
        reply = await client.post(f"{BRIDGE}/{route}/", json={"prompt": "x"}, headers=JSON)
        assert reply.status == 401, route
    assert (await client.get(f"{BRIDGE}/pending/")).status == 401


async def test_no_question_and_no_draft_outside_query_mode(client: Client, store: Store) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    reply = await client.post("/api/charon/bridge/submit/", json={"query": "Comms?"}, headers=JSON)
    assert reply.status == 403
    await asyncio.sleep(0)  # a draft task, were one started, would have run its first step
    assert store.state.charon.drafts == {}
    assert await pending(client) == []


async def test_a_draft_is_on_no_display_until_approved(client: Client, store: Store) -> None:
    """Drafts from a question and from a GM prompt (its prompt and context too) are absent
    from every display's stream bytes and snapshot, until the GM approves one."""
    await listening(client)
    async with AsyncExitStack() as streams:
        readers = [
            StreamReader(await streams.enter_async_context(client.get(path)))
            for path in ("/api/active-view/stream/", "/api/active-view/stream/?display=tablet-1")
        ]
        query_id = await ask(client, SECRET_QUESTION)
        draft = await draft_for(client, query_id)
        assert SECRET in draft["content"].casefold()
        prompt = {"prompt": "Describe the Bore Shaft Head PROMPT-7731", "context": "CONTEXT-4410"}
        generated = await gm_post(client, f"{BRIDGE}/generate/", prompt)
        assert SECRET in generated["content"].casefold()
        await gm_post(client, "/api/gm/broadcast/", {"content": "Hold on", "priority": "LOW"})
        hidden = (SECRET, "prompt-7731", "context-4410")
        for reader in readers:
            await reader.until_revision(store.player_frame().revision)
            seen = reader.raw.decode().casefold()
            assert not [word for word in hidden if word in seen]
        snapshot = (await (await client.get("/api/active-view/")).read()).decode().casefold()
        assert not [word for word in hidden if word in snapshot]

        await gm_post(client, f"{BRIDGE}/approve/", {"pending_id": draft["id"]})
        for reader in readers:
            await reader.until_revision(store.player_frame().revision)
            assert SECRET in reader.raw.decode().casefold()
            assert "prompt-7731" not in reader.raw.decode().casefold()
        snapshot = (await (await client.get("/api/active-view/")).read()).decode().casefold()
        assert SECRET in snapshot
        assert "context-4410" not in snapshot


async def test_drafts_survive_a_restart_of_the_app(
    aiohttp_client: Callable[..., Awaitable[Client]], tmp_path: Path
) -> None:
    campaign = load_campaign(sample_campaign_path())
    state_file = StateFile(tmp_path / "state.sqlite")
    store = Store(campaign, state_file.load())
    state_file.attach(store)
    client = await aiohttp_client(create_app(store, gm_token=TOKEN))
    await listening(client)
    draft = await draft_for(client, await ask(client, "Comms?"))
    await client.close()
    state_file.close()

    again = StateFile(tmp_path / "state.sqlite")
    reopened = Store(campaign, again.load())
    [kept] = reopened.state.charon.drafts["bridge"]
    assert (kept.id, kept.content) == (draft["id"], draft["content"])
    again.close()


async def test_a_question_drafted_by_the_model_and_by_the_fallback(
    aiohttp_client: Callable[..., Awaitable[Client]],
    aiohttp_server: Callable[..., Awaitable[Any]],
) -> None:
    """A configured model drafts the reply; when it fails, the offline draft says why."""
    answers = ["ENGINES NOMINAL-ISH. DO NOT EXCEED 70%."]

    async def completion(request: web.Request) -> web.Response:
        if not answers:
            return web.json_response({"error": "overloaded"}, status=500)
        message = {"role": "assistant", "content": answers.pop()}
        return web.json_response({"choices": [{"message": message}]})

    model = web.Application()
    model.router.add_post("/v1/chat/completions", completion)
    server = await aiohttp_server(model, host="127.0.0.1")
    endpoint = ModelEndpoint(str(server.make_url("/v1")), "ship-7b", "", 5.0)
    store = Store(load_campaign(sample_campaign_path()))
    client = await aiohttp_client(create_app(store, gm_token=TOKEN, chat_endpoint=lambda: endpoint))
    await listening(client)
    first = await draft_for(client, await ask(client, "How are the engines?"))
    assert first["content"] == "ENGINES NOMINAL-ISH. DO NOT EXCEED 70%."
    second = await draft_for(client, await ask(client, "How are the engines?"))
    assert "ENGINES: STRESSED" in second["content"]
    notes = [d.note for d in store.state.charon.drafts["bridge"]]
    assert notes == ["", "the model answered HTTP 500; offline draft instead"]


async def test_the_windows_draft_request_queues_in_the_background(store: Store) -> None:
    service = DraftService(store)
    service.request("bridge", "Who is VIGIL?", "Central Hub")
    async with asyncio.timeout(20):
        while not store.state.charon.drafts:
            await asyncio.sleep(0.01)
    [queued] = store.state.charon.drafts["bridge"]
    assert queued.query_id == ""
    assert "SECURITY ANDROID" in queued.content
