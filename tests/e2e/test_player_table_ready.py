"""Table-ready player displays (issue 11) in the real Chromium against the real app: the comm
terminal stays open under a finger, mail read on one display reads as read on all, every BRIDGE
tab fits the screen, token labels never collide, portraits keep off the map, and everything a
player reads at 3 m is big enough (labels, room names, tap targets, the legend)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.page_checks import FONT_PX_JS, OUTSIDE_JS, boxes, overlap, settle
from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Deck,
    Guard,
    _walk,
    fresh_encounter,
    mapped_location,
    open_page,
)

pytestmark = pytest.mark.e2e
TV = (1920, 1080)
TABLET = (1024, 768)
LABEL = "#view-encounter .token-name"
DISC = "#view-encounter .token-disc"


def tablet(browser: Any, app: App, guards: list[Guard]) -> Any:
    """A 1024x768 touch tablet on the player display."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.goto(app.url)
    return page


def show_mail_terminal(app: App) -> list[dict[str, Any]]:
    """Shows a terminal of the sample with at least two messages in its inbox; that inbox."""
    app.gm("/api/gm/new-session/")
    for loc in _walk(app.get("/api/gm/locations/")["locations"]):
        for term in loc.get("terminals") or []:
            app.gm(
                "/api/gm/show-terminal/",
                {"location_slug": loc["slug"], "terminal_slug": term["slug"]},
            )
            inbox = app.get("/api/active-view/")["terminal"]["inbox"]
            if len(inbox) >= 2:
                return list(inbox)
    raise AssertionError("no terminal of the sample has two messages")


def test_tapping_messages_keeps_the_terminal_open_and_the_backdrop_closes_it(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    inbox = show_mail_terminal(app)
    tv = open_page(browser, app, width=TV[0], height=TV[1], guards=guards)
    pad = tablet(browser, app, guards)
    for page in (tv, pad):
        expect(page.locator(".tm-row")).to_have_count(len(inbox), timeout=WAIT_MS)
    pad.locator(f'.tm-row[data-id="{inbox[1]["id"]}"]').tap()
    tv.locator(f'.tm-row[data-id="{inbox[0]["id"]}"]').click()
    pad.locator(f'.tm-row[data-id="{inbox[0]["id"]}"]').tap()
    tv.locator(".tm-reader").click()
    expect(pad.locator(".tm-row.active")).to_have_attribute("data-id", inbox[0]["id"])
    expect(pad.locator(".tm-headers")).to_contain_text(inbox[0]["subject"])
    # The taps inside reached no backdrop: the terminal is still up on the server and both pages.
    assert app.get("/api/active-view/")["terminal"] is not None
    for page in (tv, pad):
        expect(page.locator("#terminal-overlay")).to_be_visible()
    pad.touchscreen.tap(6, 6)  # the backdrop, outside the window
    for page in (tv, pad):
        expect(page.locator("#terminal-overlay")).to_be_hidden(timeout=WAIT_MS)
    assert app.get("/api/active-view/")["terminal"] is None


def test_a_message_opened_on_the_tablet_loses_its_new_badge_on_the_tv(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    inbox = show_mail_terminal(app)
    unread = [m for m in inbox if not m.get("read")]
    if len(unread) < 2:
        pytest.skip("the sample's terminal has fewer than two unread messages")
    tv = open_page(browser, app, width=TV[0], height=TV[1], guards=guards)
    pad = tablet(browser, app, guards)
    opened = unread[-1]["id"]
    for page in (tv, pad):
        expect(page.locator(f'.tm-row[data-id="{opened}"] .tm-unread')).to_have_text(
            "NEW", timeout=WAIT_MS
        )
    pad.locator(f'.tm-row[data-id="{opened}"]').tap()
    for page in (tv, pad):
        expect(page.locator(f'.tm-row[data-id="{opened}"] .tm-unread')).to_have_count(
            0, timeout=WAIT_MS
        )
        # Only the opened one: the others still say NEW.
        expect(page.locator(f'.tm-row[data-id="{unread[0]["id"]}"] .tm-unread')).to_have_count(1)
    late = open_page(browser, app, width=TV[0], height=TV[1], guards=guards)
    expect(late.locator(f'.tm-row[data-id="{unread[0]["id"]}"] .tm-unread')).to_have_count(
        1, timeout=WAIT_MS
    )
    assert late.locator(f'.tm-row[data-id="{opened}"] .tm-unread').count() == 0


@pytest.mark.parametrize("size", [TV, (1366, 768), TABLET], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_bridge_tab_and_page_fits_the_screen(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_page(browser, app, width=size[0], height=size[1], guards=guards)
    expect(page.locator(".dossier")).to_have_count(
        len(app.get("/api/active-view/")["crew"]), timeout=WAIT_MS
    )
    page.evaluate("document.fonts.ready")
    seen: set[str] = set()
    for tab in ("status", "crew", "logs"):
        page.click(f".br-tab[data-tab={tab}]")
        pager = page.locator(".pager:not(.off):not([hidden]) .pg-label")
        pages = int(pager.text_content().split("/")[1]) if pager.count() else 1
        for n in range(pages):
            outside = page.evaluate(OUTSIDE_JS, "#view-bridge *, #topbar *")
            assert outside == [], f"{tab} page {n + 1} at {size}: outside the screen: {outside}"
            seen.update(page.locator(".dossier:visible .panel-head").all_text_contents())
            if pages > 1:
                page.click(".pager:not(.off) .pg-next")
        expect(page.locator(".br-tab[data-tab=status]")).to_be_visible()
    crew = {c["name"] for c in app.get("/api/active-view/")["crew"]}
    assert {s.upper() for s in crew} <= {s.upper() for s in seen}, "a crew card is on no page"


SHORT_LABELS_JS = """() => [...document.querySelectorAll('#view-encounter .token')]
  .filter((g) => g.querySelector('.token-name').textContent !== g.__name)
  .map((g) => g.dataset.id)"""


def crowd(app: App, deck: Deck, room: str, cols: int, rows: int, count: int = 0) -> list[str]:
    """`count` tokens (all of them by default) on a cols x rows block of cells at the room's
    top-left corner, with names that are long, alike and short."""
    r = deck.rooms[room]
    names = [
        "Juno Castellane",
        "Ines Marlowe",
        "Rook Adeyemi",
        "Halvard Sunde",
        "Oskar Vell",
        "Crawler",
        "Crawler 2",
        "Dr. Mara Kesh",
        "Overseer Tomas Brandt",
        "Vigil",
        "Hale",
    ]
    ids = []
    for n in range(count or cols * rows):
        x, y = r["x"] + n % cols, r["y"] + n // cols
        name = names[n % len(names)] + ("" if n < len(names) else f" {n}")
        kind = "player" if n % 3 else "creature"
        ids.append(
            app.gm("/api/gm/encounter/place-token/", {"type": kind, "name": name, "x": x, "y": y})[
                "token_id"
            ]
        )
    return ids


def biggest_room(deck: Deck, min_w: int, min_h: int) -> str:
    fits = [
        r
        for r in deck.rooms
        if deck.rooms[r]["width"] >= min_w and deck.rooms[r]["height"] >= min_h
    ]
    assert fits, "the sample has no room that large"
    return min(fits, key=lambda r: deck.rooms[r]["width"] * deck.rooms[r]["height"])


@pytest.mark.parametrize("block", [(3, 3, 6), (5, 4, 20)], ids=["6-in-3x3", "20-in-a-room"])
def test_token_labels_never_overlap_labels_or_tokens(
    app: App, browser: Any, guards: list[Guard], block: tuple[int, int, int]
) -> None:
    cols, rows, count = block
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    ids = crowd(app, deck, biggest_room(deck, cols, rows), cols, rows, count)
    page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    expect(page.locator("#view-encounter .token")).to_have_count(len(ids), timeout=WAIT_MS)
    settle(page, app)
    labels, discs = boxes(page, LABEL), boxes(page, DISC)
    assert len(discs) == len(ids)
    # Twenty fill the room: its name goes just above it (it was hidden under the tokens), and
    # the labels keep off the name, so two fifths of them at least.
    least = len(ids) if count <= 6 else len(ids) * 2 // 5
    assert len(labels) >= least, f"too few labels: {labels}"
    for i, a in enumerate(labels):
        assert a[3] - a[1] >= 18, f"label {a[4]!r} is {a[3] - a[1]:.1f} px high at 1080p"
        for b in labels[i + 1 :]:
            assert not overlap(a, b), f"labels {a[4]!r} and {b[4]!r} overlap"
        for d in discs:
            assert not overlap(a, d), f"label {a[4]!r} covers a token"
    # A token whose label is cut short (or left out) tells its whole name on a tap.
    short = page.evaluate(SHORT_LABELS_JS)
    if count > 6:
        assert short, "20 tokens in one room, yet every label is a whole name"
    names = app.get("/api/active-view/")["encounter_tokens"]
    # One a player may drag (a press that goes nowhere is a tap) and one of another kind.
    players = [t for t in short if names[t]["type"] == "player"]
    others = [t for t in short if names[t]["type"] != "player"]
    for token in players[:1] + others[:1]:
        page.locator(f'.token[data-id="{token}"] .token-disc').click(force=True)
        expect(page.locator("#toast")).to_have_text(names[token]["name"], timeout=WAIT_MS)


@pytest.mark.parametrize("size", [TV, TABLET, (768, 1024)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_portrait_takes_its_own_space_and_the_map_fits_beside_it(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    crowd(app, deck, biggest_room(deck, 3, 3), 3, 2)
    npc = app.get("/api/gm/npcs/")["npcs"][0]
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    page = open_page(
        browser, app, width=size[0], height=size[1], guards=guards, reduced_motion=True
    )
    expect(page.locator(".portrait .pt-name")).to_have_text(npc["name"], timeout=WAIT_MS)
    settle(page, app)
    card = boxes(page, ".portrait")[0]
    parts = (
        "#view-encounter .room-wall, #view-encounter .room-name, #view-encounter .door, "
        "#view-encounter .marker, #view-encounter .token-halo, #view-encounter .map-side, " + LABEL
    )
    covered = [b[4] or "map part" for b in boxes(page, parts) if overlap(card, b)]
    assert covered == [], f"the portrait covers: {covered}"
    assert page.evaluate(OUTSIDE_JS, "#portraits *") == []
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    expect(page.locator(".portrait")).to_have_count(0, timeout=WAIT_MS)
    page.wait_for_function(
        "() => { const r = document.querySelector('.map-box').getBoundingClientRect();"
        " return r.left < 50 && r.bottom > innerHeight - 50; }",
        timeout=WAIT_MS,
    )


def test_labels_and_room_names_read_at_three_metres_on_a_1080p_tv(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    crowd(app, deck, biggest_room(deck, 3, 3), 3, 3, 5)
    page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    expect(page.locator("#view-encounter .token")).to_have_count(5, timeout=WAIT_MS)
    settle(page, app)
    for selector, least in (
        (LABEL, 18),
        ("#view-encounter .mk-label", 18),
        ("#view-encounter .room-name", 24),
    ):
        sizes = page.evaluate(FONT_PX_JS, selector)
        assert sizes, f"nothing matches {selector}"
        small = [(round(px, 1), text) for px, text in sizes if px < least - 0.05]
        assert small == [], f"{selector} below {least} px at 1080p: {small}"


STILL_JS = """() => document.getAnimations().every(
  (a) => a.playState !== "running" || a.effect.getTiming().iterations === Infinity)"""


def test_tap_targets_on_a_tablet_are_a_finger_wide(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    pad = tablet(browser, app, guards)
    expect(pad.locator(".br-tab").first).to_be_visible(timeout=WAIT_MS)
    small: list[str] = []

    def measure(where: str) -> None:
        pad.wait_for_function(STILL_JS, timeout=WAIT_MS)  # windows grow in: measure them grown
        for b in boxes(pad, "button"):
            if b[2] - b[0] < 44 - 0.5 or b[3] - b[1] < 44 - 0.5:
                small.append(f"{where}: {b[4]!r} {b[2] - b[0]:.0f}x{b[3] - b[1]:.0f}")

    for tab in ("status", "crew", "logs"):
        pad.locator(f".br-tab[data-tab={tab}]").tap()
        measure(f"bridge {tab}")
    show_mail_terminal(app)
    expect(pad.locator(".tm-row").first).to_be_visible(timeout=WAIT_MS)
    measure("terminal")
    app.gm("/api/terminal/hide/")
    app.gm("/api/gm/charon/toggle-dialog/", {"open": True})
    expect(pad.locator("#charon")).to_be_visible(timeout=WAIT_MS)
    measure("ship computer")
    assert small == [], f"tap targets under 44 px: {small}"


# The kind of each marker on the map, and whether the legend shows a marker of that kind.
MARKER_KINDS_JS = r"""() => {
  const kind = (e) => {
    const own = [...e.classList].find((c) => /^(poi-|lk-|tm-)./.test(c));
    if (own) return own;
    return e.classList.contains("terminal") ? "terminal"
      : e.classList.contains("token-dead") ? "token-dead" : "";
  };
  const all = (scope) => new Set([...document.querySelectorAll(
    `${scope} .marker, ${scope} .tmark, ${scope} .token-dead`)].map(kind));
  const onMap = all("#view-encounter svg.map"), inLegend = all(".legend");
  return {
    onMap: [...onMap].filter(Boolean),
    missing: [...onMap].filter((k) => k && !inLegend.has(k)),
  };
}"""


def test_every_marker_is_in_the_legend_and_wounded_is_no_plus(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    ids = crowd(app, deck, biggest_room(deck, 3, 3), 3, 3, 4)
    for token, status in zip(ids, (["wounded"], ["panicked"], ["stunned"], ["dead"]), strict=True):
        app.gm("/api/gm/encounter/update-token-status/", {"token_id": token, "status": status})
    page = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    settle(page, app)
    expect(page.locator("#view-encounter svg.map .tm-wounded")).to_have_count(1, timeout=WAIT_MS)
    kinds = page.evaluate(MARKER_KINDS_JS)
    assert {"terminal", "tm-wounded", "tm-panicked", "tm-stunned", "token-dead"} <= set(
        kinds["onMap"]
    )
    assert kinds["missing"] == [], f"markers missing from the legend: {kinds['missing']}"
    glyphs = page.locator("#view-encounter svg.map .tm-wounded text").all_text_contents()
    assert not any(g.strip() in {"+", "\u271a", "\u2795", "\u2716", "\u00d7", "x"} for g in glyphs)
    assert page.locator("#view-encounter svg.map .tm-wounded text").count() == 0, (
        "the wounded mark is a glyph"
    )
    expect(page.locator(".legend")).to_contain_text("Wounded")


def test_standby_lines_never_drift_through_the_join_panel(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    for width, height in (TV, TABLET):
        context = browser.new_context(viewport={"width": width, "height": height})
        guard = Guard(app.url.rstrip("/"), context=context)
        context.route(guard.pattern(), guard.handle)
        guards.append(guard)
        page = guard.watch(context.new_page())
        page.clock.install()
        page.goto(app.url)
        expect(page.locator("body")).to_have_attribute("data-view", "STANDBY", timeout=WAIT_MS)
        expect(page.locator(".sb-url")).not_to_be_empty(timeout=WAIT_MS)
        opaque = page.evaluate(
            "getComputedStyle(document.querySelector('.sb-join')).backgroundColor"
        )
        assert opaque.startswith("rgb("), f"the join panel lets text through: {opaque}"
        spawned = 0
        for _ in range(30):
            page.clock.run_for(2600)
            panel = boxes(page, ".sb-join")[0]
            lines = boxes(page, ".sb-line")
            spawned = max(spawned, len(lines))
            behind = [b[4] for b in lines if overlap(b, panel, 0)]
            assert behind == [], f"ambient text behind the QR panel at {width}x{height}: {behind}"
        assert spawned > 0, "no ambient line ever showed"
