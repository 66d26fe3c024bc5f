"""The star map on real displays: headless Chromium with software WebGL (and without WebGL),
the real app on the sample campaign. What players see of it is what the GM lets them see."""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.player_fixtures import CHROMIUM_ARGS, WAIT_MS, App, Guard, open_page

pytestmark = pytest.mark.e2e

WEBGL_ARGS = [a for a in CHROMIUM_ARGS if a != "--disable-gpu"] + [
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--ignore-gpu-blocklist",
]
MAP = ".br-map .starmap"
ORBIT = "orbit:vesper_reach/gallowmere"


def launch(args: list[str]) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian's chromium is not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=args)
        yield chromium
        chromium.close()


@pytest.fixture(name="browser", scope="module")
def webgl_browser() -> Iterator[Any]:
    yield from launch(WEBGL_ARGS)


def bridge(app: App) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})


def shown_systems(app: App) -> list[str]:
    """The star_id of every system the GM's snapshot says players see."""
    gm = app.get("/api/active-view/?role=gm")
    return [s["star_id"] for s in gm["star_map"]["galaxy"]["systems"] if not s["hidden"]]


def star_ids(page: Any, scope: str = MAP) -> list[str]:
    return sorted(
        page.eval_on_selector_all(f"{scope} [data-star-id]", "n => n.map(e => e.dataset.starId)")
    )


def wait_ids(page: Any, expected: list[str], scope: str = MAP) -> None:
    page.wait_for_function(
        "([scope, want]) => JSON.stringify([...document.querySelectorAll("
        "scope + ' [data-star-id]')].map(e => e.dataset.starId).sort()) === JSON.stringify(want)",
        arg=[scope, sorted(expected)],
        timeout=WAIT_MS,
    )


def wait_level(page: Any, level: str, key: str, scope: str = MAP) -> None:
    page.wait_for_function(
        "([scope, level, key]) => { const m = document.querySelector(scope);"
        " return m && m.dataset.level === level && m.dataset.key === key; }",
        arg=[scope, level, key],
        timeout=WAIT_MS,
    )


def open_map(browser: Any, app: App, guards: list[Guard], touch: bool = False) -> Any:
    page = open_page(browser, app, width=1366, height=768, guards=guards, touch=touch)
    page.wait_for_selector(".br-tab[data-tab=map]:not([hidden])", timeout=WAIT_MS)
    page.click(".br-tab[data-tab=map]")
    page.wait_for_function(
        "() => window.__starmap && window.__starmap.firstFrame > 0", timeout=WAIT_MS
    )
    return page


def tap(page: Any, selector: str) -> None:
    """A tap on a label (labels follow the moving scene, so they are never 'stable' and may
    pass under one another: the click goes to the label itself)."""
    page.locator(f"{MAP} {selector}").first.dispatch_event("click")


def test_the_map_tab_draws_one_element_per_visible_system(
    browser: Any, app: App, guards: list[Guard]
) -> None:
    bridge(app)
    expected = shown_systems(app)
    assert len(expected) == 6 and "Nadir" not in expected
    page = open_map(browser, app, guards)
    assert page.eval_on_selector(MAP, "m => m.dataset.mode") == "3d"
    wait_ids(page, expected)
    assert star_ids(page) == sorted(expected)
    assert page.locator(f"{MAP} canvas").count() == 1
    app.gm("/api/gm/star-map/visibility/", {"key": "Nadir", "visible": True})
    wait_ids(page, [*expected, "Nadir"])
    app.gm("/api/gm/star-map/visibility/", {"key": "cinder_verge", "visible": False})
    wait_ids(page, [*[e for e in expected if e != "cinder_verge"], "Nadir"])
    assert page.locator(f"{MAP} canvas").count() == 1  # the same scene, updated


def test_when_the_3d_scene_does_not_arrive_the_map_is_drawn_in_2d(
    browser: Any, app: App, guards: list[Guard]
) -> None:
    """The app went away while a display loaded the star map's modules (they load when a star
    map is first shown): no script error, and the map is drawn in 2D, whose module came with
    the page (a failed dynamic import stays failed in Chromium until the page reloads)."""
    app.gm("/api/gm/new-session/")
    page = open_page(browser, app, width=1366, height=768, guards=guards)
    page.route(re.compile(r"/js/starmap[23]d\.js"), lambda route: route.abort())
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page.wait_for_selector(".br-tab[data-tab=map]:not([hidden])", timeout=WAIT_MS)
    page.click(".br-tab[data-tab=map]")
    wait_ids(page, shown_systems(app))
    assert page.eval_on_selector(MAP, "m => m.dataset.mode") == "2d"


def test_a_tablet_drills_down_on_its_own(browser: Any, app: App, guards: list[Guard]) -> None:
    bridge(app)
    tv = open_map(browser, app, guards)
    tablet = open_map(browser, app, guards, touch=True)
    tap(tablet, "[data-star-id=vesper_reach]")
    wait_level(tablet, "system", "vesper_reach")
    assert "VESPER REACH" in tablet.inner_text(f"{MAP} .sm-info")
    tap(tablet, "[data-key='vesper_reach/gallowmere']")
    wait_level(tablet, "orbit", "vesper_reach/gallowmere")
    names = tablet.eval_on_selector_all(
        f"{MAP} .sm-label .sm-name", "n => n.map(e => e.textContent)"
    )
    assert {"Tithe", "Penance", "Lantern Station", "Bore Site Three"} <= set(names)
    assert tv.eval_on_selector(MAP, "m => m.dataset.level") == "galaxy"  # only the tablet went
    tablet.click(f"{MAP} .sm-crumb[data-level=galaxy]")
    wait_level(tablet, "galaxy", "")


def camera_distance(page: Any) -> float:
    camera, target = page.evaluate("[window.__starmap.camera(), window.__starmap.target()]")
    return math.dist(camera, target)


def test_the_gm_show_flies_the_tv_camera(browser: Any, app: App, guards: list[Guard]) -> None:
    bridge(app)
    tv = open_page(browser, app, width=1366, height=768, guards=guards)
    tv.wait_for_selector(".br-tab[data-tab=status].active", timeout=WAIT_MS)
    app.gm("/api/gm/star-map/show/", {"view": ""})
    tv.wait_for_selector(".br-tab[data-tab=map].active", timeout=WAIT_MS)  # the GM opened it
    tv.wait_for_function("() => window.__starmap && window.__starmap.frames > 2", timeout=WAIT_MS)
    galaxy = math.dist((0, 140, 250), (0, 0, 0))  # the sample galaxy's camera
    tv.wait_for_function(
        "(d) => { const c = window.__starmap.camera(), t = window.__starmap.target();"
        " return Math.abs(Math.hypot(c[0]-t[0], c[1]-t[1], c[2]-t[2]) - d) < 1; }",
        arg=galaxy,
        timeout=WAIT_MS,
    )
    app.gm("/api/gm/star-map/show/", {"view": ORBIT})
    wait_level(tv, "orbit", "vesper_reach/gallowmere")
    orbit = math.dist((0, 12, 34), (0, 0, 0))  # Gallowmere's orbit map camera
    tv.wait_for_function(
        "(d) => { const c = window.__starmap.camera(), t = window.__starmap.target();"
        " return Math.abs(Math.hypot(c[0]-t[0], c[1]-t[1], c[2]-t[2]) - d) < 0.5; }",
        arg=orbit,
        timeout=WAIT_MS,
    )
    assert camera_distance(tv) == pytest.approx(orbit, abs=0.5)
    assert tv.evaluate("window.__starmap.flights") >= 1
    first = tv.evaluate("window.__starmap.camera()")
    tv.wait_for_function(  # the TV turns slowly around the view
        "(p) => { const c = window.__starmap.camera();"
        " return Math.abs(c[0] - p[0]) + Math.abs(c[2] - p[2]) > 0.05; }",
        arg=first,
        timeout=WAIT_MS,
    )


def test_an_encounter_at_a_planet_shows_its_orbit_map(
    browser: Any, app: App, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": "gallowmere"})
    page = open_page(browser, app, width=1366, height=768, guards=guards)
    wait_level(page, "orbit", "vesper_reach/gallowmere", scope="#view-encounter .starmap")
    assert page.locator("#view-encounter .location-card").is_hidden()
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": "vesper_reach"})
    wait_level(page, "system", "vesper_reach", scope="#view-encounter .starmap")
