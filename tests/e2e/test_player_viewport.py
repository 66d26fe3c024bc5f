"""The map's fitted view under pressure: a place change in the middle of a fit animation (real
snapshots from the app, fed to the page in one task through its test hook `window.__gmRender`,
the stream's own render path), and a fit frame stamped before the fit began (the page's own
Viewport module, driven in the real browser)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Deck,
    Guard,
    fresh_encounter,
    mapped_location,
    open_page,
)

pytestmark = pytest.mark.e2e

FEED = """async (snaps) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  await frame();
  for (const snap of snaps) window.__gmRender(snap);
  for (let i = 0; i < 60; i += 1) await frame();  // the whole fit animation (800 ms)
  return document.querySelector("#view-encounter svg.map").getAttribute("viewBox");
}"""


def far_apart(deck: Deck) -> tuple[str, str]:
    """Two rooms of the deck far apart: revealing the second changes the fit a lot."""
    rooms = list(deck.rooms.values())
    first = min(rooms, key=lambda r: (r["x"], r["y"]))
    second = max(rooms, key=lambda r: (r["x"] + r["width"], r["y"] + r["height"]))
    return first["id"], second["id"]


def snapshots(app: App) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(one room shown, two far-apart rooms shown, another place with nothing revealed)."""
    deck = mapped_location(app)
    first, second = far_apart(deck)
    fresh_encounter(app, deck, [first])
    one = app.get("/api/active-view/")
    app.gm("/api/gm/encounter/toggle-room/", {"room_id": second, "visible": True})
    two = app.get("/api/active-view/")
    other = _other_mapped(app, deck)
    app.gm("/api/gm/encounter/reset-location/", {"location_slug": other})
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": other})
    return one, two, app.get("/api/active-view/")


def _other_mapped(app: App, deck: Deck) -> str:
    def walk(locations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [x for loc in locations for x in (loc, *walk(loc.get("children") or []))]

    return next(
        loc["slug"]
        for loc in walk(app.get("/api/gm/locations/")["locations"])
        if loc["has_map"] and loc["slug"] != deck.slug
    )


def newest(snaps: tuple[dict[str, Any], ...], page: Any) -> list[dict[str, Any]]:
    """The snapshots renumbered past what the page shows, so it takes them in this order."""
    shown = int(page.evaluate("Number(document.body.dataset.revision)"))
    return [{**snap, "revision": shown + i + 1} for i, snap in enumerate(snaps)]


def view_box(text: str) -> list[float]:
    return [float(v) for v in text.split()]


def test_a_place_change_during_a_fit_animation(app: App, browser: Any, guards: list[Guard]) -> None:
    one, two, elsewhere = snapshots(app)
    page = open_page(browser, app, guards=guards)
    expect(page.locator("body")).to_have_attribute("data-view", "ENCOUNTER", timeout=WAIT_MS)
    page.evaluate(FEED, newest((one, two, elsewhere), page))
    # The page raised nothing (the guard checks at teardown) and shows the other place's card
    # or its empty map, with no room of the first place left over.
    assert page.locator("#view-encounter .layer-rooms > [data-id]").count() == 0


UNIT = """async () => {
  const { Viewport } = await import("/js/viewport.js");
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.body.appendChild(document.createElementNS(ns, "svg"));
  const view = new Viewport(svg, () => {});
  view.setFit({ x: 0, y: 0, w: 50, h: 40 }, false);
  view.setFit({ x: 0, y: 0, w: 50, h: 10 }, true);  // a fit animation starts now...
  cancelAnimationFrame(view.frame);
  // ...and its first frame carries a timestamp from before it started, as a frame that began
  // before a long task (a burst of snapshots) set the fit does.
  view.step(view.started - 1000);
  const box = svg.getAttribute("viewBox");
  svg.remove();
  return box;
}"""


def test_a_fit_frame_stamped_before_the_fit_began_stays_a_real_box(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    page = open_page(browser, app, guards=guards)
    expect(page.locator("body")).to_have_attribute("data-revision", re.compile(r"\d"))
    w, h = view_box(page.evaluate(UNIT))[2:]
    assert (w, h) == (50, 40), "the first frame of a fit shows where it starts from"
