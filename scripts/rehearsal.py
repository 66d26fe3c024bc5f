"""Play a whole scripted session against the real app and photograph every display.

    .venv/bin/python scripts/rehearsal.py CAMPAIGN_DIR OUTDIR

Starts `gm-terminal CAMPAIGN_DIR --headless` on 127.0.0.1 (a free port, its own state file in
OUTDIR), drives the table over the GM HTTP API as a GM would, and watches it on a TV (Chromium
1920x1080) and a tablet (1024x768, touch). Every step writes `NN-tv-<step>.png` and
`NN-tablet-<step>.png` into OUTDIR, then `contact-sheet.png` puts them all on one picture
(ImageMagick `montage`). Campaign ids are asked from the API, never assumed, so any campaign
folder with a mapped location works. Prints one line per step; exit 1 if a step failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

TOKEN = "rehearsal-token"
SERVING = re.compile(r"Serving on (http://[^\s/]+:(\d+)/)")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
WAIT_MS = 20_000
SETTLE_MS = 1300  # the flicker-in of a room and the map's re-fit take about a second
E = "/api/gm/encounter/"


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


class Rehearsal:
    """The session: GM writes, both displays waited for, then photographed."""

    def __init__(self, table: Table, outdir: Path, tv: Page, tablet: Page) -> None:
        self.table, self.outdir, self.tv, self.tablet = table, outdir, tv, tablet
        self.count = 0
        self.shots: list[Path] = []
        self.notes: list[str] = []

    def settle(self) -> None:
        """Until both displays drew the players' latest frame and the map stopped moving."""
        revision = self.table.get("/api/active-view/")["revision"]
        for page in (self.tv, self.tablet):
            page.wait_for_function(
                "(r) => Number(document.body.dataset.revision || -1) >= r",
                arg=revision,
                timeout=WAIT_MS,
            )
            page.wait_for_function(
                "() => !document.querySelector('svg.map[data-fitting]')", timeout=WAIT_MS
            )
        self.tv.wait_for_timeout(SETTLE_MS)

    def shot(self, step: str, settle: bool = True) -> None:
        if settle:
            self.settle()
        self.count += 1
        for name, page in (("tv", self.tv), ("tablet", self.tablet)):
            path = self.outdir / f"{self.count:02d}-{name}-{step}.png"
            page.screenshot(path=str(path))
            self.shots.append(path)
        self.notes.append(f"{self.count:02d} {step}")
        print(f"{self.count:02d} {step}", flush=True)

    def cell_on_screen(self, page: Page, cell: tuple[int, int]) -> tuple[float, float]:
        point = page.evaluate(
            """(c) => {
              const svg = document.querySelector('#view-encounter svg.map');
              const p = new DOMPoint(c.x + 0.5, c.y + 0.5).matrixTransform(svg.getScreenCTM());
              return {x: p.x, y: p.y};
            }""",
            {"x": cell[0], "y": cell[1]},
        )
        return point["x"], point["y"]

    def drag(self, page: Page, start: tuple[int, int], end: tuple[int, int]) -> None:
        a, b = self.cell_on_screen(page, start), self.cell_on_screen(page, end)
        page.mouse.move(*a)
        page.mouse.down()
        page.mouse.move((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, steps=6)
        page.mouse.move(*b, steps=6)
        page.mouse.up()


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


def play(r: Rehearsal) -> None:
    """The session, step by step."""
    t = r.table
    gm_state = t.get("/api/active-view/?role=gm")
    crew = [c["name"] for c in gm_state.get("crew", [])]
    crew += [f"Crew {n}" for n in range(len(crew) + 1, 6)]  # five in one room, all different
    npcs = t.get("/api/gm/npcs/")["npcs"]
    slug, decks = mapped_location(t)
    deck = next((d for d in decks if d.get("default")), decks[0])
    other = next((d for d in decks if d["id"] != deck["id"]), None)
    order = reveal_order(deck)

    t.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    r.shot("standby-qr")
    t.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    for tab in ("status", "crew", "logs"):
        r.settle()
        for page in (r.tv, r.tablet):
            page.click(f'.br-tab[data-tab="{tab}"]')
        r.shot(f"bridge-{tab}", settle=False)
    for page in (r.tv, r.tablet):
        page.click('.br-tab[data-tab="status"]')

    t.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": slug})
    t.gm(E + "switch-level/", {"deck_id": deck["id"], "location_slug": slug})
    t.gm(E + "toggle-room/", {"room_id": order[0], "visible": True})
    r.shot("encounter-first-room")
    for room in order[1:3]:
        t.gm(E + "toggle-room/", {"room_id": room, "visible": True})
    r.shot("encounter-three-rooms")

    big = max(order[:3], key=lambda rid: len(free_cells(deck, rid, set())))
    taken: set[tuple[int, int]] = set()
    spots = free_cells(deck, big, taken)
    party = []
    for i, name in enumerate(crew[:5]):
        cell = spots[(i * 2) % len(spots)] if len(spots) >= 10 else spots[i % len(spots)]
        if cell in taken:
            cell = next(c for c in spots if c not in taken)
        taken.add(cell)
        body = {"type": "player", "name": name, "x": cell[0], "y": cell[1]}
        party.append((t.gm(E + "place-token/", body)["token_id"], cell))
    others = []
    stranger = npcs[0]["name"] if npcs else "Stranger"
    cast = [("creature", "Brine Lurker"), ("npc", stranger), ("object", "Supply Crate")]
    for kind, name in [*cast, ("creature", "Hollow Thing")]:
        room = next(rid for rid in order[:3] if rid != big) if kind != "object" else big
        cell = free_cells(deck, room, taken)[len(others) % 3]
        taken.add(cell)
        body = {"type": kind, "name": name, "x": cell[0], "y": cell[1]}
        others.append(t.gm(E + "place-token/", body)["token_id"])
    r.shot("tokens-nine-five-in-one-room")

    for token, status in ((party[0][0], ["wounded"]), (party[1][0], ["panicked", "stunned"]),
                          (others[0], ["dead"]), (others[3], ["wounded", "stunned"])):  # fmt: skip
        t.gm(E + "update-token-status/", {"token_id": token, "status": status})
    r.shot("token-statuses")

    mover, start = party[2]
    target = next(c for c in free_cells(deck, big, taken))
    r.settle()
    r.drag(r.tablet, start, target)
    r.tablet.wait_for_function(
        "([id, x]) => document.querySelector(`.token[data-id='${id}']`)?.dataset.x === String(x)",
        arg=[mover, target[0]],
        timeout=WAIT_MS,
    )
    taken.add(target)
    r.shot("player-drag-accepted")
    refused = outside_cell(deck, big)
    r.drag(r.tablet, target, refused)
    r.tablet.wait_for_selector("#toast:not([hidden])", timeout=WAIT_MS)
    r.shot("player-drag-refused", settle=False)

    for room in order[3:]:
        t.gm(E + "toggle-room/", {"room_id": room, "visible": True})
    doors = [c for c in deck["connections"] if c["door_type"] != "passage"]
    statuses = ["OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"] * len(doors)
    for conn, status in zip(doors, statuses, strict=False):
        t.gm(E + "set-door-status/", {"connection_id": conn["id"], "door_status": status})
    r.shot("all-rooms-every-door-status")

    shown = [n for n in npcs if n.get("portrait")][:2] or npcs[:1]
    for npc in shown:
        t.gm(E + "toggle-portrait/", {"npc_id": npc["id"]})
    r.shot("portraits")
    for npc in shown:
        t.gm(E + "toggle-portrait/", {"npc_id": npc["id"]})

    terminal = terminal_with_mail(t)
    if terminal:
        t.gm("/api/gm/show-terminal/", {"location_slug": terminal[0], "terminal_slug": terminal[1]})
        r.shot("terminal-mail")
        rows = r.tablet.locator(".tm-row")
        if rows.count() > 1:
            rows.nth(1).click()
        r.shot("terminal-mail-opened-on-tablet")
        t.gm("/api/gm/show-terminal/", {"location_slug": "", "terminal_slug": ""})

    t.gm("/api/gm/broadcast/", {"content": "Hull breach on the lower deck. Seal your suits.",
                                "sender": "Ship", "priority": "HIGH"})  # fmt: skip
    r.shot("broadcast")

    for page in (r.tv, r.tablet):  # the transmission banner fades on its own
        page.wait_for_selector("#transmission", state="hidden", timeout=WAIT_MS)
    t.gm("/api/gm/charon/mode/", {"mode": "QUERY"})
    t.gm("/api/gm/charon/toggle-dialog/", {"open": True})
    r.settle()
    r.tablet.fill(".ch-input", "Is the air in the next room safe to breathe?")
    r.tablet.press(".ch-input", "Enter")
    channel = t.get("/api/active-view/")["charon_active_channel"]
    r.tablet.wait_for_selector(".ch-entry.ch-player", timeout=WAIT_MS)
    r.shot("ship-computer-question")
    entries = t.get("/api/active-view/?role=gm")["charon_conversations"].get(channel, [])
    question = next((e["id"] for e in reversed(entries) if e["role"] == "player"), "")
    answer = {"content": "NEGATIVE. TRACE AMMONIA. KEEP SUITS SEALED.", "in_reply_to": question}
    t.gm(f"/api/gm/charon/{channel}/send/", answer)
    r.shot("ship-computer-answer")
    t.gm("/api/gm/charon/toggle-dialog/", {"open": False})

    t.gm("/api/gm/hold/", {"hold": True})
    if doors:
        t.gm(E + "set-door-status/", {"connection_id": doors[0]["id"], "door_status": "SEALED"})
    r.shot("hold-displays-keep-last-frame")
    t.gm("/api/gm/hold/", {"hold": False})
    r.shot("hold-released")

    if other is not None:
        t.gm(E + "switch-level/", {"deck_id": other["id"]})
        for room in reveal_order(other)[:3]:
            t.gm(E + "toggle-room/", {"room_id": room, "visible": True, "deck_id": other["id"]})
        r.shot("deck-switch")

    card = next(
        (item for item in t.get("/api/gm/locations/")["locations"] if not item["has_map"]), None
    )
    if card:
        t.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": card["slug"]})
        r.shot("location-without-map")


def contact_sheet(shots: list[Path], out: Path) -> None:
    montage = shutil.which("montage")
    if montage is None:
        print("ImageMagick's montage is not installed: no contact sheet", file=sys.stderr)
        return
    font: list[str] = []
    if shutil.which("fc-match"):  # ImageMagick's default font (Helvetica) is often missing
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "monospace"], capture_output=True, text=True, check=False
        )
        font = ["-font", found.stdout.strip()] if found.stdout.strip() else []
    subprocess.run(
        [montage, *font, "-label", "%t", *map(str, shots), "-tile", "6x",
         "-geometry", "400x300+4+4", "-background", "#161a1a", "-fill", "#d0d8d6",
         "-pointsize", "11", str(out)],
        check=True,
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("campaign", type=Path)
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    for old in args.outdir.glob("*.png"):
        old.unlink()
    (args.outdir / "rehearsal-state.sqlite").unlink(missing_ok=True)
    table = Table(args.campaign.resolve(), args.outdir)
    failed = False
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium") or None, args=CHROMIUM_ARGS
            )
            tv = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
            tablet_context = browser.new_context(
                viewport={"width": 1024, "height": 768}, has_touch=True
            )
            tablet = tablet_context.new_page()
            for page in (tv, tablet):
                page.on("pageerror", lambda err: print(f"page error: {err}", file=sys.stderr))
                page.goto(table.url)
            rehearsal = Rehearsal(table, args.outdir, tv, tablet)
            try:
                play(rehearsal)
            except Exception as exc:  # the pictures so far still go on the sheet
                print(f"step {rehearsal.count + 1} failed: {exc!r}", file=sys.stderr)
                failed = True
            browser.close()
        contact_sheet(rehearsal.shots, args.outdir / "contact-sheet.png")
    finally:
        table.stop()
    print(f"{len(rehearsal.shots)} pictures and contact-sheet.png in {args.outdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
