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
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
from sse_displays import Displays

TOKEN = "bench-token"
GM = {"Authorization": f"Bearer {TOKEN}"}
LOCATION = "hadal_wren"
FLOOR_GOAL = 1.5  # the app's 50-display p99 at most this multiple of the floor's
perf = time.perf_counter
T = TypeVar("T")


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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used (a busy machine distorts it less)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


@dataclass
class Mover:
    """A server being measured: its GM session, its displays and the token moved to and fro."""

    bench: Bench
    displays: Displays
    token: str
    cells: list[tuple[int, int]]
    shown: int = 0  # the player revision every display has
    cpu_per_move: float = 0.0  # the server's CPU seconds per move in the last latencies()

    async def step(self, i: int) -> tuple[float, int]:
        """One move, waited for at every display: when it was POSTed, its player revision."""
        t0, _gm_revision = await self.bench.move(self.token, self.cells[(i + 1) % 2])
        # Displays count only the frames they get (API.md "Audiences"), not the GM's
        # revisions: each move here is seen, and waited for, so each is the next one.
        self.shown += 1
        self.displays.wait_all(self.shown)
        return t0, self.shown


async def latencies(movers: list[Mover], moves: int) -> list[list[float]]:
    """`moves` rounds of one move per mover (waited for at every display before the next),
    the order reversed every other round; per mover, the POST-to-receipt time per display."""
    for mover in movers:
        mover.shown = int((await mover.bench.get("api/active-view/"))["revision"])
    sent: list[list[tuple[float, int]]] = [[] for _ in movers]
    cpu = [cpu_seconds(mover.bench.process.pid) for mover in movers]
    for i in range(moves):
        order = range(len(movers)) if i % 2 == 0 else reversed(range(len(movers)))
        for k in order:
            sent[k].append(await movers[k].step(i))
            await asyncio.sleep(0.002)
    result = []
    for mover, moved, before in zip(movers, sent, cpu, strict=True):
        mover.cpu_per_move = (cpu_seconds(mover.bench.process.pid) - before) / max(1, moves)
        times = mover.displays.times([rev for _t0, rev in moved])
        result.append([t - t0 for (t0, _), row in zip(moved, times, strict=True) for t in row if t])
    return result


async def latency(bench: Bench, displays: Displays, token: str, cells: list[tuple[int, int]],
                  moves: int) -> list[float]:  # fmt: skip
    """POST a move, wait until every display has it, repeat; POST-to-receipt per display."""
    return (await latencies([Mover(bench, displays, token, cells)], moves))[0]


async def snapshot_size(bench: Bench) -> int:
    """Bytes of the player snapshot's JSON as the stream sends it."""
    return len(await (await bench.gm.get(bench.url + "api/active-view/")).read())


def stop_app(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    started = perf()
    code = process.wait(30)
    return f"SIGTERM -> exit {code} in {(perf() - started) * 1000:.0f} ms"


async def with_app(
    window: dict[str, str] | None, n: int, measure: Callable[[Mover, int], Awaitable[T]]
) -> T:
    """A fresh app (headless or windowed), prepared, n displays on it: measure(mover, size)
    where size is the player snapshot's size in bytes."""
    with tempfile.TemporaryDirectory() as work:
        process, url = start_app(Path(work), window)
        try:
            async with aiohttp.ClientSession() as gm:
                bench = Bench(process, url, gm)
                token, cells = await bench.prepare()
                size = await snapshot_size(bench)
                displays = Displays(url)
                displays.connect(n)
                try:
                    return await measure(Mover(bench, displays, token, cells), size)
                finally:
                    displays.stop()
        finally:
            stop_app(process)


async def one_latency_run(window: dict[str, str] | None, n: int, moves: int) -> list[float]:
    """A fresh app (headless or windowed), n displays, `moves` moves (and a tenth as warm-up):
    the latencies."""

    async def measure(app: Mover, _size: int) -> list[float]:
        await latencies([app], moves // 10)
        return (await latencies([app], moves))[0]

    return await with_app(window, n, measure)


Samples = list[float]  # seconds


async def beside_floor(app: Mover, size: int, n: int, moves: int) -> tuple[Samples, Samples]:
    """The app and the floor (events of `size` bytes) side by side, n displays each, their
    moves interleaved (a tenth as warm-up), so both meet the same load of a shared machine:
    the latencies of the app and of the floor."""
    process, url = start_floor(size)
    displays = Displays(url)
    try:
        async with aiohttp.ClientSession() as gm:
            displays.connect(n)
            movers = [app, Mover(Bench(process, url, gm), displays, "floor", [(0, 0), (1, 0)])]
            await latencies(movers, moves // 10)
            app_ms, floor_ms = await latencies(movers, moves)
            print(f"server CPU per move: app {app.cpu_per_move * 1000:.2f} ms, "
                  f"floor {movers[1].cpu_per_move * 1000:.2f} ms")  # fmt: skip
            return app_ms, floor_ms
    finally:
        displays.stop()
        stop_app(process)
