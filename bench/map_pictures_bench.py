"""Imported map benchmark (issue 15, "Scale"): a 40x40-cell Universal VTT map at 100 px a
cell (4,000 px square, 30 rooms, 25 doors) imported, then shown in the real Chromium.

1. Import time (`gm-terminal import-map`, in process). Goal: < 5 s.
2. Campaign load on a later start (the pieces' names; nothing cut). Goal: < 1 s.
3. Reveal latency: a GM toggle-room POST sent from inside the page to the room in the DOM and
   to the next animation frame, for each of the 30 rooms in turn (its piece cut on first
   request, off the loop). Goal: p95 <= 50 ms to the DOM.
4. Pan/zoom with every room revealed (30 pictures): frame times while the page's viewBox is
   moved every animation frame for 3 s. Aim: 60 fps.

Usage: python bench/map_pictures_bench.py   (figures only, never pass/fail)
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from bench.page_bench import report  # noqa: E402
from desktop.campaign.loader import load_campaign  # noqa: E402
from desktop.cli import main as cli  # noqa: E402
from tests.e2e.player_fixtures import CHROMIUM_ARGS, TOKEN, App  # noqa: E402

XS, YS = [0, 7, 14, 20, 27, 33, 40], [0, 8, 16, 24, 32, 40]

REVEAL_JS = """async ({room, token}) => {
  const t0 = performance.now();
  const seen = new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (document.querySelectorAll("#view-encounter .room").length > window.__rooms) {
        obs.disconnect();
        window.__rooms += 1;
        const dom = performance.now();
        requestAnimationFrame(() => resolve({dom: dom - t0, frame: performance.now() - t0}));
      }
    });
    const map = document.querySelector("#view-encounter svg.map");
    obs.observe(map, {childList: true, subtree: true});
  });
  const answer = await fetch("/api/gm/encounter/toggle-room/", {method: "POST",
    headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token},
    body: JSON.stringify({room_id: room, visible: true})});
  if (!answer.ok) throw new Error("reveal refused: " + answer.status);
  return await seen;
}"""

ALL_PICTURES = """() =>
  document.querySelectorAll('#view-encounter image.room-picture[href]').length === 30"""

PAN_JS = """(ms) => new Promise((resolve) => {
  const svg = document.querySelector("#view-encounter svg.map");
  const gaps = []; let last = performance.now(); const end = last + ms; let i = 0;
  const step = (now) => {
    gaps.push(now - last); last = now; i += 1;
    const s = 20 + 10 * Math.sin(i / 20);
    const x = 10 + 8 * Math.sin(i / 30), y = 10 + 8 * Math.cos(i / 25);
    svg.setAttribute("viewBox", `${x} ${y} ${s} ${s * 9 / 16}`);
    if (now < end) requestAnimationFrame(step); else resolve(gaps.slice(2));
  };
  requestAnimationFrame(step);
})"""


def uvtt_file(folder: Path) -> Path:
    """30 rooms of 6-7 x 8 cells in a grid of walls, a door in every upright wall."""
    walls, portals = [], []
    for x in XS:
        for a, b in pairwise(YS):
            if 0 < x < 40:
                m = (a + b) // 2
                walls += [
                    [{"x": x, "y": a}, {"x": x, "y": m}],
                    [{"x": x, "y": m + 1}, {"x": x, "y": b}],
                ]
                portals.append({"position": {"x": x, "y": m + 0.5}, "rotation": 0, "closed": True,
                                "bounds": [{"x": x, "y": m}, {"x": x, "y": m + 1}]})  # fmt: skip
            else:
                walls.append([{"x": x, "y": a}, {"x": x, "y": b}])
    for y in YS:
        walls += [[{"x": a, "y": y}, {"x": b, "y": y}] for a, b in pairwise(XS)]
    picture = Image.new("RGB", (4000, 4000), (40, 44, 48))
    draw = ImageDraw.Draw(picture)
    for i in range(6000):  # floor plates, crates, grime
        x, y = (i * 7919) % 4000, (i * 104729) % 4000
        draw.rectangle(
            (x, y, x + 30 + i % 50, y + 20 + i % 40), fill=(60 + i % 90, 70, 50 + i % 60)
        )
    out = io.BytesIO()
    picture.save(out, format="PNG")
    doc = {"format": 0.3, "line_of_sight": walls, "portals": portals,
           "resolution": {"map_origin": {"x": 0, "y": 0}, "map_size": {"x": 40, "y": 40},
                          "pixels_per_grid": 100},
           "image": base64.b64encode(out.getvalue()).decode()}  # fmt: skip
    path = folder / "station.dd2vtt"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # the pieces stay in tmp
        campaign = folder / "campaign"
        (campaign / "galaxy" / "station").mkdir(parents=True)
        (campaign / "galaxy" / "station" / "location.yaml").write_text(
            "name: Station\ntype: station\n"
        )
        file = uvtt_file(folder)
        t0 = time.perf_counter()
        cli(["import-map", str(file), "--campaign", str(campaign), "--location", "station"])
        print(f"{'import-map (4,000 px, 30 rooms)':44s} {time.perf_counter() - t0:6.2f} s")
        t0 = time.perf_counter()
        lmap = load_campaign(campaign).locations["station"].map
        print(f"{'campaign load (later start)':44s} {(time.perf_counter() - t0) * 1000:6.1f} ms")
        assert lmap is not None
        rooms = [r.id for r in lmap.decks[0].rooms]
        if "--precut" in sys.argv:
            from desktop.mapimport.pieces import cut_piece

            deck = lmap.decks[0]
            t0 = time.perf_counter()
            for room in deck.rooms:
                cut_piece(deck, room, deck.pieces[room.id])
            print(f"{'every piece cut':44s} {time.perf_counter() - t0:6.2f} s")
        app = App(folder / "s.sqlite3", campaign=campaign).start()
        try:
            app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": "station"})
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 1920, "height": 1080})
                page.goto(app.url)
                page.wait_for_selector("#view-encounter svg.map", state="attached")
                page.evaluate("() => { window.__rooms = 0; }")
                dom, frame = [], []
                for room in rooms:
                    result: Any = page.evaluate(REVEAL_JS, {"room": room, "token": TOKEN})
                    dom.append(result["dom"])
                    frame.append(result["frame"])
                report("reveal POST -> room in DOM", dom)
                report("reveal POST -> next animation frame", frame)
                page.wait_for_function(ALL_PICTURES)
                page.wait_for_timeout(2000)  # the pieces arrive and the fit settles
                gaps = page.evaluate(PAN_JS, 3000)
                report("pan/zoom, 30 pictures: frame time", gaps)
                print(f"{'':44s} {1000 * len(gaps) / max(sum(gaps), 1):5.1f} fps")
                browser.close()
        finally:
            app.stop()


if __name__ == "__main__":
    main()
