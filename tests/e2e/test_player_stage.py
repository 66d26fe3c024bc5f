"""A display as a stage, in real Chromium: each camera mode settles on its rectangle (the
map's `data-camera`, in cells), the GM's camera change takes back a player's own pan, the
rotation, a ping only where it was aimed, the handout history, and keep-awake's fallback
starting on the first tap."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

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

TV, TABLET = "stage-tv-0001", "stage-tablet-02"
MAP = "#view-encounter svg.map"


def _display_page(app: App, browser: Any, guards: list[Guard], display: str, **kw: Any) -> Any:
    page = open_page(browser, app, query=f"?display={display}", guards=guards, **kw)
    wait(lambda: any(d["id"] == display for d in app.get("/api/gm/displays/")["displays"]))
    # Its stream's first frame drawn: what comes after it is news (a handout pops up), what came
    # with it is not (a reload never re-opens one).
    revision = app.get(f"/api/active-view/?display={display}")["revision"]
    page.wait_for_function(
        "(r) => Number(document.body.dataset.revision || -1) >= r", arg=revision, timeout=WAIT_MS
    )
    return page


def _camera(page: Any) -> list[float]:
    return [float(v) for v in page.locator(MAP).get_attribute("data-camera").split()]


def _settles_on(page: Any, expected: list[float]) -> None:
    page.wait_for_function(
        """([sel, want]) => {
          const got = (document.querySelector(sel).dataset.camera || "").split(" ").map(Number);
          return got.length === 4 && got.every((v, i) => Math.abs(v - want[i]) < 0.01);
        }""",
        arg=[MAP, expected],
        timeout=WAIT_MS,
    )


def test_each_camera_mode_settles_on_its_rectangle(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    page = _display_page(app, browser, guards, TV)
    page.wait_for_selector(f"{MAP}[data-camera]", timeout=WAIT_MS)
    fitted = _camera(page)
    assert fitted[2] > 0 and fitted[3] > 0  # fit: the revealed rooms

    # The player pans; the GM frames the display: the frame, and the pan is undone.
    box = page.locator(MAP).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2 + 40, steps=5)
    page.mouse.up()
    expect(page.locator(".map-reset")).to_be_visible(timeout=WAIT_MS)
    frame = {"mode": "frame", "x": 2, "y": 1, "w": 8, "h": 5}
    app.gm(f"/api/gm/displays/{TV}/", {"camera": frame})
    _settles_on(page, [2, 1, 8, 5])
    expect(page.locator(".map-reset")).to_be_hidden(timeout=WAIT_MS)

    # Locked: one cell is one inch (96 CSS px without a diagonal), from a whole cell.
    app.gm(f"/api/gm/displays/{TV}/", {"camera": {"mode": "locked", "x": 3.4, "y": 1}})
    width, height = page.evaluate(
        "(sel) => [document.querySelector(sel)].map((m) => [m.clientWidth, m.clientHeight])[0]",
        MAP,
    )
    _settles_on(page, [3, 1, width / 96, height / 96])
    diagonal = page.evaluate("Math.hypot(screen.width, screen.height)") / 20  # px per inch
    app.gm(
        f"/api/gm/displays/{TV}/", {"camera": {"mode": "locked", "x": 3, "y": 1, "diagonal": 20}}
    )
    _settles_on(page, [3, 1, width / diagonal, height / diagonal])

    # Follow: the party's token; a small move stays inside the dead zone, a long one pans.
    cells = deck.cells(first)
    start = cells[len(cells) // 2]
    token = app.gm(
        "/api/gm/encounter/place-token/",
        {"type": "player", "name": "Sunde", "x": start[0], "y": start[1]},
    )["token_id"]
    app.gm(f"/api/gm/displays/{TV}/", {"camera": {"mode": "follow"}})
    page.wait_for_function(
        f"() => document.querySelector('{MAP}').dataset.cameraMode === 'follow'", timeout=WAIT_MS
    )
    followed = _camera(page)
    assert followed[0] < start[0] < start[0] + 1 < followed[0] + followed[2]
    assert followed[1] < start[1] < start[1] + 1 < followed[1] + followed[3]
    near = next(c for c in cells if abs(c[0] - start[0]) + abs(c[1] - start[1]) == 1)
    app.gm("/api/gm/encounter/move-token/", {"token_id": token, "x": near[0], "y": near[1]})
    page.wait_for_function(
        f"() => document.querySelector('[data-id=\"{token}\"]').dataset.x === '{near[0]}'",
        timeout=WAIT_MS,
    )
    assert _camera(page) == followed  # the dead zone: no pan
    far = max(deck.cells(second), key=lambda c: abs(c[0] - start[0]) + abs(c[1] - start[1]))
    if abs(far[0] - start[0]) + abs(far[1] - start[1]) >= 4:
        app.gm("/api/gm/encounter/move-token/", {"token_id": token, "x": far[0], "y": far[1]})
        page.wait_for_function(
            """([sel, x, y]) => {
              const c = document.querySelector(sel).dataset.camera.split(" ").map(Number);
              const near = (a, b) => Math.abs(a - b) < 0.01;
              return near(c[0] + c[2] / 2, x + 0.5) && near(c[1] + c[3] / 2, y + 0.5);
            }""",
            arg=[MAP, far[0], far[1]],
            timeout=WAIT_MS,
        )


def test_rotation_turns_the_whole_display(app: App, browser: Any, guards: list[Guard]) -> None:
    page = _display_page(app, browser, guards, TV)
    for turn, width, height in (
        (180, 1280, 720),
        (90, 720, 1280),
        (270, 720, 1280),
        (0, 1280, 720),
    ):
        app.gm(f"/api/gm/displays/{TV}/", {"rotation": turn})
        page.wait_for_function(
            f"() => document.documentElement.dataset.rotation === '{turn}'", timeout=WAIT_MS
        )
        frame = page.evaluate(
            """() => { const f = document.getElementById('frame');
              const r = f.getBoundingClientRect();
              return [f.offsetWidth, f.offsetHeight, r.left, r.top, r.width, r.height]; }"""
        )
        assert frame[:2] == [width, height]  # the page laid out for the turned screen
        assert [round(v) for v in frame[2:]] == [0, 0, 1280, 720]  # and covering the screen


def test_a_ping_pulses_only_where_it_was_aimed(app: App, browser: Any, guards: list[Guard]) -> None:
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    tv = _display_page(app, browser, guards, TV)
    tablet = _display_page(app, browser, guards, TABLET, touch=True)
    for page in (tv, tablet):
        page.wait_for_selector(f"{MAP}[data-camera]", timeout=WAIT_MS)
    cell = deck.cells(first)[0]
    reply = app.gm("/api/gm/ping/", {"x": cell[0], "y": cell[1], "displays": [TV]})
    ring = tv.locator(f'g.ping[data-x="{cell[0]}"][data-y="{cell[1]}"]')
    expect(ring).to_have_count(1, timeout=WAIT_MS)
    app.gm("/api/gm/broadcast/", {"content": "after the ping"})  # the tablet's next frame
    tablet.wait_for_function(
        "() => document.body.textContent.includes('after the ping')", timeout=WAIT_MS
    )
    assert tablet.locator("g.ping").count() == 0
    assert reply["ping_id"] not in tablet.content()


def test_the_handout_history_reopens_what_was_shown(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    tablet = _display_page(app, browser, guards, TABLET, touch=True)
    app.gm(
        "/api/gm/handouts/show/",
        {"title": "Orders", "text": "Hold the airlock.", "displays": [TABLET]},
    )
    card = tablet.locator("#handout")
    expect(card).to_be_visible(timeout=WAIT_MS)
    expect(card).to_contain_text("Hold the airlock.")
    card.click()
    expect(card).to_be_hidden(timeout=WAIT_MS)
    button = tablet.locator("#handouts-btn")
    expect(button).to_be_visible()
    button.click()
    tablet.locator(".handout-row", has_text="Orders").click()
    expect(card).to_be_visible(timeout=WAIT_MS)
    expect(card).to_contain_text("Hold the airlock.")


def test_keep_awake_falls_back_to_a_video_started_by_the_first_tap(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 600}, has_touch=True)
    context.add_init_script("delete Navigator.prototype.wakeLock;")  # as on plain HTTP
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.goto(app.url + f"?display={TABLET}")
    hint = page.locator("#awake-hint")
    expect(hint).to_be_visible(timeout=WAIT_MS)
    assert page.evaluate("document.body.dataset.awake") is None
    page.mouse.click(300, 300)
    page.wait_for_function("() => document.body.dataset.awake === 'video'", timeout=WAIT_MS)
    expect(hint).to_be_hidden()
    playing = page.evaluate(
        "(() => { const v = document.querySelector('video.keep-awake'); "
        "return [v.muted, v.loop, v.paused]; })()"
    )
    assert playing == [True, True, False]
