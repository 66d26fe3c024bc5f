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
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright
from rehearsal_table import (
    Table,
    free_cells,
    mapped_location,
    outside_cell,
    reveal_order,
    terminal_with_mail,
)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
WAIT_MS = 20_000
SETTLE_MS = 1300  # the flicker-in of a room and the map's re-fit take about a second
E = "/api/gm/encounter/"


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


@dataclass
class Scene:
    """What the session works with: the mapped place, its decks, the people, the tokens."""

    slug: str
    deck: dict[str, Any]
    other: dict[str, Any] | None
    order: list[str]
    npcs: list[dict[str, Any]]
    crew: list[str]
    big: str = ""
    taken: set[tuple[int, int]] = field(default_factory=set)
    party: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    doors: list[dict[str, Any]] = field(default_factory=list)


def scene_of(t: Table) -> Scene:
    crew = [c["name"] for c in t.get("/api/active-view/?role=gm").get("crew", [])]
    crew += [f"Crew {n}" for n in range(len(crew) + 1, 6)]  # five in one room, all different
    slug, decks = mapped_location(t)
    deck = next((d for d in decks if d.get("default")), decks[0])
    other = next((d for d in decks if d["id"] != deck["id"]), None)
    npcs = t.get("/api/gm/npcs/")["npcs"]
    return Scene(slug, deck, other, reveal_order(deck), npcs, crew)


def opening(r: Rehearsal, s: Scene) -> None:
    """Standby with the QR code, then every bridge tab."""
    r.table.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    r.shot("standby-qr")
    r.table.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    for tab in ("status", "crew", "logs"):
        r.settle()
        for page in (r.tv, r.tablet):
            page.click(f'.br-tab[data-tab="{tab}"]')
        r.shot(f"bridge-{tab}", settle=False)
    for page in (r.tv, r.tablet):
        page.click('.br-tab[data-tab="status"]')


def first_rooms(r: Rehearsal, s: Scene) -> None:
    t = r.table
    t.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": s.slug})
    t.gm(E + "switch-level/", {"deck_id": s.deck["id"], "location_slug": s.slug})
    t.gm(E + "toggle-room/", {"room_id": s.order[0], "visible": True})
    r.shot("encounter-first-room")
    for room in s.order[1:3]:
        t.gm(E + "toggle-room/", {"room_id": room, "visible": True})
    r.shot("encounter-three-rooms")


def tokens(r: Rehearsal, s: Scene) -> None:
    """Five crew in the largest revealed room, four others around; then statuses."""
    t = r.table
    s.big = max(s.order[:3], key=lambda rid: len(free_cells(s.deck, rid, set())))
    spots = free_cells(s.deck, s.big, s.taken)
    for i, name in enumerate(s.crew[:5]):
        cell = spots[(i * 2) % len(spots)] if len(spots) >= 10 else spots[i % len(spots)]
        if cell in s.taken:
            cell = next(c for c in spots if c not in s.taken)
        s.taken.add(cell)
        body = {"type": "player", "name": name, "x": cell[0], "y": cell[1]}
        s.party.append((t.gm(E + "place-token/", body)["token_id"], cell))
    stranger = s.npcs[0]["name"] if s.npcs else "Stranger"
    cast = [("creature", "Brine Lurker"), ("npc", stranger), ("object", "Supply Crate")]
    for kind, name in [*cast, ("creature", "Hollow Thing")]:
        room = next(rid for rid in s.order[:3] if rid != s.big) if kind != "object" else s.big
        cell = free_cells(s.deck, room, s.taken)[len(s.others) % 3]
        s.taken.add(cell)
        body = {"type": kind, "name": name, "x": cell[0], "y": cell[1]}
        s.others.append(t.gm(E + "place-token/", body)["token_id"])
    r.shot("tokens-nine-five-in-one-room")
    marks = [(s.party[0][0], ["wounded"]), (s.party[1][0], ["panicked", "stunned"])]
    marks += [(s.others[0], ["dead"]), (s.others[3], ["wounded", "stunned"])]
    for token, status in marks:
        t.gm(E + "update-token-status/", {"token_id": token, "status": status})
    r.shot("token-statuses")


def drags(r: Rehearsal, s: Scene) -> None:
    """A player drag the server takes, and one it refuses (outside every revealed room)."""
    mover, start = s.party[2]
    target = next(c for c in free_cells(s.deck, s.big, s.taken))
    r.settle()
    r.drag(r.tablet, start, target)
    r.tablet.wait_for_function(
        "([id, x]) => document.querySelector(`.token[data-id='${id}']`)?.dataset.x === String(x)",
        arg=[mover, target[0]],
        timeout=WAIT_MS,
    )
    s.taken.add(target)
    r.shot("player-drag-accepted")
    r.drag(r.tablet, target, outside_cell(s.deck, s.big))
    r.tablet.wait_for_selector("#toast:not([hidden])", timeout=WAIT_MS)
    r.shot("player-drag-refused", settle=False)


def every_door(r: Rehearsal, s: Scene) -> None:
    for room in s.order[3:]:
        r.table.gm(E + "toggle-room/", {"room_id": room, "visible": True})
    s.doors = [c for c in s.deck["connections"] if c["door_type"] != "passage"]
    statuses = ["OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"] * len(s.doors)
    for conn, status in zip(s.doors, statuses, strict=False):
        r.table.gm(E + "set-door-status/", {"connection_id": conn["id"], "door_status": status})
    r.shot("all-rooms-every-door-status")


def portraits_and_mail(r: Rehearsal, s: Scene) -> None:
    t = r.table
    shown = [n for n in s.npcs if n.get("portrait")][:2] or s.npcs[:1]
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
    message = {"content": "Hull breach on the lower deck. Seal your suits.", "sender": "Ship"}
    t.gm("/api/gm/broadcast/", {**message, "priority": "HIGH"})
    r.shot("broadcast")


def ship_computer(r: Rehearsal, s: Scene) -> None:
    """A question typed on the tablet, the GM's answer."""
    t = r.table
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
    draft_approved(r, channel)
    t.gm("/api/gm/charon/toggle-dialog/", {"open": False})


def draft_approved(r: Rehearsal, channel: str) -> None:
    """A second question answered by approving the ship computer's own draft (the tablet and
    the TV show nothing of the draft before the GM approves it)."""
    t = r.table
    r.tablet.fill(".ch-input", "What is the status of the engines?")
    r.tablet.press(".ch-input", "Enter")
    draft = None
    for _ in range(200):  # the draft is made on the app's loop right after the question
        entries = t.get("/api/active-view/?role=gm")["charon_conversations"].get(channel, [])
        asked = [e["id"] for e in entries if e["role"] == "player" and e["pending"]]
        found = t.get(f"/api/gm/charon/{channel}/pending/")["pending"]
        draft = next((d for d in found if d["query_id"] in asked), None)
        if draft is not None:
            break
        r.tablet.wait_for_timeout(50)
    if draft is None:
        raise RuntimeError("no draft was queued for the player's question")
    r.shot("ship-computer-draft-waiting")
    t.gm(f"/api/gm/charon/{channel}/approve/", {"pending_id": draft["id"]})
    r.shot("ship-computer-draft-approved")


def hold_and_decks(r: Rehearsal, s: Scene) -> None:
    """Hold (a change the displays must not show yet), release, another deck, a map-less place."""
    t = r.table
    t.gm("/api/gm/hold/", {"hold": True})
    if s.doors:
        t.gm(E + "set-door-status/", {"connection_id": s.doors[0]["id"], "door_status": "SEALED"})
    r.shot("hold-displays-keep-last-frame")
    t.gm("/api/gm/hold/", {"hold": False})
    r.shot("hold-released")
    if s.other is not None:
        t.gm(E + "switch-level/", {"deck_id": s.other["id"]})
        for room in reveal_order(s.other)[:3]:
            t.gm(E + "toggle-room/", {"room_id": room, "visible": True, "deck_id": s.other["id"]})
        r.shot("deck-switch")
    places = t.get("/api/gm/locations/")["locations"]
    card = next((item for item in places if not item["has_map"]), None)
    if card:
        t.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": card["slug"]})
        r.shot("location-without-map")


def warden(r: Rehearsal, s: Scene) -> None:
    """Room atmosphere, a countdown under red alert, a panic check shown, vitals on the bridge."""
    t = r.table
    t.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": s.slug})
    for room, effects in zip(
        s.order[:3], (["smoke"], ["dark"], ["flickering", "vacuum"]), strict=False
    ):
        t.gm(E + "room-atmosphere/", {"room_id": room, "effects": effects})
    timer = t.gm("/api/gm/timers/", {"label": "SELF-DESTRUCT", "seconds": 600})["timer_id"]
    t.gm("/api/gm/alert/", {"alert": "red_alert"})
    r.shot("atmosphere-countdown-red-alert")
    crew = t.get("/api/active-view/?role=gm").get("crew", [])
    if crew:
        t.gm("/api/gm/gauge/", {"gauge": "stress", "value": 12, "crew_id": crew[0]["id"]})
        roll = t.gm("/api/gm/roll/", {"panic": True, "for": crew[0]["id"]})
        t.gm("/api/gm/roll/show/", {"roll_id": roll["roll_id"]})
        r.tv.wait_for_timeout(1500)  # the tumble settles
        r.shot("panic-check-shown")
        t.gm("/api/gm/roll/show/", {"roll_id": roll["roll_id"], "shown": False})
        t.gm("/api/gm/crew/conditions/", {"crew_id": crew[0]["id"], "conditions": ["Shaken"]})
    t.gm("/api/gm/alert/clear/")
    t.gm(f"/api/gm/timers/{timer}/", {"action": "cancel"})
    t.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    for page in (r.tv, r.tablet):
        page.locator(".br-tab", has_text="Crew").click()
    r.shot("crew-vitals", settle=False)


STEPS = (opening, first_rooms, tokens, drags, every_door, portraits_and_mail, ship_computer)
STEPS += (warden,)
STEPS += (hold_and_decks,)


def play(r: Rehearsal) -> None:
    """The session, step by step."""
    scene = scene_of(r.table)
    for step in STEPS:
        step(r, scene)


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


def table_from_args(doc: str) -> tuple[Table, Path]:
    """The command line's campaign on a fresh table, and its output folder emptied of pictures."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("campaign", type=Path)
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    for old in args.outdir.glob("*.png"):
        old.unlink()
    (args.outdir / "rehearsal-state.sqlite").unlink(missing_ok=True)
    return Table(args.campaign.resolve(), args.outdir), args.outdir


def main() -> int:
    table, outdir = table_from_args(__doc__)
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
            rehearsal = Rehearsal(table, outdir, tv, tablet)
            try:
                play(rehearsal)
            except Exception as exc:  # the pictures so far still go on the sheet
                print(f"step {rehearsal.count + 1} failed: {exc!r}", file=sys.stderr)
                failed = True
            browser.close()
        contact_sheet(rehearsal.shots, outdir / "contact-sheet.png")
    finally:
        table.stop()
    print(f"{len(rehearsal.shots)} pictures and contact-sheet.png in {outdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
