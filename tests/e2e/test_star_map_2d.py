"""The star map without WebGL: the page draws the same map in 2D (SVG), never an error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.player_fixtures import CHROMIUM_ARGS, App, Guard
from tests.e2e.test_star_map import (
    MAP,
    bridge,
    launch,
    open_map,
    shown_systems,
    tap,
    wait_ids,
    wait_level,
)
from tests.e2e.test_star_map_labels import covered
from tests.e2e.test_star_map_steady import clocked_page, pause_soon
from tests.e2e.test_star_map_tablet import BOX, intersects

pytestmark = pytest.mark.e2e

NO_WEBGL_ARGS = [*CHROMIUM_ARGS, "--disable-webgl", "--disable-3d-apis"]


@pytest.fixture(name="browser", scope="module")
def no_webgl_browser() -> Iterator[Any]:
    yield from launch(NO_WEBGL_ARGS)


def test_without_webgl_the_page_draws_the_same_map_in_2d(
    browser: Any, app: App, guards: list[Guard]
) -> None:
    bridge(app)
    expected = shown_systems(app)
    page = open_map(browser, app, guards, touch=True)
    assert page.eval_on_selector(MAP, "m => m.dataset.mode") == "2d"
    assert page.locator(f"{MAP} canvas").count() == 0
    wait_ids(page, expected)
    tap(page, "[data-star-id=vesper_reach]")
    wait_level(page, "system", "vesper_reach")
    assert page.locator(f"{MAP} [data-key='vesper_reach/The Chaff']").count() == 1
    tap(page, "[data-key='vesper_reach/gallowmere']")
    wait_level(page, "orbit", "vesper_reach/gallowmere")
    assert page.locator(f"{MAP} [data-key='vesper_reach/gallowmere/tithe']").count() == 1
    app.gm(
        "/api/gm/star-map/visibility/", {"key": "vesper_reach/gallowmere/tithe", "visible": False}
    )
    page.wait_for_selector(f"{MAP} [data-key='vesper_reach/gallowmere/tithe']", state="detached")


# Every name the 2D map draws: its text's box, unless left out (crowded) for want of room.
NAMES_2D = (
    "gs => gs.filter(g => !g.classList.contains('sm2-crowded')).map(g => {"
    " const r = g.querySelector('.sm2-label').getBoundingClientRect();"
    " return [g.dataset.key, r.x, r.y, r.width, r.height]; })"
)


def step(app: App, view: str) -> int:
    """A 24th of the slowest turn in a view, in ms (a view is as fast as starmap.js says)."""
    part = app.get("/api/active-view/?role=gm")["star_map"]
    level, _, key = view.partition(":")
    if level == "orbit":
        things = part["orbits"][key]["moons"] + part["orbits"][key]["stations"]
        periods, days_a_second = [t["orbit"]["period"] for t in things], 0.02
    elif level == "system":
        periods = [b["orbit"]["period"] for b in part["systems"][key]["bodies"] if b.get("orbit")]
        days_a_second = 1.5
    else:
        return 1000
    return int(max(float(p) for p in periods) / days_a_second / 24 * 1000)


@pytest.mark.parametrize("view", ["orbit:vesper_reach/gallowmere", "system:vesper_reach", ""])
def test_the_2d_names_never_overlap_nor_hide_under_the_panels(
    browser: Any, app: App, guards: list[Guard], view: str
) -> None:
    """The 2D map kept no name off another (moons and stations passing each other wrote over
    one another): over a whole turn, with a thing selected, no two names drawn meet, and none
    meets the info panel or the crumbs."""
    bridge(app)
    app.gm("/api/gm/star-map/show/", {"view": view})
    page = clocked_page(browser, app, guards, touch=True, size=(1024, 768))
    page.wait_for_function("() => window.__starmap && window.__starmap.firstFrame > 0")
    assert page.eval_on_selector(MAP, "m => m.dataset.mode") == "2d"
    pause_soon(page)
    things = page.eval_on_selector_all(f"{MAP} .sm2-thing", "gs => gs.map(g => g.dataset.key)")
    tap(page, f"[data-key='{things[len(things) // 2]}']")
    page.clock.run_for(200)
    panels = [page.eval_on_selector(f"{MAP} {p}", BOX) for p in (".sm-info", ".sm-crumbs")]
    shown: set[str] = set()
    for i in range(24):
        page.clock.fast_forward(step(app, view))
        page.clock.run_for(120)
        boxes = [tuple(b) for b in page.eval_on_selector_all(f"{MAP} .sm2-thing", NAMES_2D)]
        assert covered(boxes) == [], (i, covered(boxes))
        under = [b[0] for b in boxes for p in panels if intersects(list(b[1:]), p)]
        assert under == [], (i, under)
        shown |= {b[0] for b in boxes}
    assert len(shown) >= len(things) // 2
