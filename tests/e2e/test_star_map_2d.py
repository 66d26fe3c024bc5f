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
