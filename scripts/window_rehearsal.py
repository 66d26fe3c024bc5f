"""Rehearse a GM session on the real app in a real X window (Xvfb), screenshotting each step.

    .venv/bin/python scripts/window_rehearsal.py                       # 1920x1080
    .venv/bin/python scripts/window_rehearsal.py --size 1366x768
    .venv/bin/python scripts/window_rehearsal.py --size 3840x2160 --scale 2   # 200 %

Starts its own Xvfb screen of that size (unless --display is given), then the real app
(server and window on one qasync loop, a fresh config and table state), maximises the window
and plays tests/e2e/window_session.py through the window's widgets: standby, bridge, the
encounter with reveals, door statuses, tokens from the palette, statuses, portraits, terminal
mail, broadcast, the ship computer's answer to a player's question, hold, a deck switch and a
second place. One PNG per step in screenshots/window-rehearsal/<size>[@<scale>x]/. At the end
it compares the players' snapshot (GET /api/active-view/) with what the session intended,
prints a layout report (JSON) and exits 1 if anything differed or was refused.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080", help="screen size, WxH")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR (2 for 200 %%)")
    parser.add_argument("--display", default="", help="use this X display instead of Xvfb")
    parser.add_argument("--out", type=Path, default=None, help="folder for the screenshots")
    parser.add_argument("--steps", type=int, default=0, help="stop after this many steps")
    return parser.parse_args(argv)


def start_xvfb(size: str) -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb screen of this size on a free display number."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("window_rehearsal: Xvfb is not installed")
    for number in range(90, 140):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        proc = subprocess.Popen(
            [xvfb, display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        else:
            return proc, display
        proc.kill()
    raise SystemExit("window_rehearsal: could not start Xvfb")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    label = args.size + (f"@{args.scale}x" if args.scale != "1" else "")
    out = args.out or ROOT / "screenshots" / "window-rehearsal" / label
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    xvfb = None
    if args.display:
        os.environ["DISPLAY"] = args.display
    else:
        xvfb, os.environ["DISPLAY"] = start_xvfb(args.size)
    os.environ.pop("QT_QPA_PLATFORM", None)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["QT_SCALE_FACTOR"] = args.scale
    home = Path(tempfile.mkdtemp(prefix="gm-rehearsal-"))
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    try:
        report = run(out, args.steps)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)
        shutil.rmtree(home, ignore_errors=True)
    print(json.dumps(report, indent=2))
    return 0 if report["snapshot_as_intended"] and not report["refusals"] else 1


def run(out: Path, max_steps: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from desktop.campaign.loader import load_campaign
    from desktop.campaign.sample_path import sample_campaign_path
    from desktop.model.store import Store
    from desktop.settings import Settings
    from desktop.table import Table

    qt_app = QApplication(["gm-terminal"])
    qt_app.setQuitOnLastWindowClosed(False)
    settings = Settings(host="127.0.0.1", port=0, gm_token="rehearsal", mdns=False)
    store = Store(load_campaign(sample_campaign_path()))
    table = Table(settings, sample_campaign_path(), store, "rehearsal")
    import qasync

    loop = qasync.QEventLoop(qt_app)
    try:
        return loop.run_until_complete(_serve_and_play(table, out, max_steps))
    finally:
        loop.close()


async def _serve_and_play(table: Any, out: Path, max_steps: int) -> dict[str, Any]:
    from urllib.parse import urlsplit

    serving = asyncio.ensure_future(table.serve(headless=False))
    while table.window is None:
        if serving.done():
            raise SystemExit("window_rehearsal: the app stopped before opening its window")
        await asyncio.sleep(0.05)
    window = table.window
    port = urlsplit(window.services.player_url).port
    try:
        return await _play(window, f"http://127.0.0.1:{port}/api/", out, max_steps)
    finally:
        window.close()
        await asyncio.wait_for(serving, 20)


async def _play(window: Any, api: str, out: Path, max_steps: int) -> dict[str, Any]:
    import aiohttp

    from desktop.campaign.loader import load_campaign
    from desktop.campaign.sample_path import sample_campaign_path
    from desktop.model.store import Store
    from tests.e2e.test_window_session import comparable
    from tests.e2e.window_driver import WindowDriver
    from tests.e2e.window_layout_check import layout_report
    from tests.e2e.window_session import Step, play

    # Xvfb has no window manager to maximise it: the window takes the whole screen itself.
    window.setGeometry(window.screen().availableGeometry())
    driver = WindowDriver(window, out)
    await asyncio.sleep(0.5)
    await driver.settle()
    first = window.help.table_ready
    if first is not None and first.isVisible():  # the first start: "Get the table ready"
        path = out / "00-first-start.png"
        first.grab().save(str(path))
        first.close()
    await driver.shot("start")
    reference = Store(load_campaign(sample_campaign_path()))
    steps_done = 0
    async with aiohttp.ClientSession() as player:

        async def ask(channel: str, question: str) -> None:
            url = api + f"charon/{channel}/submit/"
            async with player.post(url, json={"query": question}) as reply:
                reply.raise_for_status()

        async def after(step: Step) -> None:
            nonlocal steps_done
            steps_done += 1
            if step.shot:
                await driver.shot(step.name)
            if max_steps and steps_done >= max_steps:
                raise _Enough

        try:
            actions = await play(driver, reference, ask, after)
        except _Enough:
            actions = -1
        async with player.get(api + "active-view/") as reply:
            snapshot = await reply.json()
    same = comparable(snapshot) == comparable(reference.player_frame().snapshot)
    return {
        "screen": _screen(window),
        "layout": layout_report(window),
        "gm_actions": actions,
        "steps": steps_done,
        "snapshot_as_intended": same,
        "refusals": driver.refusals,
        "screenshots": str(out),
    }


class _Enough(Exception):
    """Stop after --steps steps."""


def _screen(window: Any) -> dict[str, Any]:
    screen = window.screen()
    return {
        "logical": [screen.geometry().width(), screen.geometry().height()],
        "device_pixel_ratio": screen.devicePixelRatio(),
        "window": [window.width(), window.height()],
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
