"""What a GM new to the app found on the player displays in a walked session, checked in the
real Chromium against the real app: portraits keep off the bridge and the ship computer, the
message opened on one display is the one every display shows, token status marks read at 3 m,
the scan panel tells the sensors' own state, the bridge tabs hold still under a finger, the
ticker and legend read at 3 m, standby lines never repeat, and a TV shows no input box."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.page_checks import OUTSIDE_JS, boxes, overlap, settle
from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    fresh_encounter,
    mapped_location,
    open_page,
    wait_revision,
)
from tests.e2e.test_original_maps import ORIGINAL
from tests.e2e.test_player_table_ready import (
    TABLET,
    TV,
    biggest_room,
    crowd,
    show_mail_terminal,
    tablet,
)
from tests.e2e.test_player_ticker import READ_WHOLE

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("view", ["BRIDGE", "CHARON_TERMINAL"])
def test_a_portrait_never_covers_the_bridge_or_the_ship_computer(
    app: App, browser: Any, guards: list[Guard], view: str
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    npc = app.get("/api/gm/npcs/")["npcs"][0]
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    expect(page.locator(".portrait .pt-name")).to_have_text(npc["name"], timeout=WAIT_MS)
    app.gm("/api/gm/switch-view/", {"view_type": view})
    expect(page.locator("body")).to_have_attribute("data-view", view, timeout=WAIT_MS)
    wait_revision(page, int(app.get("/api/active-view/")["revision"]))
    content = "#view-bridge .panel, #charon" if view == "BRIDGE" else "#charon, #charon *"
    shown = boxes(page, "#portraits, .portrait")
    covered = [b[4][:40] for b in boxes(page, content) for p in shown if overlap(p, b)]
    assert covered == [], f"a portrait covers the {view} view: {covered}"
    assert boxes(page, content), f"nothing of the {view} view is on screen"
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": deck.slug})
    expect(page.locator(".portrait .pt-name")).to_be_visible(timeout=WAIT_MS)


def test_the_message_opened_on_the_tablet_is_the_one_the_tv_shows(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    inbox = show_mail_terminal(app)
    tv = open_page(browser, app, width=TV[0], height=TV[1], guards=guards)
    pad = tablet(browser, app, guards)
    for page in (tv, pad):
        expect(page.locator(".tm-row.active")).to_have_attribute(
            "data-id", inbox[0]["id"], timeout=WAIT_MS
        )
    pad.locator(f'.tm-row[data-id="{inbox[1]["id"]}"]').tap()
    for page in (tv, pad):
        expect(page.locator(".tm-row.active")).to_have_attribute(
            "data-id", inbox[1]["id"], timeout=WAIT_MS
        )
        expect(page.locator(".tm-headers")).to_contain_text(inbox[1]["subject"])
    assert app.get("/api/active-view/")["overlay_open_message_id"] == inbox[1]["id"]
    # The GM (or the TV) picks the first again: the tablet follows.
    app.gm("/api/terminal/read/", {"message_id": inbox[0]["id"]})
    for page in (tv, pad):
        expect(page.locator(".tm-row.active")).to_have_attribute(
            "data-id", inbox[0]["id"], timeout=WAIT_MS
        )
        expect(page.locator(".tm-headers")).to_contain_text(inbox[0]["subject"])


def test_token_status_marks_read_at_three_metres_and_tell_apart(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    ids = crowd(app, deck, biggest_room(deck, 3, 3), 3, 3, 3)
    for token, status in zip(ids, (["wounded"], ["panicked"], ["stunned"]), strict=True):
        app.gm("/api/gm/encounter/update-token-status/", {"token_id": token, "status": status})
    page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    expect(page.locator("#view-encounter svg.map .tm-stunned")).to_have_count(1, timeout=WAIT_MS)
    settle(page, app)
    shapes = {}
    for kind in ("wounded", "panicked", "stunned"):
        (box,) = boxes(page, f"#view-encounter svg.map .tm-{kind} .tmark-bg")
        size = min(box[2] - box[0], box[3] - box[1])
        assert size >= 28, f"the {kind} mark is {size:.1f} px at 1080p"
        shapes[kind] = page.evaluate(
            "(s) => { const e = document.querySelector(s);"
            " return [e.tagName, e.getAttribute('d') || '', getComputedStyle(e).fill]; }",
            f"#view-encounter svg.map .tm-{kind} .tmark-bg",
        )
    assert len({tuple(s) for s in shapes.values()}) == 3, f"marks alike: {shapes}"
    # The legend draws the same marks.
    for kind in ("wounded", "panicked", "stunned"):
        expect(page.locator(f".legend .tm-{kind} .tmark-bg")).to_have_count(1)


SCAN_STATE = ".scanner .sc-state"


def test_the_scan_panel_tells_the_sensors_and_critical_stands_out(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    systems = app.get("/api/active-view/")["ship"]["systems"]
    crit, bad = list(systems)[:2]
    app.gm("/api/gm/ship-status/toggle/", {"system": crit, "status": "CRITICAL"})
    app.gm("/api/gm/ship-status/toggle/", {"system": bad, "status": "DAMAGED"})
    page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    expect(page.locator('.system[data-level="crit"]')).to_have_count(1, timeout=WAIT_MS)
    # The sample has no sensors: an engine (or hull) failure is no scan failure.
    assert "CRITICAL" not in page.locator(SCAN_STATE).inner_text().upper()
    look = (
        "(s) => { const e = document.querySelector(s), h = e.querySelector('.panel-head'),"
        " t = e.querySelector('.sys-status'); return [getComputedStyle(t).backgroundColor,"
        " getComputedStyle(t).color, getComputedStyle(h).backgroundImage]; }"
    )
    critical = page.evaluate(look, '.system[data-level="crit"]')
    damaged = page.evaluate(look, '.system[data-level="bad"]')
    assert critical[0] not in ("rgba(0, 0, 0, 0)", damaged[0]), "CRITICAL's status has no band"
    assert critical[1] != damaged[1] and critical[2] != damaged[2], (critical, damaged)


def test_the_scan_panel_follows_a_campaigns_sensors(
    browser: Any, guards: list[Guard], tmp_path_factory: pytest.TempPathFactory
) -> None:
    original = App(tmp_path_factory.mktemp("orig") / "s.sqlite3", campaign=ORIGINAL).start()
    try:
        original.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
        page = open_page(browser, original, width=TV[0], height=TV[1], guards=guards)
        # Its hull is CRITICAL and its sensors STRESSED: the scan says the sensors' state.
        expect(page.locator(SCAN_STATE)).to_contain_text("STRESSED", timeout=WAIT_MS)
        assert "CRITICAL" not in page.locator(SCAN_STATE).inner_text().upper()
        original.gm("/api/gm/ship-status/toggle/", {"system": "sensors", "status": "CRITICAL"})
        expect(page.locator(SCAN_STATE)).to_contain_text("CRITICAL", timeout=WAIT_MS)
    finally:
        original.stop()


TAB_BOXES_JS = """() => [...document.querySelectorAll('.br-tab')].map((b) => {
  const r = b.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round);
})"""


@pytest.mark.parametrize("size", [TV, TABLET, (768, 1024)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bridge_tabs_never_move_under_a_finger(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_page(browser, app, width=size[0], height=size[1], guards=guards)
    expect(page.locator(".dossier")).to_have_count(
        len(app.get("/api/active-view/")["crew"]), timeout=WAIT_MS
    )
    page.evaluate("document.fonts.ready")
    where = page.evaluate(TAB_BOXES_JS)
    paged = False
    for tab in ("crew", "logs", "status", "crew"):
        page.click(f".br-tab[data-tab={tab}]")
        expect(page.locator(f".br-tab[data-tab={tab}]")).to_have_class("br-tab active")
        paged = paged or page.locator(".pager:not(.off):not([hidden])").count() > 0
        assert page.evaluate(TAB_BOXES_JS) == where, f"the tabs moved on opening {tab}"
        assert page.evaluate(OUTSIDE_JS, ".br-dock *") == []
    if size != TV:
        assert paged, "no tab had pages: the test shows nothing"


def test_the_ticker_and_the_legend_read_at_three_metres_and_say_it_all(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    room = next(iter(deck.rooms.values()))
    token = {"type": "player", "name": "Vigil", "x": room["x"], "y": room["y"]}
    app.gm("/api/gm/encounter/place-token/", token)  # a legend on screen
    message = "Containment breach in Bore Shaft Four: all crew to the upper gallery, seal it."
    app.gm("/api/gm/broadcast/", {"content": message, "sender": "Lantern Station"})
    page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    expect(page.locator(".bl-item .bl-text")).to_have_text(message, timeout=WAIT_MS)
    size = "(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)"
    for part in (".bl-item .bl-text", ".legend-row > span"):
        assert page.evaluate(size, part) >= 18, f"{part} under 18 px at 1080p"
    # One line in the top bar, a longer message scrolling through it (the ticker's own test).
    assert page.evaluate(READ_WHOLE), "the broadcast is cut off"
    log = "#broadcast-log, #broadcast-log .bl-item, #broadcast-log .bl-item > *"
    assert page.evaluate(OUTSIDE_JS, log) == []
    for name in ("CHARON_TERMINAL", "BRIDGE"):
        app.gm("/api/gm/switch-view/", {"view_type": name})
        expect(page.locator("body")).to_have_attribute("data-view", name, timeout=WAIT_MS)
        # (an item slides in from the left edge as it shows: until it came to rest)
        page.wait_for_function(
            f"(log) => ({OUTSIDE_JS})(log).length === 0", arg=log, timeout=WAIT_MS
        )


def test_standby_status_lines_never_repeat_on_screen(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    context = browser.new_context(viewport={"width": TV[0], "height": TV[1]})
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.clock.install()
    page.goto(app.url)
    expect(page.locator("body")).to_have_attribute("data-view", "STANDBY", timeout=WAIT_MS)
    most = 0
    for _ in range(40):
        page.clock.run_for(2600)
        lines = page.locator(".sb-line > div").all_text_contents()
        most = max(most, len(lines))
        twice = sorted({t for t in lines if lines.count(t) > 1})
        assert twice == [], f"a status line shows twice: {twice}"
    assert most >= 4, "too few lines to tell"


@pytest.mark.parametrize("touch", [False, True], ids=["tv", "tablet"])
def test_only_a_touch_display_offers_the_ship_computer_input(
    app: App, browser: Any, guards: list[Guard], touch: bool
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "CHARON_TERMINAL"})
    app.gm("/api/gm/charon/mode/", {"mode": "QUERY"})
    if touch:
        page = tablet(browser, app, guards)
    else:
        page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards)
    expect(page.locator("#charon")).to_be_visible(timeout=WAIT_MS)
    settle(page, app)
    if touch:
        expect(page.locator(".ch-input")).to_be_visible()
    else:
        expect(page.locator(".ch-input")).to_be_hidden()
        expect(page.locator(".ch-form")).to_be_hidden()
