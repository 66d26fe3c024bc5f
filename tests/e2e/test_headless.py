"""`python -m desktop --headless` in a subprocess: no display, no Qt platform plugin set."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.net.discovery import lan_address

pytestmark = pytest.mark.e2e

TOKEN = "e2e-token-51b2"
GIVE_UP = 60.0  # seconds: generous, the machine is shared with other tests


def app_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("WAYLAND_DISPLAY", None)
    env.update(
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        GM_TERMINAL_TOKEN=TOKEN,
        PYTHONUNBUFFERED="1",
    )
    return env


@dataclass
class App:
    """A running app: its process and the base URL from its `Serving on` line."""

    process: subprocess.Popen[str]
    url: str
    lines: list[str]

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1].strip("/"))


def start(tmp: Path, *args: str, headless: bool = True, prefix: tuple[str, ...] = ()) -> App:
    """The app started with args (after prefix, a command that runs it, when given)."""
    flags = ["--headless"] if headless else []
    command = [*prefix, sys.executable, "-m", "desktop", *flags, "--no-mdns", *args]
    process = subprocess.Popen(
        command, env=app_env(tmp), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + GIVE_UP
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.match(r"Serving on (http://\S+/)$", line.strip())
        if match:
            lines.append(process.stdout.readline())  # the Player display line follows at once
            return App(process, match.group(1), lines)
    process.kill()
    process.wait(GIVE_UP)
    close_output(process)
    raise AssertionError(f"no Serving line: {lines}")


def stop(app: App) -> int:
    app.process.send_signal(signal.SIGTERM)
    try:
        return app.process.wait(GIVE_UP)
    finally:
        close_output(app.process)


def close_output(process: subprocess.Popen[str]) -> None:
    """The pipe of an ended process's output, closed (a leaked pipe is a ResourceWarning)."""
    if process.stdout is not None:
        process.stdout.close()


def get_json(url: str, token: str = "") -> dict[str, object]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=GIVE_UP) as response:
        data: dict[str, object] = json.load(response)
    return data


def post_json(url: str, body: object) -> dict[str, object]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    request.add_header("Authorization", f"Bearer {TOKEN}")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=GIVE_UP) as response:
        data: dict[str, object] = json.load(response)
    return data


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    running = start(
        tmp_path, "--host", "127.0.0.1", "--port", "0", "--state", str(tmp_path / "t.db")
    )
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait()
    close_output(running.process)


def test_serves_streams_and_stops_cleanly(app: App, tmp_path: Path) -> None:
    assert app.lines[1].startswith("Player display: http://127.0.0.1:")
    assert get_json(app.url + "api/active-view/")["view_type"] == "STANDBY"
    with urllib.request.urlopen(app.url + "api/active-view/stream/", timeout=GIVE_UP) as stream:
        assert stream.readline() == b"retry: 2000\n"
        post_json(app.url + "api/gm/switch-view/", {"view_type": "BRIDGE"})
        seen = b""
        while b'"view_type":"BRIDGE"' not in seen:
            seen += stream.readline()
        shown = get_json(app.url + "api/active-view/")["revision"]  # the players' own count
        assert f"id: {shown}".encode() in seen
    assert stop(app) == 0

    again = start(tmp_path, "--host", "127.0.0.1", "--port", "0", "--state", str(tmp_path / "t.db"))
    try:
        snapshot = get_json(again.url + "api/active-view/")
        assert snapshot["view_type"] == "BRIDGE"
        assert snapshot["revision"] > shown  # the same table: its revision did not go back
    finally:
        assert stop(again) == 0


def test_stops_promptly_with_many_displays(app: App) -> None:
    streams = [
        urllib.request.urlopen(app.url + "api/active-view/stream/", timeout=GIVE_UP)
        for _ in range(100)
    ]
    for stream in streams:
        assert stream.readline() == b"retry: 2000\n"
    assert stop(app) == 0
    for stream in streams:
        stream.close()


def test_second_instance_on_the_same_state_file_exits_1(app: App, tmp_path: Path) -> None:
    second = subprocess.run(
        [sys.executable, "-m", "desktop", "--headless", "--no-mdns", "--port", "0",
         "--state", str(tmp_path / "t.db")],
        env=app_env(tmp_path), capture_output=True, text=True, timeout=GIVE_UP,
    )  # fmt: skip
    assert second.returncode == 1
    assert len(second.stderr.strip().splitlines()) == 1
    assert "--state" in second.stderr
    assert get_json(app.url + "api/active-view/")["schema"] == 1  # the first one still serves


def test_busy_port_names_it_and_exits_1(app: App, tmp_path: Path) -> None:
    busy = subprocess.run(
        [sys.executable, "-m", "desktop", "--headless", "--no-mdns", "--host", "127.0.0.1",
         "--port", str(app.port), "--state", str(tmp_path / "other.db")],
        env=app_env(tmp_path), capture_output=True, text=True, timeout=GIVE_UP,
    )  # fmt: skip
    assert busy.returncode == 1
    (line,) = busy.stderr.strip().splitlines()
    assert str(app.port) in line and "--port" in line


def test_lan_address_is_served_on_all_interfaces(tmp_path: Path) -> None:
    address = lan_address()
    if address == "127.0.0.1":
        pytest.skip("this machine has no non-loopback address")
    running = start(tmp_path, "--host", "0.0.0.0", "--port", "0", "--state", str(tmp_path / "l.db"))
    try:
        assert running.lines[1].strip() == f"Player display: http://{address}:{running.port}/"
        snapshot = get_json(f"http://{address}:{running.port}/api/active-view/")
        assert snapshot["schema"] == 1
        join = get_json(f"http://{address}:{running.port}/api/join/")
        assert join["url"] == f"http://{address}:{running.port}/"
    finally:
        assert stop(running) == 0


def test_without_a_display_the_window_gives_way_to_headless(tmp_path: Path) -> None:
    args = ("--host", "127.0.0.1", "--port", "0", "--state", str(tmp_path / "w.db"))
    running = start(tmp_path, *args, headless=False)
    try:
        assert get_json(running.url + "api/active-view/")["schema"] == 1
    finally:
        assert stop(running) == 0
    assert any("no display" in line for line in running.lines)
