"""1,100 idle and half-sent connections against the real app under a 1,024 open-files limit:
the GM's API keeps answering within a second, a display keeps receiving, the log stays small.

The app runs as `prlimit --nofile=1024:4096 python -m desktop --headless`; this process plays
one GM script and one display (an SSE stream); tests/e2e/idle_attacker.py, a process of its
own, keeps 1,100 connections open from the same address (silent ones, partial headers,
partial bodies), opening a new one for each the server closes, for several of the server's
header timeouts.
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


class Attacker:
    """tests/e2e/idle_attacker.py in a process of its own: how many connections it opened."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.opened = 0
        self._reading = asyncio.ensure_future(self._read())

    @classmethod
    async def start(cls, port: int) -> Attacker:
        script = str(Path(__file__).with_name("idle_attacker.py"))
        process = await asyncio.create_subprocess_exec(
            sys.executable, script, str(port), str(ATTACKERS),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        return cls(process)

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            self.opened = int(line.split()[1])

    async def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            async with asyncio.timeout(GIVE_UP):
                await self.process.wait()
                await self._reading
        except TimeoutError:
            self.process.kill()


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


async def gm_calls(url: str, seconds: float, seen: list[bytes], first: int) -> list[float]:
    """GM calls for `seconds`, each on new connections and each seen by the display; timings."""
    times: list[float] = []
    connector = aiohttp.TCPConnector(force_close=True)  # a new connection for every call
    timeout = aiohttp.ClientTimeout(total=GIVE_UP)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            n = first + len(times) // 2
            times += await gm_call(session, url, n)
            text = f"hold the line {n}".encode()
            await until(lambda t=text: t in b"".join(seen), f"the display received call {n}")
            await asyncio.sleep(0.2)
    return times


async def test_idle_connections_cannot_stall_the_gm(app: Running) -> None:
    port = int(app.url.rsplit(":", 1)[1].strip("/"))
    seen: list[bytes] = []
    stream = asyncio.ensure_future(display(app.url, seen))
    await until(lambda: b"retry:" in b"".join(seen), "the display's stream began")
    # The same calls without the attack first: what this (shared, busy) machine takes anyway.
    calm = await gm_calls(app.url, 3.0, seen, 0)
    log_before = app.log.stat().st_size
    attacker = await Attacker.start(port)
    try:
        await until(lambda: attacker.opened >= ATTACKERS, "1,100 connections opened")
        times = await gm_calls(app.url, ATTACK_SECONDS, seen, 1000)
    finally:
        await attacker.stop()
        stream.cancel()
    log_growth = app.log.stat().st_size - log_before
    print(f"\nGM requests: {len(calm)} calm, slowest {max(calm):.3f} s; {len(times)} under attack, "
          f"slowest {max(times):.3f} s, median {sorted(times)[len(times) // 2]:.3f} s; attacker "
          f"connections opened: {attacker.opened}; log grew {log_growth} bytes")  # fmt: skip
    assert attacker.opened >= ATTACKERS
    assert len(times) >= 10
    # The figure "within a second throughout" is measured here (printed above: 98 calls, slowest
    # 0.66 s on a quiet machine) but not asserted: tests never assert a latency on this shared
    # 2-core machine. Asserted is what the old server failed: no call stalls (it timed every one
    # out), and the typical call stays well under a second.
    assert max(times) < 5.0, (os.getloadavg(), calm, times)
    assert sorted(times)[len(times) // 2] < 1.0, (os.getloadavg(), calm, times)
    assert log_growth < 100_000, app.log.read_text(errors="replace")[-3000:]
    assert app.process.poll() is None
    limits = Path(f"/proc/{app.process.pid}/limits")
    if limits.exists():  # the app raised its soft open-files limit to the hard one
        line = next(x for x in limits.read_text().splitlines() if x.startswith("Max open files"))
        assert line.split()[3:5] == ["4096", "4096"], line
