"""A language model behind an OpenAI-compatible chat endpoint, with the offline drafter behind it.

The only outgoing connection the app makes, and only when the GM configured an endpoint. Any
failure (unreachable, timeout, an error status, an answer of the wrong shape) falls back to
the offline drafter and says why. The key is sent as a Bearer header and never logged.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from desktop.campaign.model import Campaign
from desktop.charon.drafter import draft, retrieve
from desktop.charon.prompt import chat_messages
from desktop.model.actions.fields import check_str
from desktop.model.errors import InvalidInput
from desktop.model.state import TableState

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 20.0  # seconds for the whole request
MAX_ANSWER = 4000  # characters kept of a model's answer (a ship computer message's limit)


@dataclass(frozen=True, slots=True)
class ModelEndpoint:
    """An OpenAI-compatible chat endpoint: its base URL (".../v1"), model name, optional key."""

    url: str
    model: str
    key: str = field(default="", repr=False)  # never printed nor logged
    timeout: float = DEFAULT_TIMEOUT

    @property
    def chat_url(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else f"{base}/chat/completions"


@dataclass(frozen=True, slots=True)
class Drafted:
    """A draft's text and, when the model could not be used, why (else "")."""

    text: str
    fallback: str = ""


class ModelError(Exception):
    """The endpoint gave no usable answer (the message says why, for the GM)."""


async def ask(endpoint: ModelEndpoint, messages: list[dict[str, str]]) -> str:
    """The model's answer to the chat messages; ModelError on any failure."""
    body = {"model": endpoint.model, "messages": messages, "temperature": 0.2, "stream": False}
    headers = {"Authorization": f"Bearer {endpoint.key}"} if endpoint.key else {}
    timeout = aiohttp.ClientTimeout(total=endpoint.timeout)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(endpoint.chat_url, json=body, headers=headers) as response,
        ):
            if response.status != 200:
                raise ModelError(f"the model answered HTTP {response.status}")
            answer = await response.json(content_type=None)
    except TimeoutError as exc:
        raise ModelError(f"the model did not answer within {endpoint.timeout:g} s") from exc
    except (aiohttp.ClientError, ValueError) as exc:
        raise ModelError(f"the model could not be reached or read ({type(exc).__name__})") from exc
    return _content(answer)


def _content(answer: Any) -> str:
    """choices[0].message.content of a chat completion, as non-empty text."""
    try:
        content = answer["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise ModelError("the model's answer was not a chat completion") from exc
    if not isinstance(content, str) or not content.strip():
        raise ModelError("the model's answer was empty")
    text = content.strip().replace("\r\n", "\n").replace("\t", " ")[:MAX_ANSWER]
    try:
        return check_str(text, "content", MAX_ANSWER, lines=True)
    except InvalidInput as exc:
        raise ModelError("the model's answer held characters a display cannot show") from exc


async def draft_reply(
    question: str, campaign: Campaign, state: TableState, endpoint: ModelEndpoint | None
) -> Drafted:
    """A draft from the model when one is configured and answers, else the offline drafter's.

    The search runs in a worker thread: indexing a large campaign the first time takes a good
    part of a second, which the displays must not wait for (the campaign and state are
    immutable, the drafter pure)."""
    if endpoint is None:
        return Drafted((await asyncio.to_thread(draft, question, campaign, state)).text)
    limit = campaign.voice.max_facts + 2
    found = await asyncio.to_thread(retrieve, question, campaign, state, limit)
    try:
        return Drafted(await ask(endpoint, chat_messages(campaign.voice, question, found)))
    except ModelError as exc:
        log.warning("ship computer model failed, offline draft instead: %s", exc)
        offline = await asyncio.to_thread(draft, question, campaign, state)
        return Drafted(offline.text, f"{exc}; offline draft instead")
