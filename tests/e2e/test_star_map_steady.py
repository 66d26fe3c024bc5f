"""A state update the GM did not mean as a "show" leaves the star map where it is: the camera
(its target and distance; the TV's slow orbit aside) and the scene's own turning (the planet,
its surface sites, the nebulae). Time on the page is Playwright's clock, paused around the
update, so the TV's orbit and the planet's turn move only as far as the test lets them."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.player_fixtures import App, Guard, wait
from tests.e2e.test_star_map import MAP, WEBGL_ARGS, bridge, launch, wait_level

pytestmark = pytest.mark.e2e

ORBIT = "vesper_reach/gallowmere"
SITES = f"{MAP} .sm-site:not([hidden])"


@pytest.fixture(name="browser", scope="module")
def webgl_browser() -> Iterator[Any]:
    yield from launch(WEBGL_ARGS)


def clocked_page(
    browser: Any, app: App, guards: list[Guard], touch: bool, size: tuple[int, int] = (1366, 768)
) -> Any:
    """A display (1366x768) whose clock (timers, animation frames) the test can pause."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=touch)
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.clock.install()
    page.goto(app.url)
    return page


def pause_soon(page: Any) -> None:
    """Stop the page's clock in a moment (Playwright takes seconds; a time already past, as on
    a busy machine half a second later, is refused)."""
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 2)


def camera(page: Any) -> tuple[list[float], list[float]]:
    found = page.evaluate("[window.__starmap.camera(), window.__starmap.target()]")
    return found[0], found[1]


def site_places(page: Any) -> dict[str, tuple[float, float]]:
    """Where each surface site's name is on screen (those on the near side of the planet)."""
    boxes = page.eval_on_selector_all(SITES, "ns => ns.map(n => [n.dataset.key, n.__x, n.__y])")
    return {key: (x, y) for key, x, y in boxes}


def rebuilt_without(page: Any, key: str) -> bool:
    return bool(page.evaluate(f"() => !document.querySelector(`{MAP} [data-key='{key}']`)"))


@pytest.mark.parametrize("touch", [False, True], ids=["tv", "tablet"])
def test_an_update_moves_neither_the_camera_nor_the_turning_planet(
    browser: Any, app: App, guards: list[Guard], touch: bool
) -> None:
    bridge(app)
    app.gm("/api/gm/star-map/show/", {"view": f"orbit:{ORBIT}"})
    page = clocked_page(browser, app, guards, touch)
    page.wait_for_selector(".br-tab[data-tab=map].active", timeout=15_000)
    wait_level(page, "orbit", ORBIT)
    page.wait_for_function("() => window.__starmap && window.__starmap.frames > 3")
    first = wait(lambda: site_places(page) or None)
    for _ in range(10):
        # The planet has turned a little (a site's name moved) before the update comes; time
        # stops with a site on the near side (one may turn away just then: try again).
        wait(
            lambda: any(
                math.dist(first[k], now) > 25 for k, now in site_places(page).items() if k in first
            ),
            timeout=60,
        )
        pause_soon(page)
        page.clock.run_for(50)
        sites = site_places(page)
        if sites:
            break
        page.clock.resume()
    eye, target = camera(page)
    assert sites
    penance = f"{ORBIT}/Penance"
    app.gm("/api/gm/star-map/visibility/", {"key": penance, "visible": False})
    wait(lambda: rebuilt_without(page, penance))
    page.clock.run_for(100)
    eye2, target2 = camera(page)
    assert target2 == target
    assert math.dist(eye2, target2) == pytest.approx(math.dist(eye, target), abs=0.02)
    assert math.dist(eye2, eye) < 0.3  # the TV's slow orbit over 0.1 s at most
    after = site_places(page)
    moved = {k: math.dist(sites[k], after[k]) for k in sites if k in after}
    assert moved and max(moved.values()) < 6, moved  # the planet did not turn back to its start
    app.gm("/api/gm/star-map/visibility/", {"key": penance, "visible": True})
