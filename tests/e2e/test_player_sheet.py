"""A bound tablet's character sheet, in real Chromium: the first tap on its button opens it
(while the sound is still locked, that tap also takes the sound prompt away from the row of
buttons: the sheet's button must not slide out from under the finger), and the frames that
follow (the GM switching view, a broadcast, another token moving) leave it open; only a real
change of the binding closes it. The sheet looks finished on the original system's campaign:
its contents clear of the card's edges, a portrait that does not load shows the initials (never
a broken image), a close button a finger can hit, vitals readable at arm's length."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
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
from tests.e2e.test_player_walk_r2 import overlaps

pytestmark = pytest.mark.e2e

TABLET = "sheet-tablet-01"
ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"

SHEET_BOXES = """() => {
  const box = (sel) => { const n = document.querySelector(sel); if (!n) return null;
    const r = n.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height,
    font: parseFloat(getComputedStyle(n).fontSize)}; };
  const broken = [...document.querySelectorAll('#sheet img')]
    .filter((i) => i.complete && i.naturalWidth === 0).length;
  return {card: box('#sheet .sheet-card'), close: box('#sheet .sheet-close'),
    face: box('#sheet .ds-face'), facts: box('#sheet .ds-facts'), health: box('#sheet .ds-health'),
    stress: box('#sheet .ds-facts dd'), value: box('#sheet .ds-health-v'),
    grid: box('#sheet .ds-stat'), placeholder: box('#sheet .ds-placeholder'), broken};
}"""


def _bound_tablet(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int] = (1024, 768)
) -> tuple[Any, dict[str, Any]]:
    """A touch tablet, bound to the first crew member (its sound still locked)."""
    page = open_page(browser, app, f"?display={TABLET}", size[0], size[1], guards, touch=True)
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


@pytest.fixture(name="original", scope="module")
def original_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """The original system's campaign, one crew portrait a file that is no picture at all."""
    folder = tmp_path_factory.mktemp("campaign") / "original"
    shutil.copytree(ORIGINAL, folder)
    (folder / "campaign" / "crew" / "images" / "hollis.png").write_bytes(b"not a picture")
    app = App(tmp_path_factory.mktemp("state") / "state.sqlite", campaign=folder).start()
    yield app
    app.stop()


@pytest.mark.parametrize("member", ["hollis", "vance"])  # a portrait unreadable, one missing
def test_the_sheet_looks_finished_on_the_original_campaign(
    original: App, browser: Any, guards: list[Guard], member: str
) -> None:
    original.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_page(browser, original, f"?display={TABLET}", 1024, 768, guards, touch=True)
    wait(lambda: any(d["id"] == TABLET for d in original.get("/api/gm/displays/")["displays"]))
    crew = {c["id"]: c for c in original.get("/api/active-view/?role=gm")["crew"]}
    original.gm(f"/api/gm/displays/{TABLET}/", {"kind": "tablet", "character": member})
    expect(page.locator("#sheet-btn")).to_have_text(crew[member]["name"], timeout=WAIT_MS)
    page.locator("#sheet-btn").tap()
    sheet = page.locator("#sheet")
    expect(sheet).to_be_visible(timeout=WAIT_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('#sheet img')].every((i) => i.complete)",
        timeout=WAIT_MS,
    )
    got = page.evaluate(SHEET_BOXES)
    assert got["broken"] == 0, "a portrait that did not load shows as a broken image"
    assert got["placeholder"] is not None, "no initials in place of the portrait"
    initials = "".join(w[0] for w in crew[member]["name"].split()[:2])
    expect(sheet.locator(".ds-placeholder")).to_have_text(initials)
    card = got["card"]
    for part in ("face", "facts", "health", "grid"):
        inner = got[part]
        assert inner["x"] - card["x"] >= 12, f"{part} touches the card's left edge: {inner}"
        right = card["x"] + card["w"] - (inner["x"] + inner["w"])
        assert right >= 12, f"{part} touches the card's right edge: {inner}"
    close = got["close"]
    assert close is not None, "the sheet has no close button"
    assert close["w"] >= 44 and close["h"] >= 44, f"close button too small for a finger: {close}"
    for vital in ("stress", "value"):
        assert got[vital]["font"] >= 18, f"{vital} too small to read: {got[vital]}"
    page.locator("#sheet .sheet-close").tap()
    expect(sheet).to_be_hidden(timeout=WAIT_MS)


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768), (768, 1024)], ids=str)
def test_the_pages_buttons_keep_off_the_bridges_panels(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    """The sheet's button, the handouts' and the sound prompt sat on the long-range scan's
    state line (a stage rehearsal's TV and tablets): the bridge makes room for them."""
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page, _crew = _bound_tablet(app, browser, guards, size)
    panels = "#view-bridge .panel, #view-bridge .sc-state"
    expect(page.locator("#sound-prompt")).to_be_visible(timeout=WAIT_MS)
    assert overlaps(page, "#sound-prompt, #sheet-btn", panels) == []
    app.gm("/api/gm/handouts/show/", {"title": "Orders", "text": "Hold.", "displays": [TABLET]})
    page.locator("#handout").click()  # read (the tap unlocks the sound): its button stays
    expect(page.locator("#handouts-btn")).to_be_visible(timeout=WAIT_MS)
    assert overlaps(page, "#sheet-btn, #handouts-btn", panels) == []
    page.locator("#handouts-btn").click()  # the history opens above the buttons, off the tabs
    expect(page.locator("#handout-list")).to_be_visible(timeout=WAIT_MS)
    assert overlaps(page, "#handout-list", "#sheet-btn, #handouts-btn, .br-tab") == []
