"""A bound tablet's character sheet, in real Chromium: the first tap on its button opens it
(while the sound is still locked, that tap also takes the sound prompt away from the row of
buttons: the sheet's button must not slide out from under the finger), and the frames that
follow (the GM switching view, a broadcast, another token moving) leave it open; only a real
change of the binding closes it."""

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
    wait_revision,
)

pytestmark = pytest.mark.e2e

TABLET = "sheet-tablet-01"


def _bound_tablet(app: App, browser: Any, guards: list[Guard]) -> tuple[Any, dict[str, Any]]:
    """A touch tablet on the bridge, bound to the first crew member (its sound still locked)."""
    page = open_page(browser, app, f"?display={TABLET}", 1024, 768, guards, touch=True)
    wait(lambda: any(d["id"] == TABLET for d in app.get("/api/gm/displays/")["displays"]))
    crew = app.get("/api/active-view/?role=gm")["crew"][0]
    app.gm(f"/api/gm/displays/{TABLET}/", {"kind": "tablet", "character": crew["id"]})
    expect(page.locator("#sheet-btn")).to_have_text(crew["name"], timeout=WAIT_MS)
    return page, crew


def _after(app: App, page: Any, answer: Any) -> None:
    """Until the tablet has drawn the frame of that GM write."""
    wait_revision(page, app.get(f"/api/active-view/?display={TABLET}")["revision"])
    assert answer["success"]


def test_the_first_tap_opens_the_sheet_and_later_frames_leave_it_open(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, _, _ = deck.neighbours()
    fresh_encounter(app, deck, [first])
    other = app.gm(
        "/api/gm/encounter/place-token/",
        {"type": "npc", "name": "Dockhand", "x": deck.cells(first)[0][0],
         "y": deck.cells(first)[0][1]},
    )  # fmt: skip
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page, crew = _bound_tablet(app, browser, guards)
    expect(page.locator("#sound-prompt")).to_be_visible()  # the first tap unlocks it too
    sheet = page.locator("#sheet")
    page.locator("#sheet-btn").tap()
    expect(sheet).to_be_visible(timeout=WAIT_MS)
    expect(sheet).to_contain_text(crew["name"])
    assert page.evaluate("window.__gmSound.running")

    free = deck.cells(first)[-1]
    writes = [
        ("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": deck.slug}),
        ("/api/gm/broadcast/", {"content": "Hull breach on deck two"}),
        ("/api/gm/encounter/move-token/", {"token_id": other["token_id"], "x": free[0],
                                           "y": free[1]}),
        ("/api/gm/switch-view/", {"view_type": "BRIDGE"}),
    ]  # fmt: skip
    for path, body in writes:
        _after(app, page, app.gm(path, body))
        expect(sheet).to_be_visible()

    _after(app, page, app.gm(f"/api/gm/displays/{TABLET}/", {"character": None}))
    expect(sheet).to_be_hidden(timeout=WAIT_MS)
    expect(page.locator("#sheet-btn")).to_be_hidden()
