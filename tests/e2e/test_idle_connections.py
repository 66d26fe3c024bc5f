"""1,100 idle and half-sent connections against the real app under a 1,024 open-files limit:
the GM's API keeps answering within a second, a display keeps receiving, the log stays small.

The app runs as `prlimit --nofile=1024:4096 python -m desktop --headless`; this process plays
one GM script, one display (an SSE stream) and an attacker that keeps 1,100 connections open
from the same address (silent ones, partial headers, partial bodies), opening a new one for
each the server closes, for several of the server's header timeouts.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.test_headless import GIVE_UP, TOKEN, app_env

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("prlimit") is None, reason="needs util-linux prlimit"),
]

ATTACKERS = 1100
ATTACK_SECONDS = 15.0  # the attacker keeps up its connections this long (3 header timeouts)
GM = {"Authorization": f"Bearer {TOKEN}"}
HALF_SENT = [
    b"",
    b"GET /api/active-view/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
    b"POST /api/terminal/hide/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{",
]


class Running:
    def __init__(self, process: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.log = log


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Running]:
    log = tmp_path / "app.log"
    command = ["prlimit", "--nofile=1024:4096", sys.executable, "-m", "desktop", "--headless"]
    command += ["--no-mdns", "--host", "127.0.0.1", "--port", "0"]
    command += ["--state", str(tmp_path / "state.db")]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=app_env(tmp_path), stdout=out, stderr=out)
    deadline = time.monotonic() + GIVE_UP
    url = ""
    while not url and time.monotonic() < deadline and process.poll() is None:
        match = re.search(r"Serving on (http://\S+/)", log.read_text(errors="replace"))
        url = match.group(1) if match else ""
        time.sleep(0.1)
    try:
        assert url, log.read_text(errors="replace")
        yield Running(process, url, log)
    finally:
        process.terminate()
        try:
            process.wait(GIVE_UP)
        except subprocess.TimeoutExpired:
            process.kill()


async def attacker(port: int, n: int, stop: asyncio.Event, opened: list[int]) -> None:
    """Keep one idle or half-sent connection open; open another whenever the server closes it."""
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.2)
            continue
        opened[0] += 1
        writer.write(HALF_SENT[n % len(HALF_SENT)])
        closed = asyncio.ensure_future(reader.read(-1))
        halt = asyncio.ensure_future(stop.wait())
        await asyncio.wait({closed, halt}, return_when=asyncio.FIRST_COMPLETED)
        for task in (closed, halt):
            task.cancel()
        writer.transport.abort()
        await asyncio.sleep(0.25)  # a closed one is replaced, at a bounded rate


async def display(url: str, seen: list[bytes]) -> None:
    """A display's stream: every byte it receives."""
    async with (
        aiohttp.ClientSession() as session,
        session.get(url + "api/active-view/stream/", timeout=aiohttp.ClientTimeout()) as response,
    ):
        assert response.status == 200
        async for chunk in response.content.iter_any():
            seen.append(chunk)


async def gm_call(session: aiohttp.ClientSession, url: str, n: int) -> list[float]:
    """A GM broadcast and a GM read, each on a new connection; how long each took."""
    started = time.monotonic()
    body = {"content": f"hold the line {n}"}
    async with session.post(url + "api/gm/broadcast/", json=body, headers=GM) as reply:
        assert reply.status == 200, await reply.text()
    posted = time.monotonic()
    async with session.get(url + "api/gm/displays/", headers=GM) as listing:
        assert listing.status == 200
    return [posted - started, time.monotonic() - posted]


async def until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + GIVE_UP
    while not check():
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.1)


async def test_idle_connections_cannot_stall_the_gm(app: Running) -> None:
    port = int(app.url.rsplit(":", 1)[1].strip("/"))
    seen: list[bytes] = []
    stream = asyncio.ensure_future(display(app.url, seen))
    await until(lambda: b"retry:" in b"".join(seen), "the display's stream began")
    log_before = app.log.stat().st_size
    stop, opened = asyncio.Event(), [0]
    attack = [asyncio.ensure_future(attacker(port, n, stop, opened)) for n in range(ATTACKERS)]
    await until(lambda: opened[0] >= ATTACKERS, "1,100 connections opened")
    times: list[float] = []
    connector = aiohttp.TCPConnector(force_close=True)  # a new connection for every call
    timeout = aiohttp.ClientTimeout(total=GIVE_UP)
    try:
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            started = time.monotonic()
            while time.monotonic() - started < ATTACK_SECONDS:
                n = len(times) // 2
                times += await gm_call(session, app.url, n)
                text = f"hold the line {n}".encode()
                await until(lambda t=text: t in b"".join(seen), f"the display received call {n}")
                await asyncio.sleep(0.2)
    finally:
        stop.set()
        await asyncio.gather(*attack, return_exceptions=True)
        stream.cancel()
    log_growth = app.log.stat().st_size - log_before
    print(f"\nGM requests: {len(times)}, slowest {max(times):.3f} s; attacker connections opened: "
          f"{opened[0]}; log grew {log_growth} bytes")  # fmt: skip
    assert opened[0] >= ATTACKERS
    assert len(times) >= 20
    assert max(times) < 1.0, times
    assert log_growth < 100_000, app.log.read_text(errors="replace")[-3000:]
    assert app.process.poll() is None


@pytest.fixture(autouse=True)
def _enough_files_here() -> None:
    """This process holds the attacker's 1,100 connections: make room for them."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 4096 <= hard or (hard == resource.RLIM_INFINITY and soft < 4096):
        resource.setrlimit(resource.RLIMIT_NOFILE, (4096, hard))
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
