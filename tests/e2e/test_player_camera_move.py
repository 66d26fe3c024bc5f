"""The map's camera while it moves, in real Chromium: every frame of a GM camera change's ease
and of a player's drag shows the deck where the box the map is at (`data-box`, map units) puts
it, and the deck is laid out for a new viewBox once, when the move ends (not every frame: a
new viewBox lays out and paints the whole deck again, the cost of a camera move on a slow TV;
bench/page_bench.py has the frame times)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    fresh_encounter,
    mapped_location,
    open_page,
    wait,
)

pytestmark = pytest.mark.e2e

TV = "move-tv-000001"
MAP = "#view-encounter svg.map"

# Each animation frame: how far each room's floor on screen is from where the map's box puts
# it ("xMidYMid meet" in the map's own box), and how many times the viewBox was written.
RECORD_JS = """(sel) => {
  const map = document.querySelector(sel);
  const rec = window.__moves = { writes: 0, frames: 0, worst: 0, boxes: new Set(), on: true };
  new MutationObserver((list) => { rec.writes += list.length; })
    .observe(map, { attributes: true, attributeFilter: ["viewBox"] });
  const tick = () => {
    if (!rec.on) return;
    const [x, y, w, h] = map.dataset.box.split(" ").map(Number);
    const own = map.parentElement.getBoundingClientRect();  // the map's box, untransformed
    const k = Math.min(own.width / w, own.height / h);
    const sx = (v) => own.left + own.width / 2 + k * (v - x - w / 2);
    const sy = (v) => own.top + own.height / 2 + k * (v - y - h / 2);
    for (const floor of map.querySelectorAll(".layer-rooms .room-floor")) {
      const b = floor.getBBox(), r = floor.getBoundingClientRect();
      const off = [r.left - sx(b.x), r.top - sy(b.y), r.right - sx(b.x + b.width),
        r.bottom - sy(b.y + b.height)].map(Math.abs);
      rec.worst = Math.max(rec.worst, ...off);
    }
    rec.frames += 1;
    rec.boxes.add(map.dataset.box);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
STOP_JS = """() => { const r = window.__moves; r.on = false;
  return { writes: r.writes, frames: r.frames, worst: r.worst, boxes: r.boxes.size }; }"""
STILL_JS = "(sel) => !document.querySelector(sel).dataset.fitting"


def _tv(app: App, browser: Any, guards: list[Guard]) -> Any:
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    page = open_page(browser, app, query=f"?display={TV}", guards=guards)
    wait(lambda: any(d["id"] == TV for d in app.get("/api/gm/displays/")["displays"]))
    page.wait_for_selector(f"{MAP}[data-box]:not([data-fitting])", timeout=WAIT_MS)
    return page


def test_a_camera_change_eases_the_drawn_map_and_lays_it_out_once(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    page = _tv(app, browser, guards)
    page.evaluate(RECORD_JS, MAP)
    app.gm(f"/api/gm/displays/{TV}/", {"camera": {"mode": "frame", "x": 2, "y": 1, "w": 8, "h": 5}})
    page.wait_for_selector(f"{MAP}[data-fitting]", timeout=WAIT_MS)
    page.wait_for_function(STILL_JS, arg=MAP, timeout=WAIT_MS)
    rec = page.evaluate(STOP_JS)
    assert rec["boxes"] >= 3, rec  # the ease showed boxes between the two cameras
    assert rec["worst"] < 1.5, rec  # px: every frame drew the deck where its box puts it
    assert rec["writes"] == 1, rec  # the deck laid out for the new camera once, at the end
    shown = [float(v) for v in page.locator(MAP).get_attribute("viewBox").split()]
    assert shown == pytest.approx([2, 1, 8, 5], abs=0.01)
    assert page.evaluate("(sel) => document.querySelector(sel).style.transform", MAP) == ""


def test_a_players_drag_moves_the_deck_with_the_finger(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    page = _tv(app, browser, guards)
    floor = page.locator(".layer-rooms .room-floor").first
    before = floor.bounding_box()
    box = page.locator(".map-box").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.evaluate(RECORD_JS, MAP)
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 120, cy + 40, steps=6)
    during = floor.bounding_box()
    page.mouse.up()
    rec = page.evaluate(STOP_JS)
    after = floor.bounding_box()
    for moved in (during, after):  # the room stays under the finger, while and after it moves
        assert moved["x"] == pytest.approx(before["x"] + 120, abs=1.5)
        assert moved["y"] == pytest.approx(before["y"] + 40, abs=1.5)
        assert moved["width"] == pytest.approx(before["width"], abs=0.5)
    assert rec["worst"] < 1.5, rec
    assert rec["writes"] == 1, rec  # laid out for the new view once, when the finger lifted
