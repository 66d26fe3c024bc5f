"""The table as a stage: a TV and two tablets bound to different characters, photographed.

    .venv/bin/python scripts/stage_rehearsal.py CAMPAIGN_DIR OUTDIR

Starts the app headless on the campaign (as scripts/rehearsal.py does), opens a TV (1920x1080)
and two touch tablets (1024x768), each with its own display id, names and binds them over the
GM API, then plays the stage's moments: each tablet's character sheet, a handout and a portrait
aimed at one tablet only, the TV turned for the far side of the table with a GM frame and a
ping, a locked camera, a follow camera, the Warden's strip (an alert, a countdown) over a long
broadcast in the ticker. Every step writes `NN-<display>-<step>.png` into
OUTDIR and `contact-sheet.png` puts them on one picture. Exit 1 if a step failed.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright
from rehearsal import CHROMIUM_ARGS, SETTLE_MS, WAIT_MS, contact_sheet, table_from_args
from rehearsal_table import Table, cells, mapped_location, reveal_order

DISPLAYS = {"tv": "stage-tv-000001", "tablet-a": "stage-tab-00000a", "tablet-b": "stage-tab-00000b"}


class Stage:
    """The three displays and the pictures taken of them."""

    def __init__(self, table: Table, outdir: Path, pages: dict[str, Page]) -> None:
        self.table, self.outdir, self.pages = table, outdir, pages
        self.count = 0
        self.shots: list[Path] = []

    def setup(self, name: str, body: dict[str, Any]) -> None:
        self.table.gm(f"/api/gm/displays/{DISPLAYS[name]}/", body)

    def shot(self, step: str, before: Callable[[], None] | None = None) -> None:
        for name, page in self.pages.items():
            revision = self.table.get(f"/api/active-view/?display={DISPLAYS[name]}")["revision"]
            page.wait_for_function(
                "(r) => Number(document.body.dataset.revision || -1) >= r",
                arg=revision,
                timeout=WAIT_MS,
            )
        if before is not None:
            before()
        self.pages["tv"].wait_for_timeout(SETTLE_MS)
        self.count += 1
        for name, page in self.pages.items():
            path = self.outdir / f"{self.count:02d}-{name}-{step}.png"
            page.screenshot(path=str(path))
            self.shots.append(path)
        print(f"{self.count:02d} {step}", flush=True)


def play(s: Stage) -> None:
    t = s.table
    crew = t.get("/api/active-view/?role=gm").get("crew", [])
    s.setup("tv", {"name": "Table TV", "kind": "tv"})
    for name, member in zip(("tablet-a", "tablet-b"), crew, strict=False):
        s.setup(name, {"name": f"{member['name']}'s tablet", "kind": "tablet",
                       "character": member["id"]})  # fmt: skip
    t.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    for name in ("tablet-a", "tablet-b"):  # on the bridge first: a view change closes a sheet
        s.pages[name].wait_for_selector('body[data-view="BRIDGE"]', timeout=WAIT_MS)
        s.pages[name].click("#sheet-btn")
    s.shot("character-sheets")
    for name in ("tablet-a", "tablet-b"):
        s.pages[name].click("#sheet")  # closes it
    handout = {"title": "Sealed orders", "text": "Do not let the others open the vault.\n— HQ"}
    t.gm("/api/gm/handouts/show/", {**handout, "displays": [DISPLAYS["tablet-a"]]})
    npcs = t.get("/api/gm/npcs/")["npcs"]
    if npcs:
        portrait = {"npc_id": npcs[0]["id"], "displays": [DISPLAYS["tablet-b"]]}
        t.gm("/api/gm/encounter/toggle-portrait/", portrait)
    s.shot("handout-to-a-portrait-to-b")
    s.pages["tablet-a"].click("#handout")
    s.pages["tablet-a"].click("#handouts-btn")
    s.shot("handout-history-on-a")
    s.pages["tablet-a"].click("#handouts-btn")
    if npcs:
        t.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npcs[0]["id"]})
    slug, decks = mapped_location(t)
    deck = next((d for d in decks if d.get("default")), decks[0])
    t.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": slug})
    t.gm("/api/gm/encounter/switch-level/", {"deck_id": deck["id"]})
    order = reveal_order(deck)
    for room in order[:4]:
        t.gm("/api/gm/encounter/toggle-room/", {"room_id": room, "visible": True})
    rooms = {r["id"]: r for r in deck["rooms"]}
    first = rooms[order[0]]
    spots = cells(first)
    for member, spot in zip(crew, spots, strict=False):
        token = {"type": "player", "name": member["name"], "x": spot[0], "y": spot[1]}
        if member.get("portrait_url"):  # as the palette: a crew image only with a portrait
            token["image_url"] = f"crew:{member['id']}"
        t.gm("/api/gm/encounter/place-token/", token)
    s.shot("encounter-fit")
    frame = {"mode": "frame", "x": first["x"] - 2, "y": first["y"] - 2, "w": 16, "h": 9}
    s.setup("tv", {"rotation": 180, "camera": frame})
    t.gm("/api/gm/ping/", {"x": spots[-1][0], "y": spots[-1][1], "displays": [DISPLAYS["tv"]]})
    s.shot("tv-turned-gm-frame-ping")
    s.setup("tv", {"rotation": 0, "camera": {"mode": "locked", "x": first["x"], "y": first["y"]}})
    s.setup("tablet-a", {"camera": {"mode": "follow"}})
    s.shot("tv-locked-tablet-a-follows")
    t.gm("/api/gm/alert/", {"alert": "red_alert"})
    t.gm("/api/gm/timers/", {"label": "Reactor scram", "seconds": 900})
    t.gm("/api/gm/broadcast/", {"content": LONG_BROADCAST, "sender": "Captain", "priority": "HIGH"})
    s.shot("warden-strip-and-ticker", before=lambda: dismiss_transmissions(s))


LONG_BROADCAST = (
    "Hull breach on the lower deck: all hands to the aft lifeboats, seal bulkheads four "
    "through nine and wait for the Warden's word before anyone opens a single hatch."
)


def dismiss_transmissions(s: Stage) -> None:
    """A tap on each display's incoming transmission: the message goes on to the ticker."""
    for page in s.pages.values():
        page.wait_for_selector("#transmission:not([hidden])", timeout=WAIT_MS)
        page.click("#transmission")
        page.wait_for_selector("#transmission", state="hidden", timeout=WAIT_MS)


def main() -> int:
    table, outdir = table_from_args(__doc__)
    failed = False
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium") or None, args=CHROMIUM_ARGS
            )
            pages: dict[str, Page] = {}
            for name, display in DISPLAYS.items():
                size = (1920, 1080) if name == "tv" else (1024, 768)
                context = browser.new_context(
                    viewport={"width": size[0], "height": size[1]}, has_touch=name != "tv"
                )
                page = context.new_page()
                page.on("pageerror", lambda err: print(f"page error: {err}", file=sys.stderr))
                page.goto(f"{table.url}?display={display}")
                pages[name] = page
            for display in DISPLAYS.values():  # connected: the GM may set them up
                page.wait_for_timeout(0)
                listed = {d["id"] for d in table.get("/api/gm/displays/")["displays"]}
                while display not in listed:
                    page.wait_for_timeout(100)
                    listed = {d["id"] for d in table.get("/api/gm/displays/")["displays"]}
            stage = Stage(table, outdir, pages)
            try:
                play(stage)
            except Exception as exc:  # the pictures so far still go on the sheet
                print(f"step {stage.count + 1} failed: {exc!r}", file=sys.stderr)
                failed = True
            browser.close()
        contact_sheet(stage.shots, outdir / "contact-sheet.png")
    finally:
        table.stop()
    print(f"{len(stage.shots)} pictures and contact-sheet.png in {outdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
