"""The pieces of bench/sse_bench.py: the servers it starts and the move-latency measurement.

A server (the app, or the floor of bench/sse_floor.py) runs in a subprocess, the displays in
a child process (sse_displays.py), the GM's POSTs in this one; every clock is perf_counter.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
from sse_displays import Displays

TOKEN = "bench-token"
GM = {"Authorization": f"Bearer {TOKEN}"}
LOCATION = "hadal_wren"
FLOOR_GOAL = 1.5  # the app's 50-display p99 at most this multiple of the floor's
perf = time.perf_counter


def start_app(
    work: Path, window: dict[str, str] | None = None
) -> tuple[subprocess.Popen[str], str]:
    """The app on a free port: headless, or with its GM window where `window` (env) says."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.update(GM_TERMINAL_TOKEN=TOKEN, XDG_CONFIG_HOME=str(work), XDG_DATA_HOME=str(work))
    env.update(window or {})
    mode = [] if window is not None else ["--headless"]
    command = [sys.executable, "-m", "desktop", *mode, "--no-mdns", "--host",
               "127.0.0.1", "--port", "0", "--state", str(work / "bench.db")]  # fmt: skip
    return launch(command, env)


def start_floor(size: int) -> tuple[subprocess.Popen[str], str]:
    """The floor (bench/sse_floor.py) on a free port, forwarding events of `size` bytes."""
    floor = Path(__file__).with_name("sse_floor.py")
    return launch([sys.executable, str(floor), "--size", str(size)], dict(os.environ))


def launch(command: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """A server that prints `Serving on <url>` and one more line once it listens."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    match = re.search(r"Serving on (http://\S+/)", process.stdout.readline())
    assert match, "the server did not start"
    process.stdout.readline()
    return process, match.group(1)


def window_screen() -> tuple[dict[str, str], subprocess.Popen[bytes] | None, str]:
    """Where the window goes: this DISPLAY, else a private Xvfb, else Qt's offscreen platform."""
    if os.environ.get("DISPLAY"):
        return {"DISPLAY": os.environ["DISPLAY"]}, None, f"DISPLAY {os.environ['DISPLAY']}"
    if shutil.which("Xvfb") is None:
        return {"QT_QPA_PLATFORM": "offscreen"}, None, "QT_QPA_PLATFORM=offscreen (no Xvfb)"
    read, write = os.pipe()
    screen = ["-screen", "0", "1920x1080x24", "-nolisten", "tcp"]
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), *screen], pass_fds=[write], stderr=subprocess.DEVNULL
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    return {"DISPLAY": f":{number}"}, xvfb, f"Xvfb :{number} -screen 0 1920x1080x24"


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"p50 {pct(ms, .5):7.2f} ms  p95 {pct(ms, .95):7.2f} ms  "
            f"p99 {pct(ms, .99):7.2f} ms  max {max(ms):7.2f} ms  (n={len(ms)})")  # fmt: skip


class Bench:
    """The running app and a GM session on it."""

    def __init__(self, process: subprocess.Popen[str], url: str, gm: aiohttp.ClientSession):
        self.process, self.url, self.gm = process, url, gm

    async def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        async with self.gm.post(self.url + path, json=body, headers=GM) as response:
            reply: dict[str, Any] = await response.json()
            assert response.status == 200, (path, body, reply)
            return reply

    async def get(self, path: str) -> Any:
        async with self.gm.get(self.url + path, headers=GM) as response:
            return await response.json()

    async def prepare(self) -> tuple[str, list[tuple[int, int]]]:
        """ENCOUNTER on the ship, deck 1 revealed, one crew token in the bridge; its cells."""
        await self.post("api/gm/encounter/reset-location/", {"location_slug": LOCATION})
        view = {"view_type": "ENCOUNTER", "location_slug": LOCATION}
        await self.post("api/gm/switch-view/", view)
        decks = (await self.get(f"api/gm/encounter-map/{LOCATION}/"))["decks"]
        deck = next(d for d in decks if d["default"])
        await self.post("api/gm/encounter/room-visibility/",
                        {"room_visibility": {r["id"]: True for r in deck["rooms"]}})  # fmt: skip
        room = max(deck["rooms"], key=lambda r: r["width"] * r["height"])
        cells = [(room["x"] + i, room["y"]) for i in range(2)]
        body = {"type": "player", "name": "Marlowe", "x": cells[0][0], "y": cells[0][1]}
        token = (await self.post("api/gm/encounter/place-token/", body))["token_id"]
        return token, cells

    async def move(self, token: str, cell: tuple[int, int]) -> tuple[float, int]:
        t0 = perf()
        reply = await self.post("api/gm/encounter/move-token/",
                                {"token_id": token, "x": cell[0], "y": cell[1]})  # fmt: skip
        return t0, int(reply["revision"])


async def latency(bench: Bench, displays: Displays, token: str, cells: list[tuple[int, int]],
                  moves: int) -> list[float]:  # fmt: skip
    """POST a move, wait until every display has it, repeat; POST-to-receipt per display."""
    sent: list[tuple[float, int]] = []
    # Displays count only the frames they get (API.md "Audiences"), not the GM's revisions:
    # each move here is seen, and waited for, so each is the next player revision.
    shown = int((await bench.get("api/active-view/"))["revision"])
    for i in range(moves):
        t0, _gm_revision = await bench.move(token, cells[(i + 1) % 2])
        rev = shown + i + 1
        displays.wait_all(rev)
        sent.append((t0, rev))
        await asyncio.sleep(0.002)
    times = displays.times([rev for _t0, rev in sent])
    return [t - t0 for (t0, _rev), row in zip(sent, times, strict=True) for t in row if t]


async def snapshot_size(bench: Bench) -> int:
    """Bytes of the player snapshot's JSON as the stream sends it."""
    return len(await (await bench.gm.get(bench.url + "api/active-view/")).read())


def stop_app(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    started = perf()
    code = process.wait(30)
    return f"SIGTERM -> exit {code} in {(perf() - started) * 1000:.0f} ms"


async def one_latency_run(
    window: dict[str, str] | None, n: int, moves: int, size: list[int] | None = None
) -> list[float]:
    """A fresh app (headless or windowed), n displays, `moves` moves: the latencies.

    `size`, when given, gets the player snapshot's size in bytes appended."""
    with tempfile.TemporaryDirectory() as work:
        process, url = start_app(Path(work), window)
        try:
            async with aiohttp.ClientSession() as gm:
                bench = Bench(process, url, gm)
                token, cells = await bench.prepare()
                if size is not None:
                    size.append(await snapshot_size(bench))
                return await warm_latency(bench, n, token, cells, moves)
        finally:
            stop_app(process)


async def floor_latency(size: int, n: int, moves: int) -> list[float]:
    """The floor with n displays, `moves` POSTs of events of `size` bytes: the latencies."""
    process, url = start_floor(size)
    try:
        async with aiohttp.ClientSession() as gm:
            return await warm_latency(Bench(process, url, gm), n, "floor", [(0, 0), (1, 0)], moves)
    finally:
        stop_app(process)


async def warm_latency(
    bench: Bench, n: int, token: str, cells: list[tuple[int, int]], moves: int
) -> list[float]:
    """n displays, a tenth of the moves as warm-up, then `moves` moves measured."""
    displays = Displays(bench.url)
    displays.connect(n)
    try:
        await latency(bench, displays, token, cells, moves // 10)
        return await latency(bench, displays, token, cells, moves)
    finally:
        displays.stop()
