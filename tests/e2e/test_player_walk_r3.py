"""A new GM's third walk, on the TV (1920x1080) and the tablets (1024x768) in a real Chromium:
the handout history closes on a tap outside it, on a change of view and when it is empty; a
portrait, a broadcast and a handout arriving together never cover one another's text (the
handout has the front, the ticker stays readable, the transmission comes after)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.page_checks import MAP_SETTLED_JS
from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    fresh_encounter,
    mapped_location,
    open_page,
    wait,
)
from tests.e2e.test_player_walk_r2 import overlaps

pytestmark = pytest.mark.e2e

TABLET = "walk3-tablet-001"

# Whether the element matching `sel` is the one an eye meets at its centre (the log takes no
# pointer events: for the look, it takes them while it is asked).
ON_TOP = """(sel) => {
  const e = document.querySelector(sel);
  if (!e || !e.checkVisibility()) return false;
  const r = e.getBoundingClientRect();
  const log = document.getElementById("broadcast-log");
  log.style.pointerEvents = "auto";
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  log.style.pointerEvents = "";
  return !!hit && (hit === e || e.contains(hit));
}"""


def _tablet(app: App, browser: Any, guards: list[Guard], size: tuple[int, int]) -> Any:
    page = open_page(browser, app, f"?display={TABLET}", size[0], size[1], guards, touch=True)
    wait(lambda: any(d["id"] == TABLET for d in app.get("/api/gm/displays/")["displays"]))
    revision = app.get(f"/api/active-view/?display={TABLET}")["revision"]
    page.wait_for_function(
        "(r) => Number(document.body.dataset.revision || -1) >= r", arg=revision, timeout=WAIT_MS
    )
    return page


def _open_history(page: Any) -> Any:
    history = page.locator("#handout-list")
    page.locator("#handouts-btn").tap()
    expect(history).to_be_visible(timeout=WAIT_MS)
    return history


def test_the_handout_history_closes_outside_on_a_view_change_and_when_empty(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = _tablet(app, browser, guards, (1024, 768))
    app.gm("/api/gm/handouts/show/", {"title": "Orders", "text": "Hold.", "displays": [TABLET]})
    expect(page.locator("#handout")).to_be_visible(timeout=WAIT_MS)
    page.locator("#handout").tap()
    expect(page.locator("#handout")).to_be_hidden(timeout=WAIT_MS)
    history = _open_history(page)
    page.touchscreen.tap(800, 300)  # the bridge's panels, far from the list
    expect(history).to_be_hidden(timeout=WAIT_MS)
    history = _open_history(page)
    app.gm("/api/gm/switch-view/", {"view_type": "CHARON_TERMINAL"})
    expect(page.locator("body")).to_have_attribute("data-view", "CHARON_TERMINAL", timeout=WAIT_MS)
    expect(history).to_be_hidden(timeout=WAIT_MS)
    app.gm("/api/gm/undo/")  # back to the bridge
    expect(page.locator("body")).to_have_attribute("data-view", "BRIDGE", timeout=WAIT_MS)
    history = _open_history(page)
    app.gm("/api/gm/undo/")  # the handout taken back: nothing left to list
    expect(page.locator("#handouts-btn")).to_be_hidden(timeout=WAIT_MS)
    expect(history).to_be_hidden(timeout=WAIT_MS)


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=["tv", "tablet"])
def test_a_portrait_a_broadcast_and_a_handout_arriving_together_stay_readable(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    app.gm("/api/gm/broadcast/", {"content": "Earlier: all quiet on deck two."})
    page = _tablet(app, browser, guards, size)
    expect(page.locator("#broadcast-log .bl-item")).to_have_count(1, timeout=WAIT_MS)
    npc = app.get("/api/gm/npcs/")["npcs"][0]
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    app.gm("/api/gm/broadcast/", {"content": "Hull breach in cargo"})
    app.gm("/api/gm/handouts/show/", {"title": "Orders", "text": "Hold the airlock."})
    card = page.locator("#handout .handout-card")
    expect(card).to_contain_text("Hold the airlock.", timeout=WAIT_MS)
    expect(page.locator(".portrait .pt-name")).to_have_text(npc["name"], timeout=WAIT_MS)
    # The handout has the front; the new message reads in the ticker, above the backdrop.
    ticker = "#broadcast-log .bl-item:last-child"
    expect(page.locator(ticker)).to_contain_text("Hull breach in cargo", timeout=WAIT_MS)
    expect(page.locator("#transmission")).to_be_hidden()
    wait(lambda: page.evaluate(ON_TOP, ticker))
    assert page.evaluate(ON_TOP, ticker), "the ticker is covered"
    assert overlaps(page, "#handout .handout-card", "#broadcast-log .bl-item") == []
    # Read and closed: the transmission comes next, alone in front.
    card.click()
    expect(page.locator("#transmission")).to_contain_text("Hull breach in cargo", timeout=WAIT_MS)
    assert overlaps(page, "#transmission .tx-box", "#handout .handout-card") == []


@pytest.mark.parametrize("size", [(1024, 768), (768, 1024)], ids=["landscape", "portrait"])
def test_the_pages_buttons_cover_no_map_in_the_follow_camera(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    crew = app.get("/api/active-view/?role=gm")["crew"][0]
    cells = [c for room in deck.rooms for c in deck.cells(room)]
    low = max(cells, key=lambda c: (c[1], -c[0]))  # the deck's lowest, leftmost cell
    token = app.gm(
        "/api/gm/encounter/place-token/",
        {"type": "player", "name": crew["name"], "x": low[0], "y": low[1]},
    )["token_id"]
    page = _tablet(app, browser, guards, size)
    camera = {"mode": "follow", "target": token}
    app.gm(f"/api/gm/displays/{TABLET}/", {"kind": "tablet", "character": crew["id"]})
    app.gm(f"/api/gm/displays/{TABLET}/", {"camera": camera})
    expect(page.locator("#sheet-btn")).to_have_text(crew["name"], timeout=WAIT_MS)
    page.wait_for_function(
        "() => document.querySelector('#view-encounter svg.map').dataset.cameraMode === 'follow'",
        timeout=WAIT_MS,
    )
    buttons = "#chrome-dock > :not([hidden])"
    assert overlaps(page, buttons, ".map-box") == []
    assert overlaps(page, buttons, f'[data-id="{token}"], .token-label') == []


# Of the crew cards on screen: how many, the pager's label, every element that reaches past
# its card, and the smallest text (px) in them.
CREW_CARDS = """() => {
  const cards = [...document.querySelectorAll('.br-crewlist .dossier')]
    .filter((c) => c.checkVisibility());
  const out = [];
  let smallest = Infinity;
  for (const card of cards) {
    const c = card.getBoundingClientRect();
    for (const e of card.querySelectorAll('*')) {
      if (!e.checkVisibility()) continue;
      const r = e.getBoundingClientRect();
      if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.bottom > c.bottom + 0.5
          || e.scrollWidth > e.clientWidth + 1)
        out.push(`${e.className} "${(e.textContent || '').slice(0, 20)}"`);
      const texts = [...e.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
      if (texts.length)
        smallest = Math.min(smallest, parseFloat(getComputedStyle(e).fontSize));
    }
  }
  const pager = document.querySelector('.br-crewlist ~ .pager, .pager:not(.off):not([hidden])');
  return {count: cards.length, pager: pager && pager.checkVisibility() ? pager.textContent : '',
    out, smallest};
}"""


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1024, 768)], ids=str)
def test_a_tv_shows_the_whole_crew_on_one_page_and_no_card_overflows(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    crew = app.get("/api/active-view/")["crew"]
    page = open_page(browser, app, width=size[0], height=size[1], guards=guards)
    expect(page.locator(".dossier")).to_have_count(len(crew), timeout=WAIT_MS)
    page.evaluate("document.fonts.ready")
    page.click(".br-tab[data-tab=crew]")
    expect(page.locator(".br-crewlist .dossier").first).to_be_visible(timeout=WAIT_MS)
    got = page.evaluate(CREW_CARDS)
    assert got["out"] == [], f"past its card at {size}: {got['out']}"
    if size[0] > 1024:  # a 16:9 screen: the sample's five on one page
        assert (got["count"], got["pager"]) == (len(crew), ""), got
    if size == (1920, 1080):
        # today's smallest there: the card's name (17.3 px); every other text 18 px or more
        assert got["smallest"] >= 17, f"text of {got['smallest']} px on a 1080p TV"


# The on-screen box of a room's name, and the box the map shows (the map's clip).
ROOM_NAME = """(id) => {
  const name = document.querySelector(`#view-encounter g.room[data-id="${id}"] .room-name`);
  const clip = document.querySelector('#view-encounter .map-box').getBoundingClientRect();
  const r = name.getBoundingClientRect();
  return {text: name.textContent, name: [r.left, r.top, r.right, r.bottom],
    clip: [clip.left, clip.top, clip.right, clip.bottom]};
}"""


def test_a_locked_camera_keeps_a_cut_rooms_name_on_screen(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    room = max(deck.rooms.values(), key=lambda r: (r["height"], r["width"]))
    assert room["height"] >= 3, room
    page = _tablet(app, browser, guards, (1920, 1080))
    # The room's top wall one cell above the view, its left wall in it.
    camera = {"mode": "locked", "x": room["x"] - 1, "y": room["y"] + 1}
    app.gm(f"/api/gm/displays/{TABLET}/", {"kind": "tv", "camera": camera})
    page.wait_for_function(
        """([x, y]) => {
          const c = (document.querySelector('#view-encounter svg.map').dataset.camera || '')
            .split(' ').map(Number);
          return c[0] === x && c[1] === y;
        }""",
        arg=[camera["x"], camera["y"]],
        timeout=WAIT_MS,
    )
    page.wait_for_function(MAP_SETTLED_JS, timeout=WAIT_MS)  # the camera's ease has ended

    def on_screen() -> bool:
        got = page.evaluate(ROOM_NAME, room["id"])
        n, c = got["name"], got["clip"]
        return bool(got["text"]) and c[0] <= n[0] and c[1] <= n[1] and n[2] <= c[2] and n[3] <= c[3]

    wait(on_screen)
    assert on_screen(), (
        f"{room['name']}'s name is off screen: {page.evaluate(ROOM_NAME, room['id'])}"
    )
