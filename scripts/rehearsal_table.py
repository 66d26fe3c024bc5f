"""The app under rehearsal (scripts/rehearsal.py): the headless app on 127.0.0.1, the GM HTTP
API, and what the session needs to know of the campaign (asked from the API, never assumed)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

TOKEN = "rehearsal-token"
SERVING = re.compile(r"Serving on (http://[^\s/]+:(\d+)/)")


class Table:
    """The headless app on 127.0.0.1 and the GM HTTP API."""

    def __init__(self, campaign: Path, outdir: Path) -> None:
        cmd = [sys.executable, "-m", "desktop", str(campaign), "--headless", "--host"]
        cmd += ["127.0.0.1", "--port", "0", "--no-mdns", "--gm-token", TOKEN]
        cmd += ["--state", str(outdir / "rehearsal-state.sqlite")]
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        self.url = ""
        self.log: list[str] = []
        ready = threading.Event()
        threading.Thread(target=self._read, args=(ready,), daemon=True).start()
        if not ready.wait(60):
            self.stop()
            raise SystemExit("the app did not start:\n" + "\n".join(self.log[-30:]))

    def _read(self, ready: threading.Event) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.log.append(line.rstrip())
            found = SERVING.search(line)
            if found and not ready.is_set():
                self.url = found.group(1)
                ready.set()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def call(self, method: str, path: str, body: Any = None, gm: bool = True) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url.rstrip("/") + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if gm:
            req.add_header("Authorization", f"Bearer {TOKEN}")
        try:
            with urllib.request.urlopen(req, timeout=20) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"null")

    def gm(self, path: str, body: Any = None) -> Any:
        status, answer = self.call("POST", path, {} if body is None else body)
        if status != 200:
            raise RuntimeError(f"POST {path} {body!r} -> {status} {answer!r}")
        return answer

    def get(self, path: str) -> Any:
        status, answer = self.call("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} -> {status} {answer!r}")
        return answer


def cells(room: dict[str, Any]) -> list[tuple[int, int]]:
    """The cells of a room, row by row (rooms may be rectangles or lists of cells)."""
    if room.get("cells"):
        return [(int(x), int(y)) for x, y in room["cells"]]
    return [
        (x, y)
        for y in range(room["y"], room["y"] + room["height"])
        for x in range(room["x"], room["x"] + room["width"])
    ]


def mapped_location(table: Table) -> tuple[str, list[dict[str, Any]]]:
    """The location with a map and the most rooms, and its decks."""
    found: list[tuple[int, str, list[dict[str, Any]]]] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            if item.get("has_map"):
                decks = table.get(f"/api/gm/encounter-map/{item['slug']}/")["decks"]
                found.append((sum(len(d["rooms"]) for d in decks), item["slug"], decks))
            walk(item.get("children", []))

    walk(table.get("/api/gm/locations/")["locations"])
    if not found:
        raise SystemExit("the campaign has no location with a map")
    _count, slug, decks = max(found, key=lambda f: f[0])
    return slug, decks


def terminal_with_mail(table: Table) -> tuple[str, str] | None:
    """The terminal with the most mail (shown once each to count it)."""
    found: list[tuple[str, str]] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            found.extend((item["slug"], term["slug"]) for term in item.get("terminals", []))
            walk(item.get("children", []))

    walk(table.get("/api/gm/locations/")["locations"])
    best, most = None, -1
    for slug, term in found:
        table.gm("/api/gm/show-terminal/", {"location_slug": slug, "terminal_slug": term})
        mail = table.get("/api/active-view/")["terminal"]
        count = len(mail["inbox"]) + len(mail["sent"])
        if count > most:
            best, most = (slug, term), count
    table.gm("/api/gm/show-terminal/", {"location_slug": "", "terminal_slug": ""})
    return best


def reveal_order(deck: dict[str, Any]) -> list[str]:
    """The deck's rooms in the order a crew walking through its doors would find them."""
    rooms = [r["id"] for r in deck["rooms"]]
    joined: dict[str, list[str]] = {r: [] for r in rooms}
    for conn in deck["connections"]:
        if conn["from"] in joined and conn["to"] in joined:
            joined[conn["from"]].append(conn["to"])
            joined[conn["to"]].append(conn["from"])
    order: list[str] = []
    for start in rooms:
        queue = [start]
        while queue:
            room = queue.pop(0)
            if room not in order:
                order.append(room)
                queue += joined[room]
    return order


def free_cells(
    deck: dict[str, Any], room_id: str, taken: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    room = next(r for r in deck["rooms"] if r["id"] == room_id)
    return [c for c in cells(room) if c not in taken]


def outside_cell(deck: dict[str, Any], room_id: str) -> tuple[int, int]:
    """A cell next to the room that belongs to no revealed room (a refused move's target)."""
    inside = {c for r in deck["rooms"] for c in cells(r)}
    room = next(r for r in deck["rooms"] if r["id"] == room_id)
    for x in range(room["x"] - 1, room["x"] + room["width"] + 1):
        for y in (room["y"] - 1, room["y"] + room["height"]):
            if (x, y) not in inside and x >= 0 and y >= 0:
                return x, y
    return room["x"] + room["width"], room["y"]
