"""mDNS for real, on a LAN of its own: two network namespaces joined by a veth pair.

The app runs as a user starts it (mDNS on, all interfaces) in one namespace; a device in the
other (mdns_peer.py, real zeroconf) finds the player page's service, resolves gm-terminal.local
to the app's LAN address, reads the join URL over HTTP, and sees the service withdrawn when the
app stops. The multicast never leaves the two namespaces. Needs root and iproute2 (as in CI).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import pytest

pytestmark = pytest.mark.e2e
APP_ADDRESS, PEER_ADDRESS = "10.231.0.1", "10.231.0.2"
GIVE_UP_S = 20.0
PEER = Path(__file__).with_name("mdns_peer.py")
GET = "import sys, urllib.request as u; print(u.urlopen(sys.argv[1], timeout=5).read().decode())"


def ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True)


@dataclass
class Lan:
    """Two namespaces, `app` and `peer`, each with a `lan0` on 10.231.0.0/24."""

    app: str
    peer: str

    def run(self, namespace: str, command: list[str], **kwargs: Any) -> subprocess.Popen[str]:
        return subprocess.Popen(["ip", "netns", "exec", namespace, *command], text=True, **kwargs)


@pytest.fixture(name="lan")
def lan_fixture() -> Iterator[Lan]:
    if os.geteuid() != 0 or shutil.which("ip") is None:
        pytest.skip("network namespaces need root and iproute2 (CI runs as root)")
    lan = Lan(f"gmt-app-{os.getpid()}", f"gmt-peer-{os.getpid()}")
    ip("netns", "add", lan.app)
    try:
        ip("netns", "add", lan.peer)
        ip("link", "add", "lan0", "netns", lan.app, "type", "veth",
           "peer", "name", "lan0", "netns", lan.peer)  # fmt: skip
        for namespace, address in ((lan.app, APP_ADDRESS), (lan.peer, PEER_ADDRESS)):
            ip("-n", namespace, "addr", "add", f"{address}/24", "dev", "lan0")
            ip("-n", namespace, "link", "set", "lo", "up")
            ip("-n", namespace, "link", "set", "lan0", "up")
        yield lan
    finally:
        for namespace in (lan.app, lan.peer):
            subprocess.run(["ip", "netns", "del", namespace], check=False, capture_output=True)


@dataclass
class Lines:
    """The lines a subprocess prints, read in a thread, waited for with a deadline."""

    process: subprocess.Popen[str]
    queue: Queue[str] = field(default_factory=Queue)
    seen: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout:  # closed at the end of the output (the process ended)
            for line in self.process.stdout:
                self.queue.put(line.rstrip("\n"))

    def rest(self) -> list[str]:
        """Every line printed, once the process has ended."""
        self.process.wait(GIVE_UP_S)
        time.sleep(0.1)  # the reader thread takes the last lines
        while not self.queue.empty():
            self.seen.append(self.queue.get())
        return self.seen

    def until(self, pattern: str) -> re.Match[str]:
        deadline = time.monotonic() + GIVE_UP_S
        while True:
            try:
                line = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except Empty:
                raise AssertionError(f"no line matching {pattern!r}; saw {self.seen}") from None
            self.seen.append(line)
            match = re.search(pattern, line)
            if match:
                return match


def test_a_device_on_the_lan_finds_the_table_by_mdns(lan: Lan, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    state = str(tmp_path / "table.db")
    command = [sys.executable, "-m", "desktop", "--headless", "--port", "0", "--state", state]
    app = lan.run(lan.app, command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    peer = lan.run(lan.peer, [sys.executable, str(PEER), PEER_ADDRESS], stdout=subprocess.PIPE)
    try:
        app_lines, peer_lines = Lines(app), Lines(peer)
        port = int(app_lines.until(r"Serving on http://\S+:(\d+)/").group(1))
        player = app_lines.until(r"Player display: (\S+)").group(1)
        assert player == f"http://{APP_ADDRESS}:{port}/"

        found = json.loads(peer_lines.until(r'^\{"found"').string)["found"]
        assert found["server"] == "gm-terminal.local."
        assert (found["addresses"], found["port"], found["path"]) == ([APP_ADDRESS], port, "/")
        assert json.loads(peer_lines.until(r'^\{"host"').string)["host"] == [APP_ADDRESS]

        # The device reads the join URL over the LAN: the .local address is offered.
        join: dict[str, str] = {}
        deadline = time.monotonic() + GIVE_UP_S
        while not join.get("mdns_url") and time.monotonic() < deadline:
            url = f"http://{APP_ADDRESS}:{port}/api/join/"
            fetch = lan.run(lan.peer, [sys.executable, "-c", GET, url], stdout=subprocess.PIPE)
            join = json.loads(fetch.communicate(timeout=GIVE_UP_S)[0] or "{}")
            time.sleep(0.2)
        assert join == {"url": player, "mdns_url": f"http://gm-terminal.local:{port}/"}

        app.send_signal(signal.SIGTERM)
        assert app.wait(GIVE_UP_S) == 0
        removed = json.loads(peer_lines.until(r'^\{"removed"').string)["removed"]
        assert removed == found["name"]
        printed = app_lines.rest()
        assert not [line for line in printed if "Traceback" in line or "thread" in line], printed
    finally:
        for process in (app, peer):
            if process.poll() is None:
                process.kill()
                process.wait(5)
