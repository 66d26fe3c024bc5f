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
    const own = map.closest(".map-box").getBoundingClientRect();  // the map's own box
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
    assert page.evaluate("() => document.querySelector('.map-layer').style.transform") == ""


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


# Every node of the map a mutation touched, named by its layer (and its room's id).
WATCH_JS = """(sel) => {
  const map = document.querySelector(sel);
  const touched = window.__touched = new Set();
  new MutationObserver((list) => {
    for (const m of list) {
      const node = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (node === map) continue;  // the map's own beats and camera attributes
      const layer = node.closest(".layer, .deck-grid, defs");
      const room = node.closest(".room");
      const name = layer && [...layer.classList].find((c) => c.startsWith("layer-"));
      touched.add((name || (layer || node).tagName) +
        (room ? " " + room.dataset.id : ""));
    }
  }).observe(map, { subtree: true, attributes: true, childList: true, characterData: true });
}"""


def test_a_followed_token_moving_often_is_moved_in_place(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    row = sorted(deck.cells(first), key=lambda c: (c[1], c[0]))
    row = [c for c in row if c[1] == row[-1][1]]  # the room's bottom row, left to right
    token = app.gm(
        "/api/gm/encounter/place-token/",
        {"type": "player", "name": "Sunde", "x": row[0][0], "y": row[0][1]},
    )["token_id"]
    page = open_page(browser, app, query=f"?display={TV}", guards=guards)
    wait(lambda: any(d["id"] == TV for d in app.get("/api/gm/displays/")["displays"]))
    app.gm(f"/api/gm/displays/{TV}/", {"camera": {"mode": "follow", "target": token}})
    page.wait_for_selector(f'{MAP}[data-camera-mode="follow"]:not([data-fitting])', timeout=WAIT_MS)
    page.evaluate(WATCH_JS, MAP)
    for x, y in row[1:] * 2 + row[:1]:  # back and forth along the row, as fast as it goes
        app.gm("/api/gm/encounter/move-token/", {"token_id": token, "x": x, "y": y})
    x, y = row[0]
    page.wait_for_function(
        "([id, x]) => document.querySelector(`.token[data-id='${id}']`).dataset.x === x",
        arg=[token, str(x)],
        timeout=WAIT_MS,
    )
    page.wait_for_function(STILL_JS, arg=MAP, timeout=WAIT_MS)
    touched = set(page.evaluate("[...window.__touched]"))
    # The token (and the names it dodges) moved; no door, marker, grid or other room was
    # written again.
    assert "layer-tokens" in touched
    assert touched <= {"layer-tokens", f"layer-rooms {first}"}, touched
    cam = [float(v) for v in page.locator(MAP).get_attribute("data-camera").split()]
    assert cam[0] <= x and x + 1 <= cam[0] + cam[2] and cam[1] <= y and y + 1 <= cam[1] + cam[3]
