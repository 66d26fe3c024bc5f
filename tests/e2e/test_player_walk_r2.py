"""A new GM's second walk, on the TV (1920x1080) and the tablet (1024x768) in a real Chromium:
the Warden's countdowns and alert banner take a strip of their own and cover nothing, a paused
countdown stays legible, a shown roll leaves on its own, the page's buttons never overlap."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    fresh_encounter,
    mapped_location,
    wait,
)
from tests.e2e.test_player_warden import connected, shot

pytestmark = pytest.mark.e2e
SIZES = [(1920, 1080), (1024, 768)]

# The rectangles of `sel` that intersect a rectangle of `others` (both CSS selectors, visible only).
OVERLAPS = """([sel, others]) => {
  const boxes = (s) => [...document.querySelectorAll(s)].map((e) => [e, e.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0);
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const name = (e) => e.id || String(e.className.baseVal ?? e.className);
  const out = [];
  for (const [e, a] of boxes(sel)) for (const [f, b] of boxes(others))
    if (e !== f && !e.contains(f) && !f.contains(e) && hit(a, b)) out.push([name(e), name(f)]);
  return out;
}"""

# WCAG contrast of an element's text colour on its background colour.
CONTRAST = """(sel) => {
  const e = document.querySelector(sel), cs = getComputedStyle(e);
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const lin = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const lum = ([r, g, b]) => [r, g, b].map(lin)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const fg = lum(rgb(cs.color)), bg = rgb(cs.backgroundColor);
  if (bg.length === 4 && bg[3] < 1) return 0;
  const b = lum(bg);
  return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
}"""


def open_clocked(browser: Any, app: App, guards: list[Guard], size: tuple[int, int]) -> Any:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.clock.install(time=time.time())
    page.goto(app.url)
    return page


def overlaps(page: Any, sel: str, others: str) -> list[Any]:
    return list(page.evaluate(OVERLAPS, [sel, others]))


@pytest.mark.parametrize("size", SIZES, ids=["tv", "tablet"])
def test_countdowns_and_the_alert_banner_cover_no_bridge_or_map_content(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_clocked(browser, app, guards, size)
    page.locator(".br-tab", has_text="Crew").click()
    expect(page.locator(".dossier").first).to_be_visible(timeout=WAIT_MS)
    started = app.gm("/api/gm/timers/", {"label": "STATION SCUTTLE", "seconds": 600})
    app.gm(f"/api/gm/timers/{started['timer_id']}/", {"action": "pause"})
    app.gm("/api/gm/alert/", {"alert": "red_alert"})
    expect(page.locator(".alert-name")).to_have_text("RED ALERT", timeout=WAIT_MS)
    expect(page.locator(".countdown")).to_be_visible(timeout=WAIT_MS)
    content = "#topbar, #view-bridge > *, .dossier, .br-header, #broadcast-log"
    assert wait(lambda: not overlaps(page, ".countdown, .alert-name", content)), overlaps(
        page, ".countdown, .alert-name", content
    )
    shot(page, f"r2-strip-bridge-{size[0]}")
    # An incoming transmission comes in under the strip, not over its countdown and banner.
    app.gm("/api/gm/broadcast/", {"content": "Seal the bulkheads.", "priority": "HIGH"})
    expect(page.locator(".tx-box")).to_be_visible(timeout=WAIT_MS)
    settled = "document.querySelector('.tx-box').getAnimations().length === 0"
    assert wait(lambda: page.evaluate(settled)), "the transmission never finished coming in"
    assert overlaps(page, ".tx-box", ".countdown, .alert-name") == []
    deck = mapped_location(app)
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": deck.slug})
    app.gm("/api/gm/encounter/switch-level/", {"deck_id": deck.deck_id})
    for room_id in deck.rooms:
        app.gm("/api/gm/encounter/toggle-room/", {"room_id": room_id, "visible": True})
    expect(page.locator(".map .room")).to_have_count(len(deck.rooms), timeout=WAIT_MS)
    content = "#topbar, .map .room, .map .door, .map .token, .legend"
    assert wait(lambda: not overlaps(page, ".countdown, .alert-name", content)), overlaps(
        page, ".countdown, .alert-name", content
    )
    shot(page, f"r2-strip-map-{size[0]}")


def test_a_paused_countdown_is_opaque_says_paused_and_the_banner_reads_at_a_distance(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_clocked(browser, app, guards, (1920, 1080))
    started = app.gm("/api/gm/timers/", {"label": "STATION SCUTTLE", "seconds": 600})
    app.gm(f"/api/gm/timers/{started['timer_id']}/", {"action": "pause"})
    timer = page.locator(".countdown")
    expect(timer).to_have_attribute("data-state", "paused", timeout=WAIT_MS)
    expect(timer.locator(".cd-label")).to_contain_text("PAUSED")
    assert page.evaluate("getComputedStyle(document.querySelector('.countdown')).opacity") == "1"
    assert page.evaluate(CONTRAST, ".countdown") >= 7  # opaque background, light text
    time_style = "getComputedStyle(document.querySelector('.countdown .cd-time'))"
    assert page.evaluate(f"{time_style}.opacity") == "1"
    assert float(page.evaluate(f"parseFloat({time_style}.fontSize)")) >= 48
    app.gm("/api/gm/alert/", {"alert": "red_alert"})
    name = page.locator(".alert-name")
    expect(name).to_have_text("RED ALERT", timeout=WAIT_MS)
    assert page.evaluate(CONTRAST, ".alert-name") >= 4.5
    assert page.evaluate("document.querySelector('.alert-name').getAnimations().length") == 0
    assert (
        float(
            page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('.alert-name')).fontSize)"
            )
        )
        >= 30
    )


def test_a_shown_roll_leaves_on_its_own_and_when_the_view_changes(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    crew = app.get("/api/active-view/")["crew"][0]
    page = open_clocked(browser, app, guards, (1920, 1080))
    expect(page.locator("body")).to_have_attribute("data-view", "BRIDGE", timeout=WAIT_MS)
    first = app.gm("/api/gm/roll/", {"panic": True, "for": crew["id"]})
    app.gm("/api/gm/roll/show/", {"roll_id": first["roll_id"]})
    reveal = page.locator("#roll-reveal")
    expect(reveal).to_be_visible(timeout=WAIT_MS)
    page.clock.run_for(2000)
    expect(reveal).to_have_attribute("data-phase", "done", timeout=WAIT_MS)
    page.clock.run_for(13_000)  # about 12 s on the display, then it goes
    expect(reveal).to_be_hidden(timeout=WAIT_MS)
    second = app.gm("/api/gm/roll/", {"dice": "1d100"})
    app.gm("/api/gm/roll/show/", {"roll_id": second["roll_id"]})
    expect(reveal).to_be_visible(timeout=WAIT_MS)
    deck = mapped_location(app)
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": deck.slug})
    expect(page.locator("body")).to_have_attribute("data-view", "ENCOUNTER", timeout=WAIT_MS)
    expect(reveal).to_be_hidden(timeout=WAIT_MS)  # it does not follow onto the map


@pytest.mark.parametrize("size", SIZES, ids=["tv", "tablet"])
def test_the_pages_own_buttons_never_overlap(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    crew = app.get("/api/active-view/?role=gm")["crew"][0]
    display = f"tablet-r2-{size[0]}"
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.goto(f"{app.url}?display={display}")
    assert wait(lambda: connected(app, display))
    app.gm(f"/api/gm/displays/{display}/", {"kind": "tablet", "character": crew["id"]})
    app.gm("/api/gm/handouts/show/", {"title": "Orders", "text": "Hold the airlock."})
    card = page.locator("#handout")
    expect(card).to_be_visible(timeout=WAIT_MS)
    card.click()
    expect(card).to_be_hidden(timeout=WAIT_MS)
    page.reload()  # after a reload the sound is locked again: its prompt joins the buttons
    buttons = "#sound-prompt, #handouts-btn, #sheet-btn, #controls button"
    for sel in ("#sound-prompt", "#handouts-btn", "#sheet-btn"):
        expect(page.locator(sel)).to_be_visible(timeout=WAIT_MS)
    assert overlaps(page, buttons, buttons) == []
    shot(page, f"r2-buttons-{size[0]}")
    # On the bridge they keep off its tab bar and pager (a second walk-through found the
    # tablet's HANDOUTS chip over the MAP tab).
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    expect(page.locator("body")).to_have_attribute("data-view", "BRIDGE", timeout=WAIT_MS)
    expect(page.locator(".br-tab").first).to_be_visible(timeout=WAIT_MS)
    chips = "#sound-prompt, #handouts-btn, #sheet-btn"
    assert overlaps(page, chips, ".br-tab, .pager:not(.off)") == []


def test_broadcasts_leave_the_ticker_with_age_and_the_gm_clears_the_rest(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    page = open_clocked(browser, app, guards, (1920, 1080))
    app.gm(
        "/api/gm/broadcast/", {"content": "Hull breach on the lower deck", "priority": "CRITICAL"}
    )
    app.gm("/api/gm/broadcast/", {"content": "Coffee in the galley", "priority": "NORMAL"})
    page.reload()  # a restart: both already there, straight into the log
    log = page.locator("#broadcast-log")
    expect(log.locator(".bl-item")).to_have_count(2, timeout=WAIT_MS)
    page.clock.run_for(6 * 60_000)  # six minutes on the display's own clock, no event
    expect(log.locator(".bl-item")).to_have_count(1, timeout=WAIT_MS)
    expect(log).to_contain_text("Hull breach")  # CRITICAL stays
    app.gm("/api/gm/broadcast/clear/", {})
    expect(log.locator(".bl-item")).to_have_count(0, timeout=WAIT_MS)


def test_a_revealed_portrait_is_a_large_card_on_the_tv_and_leaves_the_map_room(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    npcs = app.get("/api/gm/npcs/")["npcs"]
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npcs[0]["id"]})
    page = open_clocked(browser, app, guards, (1920, 1080))
    picture = page.locator("#portraits .portrait .pt-frame")
    expect(picture).to_be_visible(timeout=WAIT_MS)
    assert wait(lambda: picture.bounding_box()["height"] >= 0.42 * 1080), picture.bounding_box()
    for npc in npcs[1:3]:
        app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    expect(page.locator("#portraits .portrait")).to_have_count(min(3, len(npcs)), timeout=WAIT_MS)
    box = page.locator(".map-box").bounding_box()
    assert box["width"] >= 0.6 * 1920  # the map keeps most of the screen
    shot(page, "r2-portraits-tv")


FONT_PX = (
    "(sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length)"
    ".map((e) => [e.textContent, parseFloat(getComputedStyle(e).fontSize)])"
)


def test_crew_cards_read_at_three_metres_and_their_pages_are_balanced(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    crew = app.get("/api/active-view/")["crew"]
    page = open_clocked(browser, app, guards, (1920, 1080))
    page.locator(".br-tab", has_text="Crew").click()
    expect(page.locator(".dossier").first).to_be_visible(timeout=WAIT_MS)
    small = [
        (text, px)
        for text, px in page.evaluate(
            FONT_PX, ".ds-stat-k, .ds-grid-title, .ds-facts dt, .ds-health-k"
        )
        if px < 17.5
    ]
    assert small == []
    cut = page.evaluate(
        "[...document.querySelectorAll('.ds-stat')].filter((e) => e.getClientRects().length"
        " && e.scrollWidth > e.clientWidth + 1).length"
    )
    assert cut == 0
    label = page.locator(".br-dock .pager:not(.off) .pg-label")
    counts = []
    pages = 1 if not label.is_visible() else int(label.inner_text().split("/")[1])
    for _ in range(pages):
        counts.append(page.locator(".dossier:visible").count())
        if pages > 1:
            page.locator(".br-dock .pager:not(.off) .pg-next").click()
    assert sum(counts) == len(crew)
    assert max(counts) - min(counts) <= 1, counts  # 5 cards: 3 and 2, never 4 and 1
    shot(page, "r2-crew-tv")


def test_the_maps_legend_and_deck_badge_read_at_three_metres(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    page = open_clocked(browser, app, guards, (1920, 1080))
    expect(page.locator(".legend")).to_be_visible(timeout=WAIT_MS)
    texts = ".legend .panel-head, .legend-row, .deck-badge .panel-head, .deck-name"
    small = [(t, px) for t, px in page.evaluate(FONT_PX, texts) if px < 17.5]
    assert small == []


# Each marker label: the room its icon stands in, and what it crosses (walls, doors, room names).
MARKER_LABELS = """() => {
  const r = (e) => e.getBoundingClientRect();
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const floors = [...document.querySelectorAll('.map .room rect.room-floor')].map(r);
  const doors = [...document.querySelectorAll('.map .door-end')].map(r);
  const names = [...document.querySelectorAll('.map .room-name, .map .room-status')].map(r);
  const out = [];
  for (const label of document.querySelectorAll('.map .marker .mk-label')) {
    if (!label.textContent || !label.getClientRects().length) continue;
    const icon = r(label.parentNode.firstElementChild), b = r(label);
    const cx = (icon.left + icon.right) / 2, cy = (icon.top + icon.bottom) / 2;
    const room = floors.find((f) => cx > f.left && cx < f.right && cy > f.top && cy < f.bottom);
    const inRoom = !!room && b.left >= room.left - 1 && b.right <= room.right + 1
      && b.top >= room.top - 1 && b.bottom <= room.bottom + 1;
    out.push({ text: label.textContent, inRoom, door: doors.some((d) => hit(b, d)),
      name: names.some((n) => hit(b, n)) });
  }
  return out;
}"""


@pytest.mark.parametrize("size", SIZES, ids=["tv", "tablet"])
def test_marker_labels_stay_in_their_room_off_doors_and_room_names(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    page = open_clocked(browser, app, guards, size)
    expect(page.locator(".map .room")).to_have_count(len(deck.rooms), timeout=WAIT_MS)
    assert wait(lambda: page.locator(".map .marker .mk-label").count() > 0)
    labels = page.evaluate(MARKER_LABELS)
    wrong = [x for x in labels if not x["inRoom"] or x["door"] or x["name"]]
    assert wrong == [], wrong
    shot(page, f"r2-marker-labels-{size[0]}")


@pytest.mark.parametrize("size", SIZES, ids=["tv", "tablet"])
def test_the_bridge_pager_keeps_off_the_volume_and_full_screen_buttons(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_clocked(browser, app, guards, size)
    page.locator(".br-tab", has_text="Crew").click()
    expect(page.locator(".dossier").first).to_be_visible(timeout=WAIT_MS)
    buttons = ".br-dock button, .pager:not(.off), #controls button"
    assert wait(lambda: not overlaps(page, buttons, buttons)), overlaps(page, buttons, buttons)
