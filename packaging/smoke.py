"""Smoke test of a built bundle, with the standard library only (see packaging/smoke).

    python3 packaging/smoke.py [BUNDLE_DIR_OR_EXECUTABLE]

Checks, with no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset):
1. `--version` prints the version of pyproject.toml;
2. `check` validates the built-in sample campaign (found through importlib.resources);
   `import-map` makes a deck of a one-room Universal VTT map (Pillow in the bundle), and
   `check` passes on the result;
3. `--headless` serves the player page and its assets, the snapshot and the stream; a GM change
   through the API reaches the stream; the ship computer drafts a reply offline; SIGTERM ends
   it with exit status 0;
4. a restart on the same state file comes back to that change (SQLite in the bundle);
5. the window mode starts on Qt's offscreen platform (every GUI module is bundled) and
   serves the page; SIGTERM ends it with exit status 0.
Exit status 0 when all pass; otherwise the first failure and the app's output are printed.
Runs on Linux, macOS and Windows (there with gm-terminal-cli.exe; exit codes are not checked).
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import os
import queue
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "smoke-token"
SERVING = re.compile(r"Serving on http://([^/\s]+):(\d+)/")
START_TIMEOUT = 90.0  # seconds: two busy cores, a cold disk cache
EVENT_TIMEOUT = 20.0
STOP_TIMEOUT = 30.0


class SmokeFailure(Exception):
    """A check did not hold."""


HOME_DIRS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
SCRATCH = Path(tempfile.gettempdir()) / f"gm-terminal-smoke-{os.getpid()}"


def clean_env(**extra: str) -> dict[str, str]:
    """No display; the user's config and data folders point into the scratch folder."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env.update({name: str(SCRATCH / name.lower()) for name in HOME_DIRS})
    env.update(extra)
    return env


class App:
    """The bundle running as a server; its output is collected by a thread."""

    def __init__(self, exe: Path, args: list[str], env: dict[str, str]) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.proc = subprocess.Popen(
            [str(exe), *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            self._queue.put(line)
        self._queue.put(None)

    def wait_serving(self) -> tuple[str, int]:
        """The (host, port) of the `Serving on` line."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.5)
            except queue.Empty:
                continue
            if line is None:
                raise SmokeFailure(f"exited with {self.proc.wait()} before serving")
            match = SERVING.search(line)
            if match:
                return match.group(1), int(match.group(2))
        raise SmokeFailure(f"no 'Serving on' line within {START_TIMEOUT:.0f} s")

    def stop(self) -> int:
        """SIGTERM, then the exit status (killed after STOP_TIMEOUT).

        Windows has no SIGTERM to send: the process is terminated and 0 reported.
        """
        if os.name == "nt":
            self.proc.terminate()
            self.proc.wait(timeout=STOP_TIMEOUT)
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise SmokeFailure(f"still running {STOP_TIMEOUT:.0f} s after SIGTERM") from None


def request(
    host: str, port: int, method: str, path: str, body: object = None, token: str | None = None
) -> tuple[int, str, bytes]:
    """One HTTP request: (status, content type, body)."""
    conn = http.client.HTTPConnection(host, port, timeout=15)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, None if body is None else json.dumps(body), headers)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, resp.getheader("Content-Type", ""), data


class Stream:
    """A reader of /api/active-view/stream/ that yields the data of each event."""

    def __init__(self, host: str, port: int) -> None:
        self.conn = http.client.HTTPConnection(host, port, timeout=EVENT_TIMEOUT)
        self.conn.request(
            "GET", "/api/active-view/stream/", headers={"Accept": "text/event-stream"}
        )
        self.resp = self.conn.getresponse()
        kind = self.resp.getheader("Content-Type", "")
        if self.resp.status != 200 or not kind.startswith("text/event-stream"):
            raise SmokeFailure(f"stream answered {self.resp.status} {kind}")

    def next_event(self) -> dict[str, Any]:
        """The JSON data of the next event (comments and retry lines skipped)."""
        data: list[str] = []
        while True:
            raw = self.resp.fp.readline()
            if not raw:
                raise SmokeFailure("stream closed")
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("data:"):
                data.append(line[5:].lstrip(" "))
            elif not line and data:
                event: dict[str, Any] = json.loads("\n".join(data))
                return event

    def close(self) -> None:
        self.conn.close()


def check(condition: bool, message: str) -> None:
    """Raise SmokeFailure(message) unless condition holds."""
    if not condition:
        raise SmokeFailure(message)


def page_assets(html: str) -> list[str]:
    """Local paths of the scripts, stylesheets and icons index.html refers to."""
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"'#?]+)""", html)
    return [r for r in refs if not re.match(r"^[a-z]+:|^//", r) and not r.endswith("/")]


def check_page(host: str, port: int) -> int:
    """GET / is the player page and every local asset it names loads; returns the count."""
    status, kind, body = request(host, port, "GET", "/")
    check(status == 200 and "html" in kind, f"GET / answered {status} {kind}")
    html = body.decode("utf-8", "replace")
    assets = page_assets(html)
    for ref in assets:
        path = ref if ref.startswith("/") else "/" + ref.removeprefix("./")
        status, _, _ = request(host, port, "GET", path)
        check(status == 200, f"GET {path} (named by index.html) answered {status}")
    return len(assets)


def start_headless(exe: Path, state: Path) -> App:
    """The bundle headless on a free loopback port, with the smoke test's state file and token."""
    args = ["--headless", "--host", "127.0.0.1", "--port", "0", "--no-mdns"]
    return App(exe, [*args, "--state", str(state), "--gm-token", TOKEN], clean_env())


def run_headless(exe: Path, state: Path) -> str:
    """Checks 3: the server, the stream and one GM change. Returns the view it set."""
    app = start_headless(exe, state)
    try:
        host, port = app.wait_serving()
        assets = check_page(host, port)
        status, kind, body = request(host, port, "GET", "/api/active-view/")
        check(status == 200 and "json" in kind, f"GET /api/active-view/ answered {status} {kind}")
        snapshot = json.loads(body)
        check("revision" in snapshot and "view_type" in snapshot, f"snapshot: {snapshot}")
        stream = Stream(host, port)
        first = stream.next_event()
        check(first.get("revision") == snapshot["revision"], f"first event {first}")
        target = "STANDBY" if snapshot["view_type"] == "BRIDGE" else "BRIDGE"
        status, _, body = request(host, port, "POST", "/api/gm/switch-view/", {"view_type": target})
        check(status == 401, f"switch-view without the token answered {status}")
        status, _, body = request(
            host, port, "POST", "/api/gm/switch-view/", {"view_type": target}, token=TOKEN
        )
        check(status == 200, f"switch-view answered {status}: {body[:200]!r}")
        event = stream.next_event()
        check(
            event.get("view_type") == target, f"stream sent {event.get('view_type')}, not {target}"
        )
        check(int(event["revision"]) > int(snapshot["revision"]), "revision did not increase")
        stream.close()
        print(
            f"smoke: headless on {host}:{port}: page + {assets} assets, snapshot, stream, "
            f"GM switch-view -> {target} seen on the stream"
        )
        check_draft(host, port)
    except BaseException:
        app.stop()
        print("\n".join(app.lines), file=sys.stderr)
        raise
    code = app.stop()
    check(code == 0, f"headless exit status {code} after SIGTERM:\n" + "\n".join(app.lines))
    print("smoke: SIGTERM -> exit 0")
    return target


def check_draft(host: str, port: int) -> None:
    """The ship computer drafts offline (BM25 over the sample: bm25s, numpy, PyStemmer)."""
    prompt = {"prompt": "What is the status of the engines?"}
    path = "/api/gm/charon/story/generate/"
    status, _, body = request(host, port, "POST", path, prompt, token=TOKEN)
    check(status == 200, f"generate answered {status}: {body[:300]!r}")
    content = json.loads(body).get("content", "")
    check("ENGINES" in content, f"the offline draft does not name the engines: {content!r}")
    print(f"smoke: the ship computer drafts offline: {content.splitlines()[0]!r}")


def run_restart(exe: Path, state: Path, view: str) -> None:
    """Check 4: the state file brings the change back."""
    app = start_headless(exe, state)
    try:
        host, port = app.wait_serving()
        _, _, body = request(host, port, "GET", "/api/active-view/")
        check(json.loads(body).get("view_type") == view, f"after restart: {body[:200]!r}")
    finally:
        code = app.stop()
    check(code == 0, f"exit status {code} after SIGTERM")
    print(f"smoke: restart on the same state file -> still {view}")


def run_window(exe: Path, state: Path) -> None:
    """Check 5: the GM window starts (offscreen) and the server runs beside it."""
    app = App(
        exe,
        [
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-mdns",
            "--state",
            str(state),
            "--gm-token",
            TOKEN,
        ],
        clean_env(QT_QPA_PLATFORM="offscreen"),
    )
    try:
        host, port = app.wait_serving()
        check_page(host, port)
    except BaseException:
        app.stop()
        print("\n".join(app.lines), file=sys.stderr)
        raise
    code = app.stop()
    check(code == 0, f"window mode exit status {code} after SIGTERM:\n" + "\n".join(app.lines))
    print("smoke: window mode (offscreen) serves the page, SIGTERM -> exit 0")


def project_version() -> str:
    """pyproject.toml's version (a regex, so Python 3.10 without tomllib can run this too)."""
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SmokeFailure("no version in pyproject.toml")
    return match.group(1)


def run_cli(exe: Path) -> None:
    """Checks 1 and 2."""
    version = project_version()
    out = subprocess.run(
        [str(exe), "--version"], env=clean_env(), capture_output=True, text=True, timeout=120
    )
    check(
        out.returncode == 0 and version in out.stdout,
        f"--version: status {out.returncode}, output {out.stdout + out.stderr!r}",
    )
    out = subprocess.run(
        [str(exe), "check"], env=clean_env(), capture_output=True, text=True, timeout=120
    )
    check(
        out.returncode == 0 and "locations:" in out.stdout,
        f"check (built-in sample): status {out.returncode}\n{out.stdout}{out.stderr}",
    )
    print(f"smoke: --version {version}; check of the built-in sample passes")


def tiny_png(width: int, height: int) -> bytes:
    """A grey PNG made with the standard library (the bundle's Pillow decodes it)."""
    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def run_import(exe: Path) -> None:
    """import-map (Pillow in the bundle): a one-room Universal VTT map into a campaign."""
    campaign = SCRATCH / "import-campaign"
    (campaign / "galaxy" / "hut").mkdir(parents=True, exist_ok=True)
    (campaign / "galaxy" / "hut" / "location.yaml").write_text("name: Hut\ntype: base\n")
    box = [{"x": x, "y": y} for x, y in ((1, 1), (3, 1), (3, 3), (1, 3), (1, 1))]
    doc = {
        "format": 0.3,
        "resolution": {
            "map_origin": {"x": 0, "y": 0},
            "map_size": {"x": 4, "y": 4},
            "pixels_per_grid": 10,
        },
        "line_of_sight": [box],
        "portals": [],
        "image": base64.b64encode(tiny_png(40, 40)).decode(),
    }
    file = SCRATCH / "hut.uvtt"
    file.write_text(json.dumps(doc), encoding="utf-8")
    args = [str(exe), "import-map", str(file), "--campaign", str(campaign), "--location", "hut"]
    out = subprocess.run(args, env=clean_env(), capture_output=True, text=True, timeout=120)
    check(
        out.returncode == 0 and "1 room, 0 doors" in out.stdout,
        f"import-map: status {out.returncode}\n{out.stdout}{out.stderr}",
    )
    out = subprocess.run(
        [str(exe), "check", str(campaign)],
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    check(out.returncode == 0, f"check after import-map: {out.stdout}{out.stderr}")
    print("smoke: import-map made a deck (Pillow bundled); check passes on it")


def main(argv: list[str]) -> int:
    """Run every check against the bundle named in argv (default dist/gm-terminal)."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "dist" / "gm-terminal"
    # Windows: the console twin, since gm-terminal.exe has no stdout to read the URL from.
    name = "gm-terminal-cli.exe" if os.name == "nt" else "gm-terminal"
    exe = target / name if target.is_dir() else target
    if not exe.is_file():
        print(
            f"smoke: no executable at {exe} (build it with: bash packaging/build)", file=sys.stderr
        )
        return 1
    started = time.monotonic()
    SCRATCH.mkdir(parents=True, exist_ok=True)
    try:
        run_cli(exe)
        run_import(exe)
        view = run_headless(exe, SCRATCH / "state.sqlite3")
        run_restart(exe, SCRATCH / "state.sqlite3", view)
        run_window(exe, SCRATCH / "window.sqlite3")
    except SmokeFailure as failure:
        print(f"smoke: FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    print(f"smoke: all checks of {exe} passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
