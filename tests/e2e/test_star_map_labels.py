"""Names on the 3D star map never sit on one another, however the moons, stations and sites of
a dense orbit pass each other: a lesser name moves aside or is hidden, the selected one stays.
Measured in a real Chromium at 1366x768 on the orbit view of the sample campaign and of the
original-style campaign, over a whole turn of the scene (Playwright's clock moves time on)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.player_fixtures import App, Guard, wait
from tests.e2e.test_star_map import MAP, WEBGL_ARGS, launch, wait_level
from tests.e2e.test_star_map_steady import clocked_page, pause_soon

pytestmark = pytest.mark.e2e

ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"
# Every name drawn: its label not hidden (a site on the far side), the name not left out.
NAMES = (
    "ns => ns.filter(n => !n.closest('.sm-label').hidden"
    " && getComputedStyle(n).visibility !== 'hidden').map(n => {"
    " const r = n.getBoundingClientRect(); return [n.closest('.sm-label').dataset.key,"
    " r.x, r.y, r.width, r.height]; })"
)


@pytest.fixture(name="browser", scope="module")
def webgl_browser() -> Iterator[Any]:
    yield from launch(WEBGL_ARGS)


@pytest.fixture(name="original", scope="module")
def original_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    running = App(tmp_path_factory.mktemp("orig") / "s.sqlite3", campaign=ORIGINAL).start()
    yield running
    running.stop()


def names(page: Any) -> list[tuple[str, float, float, float, float]]:
    return [tuple(n) for n in page.eval_on_selector_all(f"{MAP} .sm-name", NAMES)]


def covered(boxes: list[tuple[str, float, float, float, float]]) -> list[tuple[str, str]]:
    return [
        (a[0], b[0])
        for a, b in itertools.combinations(boxes, 2)
        if a[1] < b[1] + b[3] - 1
        and b[1] < a[1] + a[3] - 1
        and a[2] < b[2] + b[4] - 1
        and b[2] < a[2] + a[4] - 1
    ]


def check_a_whole_turn(app: App, guards: list[Guard], browser: Any) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    orbits = app.get("/api/active-view/?role=gm")["star_map"]["orbits"]
    key = next(iter(orbits))
    orbit = orbits[key]
    things = [t["key"] for t in orbit["moons"] + orbit["stations"] + orbit["sites"]]
    assert len(things) >= 4
    app.gm("/api/gm/star-map/show/", {"view": f"orbit:{key}"})
    page = clocked_page(browser, app, guards, touch=True)
    wait_level(page, "orbit", key)
    page.wait_for_function("() => window.__starmap && window.__starmap.frames > 3")
    pause_soon(page)
    chosen = orbit["moons"][0]["key"]
    page.locator(f"{MAP} .sm-label[data-key='{chosen}']").dispatch_event("click")
    longest = max(float(t["orbit"]["period"]) for t in orbit["moons"] + orbit["stations"])
    step = int(longest / 0.02 / 24 * 1000)  # a 24th of the slowest turn (0.02 days a second)
    shown: set[str] = set()
    for i in range(24):
        page.clock.fast_forward(step)
        page.clock.run_for(120)
        boxes = names(page)
        assert covered(boxes) == [], (i, covered(boxes))
        assert chosen in {b[0] for b in boxes}, i  # the selected name is always there
        shown |= {b[0] for b in boxes}
    assert set(things) - shown <= {s["key"] for s in orbit["sites"]}  # sites: the far side
    wait(lambda: names(page))


def test_the_sample_orbit_names_never_overlap(browser: Any, app: App, guards: list[Guard]) -> None:
    check_a_whole_turn(app, guards, browser)


def test_the_original_campaign_orbit_names_never_overlap(
    browser: Any, original: App, guards: list[Guard]
) -> None:
    check_a_whole_turn(original, guards, browser)
