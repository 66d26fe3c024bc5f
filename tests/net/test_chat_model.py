"""The model path against a stand-in chat server on 127.0.0.1: request, key, failures -> offline."""

from __future__ import annotations

import asyncio
import json
import stat
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.charon.drafter import draft
from desktop.model.state import TableState
from desktop.net.chat_model import ModelEndpoint, draft_reply
from desktop.net.model_config import KEY_FILE, load_endpoint, save_endpoint

QUESTION = "What is the status of the engines?"
KEY = "sk-test-5e2b1d"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class StandIn:
    """A chat endpoint on loopback that answers as told and keeps every request it got."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], Any]] = []
        self.answer: Handler = self.completion
        self.reply_text = "ENGINES STRESSED. BURN LIMIT 70%."
        self.server: TestServer | None = None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        self.requests.append((request.path, dict(request.headers), json.loads(raw)))
        return await self.answer(request)

    async def completion(self, request: web.Request) -> web.StreamResponse:
        message = {"role": "assistant", "content": self.reply_text}
        return web.json_response({"choices": [{"index": 0, "message": message}]})

    def endpoint(self, key: str = KEY, timeout: float = 5.0) -> ModelEndpoint:
        assert self.server is not None
        return ModelEndpoint(str(self.server.make_url("/v1")), "ship-7b", key, timeout)


@pytest.fixture
async def stand_in() -> AsyncIterator[StandIn]:
    fake = StandIn()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake.handle)
    fake.server = TestServer(app, host="127.0.0.1")
    await fake.server.start_server()
    yield fake
    await fake.server.close()


@pytest.fixture(scope="module")
def sample() -> Campaign:
    return load_campaign(sample_campaign_path())


def offline(sample: Campaign) -> str:
    return draft(QUESTION, sample, TableState()).text


async def test_the_request_carries_voice_passages_question_and_key(
    stand_in: StandIn, sample: Campaign
) -> None:
    drafted = await draft_reply(QUESTION, sample, TableState(), stand_in.endpoint())
    assert (drafted.text, drafted.fallback) == ("ENGINES STRESSED. BURN LIMIT 70%.", "")
    [(path, headers, body)] = stand_in.requests
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == f"Bearer {KEY}"
    assert headers["Content-Type"].startswith("application/json")
    assert body["model"] == "ship-7b"
    assert body["stream"] is False
    system, user = body["messages"]
    assert (system["role"], user["role"]) == ("system", "user")
    assert user["content"] == QUESTION
    assert "WREN CORE" in system["content"]
    assert sample.voice.style in system["content"]
    assert "ENGINES: STRESSED, CONDITION 64%." in system["content"]  # the retrieved passage
    assert "NO DATA." in system["content"]


async def test_without_a_key_no_authorization_header(stand_in: StandIn, sample: Campaign) -> None:
    await draft_reply(QUESTION, sample, TableState(), stand_in.endpoint(key=""))
    [(_, headers, _)] = stand_in.requests
    assert "Authorization" not in headers


async def _status_500(request: web.Request) -> web.StreamResponse:
    return web.json_response({"error": "boom"}, status=500)


async def _not_json(request: web.Request) -> web.StreamResponse:
    return web.Response(text="<html>gateway</html>", content_type="text/html")


async def _wrong_shape(request: web.Request) -> web.StreamResponse:
    return web.json_response({"choices": []})


async def _empty(request: web.Request) -> web.StreamResponse:
    return web.json_response({"choices": [{"message": {"content": "  "}}]})


async def _number(request: web.Request) -> web.StreamResponse:
    return web.json_response({"choices": [{"message": {"content": 42}}]})


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (_status_500, "HTTP 500"),
        (_not_json, "could not be reached or read"),
        (_wrong_shape, "not a chat completion"),
        (_empty, "empty"),
        (_number, "empty"),
    ],
)
async def test_a_bad_answer_falls_back_to_the_offline_draft(
    stand_in: StandIn, sample: Campaign, answer: Handler, reason: str
) -> None:
    stand_in.answer = answer
    drafted = await draft_reply(QUESTION, sample, TableState(), stand_in.endpoint())
    assert drafted.text == offline(sample)
    assert reason in drafted.fallback
    assert drafted.fallback.endswith("offline draft instead")


async def test_a_silent_model_times_out_and_falls_back(stand_in: StandIn, sample: Campaign) -> None:
    release = asyncio.Event()

    async def silent(request: web.Request) -> web.StreamResponse:
        await release.wait()
        return web.json_response({})

    stand_in.answer = silent
    try:
        drafted = await draft_reply(QUESTION, sample, TableState(), stand_in.endpoint(timeout=0.3))
    finally:
        release.set()
    assert drafted.text == offline(sample)
    assert "did not answer within 0.3 s" in drafted.fallback


async def test_an_unreachable_endpoint_falls_back(stand_in: StandIn, sample: Campaign) -> None:
    endpoint = stand_in.endpoint()
    assert stand_in.server is not None
    await stand_in.server.close()
    drafted = await draft_reply(QUESTION, sample, TableState(), endpoint)
    assert drafted.text == offline(sample)
    assert "could not be reached" in drafted.fallback


async def test_without_an_endpoint_the_offline_draft(sample: Campaign) -> None:
    drafted = await draft_reply(QUESTION, sample, TableState(), None)
    assert (drafted.text, drafted.fallback) == (offline(sample), "")


async def test_the_key_is_never_logged(
    stand_in: StandIn, sample: Campaign, caplog: pytest.LogCaptureFixture
) -> None:
    stand_in.answer = _status_500
    caplog.set_level("DEBUG")
    endpoint = stand_in.endpoint()
    await draft_reply(QUESTION, sample, TableState(), endpoint)
    assert caplog.records
    assert KEY not in caplog.text
    assert KEY not in repr(endpoint)


def test_settings_keep_the_key_apart_and_private(tmp_path: Path) -> None:
    assert load_endpoint(tmp_path) is None
    endpoint = ModelEndpoint("http://127.0.0.1:11434/v1", "llama3", KEY, 12.0)
    save_endpoint(tmp_path, endpoint)
    assert load_endpoint(tmp_path) == endpoint
    assert KEY not in (tmp_path / "charon-model.json").read_text(encoding="utf-8")
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600
    save_endpoint(tmp_path, ModelEndpoint("http://127.0.0.1:11434/v1", "llama3"))
    assert not (tmp_path / KEY_FILE).exists()
    save_endpoint(tmp_path, None)
    assert load_endpoint(tmp_path) is None


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"url": "", "model": "m"}'])
def test_unusable_settings_mean_no_model(tmp_path: Path, text: str) -> None:
    (tmp_path / "charon-model.json").write_text(text, encoding="utf-8")
    assert load_endpoint(tmp_path) is None


def test_the_chat_url_is_completed_once() -> None:
    assert ModelEndpoint("http://h/v1/", "m").chat_url == "http://h/v1/chat/completions"
    full = "http://h/v1/chat/completions"
    assert ModelEndpoint(full, "m").chat_url == full


async def test_the_offline_draft_is_made_off_the_loops_thread(
    sample: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexing a large campaign takes most of a second the first time: never on the loop."""
    import threading

    from desktop.net import chat_model

    threads: list[int] = []

    def drafting(question: str, campaign: Campaign, state: TableState) -> Any:
        threads.append(threading.get_ident())
        return draft(question, campaign, state)

    monkeypatch.setattr(chat_model, "draft", drafting)
    drafted = await draft_reply(QUESTION, sample, TableState(), None)
    assert drafted.text == offline(sample)
    assert threads and threading.get_ident() not in threads
