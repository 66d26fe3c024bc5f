"""A real full disk under the running app: every 200 was saved, every unsaved change got 503.

The state file sits on a small tmpfs mounted in a mount namespace of the test's own
(`unshare --mount`, as root); where mounting is refused, a file-size limit on the app's
process (`prlimit --fsize`) makes its writes fail the same way, so the test never skips.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.e2e.test_headless import GIVE_UP, TOKEN, App, app_env, close_output, get_json, stop

pytestmark = pytest.mark.e2e

NOTE = "x" * 1500  # a ship-computer line big enough to fill a small disk in a few dozen writes


@dataclass
class Disk:
    """Where the state file lives, how to fill that disk, and how to give the space back."""

    folder: Path
    prefix: list[str]  # what runs the app where the disk is
    holder: subprocess.Popen[str] | None = None
    fillers: list[Path] = field(default_factory=list)

    def fill(self, app: App) -> None:
        if self.holder is None:  # no tmpfs: the app may not grow any file from now on
            sizes = [p.stat().st_size for p in self.folder.iterdir()]
            limit = max(sizes) + 1024
            _prlimit(app, f"{limit}:unlimited")
            return
        seen = Path(f"/proc/{self.holder.pid}/root") / str(self.folder).lstrip("/")
        filler = seen / f"filler-{len(self.fillers)}"
        self.fillers.append(filler)
        with filler.open("wb", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * 4096)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC

    def free(self, app: App) -> None:
        if self.holder is None:
            _prlimit(app, "unlimited:unlimited")
        for filler in self.fillers:
            filler.unlink()
        self.fillers.clear()


def _prlimit(app: App, value: str) -> None:
    subprocess.run(["prlimit", "--pid", str(app.process.pid), f"--fsize={value}"], check=True)


def _tmpfs(folder: Path) -> subprocess.Popen[str] | None:
    """A process holding a mount namespace with a 2 MB tmpfs on folder (None: refused)."""
    if os.geteuid() != 0:
        return None
    script = f"mount -t tmpfs -o size=2m tmpfs '{folder}' && echo mounted && exec sleep 900"
    holder = subprocess.Popen(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert holder.stdout is not None
    if holder.stdout.readline().strip() == "mounted":
        return holder
    holder.wait(GIVE_UP)
    close_output(holder)
    return None


@pytest.fixture(params=["tmpfs", "fsize"])
def disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Disk]:
    folder = tmp_path / "disk"
    folder.mkdir()
    holder = _tmpfs(folder) if request.param == "tmpfs" else None
    prefix = ["nsenter", "--target", str(holder.pid), "--mount", "--"] if holder else []
    yield Disk(folder, prefix, holder)
    if holder is not None:
        holder.kill()
        holder.wait(GIVE_UP)
        close_output(holder)


def _start(tmp: Path, disk: Disk) -> App:
    command = [
        *disk.prefix,
        sys.executable,
        "-m",
        "desktop",
        "--headless",
        "--no-mdns",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--state",
        str(disk.folder / "table.sqlite3"),
    ]
    process = subprocess.Popen(
        command,
        env=app_env(tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + GIVE_UP
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("Serving on "):
            lines.append(process.stdout.readline())
            return App(process, line.split()[2], lines)
    process.kill()
    process.wait(GIVE_UP)
    close_output(process)
    raise AssertionError(f"no Serving line: {lines}")


def _say(app: App, n: int) -> tuple[int, dict[str, object]]:
    body = json.dumps({"content": f"note {n} {NOTE}"}).encode()
    request = urllib.request.Request(
        app.url + "api/gm/charon/story/send/", data=body, method="POST"
    )
    request.add_header("Authorization", f"Bearer {TOKEN}")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=GIVE_UP) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def _notes(app: App) -> list[int]:
    """The notes on the ship computer's story channel, as the GM and the displays see them."""
    snapshot = get_json(app.url + "api/active-view/?role=gm", TOKEN)
    conversations = snapshot["charon_conversations"]
    assert isinstance(conversations, dict)
    notes = [int(e["content"].split()[1]) for e in conversations.get("story", [])]
    player = get_json(app.url + "api/active-view/")  # STANDBY: the story channel is shown
    assert isinstance(player["charon_conversation"], list)
    assert [int(e["content"].split()[1]) for e in player["charon_conversation"]] == notes
    return notes


def test_every_200_was_saved_and_every_unsaved_change_got_503(tmp_path: Path, disk: Disk) -> None:
    app = _start(tmp_path, disk)
    try:
        acknowledged: list[int] = []
        refused: list[int] = []
        for n in range(5):
            assert _say(app, n)[0] == 200
            acknowledged.append(n)
        disk.fill(app)
        n = 5
        while len(refused) < 5 and n < 400:
            status, body = _say(app, n)
            if status == 200:
                acknowledged.append(n)
            else:
                assert status == 503, body
                assert str(body["error"]).startswith("table not saved: "), body
                refused.append(n)
                assert _notes(app) == acknowledged  # rolled back: no one sees it
            n += 1
        assert len(refused) == 5, "the full disk took every change"
        disk.free(app)
        for n in range(1000, 1005):
            assert _say(app, n)[0] == 200
            acknowledged.append(n)
        assert _notes(app) == acknowledged
        app.process.send_signal(signal.SIGKILL)  # no clean shutdown: only what is on disk
        app.process.wait(GIVE_UP)
        close_output(app.process)
        app = _start(tmp_path, disk)
        assert _notes(app) == acknowledged
        assert stop(app) == 0
    finally:
        if app.process.poll() is None:
            app.process.kill()
            app.process.wait(GIVE_UP)
        close_output(app.process)
