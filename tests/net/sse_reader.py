"""Reading SSE bytes in tests: events from an aiohttp response or a raw socket."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

import orjson
from aiohttp import ClientResponse

RETRY = b"retry: 2000\n\n"


@dataclass(frozen=True)
class Event:
    """One parsed SSE block."""

    revision: int
    event: str
    data: bytes

    @property
    def snapshot(self) -> dict[str, Any]:
        parsed: dict[str, Any] = orjson.loads(self.data)
        return parsed


def event_bytes(revision: int, data: bytes) -> bytes:
    return b"id: %d\nevent: activeview\ndata: %b\n\n" % (revision, data)


def parse_blocks(raw: bytes) -> tuple[list[Event], list[bytes], bytes]:
    """Events, comment/retry blocks, and the unfinished rest of `raw`."""
    events: list[Event] = []
    others: list[bytes] = []
    *blocks, rest = raw.split(b"\n\n")
    for block in blocks:
        lines = [line for line in block.split(b"\n") if b": " in line and line[:1] != b":"]
        fields = dict(line.split(b": ", 1) for line in lines)
        if b"data" in fields:
            events.append(Event(int(fields[b"id"]), fields[b"event"].decode(), fields[b"data"]))
        else:
            others.append(block + b"\n\n")
    return events, others, rest


class StreamReader:
    """Reads events from a streaming aiohttp response, keeping every raw byte."""

    def __init__(self, response: ClientResponse) -> None:
        self.response = response
        self.raw = b""
        self.last_revision = -1
        self._pending = b""

    async def events(self, count: int, timeout: float = 20.0) -> list[Event]:
        found: list[Event] = []
        async with asyncio.timeout(timeout):
            while len(found) < count:
                chunk = await self.response.content.readany()
                if not chunk:
                    break
                self.raw += chunk
                self._pending += chunk
                events, _others, self._pending = parse_blocks(self._pending)
                found.extend(events)
        if found:
            self.last_revision = found[-1].revision
        return found

    async def until_revision(self, revision: int, timeout: float = 20.0) -> list[Event]:
        """Every further event up to the one with that revision (none if it came already)."""
        found: list[Event] = []
        while self.last_revision < revision:
            found += await self.events(1, timeout)
        return found

    async def until(self, marker: bytes, timeout: float = 20.0) -> bytes:
        async with asyncio.timeout(timeout):
            while marker not in self.raw:
                chunk = await self.response.content.readany()
                if not chunk:
                    break
                self.raw += chunk
        return self.raw


def dechunk(raw: bytes) -> tuple[bytes, bytes]:
    """Split an HTTP/1.1 chunked body: (decoded complete chunks, undecoded rest)."""
    out = bytearray()
    position = 0
    while True:
        match = re.compile(rb"([0-9a-fA-F]+)\r\n").match(raw, position)
        if match is None:
            break
        size = int(match.group(1), 16)
        start = match.end()
        if len(raw) < start + size + 2:
            break
        out += raw[start : start + size]
        position = start + size + 2
    return bytes(out), raw[position:]
