"""Shared pieces of the player-display end-to-end tests: the real app in a subprocess, the GM
HTTP API, a headless Chromium whose pages may reach nothing but the app, and the sample
campaign's ids (asked from the API, never hard-coded)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TOKEN = "test-token"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
WAIT_MS = 15_000
SERVING = re.compile(r"Serving on (http://[^\s/]+:(\d+)/)")


class App:
    """`python -m desktop --headless` on 127.0.0.1, started and stopped like a user would."""

    def __init__(self, state: Path, port: int = 0, campaign: Path | None = None) -> None:
        self.state = state
        self.port = port
        self.campaign = campaign
        self.url = ""
        self.proc: subprocess.Popen[str] | None = None
        self.log: list[str] = []
        self._drainer: threading.Thread | None = None

    def start(self, timeout: float = 40.0) -> App:
        cmd = [
            sys.executable,
            "-m",
            "desktop",
            "--headless",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--state",
            str(self.state),
            "--no-mdns",
            "--gm-token",
            TOKEN,
        ]
        if self.campaign is not None:
            cmd.append(str(self.campaign))
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        found = threading.Event()
        self._drainer = threading.Thread(target=self._drain, args=(self.proc, found), daemon=True)
        self._drainer.start()
        if not found.wait(timeout):
            self.stop()
            raise RuntimeError("the app did not start:\n" + "\n".join(self.log[-40:]))
        return self

    def _drain(self, proc: subprocess.Popen[str], found: threading.Event) -> None:
        assert proc.stdout is not None
        with proc.stdout:  # closed at the end of the output (the process ended)
            for line in proc.stdout:
                self.log.append(line.rstrip())
                match = SERVING.search(line)
                if match and not found.is_set():
                    self.url, self.port = match.group(1), int(match.group(2))
                    found.set()

    def stop(self) -> int | None:
        """SIGTERM, as a user's Ctrl-C or a service manager would; the exit status."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(5)
        finally:
            if self._drainer is not None:
                self._drainer.join(5)  # the output read to its end and closed

    def request(
        self, method: str, path: str, body: Any = None, token: str | None = TOKEN
    ) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url.rstrip("/") + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=15) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"null")

    def gm(self, path: str, body: Any = None) -> Any:
        """A GM write that must succeed; its answer."""
        status, answer = self.request("POST", path, {} if body is None else body)
        assert status == 200, f"POST {path} {body!r} -> {status} {answer!r}"
        return answer

    def get(self, path: str) -> Any:
        status, answer = self.request("GET", path)
        assert status == 200, f"GET {path} -> {status} {answer!r}"
        return answer


def describe(error: Any) -> str:
    """An uncaught error as the page threw it: its name, message and stack (a value thrown or
    rejected that is not an Error has no stack; its message is all there is to read)."""
    return " | ".join(str(part) for part in (error.name, error.message, error.stack) if part)


@dataclass
class Guard:
    """Counts every request a page tried to send anywhere but the app (and blocks it), and
    every script error the page showed in its console."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    context: Any = None
    errors: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> Any:
        """Note the page's uncaught exceptions and console errors (a refused connection while
        the app is away is the network's doing, not the page's)."""
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {describe(error)}"))

        def console(message: Any) -> None:
            text = str(message.text)
            if message.type == "error" and not text.startswith("Failed to load resource"):
                self.errors.append(f"console: {text}")

        page.on("console", console)
        return page

    def pattern(self) -> re.Pattern[str]:
        """Every URL but the app's own: only those are intercepted (the rest go straight on)."""
        return re.compile(rf"^(?!{re.escape(self.origin)}/)")

    def handle(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == self.origin:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def open_page(
    browser: Any,
    app: App,
    query: str = "",
    width: int = 1280,
    height: int = 720,
    guards: list[Guard] | None = None,
    reduced_motion: bool = False,
    touch: bool = False,
) -> Any:
    """A new page on the player display, with every foreign request counted and blocked
    (`reduced_motion`: the browser asks for no animation, so tokens jump instead of gliding;
    `touch`: a touch screen, as a tablet is)."""
    motion = "reduce" if reduced_motion else "no-preference"
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion=motion, has_touch=touch
    )
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    if guards is not None:
        guards.append(guard)
    page = guard.watch(context.new_page())
    page.goto(app.url + query)
    return page


def wait_revision(page: Any, revision: int) -> None:
    """Until the page has rendered a snapshot at least that new."""
    page.wait_for_function(
        "(r) => Number(document.body.dataset.revision || -1) >= r", arg=revision, timeout=WAIT_MS
    )


@dataclass
class Deck:
    """A mapped location of the sample campaign and what the tests use of its default deck."""

    slug: str
    deck_id: str
    rooms: dict[str, dict[str, Any]]
    connections: list[dict[str, Any]]

    def neighbours(self) -> tuple[str, str, dict[str, Any]]:
        """Two rooms joined by a connection, and that connection."""
        for conn in self.connections:
            if conn["from"] in self.rooms and conn["to"] in self.rooms:
                return conn["from"], conn["to"], conn
        raise AssertionError("no two rooms of the deck are connected")

    def cells(self, room_id: str) -> list[tuple[int, int]]:
        room = self.rooms[room_id]
        return [
            (x, y)
            for y in range(room["y"], room["y"] + room["height"])
            for x in range(room["x"], room["x"] + room["width"])
        ]


def _walk(locations: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for loc in locations:
        yield loc
        yield from _walk(loc.get("children") or [])


def mapped_location(app: App, min_rooms: int = 3) -> Deck:
    """The first location of the sample with a map whose default deck has enough rooms."""
    for loc in _walk(app.get("/api/gm/locations/")["locations"]):
        if not loc.get("has_map"):
            continue
        decks = app.get(f"/api/gm/encounter-map/{loc['slug']}/")["decks"]
        deck = next((d for d in decks if d.get("default")), decks[0])
        if len(deck["rooms"]) >= min_rooms:
            rooms = {r["id"]: r for r in deck["rooms"]}
            return Deck(loc["slug"], deck["id"], rooms, deck["connections"])
    raise AssertionError("the sample campaign has no mapped location")


def located_terminal(app: App) -> tuple[str, str, str]:
    """(location slug, terminal slug, terminal name) of a terminal of the sample."""
    for loc in _walk(app.get("/api/gm/locations/")["locations"]):
        for term in loc.get("terminals") or []:
            return loc["slug"], term["slug"], term["name"]
    raise AssertionError("the sample campaign has no terminal")


def fresh_encounter(app: App, deck: Deck, reveal: list[str]) -> int:
    """A clean table showing `deck` with those rooms revealed; the last revision."""
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": deck.slug})
    answer = app.gm("/api/gm/encounter/switch-level/", {"deck_id": deck.deck_id})
    for room_id in reveal:
        answer = app.gm("/api/gm/encounter/toggle-room/", {"room_id": room_id, "visible": True})
    return int(answer["revision"])


def wait(condition: Any, timeout: float = 15.0) -> Any:
    """Poll until `condition()` is truthy; its value."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > end:
            return value
        time.sleep(0.1)
