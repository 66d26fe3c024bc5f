"""The star map on a tablet (1024x768, touch) as a player's finger meets it: a tap on a moving
name reads that thing, and no name hides under the info panel. Real Chromium with software
WebGL, the real app on the sample campaign's system view."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.player_fixtures import WAIT_MS, App, Guard, open_page
from tests.e2e.test_star_map import MAP, WEBGL_ARGS, bridge, launch, tap, wait_level
from tests.e2e.test_star_map_labels import names
from tests.e2e.test_star_map_steady import clocked_page, pause_soon

pytestmark = pytest.mark.e2e

SYSTEM = "vesper_reach"
TABLET = (1024, 768)
CENTRE = (
    "n => { const r = n.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }"
)
BOX = "n => { const r = n.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }"


@pytest.fixture(name="browser", scope="module")
def webgl_browser() -> Iterator[Any]:
    yield from launch(WEBGL_ARGS)


def settled(page: Any) -> None:
    """The system view drawn, the camera still, the orbits at their own pace again."""
    wait_level(page, "system", SYSTEM)
    page.wait_for_function(
        "() => { const s = window.__starmap; return s && s.frames > 3"
        " && !(s.flying && s.flying()) && s.pace() === 1; }",
        timeout=WAIT_MS,
    )


def info_name(page: Any) -> str:
    return str(
        page.eval_on_selector(f"{MAP} .sm-info", "i => i.hidden ? '' : i.children[1].textContent")
    )


def moved_on(page: Any, name: str, x: float, y: float) -> None:
    """The name moves on while the hand travels to it (a fingertip's half-width, or more)."""
    page.wait_for_function(
        "([sel, x, y]) => { const r = document.querySelector(sel).getBoundingClientRect();"
        " return Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y) >= 12; }",
        arg=[name, x, y],
        timeout=60_000,
    )


# A body's drawn name in 3D (HTML) and in 2D (SVG).
NAME = {
    "3d": MAP + " .sm-label:not([hidden]):not(.sm-crowded)[data-key='{}'] .sm-name",
    "2d": MAP + " .sm2-thing:not(.sm2-crowded)[data-key='{}'] .sm2-label",
}


@pytest.mark.parametrize("mode", ["3d", "2d"])
def test_a_finger_taps_each_moving_name(
    browser: Any, app: App, guards: list[Guard], mode: str
) -> None:
    """The walk-through's tablet missed names that kept moving on their orbits (or hit
    another's): each body's name, tapped at the centre of its box as read just before, with
    the orbits running, reads that body in the info panel (in 3D and on the 2D map)."""
    bridge(app)
    app.gm("/api/gm/star-map/show/", {"view": f"system:{SYSTEM}"})
    bodies = app.get("/api/active-view/?role=gm")["star_map"]["systems"][SYSTEM]["bodies"]
    query = "?map2d=1" if mode == "2d" else ""
    page = open_page(browser, app, query, *TABLET, guards=guards, touch=True)
    page.wait_for_selector(".br-tab[data-tab=map]:not([hidden])", timeout=WAIT_MS)
    page.tap(".br-tab[data-tab=map]")
    wait_level(page, "system", SYSTEM)
    assert page.eval_on_selector(MAP, "m => m.dataset.mode") == mode
    tapped = []
    for body in bodies:
        settled(page)
        name = NAME[mode].format(body["key"])
        if not page.locator(name).count():
            continue
        x, y = page.eval_on_selector(name, CENTRE)
        if not (mode == "2d" and body.get("belt")):  # a belt's name is still on the 2D map
            moved_on(page, name, x, y)
        page.touchscreen.tap(x, y)
        page.wait_for_function(
            "(want) => { const i = document.querySelector('.br-map .sm-info');"
            " return !i.hidden && i.children[1].textContent === want; }",
            arg=body["name"],
            timeout=WAIT_MS,
        )
        tapped.append(body["name"])
        if page.eval_on_selector(MAP, "m => m.dataset.level") != "system":
            page.tap(f"{MAP} .sm-crumb[data-level=system]")  # back from the planet's orbit map
    assert {"Cinderling", "Gallowmere", "Bellwether"} <= set(tapped)


def intersects(a: list[float], b: list[float]) -> bool:
    return (
        a[0] < b[0] + b[2] - 1
        and b[0] < a[0] + a[2] - 1
        and a[1] < b[1] + b[3] - 1
        and b[1] < a[1] + a[3] - 1
    )


def test_no_name_slides_under_the_info_panel(browser: Any, app: App, guards: list[Guard]) -> None:
    """Gallowmere's name slid under the info panel on the right of a tablet zoomed in on the
    system: over a whole turn (the page's clock stepped), no name drawn meets the panel's box
    or the crumbs'."""
    bridge(app)
    app.gm("/api/gm/star-map/show/", {"view": f"system:{SYSTEM}"})
    system = app.get("/api/active-view/?role=gm")["star_map"]["systems"][SYSTEM]
    page = clocked_page(browser, app, guards, touch=True, size=TABLET)
    wait_level(page, "system", SYSTEM)
    page.wait_for_function("() => window.__starmap && window.__starmap.frames > 3")
    pause_soon(page)
    chosen = next(b["key"] for b in system["bodies"] if b["name"] == "Cinderling")
    tap(page, f"[data-key='{chosen}']")
    page.mouse.move(TABLET[0] / 2, TABLET[1] / 2)
    for _ in range(6):  # a player zoomed in on the inner planets
        page.mouse.wheel(0, -240)
        page.clock.run_for(200)
    far = page.evaluate("Math.hypot(...window.__starmap.camera())")
    assert far < 100, far
    assert info_name(page) == "Cinderling"
    panels = [page.eval_on_selector(f"{MAP} {part}", BOX) for part in (".sm-info", ".sm-crumbs")]
    periods = [float(b["orbit"]["period"]) for b in system["bodies"] if b.get("orbit")]
    step = int(max(periods) / 1.5 / 24 * 1000)  # a 24th of the slowest turn (1.5 days a second)
    seen: set[str] = set()
    for i in range(24):
        page.clock.fast_forward(step)
        page.clock.run_for(120)
        boxes = names(page)
        under = [b[0] for b in boxes for p in panels if intersects(list(b[1:]), p)]
        assert under == [], (i, under)
        seen |= {b[0] for b in boxes}
    assert f"{SYSTEM}/gallowmere" in seen


def test_a_moon_reads_as_a_moon(browser: Any, app: App, guards: list[Guard]) -> None:
    """The info panel headed a tapped moon "Contact" (moons carry no type of their own)."""
    bridge(app)
    app.gm("/api/gm/star-map/show/", {"view": "orbit:vesper_reach/gallowmere"})
    page = open_page(browser, app, width=TABLET[0], height=TABLET[1], guards=guards, touch=True)
    wait_level(page, "orbit", "vesper_reach/gallowmere")
    tap(page, "[data-key='vesper_reach/gallowmere/tithe']")
    page.wait_for_function(
        "() => !document.querySelector('.br-map .sm-info').hidden", timeout=WAIT_MS
    )
    head = page.eval_on_selector(f"{MAP} .sm-info .panel-head", "h => h.textContent")
    assert (head, info_name(page)) == ("Moon", "Tithe")
