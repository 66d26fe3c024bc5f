"""No view ever shows `[object Object]`, `undefined`, `null` or `NaN` (issue 11): every view of
the player display (standby, every BRIDGE tab and page, the encounter map with tokens and a
portrait, the comm terminal with each message opened, the ship computer) is walked in the real
Chromium against the real app, on the sample campaign and on a campaign that leaves optional
fields out and gives values of odd kinds (health as a list or a number, stress as a mapping,
a ship without hull or armor, a system given as a bare word, a session without front matter),
and on the test campaign written the original system's way."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from desktop.campaign.sample_path import sample_campaign_path
from tests.e2e.page_checks import OUTSIDE_JS, placeholders, settle
from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    _walk,
    fresh_encounter,
    mapped_location,
    open_page,
    wait_revision,
)

pytestmark = pytest.mark.e2e

ODD_CREW = """crew:
  - id: listy
    name: "Juno Castellane"
    role: "Engineer"
    health: [7, 10]
    stress: {current: 2}
    stats: {strength: null, speed: "fast", intellect: {base: 30, bonus: 5}, combat: 26}
    saves: [20, 30]
  - id: bare
  - id: numbers
    name: "Oskar Vell"
    role: 42
    class: null
    health: 12
    stress: null
    stats: {}
  - id: half
    name: "Tamsin Hale"
    health: {current: 3}
    saves: {sanity: {current: 4, max: 9}}
"""

ODD_SHIP = """ship:
  name: "SV Odd Lot"
  systems:
    sensors: OFFLINE
    reactor: {status: CRITICAL}
    life_support: {condition: 55}
    engines: {status: ONLINE, condition: "high", info: [a, b]}
    comms: {status: DAMAGED, condition: 30, info: "Long-range array iced over; short range only."}
    weapons: {status: STRESSED, condition: 61, info: "Point defence jammed twice this shift."}
    cargo_bay: {status: ONLINE, condition: 100}
    medbay: {status: WARNING, condition: 48, info: "Autodoc needs a new cartridge."}
    hydroponics: {status: ONLINE, condition: 88, info: "Lettuce."}
"""

ODD_SESSION = "Nothing but a line of text, without front matter.\n"


def odd_campaign(root: Path) -> Path:
    """The sample campaign with odd crew, ship and session files."""
    folder = root / "odd"
    shutil.copytree(sample_campaign_path(), folder)
    (folder / "campaign" / "crew.yaml").write_text(ODD_CREW, encoding="utf-8")
    (folder / "campaign" / "ship.yaml").write_text(ODD_SHIP, encoding="utf-8")
    (folder / "campaign" / "sessions" / "session_09.md").write_text(ODD_SESSION, encoding="utf-8")
    return folder


@pytest.fixture(name="odd_app", scope="module")
def odd_app_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    root = tmp_path_factory.mktemp("odd")
    running = App(root / "s.sqlite3", campaign=odd_campaign(root)).start()
    yield running
    running.stop()


@pytest.fixture(name="original_app", scope="module")
def original_app_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """The test campaign written the original system's way (separate rooms, corridors)."""
    folder = Path(__file__).parent.parent / "fixtures" / "original_campaign"
    running = App(tmp_path_factory.mktemp("orig") / "s.sqlite3", campaign=folder).start()
    yield running
    running.stop()


def walk_every_view(app: App, page: Any) -> dict[str, list[str]]:
    """Every view and page the players can reach; what each showed that it should not."""
    bad: dict[str, list[str]] = {}

    def look(where: str) -> None:
        wait_revision(page, int(app.get("/api/active-view/")["revision"]))
        found = placeholders(page)
        if found:
            bad[where] = found

    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    look("standby")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    expect(page.locator("body")).to_have_attribute("data-view", "BRIDGE", timeout=WAIT_MS)
    for tab in ("status", "crew", "logs"):
        page.click(f".br-tab[data-tab={tab}]")
        pager = page.locator(".pager:not(.off):not([hidden]) .pg-label")
        pages = int(pager.text_content().split("/")[1]) if pager.count() else 1
        for n in range(pages):
            look(f"bridge {tab} {n + 1}")
            if pages > 1:
                page.click(".pager:not(.off) .pg-next")
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    room = next(iter(deck.rooms))
    for n, (x, y) in enumerate(deck.cells(room)[:3]):
        app.gm(
            "/api/gm/encounter/place-token/",
            {"type": "player", "name": f"Crew {n}", "x": x, "y": y},
        )
    npc = app.get("/api/gm/npcs/")["npcs"][0]
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    expect(page.locator("#view-encounter .token")).to_have_count(3, timeout=WAIT_MS)
    settle(page, app)
    look("encounter")
    for loc in _walk(app.get("/api/gm/locations/")["locations"]):
        for term in loc.get("terminals") or []:
            app.gm(
                "/api/gm/show-terminal/",
                {"location_slug": loc["slug"], "terminal_slug": term["slug"]},
            )
            expect(page.locator("#terminal-overlay")).to_be_visible(timeout=WAIT_MS)
            wait_revision(page, int(app.get("/api/active-view/")["revision"]))
            for row in page.locator(".tm-row").all():
                row.click()
                look(f"terminal {term['name']}")
    app.gm("/api/terminal/hide/")
    app.gm("/api/gm/switch-view/", {"view_type": "CHARON_TERMINAL"})
    app.gm("/api/gm/charon/story/send/", {"content": "Course plotted."})
    expect(page.locator("#charon")).to_contain_text("Course plotted", timeout=WAIT_MS)
    look("ship computer")
    return bad


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=["tv", "tablet"])
def test_no_view_of_the_sample_shows_a_placeholder(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    page = open_page(
        browser, app, width=size[0], height=size[1], guards=guards, reduced_motion=True
    )
    assert walk_every_view(app, page) == {}


def test_no_view_of_a_campaign_with_odd_values_shows_a_placeholder(
    odd_app: App, browser: Any, guards: list[Guard]
) -> None:
    page = open_page(browser, odd_app, width=1920, height=1080, guards=guards, reduced_motion=True)
    assert walk_every_view(odd_app, page) == {}
    odd_app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page.click(".br-tab[data-tab=crew]")
    listy = page.locator('.dossier[data-id="listy"]')
    expect(listy).to_contain_text("7, 10", timeout=WAIT_MS)  # health as a list, shown as one
    expect(page.locator('.dossier[data-id="numbers"]')).to_contain_text("42")


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=["tv", "tablet"])
def test_no_view_of_the_original_style_campaign_shows_a_placeholder(
    original_app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    page = open_page(
        browser, original_app, width=size[0], height=size[1], guards=guards, reduced_motion=True
    )
    assert walk_every_view(original_app, page) == {}


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=["tv", "tablet"])
def test_a_ship_of_many_systems_fits_the_status_tab(
    odd_app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    odd_app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_page(browser, odd_app, width=size[0], height=size[1], guards=guards)
    systems = odd_app.get("/api/active-view/")["ship"]["systems"]
    assert len(systems) >= 8
    expect(page.locator(".system")).to_have_count(len(systems), timeout=WAIT_MS)
    page.evaluate("document.fonts.ready")
    assert page.evaluate(OUTSIDE_JS, "#view-bridge *") == []


def test_health_shows_as_a_bar_with_current_of_max(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    crew = app.get("/api/active-view/")["crew"][0]
    page = open_page(browser, app, width=1920, height=1080, guards=guards)
    page.click(".br-tab[data-tab=crew]")
    card = page.locator(f'.dossier[data-id="{crew["id"]}"]')
    health = crew["health"]
    expect(card.locator(".ds-health-v")).to_have_text(
        f"{health['current']} / {health['max']}", timeout=WAIT_MS
    )
    width = card.locator(".ds-health .bar-fill").evaluate("(e) => e.style.width")
    assert float(width.rstrip("%")) == pytest.approx(
        100 * health["current"] / health["max"], abs=0.5
    )
    assert "[object Object]" not in card.inner_text()
