"""The player display in a real browser against the real app: every view shows what the GM
API set, hidden things never reach the page, and the page asks nothing of any other host."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    fresh_encounter,
    located_terminal,
    mapped_location,
    open_page,
    wait,
    wait_revision,
)

pytestmark = pytest.mark.e2e
FIXTURES = Path(__file__).parent / "fixtures"


def show(app: App, view: str) -> int:
    app.gm("/api/gm/new-session/")
    return int(app.gm("/api/gm/switch-view/", {"view_type": view})["revision"])


def test_standby_shows_the_ship_and_how_to_join(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    show(app, "STANDBY")
    page = open_page(browser, app, guards=guards)
    snap = app.get("/api/active-view/")
    title = snap.get("ship_name") or snap.get("campaign_name")
    expect(page.locator(".sb-title")).to_have_text(title, timeout=WAIT_MS)
    expect(page.locator(".sb-url")).to_have_text(app.get("/api/join/")["url"], timeout=WAIT_MS)
    page.wait_for_function("document.querySelector('.sb-qr').naturalWidth > 0", timeout=WAIT_MS)


def test_bridge_shows_systems_crew_and_logs(app: App, browser: Any, guards: list[Guard]) -> None:
    show(app, "BRIDGE")
    page = open_page(browser, app, guards=guards)
    snap = app.get("/api/active-view/")
    system = next(iter(snap["ship"]["systems"]))
    card = page.locator(f'.system[data-id="{system}"]')
    expect(card.locator(".sys-status")).to_have_text(
        snap["ship"]["systems"][system]["status"], timeout=WAIT_MS
    )
    app.gm(
        "/api/gm/ship-status/toggle/",
        {"system": system, "status": "CRITICAL", "condition": 9, "info": "Coolant breach"},
    )
    expect(card.locator(".sys-status")).to_have_text("CRITICAL", timeout=WAIT_MS)
    expect(card).to_have_attribute("data-level", "crit")
    expect(card.locator(".sys-info")).to_have_text("Coolant breach")
    page.click(".br-tab[data-tab=crew]")
    expect(page.locator(".dossier").first).to_contain_text(snap["crew"][0]["name"])
    page.click(".br-tab[data-tab=logs]")
    expect(page.locator(".log-title").first).to_be_visible()
    titles = [s["title"] for s in snap["sessions"]]
    assert page.locator(".log-title").first.text_content() in titles


def test_encounter_reveal_move_and_hidden_things(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, second, door = deck.neighbours()
    hidden = next(r for r in deck.rooms if r not in (first, second))
    fresh_encounter(app, deck, [first])
    page = open_page(browser, app, guards=guards)
    room = page.locator(f'#view-encounter .room[data-id="{first}"]')
    expect(room).to_contain_text(deck.rooms[first]["name"], timeout=WAIT_MS)
    expect(page.locator(".deck-badge .deck-num")).to_contain_text("/")
    assert page.locator(f'.room[data-id="{second}"]').count() == 0

    app.gm("/api/gm/encounter/toggle-room/", {"room_id": second, "visible": True})
    expect(page.locator(f'.room[data-id="{second}"]')).to_contain_text(deck.rooms[second]["name"])

    (x, y), (x2, y2) = deck.cells(first)[0], deck.cells(first)[-1]
    token = app.gm(
        "/api/gm/encounter/place-token/",
        {"type": "creature", "name": "Rime Crawler", "x": x, "y": y},
    )["token_id"]
    node = page.locator(f'.token[data-id="{token}"]')
    expect(node).to_have_attribute("data-x", str(x), timeout=WAIT_MS)
    app.gm("/api/gm/encounter/move-token/", {"token_id": token, "x": x2, "y": y2})
    expect(node).to_have_attribute("data-x", str(x2), timeout=WAIT_MS)
    expect(node).to_have_attribute("data-y", str(y2))

    hx, hy = deck.cells(hidden)[0]
    lurker = app.gm(
        "/api/gm/encounter/place-token/", {"type": "creature", "name": "Lurker", "x": hx, "y": hy}
    )["token_id"]
    ghost = app.gm(
        "/api/gm/encounter/place-token/", {"type": "npc", "name": "Ghost", "x": x, "y": y}
    )["token_id"]
    app.gm("/api/gm/encounter/update-token-status/", {"token_id": ghost, "status": ["hidden"]})
    # Frames are taken when the broadcaster flushes: a place and a hide in quick succession may
    # net out to no visible change, so wait for the revision the players are meant to see now.
    wait_revision(page, app.get("/api/active-view/")["revision"])
    html = page.content()
    for secret in (lurker, ghost, "Lurker", "Ghost", hidden, deck.rooms[hidden]["name"]):
        assert secret not in html

    status = "SEALED" if door.get("door_status") == "LOCKED" else "LOCKED"
    doors = page.locator(f'svg.map .door[data-status="{status}"]')
    before = doors.count()
    app.gm(
        "/api/gm/encounter/set-door-status/", {"connection_id": door["id"], "door_status": status}
    )
    expect(doors).to_have_count(before + 1, timeout=WAIT_MS)


def test_hidden_point_of_interest_stays_off_the_page(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    fresh_encounter(app, deck, list(deck.rooms))
    gm_map = app.get("/api/active-view/?role=gm").get("encounter_map") or {}
    secret = [p for p in gm_map.get("pois", []) + gm_map.get("terminals", []) if p.get("hidden")]
    if not secret:
        pytest.skip("the sample's default deck has no hidden point of interest")
    page = open_page(browser, app, guards=guards)
    expect(page.locator("#view-encounter .room").first).to_be_visible(timeout=WAIT_MS)
    poi = secret[0]
    assert page.locator(f'.marker[data-id="{poi["id"]}"]').count() == 0
    assert poi["name"] not in page.content()
    app.gm("/api/gm/encounter/toggle-poi/", {"poi_id": poi["id"], "visible": True})
    expect(page.locator(f'.marker[data-id="{poi["id"]}"]')).to_have_count(1, timeout=WAIT_MS)


def test_names_and_bodies_are_text_never_markup(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first = next(iter(deck.rooms))
    fresh_encounter(app, deck, [first])
    page = open_page(browser, app, guards=guards)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    evil = "<img src=x onerror=alert(1)>"
    x, y = deck.cells(first)[0]
    token = app.gm("/api/gm/encounter/place-token/", {"type": "npc", "name": evil, "x": x, "y": y})[
        "token_id"
    ]
    # The label may be the name cut short where the whole does not fit: still text, never markup;
    # a tap on the token tells the whole name, as text too.
    label = page.locator(f'.token[data-id="{token}"] .token-name')
    expect(label).to_have_text(re.compile(r"^<img"), timeout=WAIT_MS)
    assert evil.startswith(label.text_content().rstrip("\u2026"))
    page.locator(f'.token[data-id="{token}"] .token-disc').click(force=True)
    expect(page.locator("#toast")).to_have_text(evil, timeout=WAIT_MS)
    assert page.locator("#view-encounter img").count() == 0

    snap = json.loads((FIXTURES / "_common.json").read_text())
    snap.update(json.loads((FIXTURES / "terminal.json").read_text()))
    snap["revision"] = 10**9
    page.evaluate("(s) => window.__gmRender(s)", snap)
    reader = page.locator(".tm-reader")
    expect(reader).to_contain_text("<script>alert('x')</script>", timeout=WAIT_MS)
    assert page.locator("#terminal-overlay script").count() == 0
    assert dialogs == []


def test_portraits_appear_and_go(app: App, browser: Any, guards: list[Guard]) -> None:
    show(app, "STANDBY")
    npc = app.get("/api/gm/npcs/")["npcs"][0]
    page = open_page(browser, app, guards=guards)
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    card = page.locator(f'.portrait[data-id="{npc["id"]}"]')
    expect(card.locator(".pt-name")).to_have_text(npc["name"], timeout=WAIT_MS)
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    expect(page.locator(".portrait")).to_have_count(0, timeout=WAIT_MS)


def test_terminal_overlay_shows_mail_and_a_tap_outside_closes_it_everywhere(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    show(app, "STANDBY")
    location, terminal, name = located_terminal(app)
    tv = open_page(browser, app, guards=guards)
    tablet = open_page(browser, app, width=800, height=1100, guards=guards)
    app.gm("/api/gm/show-terminal/", {"location_slug": location, "terminal_slug": terminal})
    mail = app.get("/api/active-view/")["terminal"]
    first = (mail["inbox"] or mail["sent"])[0]
    for page in (tv, tablet):
        expect(page.locator(".tm-title")).to_have_text(name, timeout=WAIT_MS)
        expect(page.locator(".tm-list")).to_contain_text(first["subject"])
        expect(page.locator(".tm-headers")).to_contain_text(first["subject"])
    tablet.mouse.click(8, 8)  # outside the terminal window
    for page in (tv, tablet):
        expect(page.locator("#terminal-overlay")).to_be_hidden(timeout=WAIT_MS)
    assert app.get("/api/active-view/")["terminal"] is None


def test_query_mode_question_reaches_the_gm_and_the_answer_types_out(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    show(app, "CHARON_TERMINAL")
    app.gm("/api/gm/charon/mode/", {"mode": "QUERY"})
    page = open_page(browser, app, guards=guards, touch=True)  # a TV offers no input box
    question = "Where is Dr. Kesh?"
    page.fill(".ch-input", question)
    page.press(".ch-input", "Enter")
    expect(page.locator(".ch-status")).to_have_text("AWAITING RESPONSE", timeout=WAIT_MS)

    def pending() -> dict[str, Any] | None:
        gm = app.get("/api/active-view/?role=gm")
        return next(
            (e for e in gm["charon_conversation"] if e["content"] == question and e["pending"]),
            None,
        )

    entry = wait(pending)
    assert entry, "the question never reached the GM"
    answer = "DR. KESH WAS LAST SEEN ON THE LOWER DECK."
    app.gm("/api/gm/charon/story/send/", {"content": answer, "in_reply_to": entry["id"]})
    reply = page.locator(".ch-charon", has_text=answer)
    expect(reply).to_have_count(1, timeout=WAIT_MS)
    expect(reply).not_to_have_class("typing", timeout=WAIT_MS)
    expect(page.locator(".ch-status")).to_be_hidden()


def test_a_question_is_answered_by_approving_the_computers_draft(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    """The draft (from a room the players have not found) is nowhere on the page until the GM
    approves it; then it types out as the answer."""
    show(app, "CHARON_TERMINAL")
    app.gm("/api/gm/charon/mode/", {"mode": "QUERY"})
    page = open_page(browser, app, guards=guards, touch=True)
    page.fill(".ch-input", "What is the Bore Shaft Head?")
    page.press(".ch-input", "Enter")

    def drafted() -> dict[str, Any] | None:
        found = app.get("/api/gm/charon/story/pending/")["pending"]
        return next((d for d in found if d["query_id"]), None)

    draft = wait(drafted)
    assert draft, "no draft was queued for the question"
    assert "WARM WET AIR" in draft["content"]
    wait_revision(page, app.get("/api/active-view/")["revision"])
    assert "warm wet air" not in page.content().casefold()
    app.gm("/api/gm/charon/story/approve/", {"pending_id": draft["id"]})
    reply = page.locator(".ch-charon", has_text="WARM WET AIR")
    expect(reply).to_have_count(1, timeout=WAIT_MS)
    expect(reply).not_to_have_class("typing", timeout=WAIT_MS)
    expect(page.locator(".ch-status")).to_be_hidden()


def test_a_broadcast_arrives_as_a_transmission(app: App, browser: Any, guards: list[Guard]) -> None:
    show(app, "STANDBY")
    page = open_page(browser, app, guards=guards)
    wait_revision(page, 0)
    app.gm(
        "/api/gm/broadcast/",
        {"content": "Hull breach on deck two", "sender": "Wren Core", "priority": "CRITICAL"},
    )
    stage = page.locator("#transmission")
    expect(stage).to_contain_text("Hull breach on deck two", timeout=WAIT_MS)
    expect(stage).to_have_class("transmission p-critical")
    stage.click()  # seen: it joins the log
    expect(page.locator("#broadcast-log")).to_contain_text("Hull breach on deck two")


def test_hold_freezes_every_display_until_released(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    show(app, "STANDBY")
    before = open_page(browser, app, guards=guards)
    expect(before.locator("body")).to_have_attribute("data-view", "STANDBY", timeout=WAIT_MS)
    app.gm("/api/gm/hold/", {"hold": True})
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    late = open_page(browser, app, guards=guards)
    wait_revision(late, 0)
    for page in (before, late):
        assert page.locator("body").get_attribute("data-view") == "STANDBY"
    app.gm("/api/gm/hold/", {"hold": False})
    for page in (before, late):
        expect(page.locator("body")).to_have_attribute("data-view", "BRIDGE", timeout=WAIT_MS)


def test_map_only_and_overscan_margin(app: App, browser: Any, guards: list[Guard]) -> None:
    deck = mapped_location(app)
    first = next(iter(deck.rooms))
    fresh_encounter(app, deck, [first])
    npc = app.get("/api/gm/npcs/")["npcs"][0]
    app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})
    normal = open_page(browser, app, guards=guards)
    map_only = open_page(browser, app, "?view=map", guards=guards)
    margin = open_page(browser, app, "?margin=5", guards=guards)
    for page in (normal, map_only, margin):
        expect(page.locator(f'.room[data-id="{first}"]')).to_be_visible(timeout=WAIT_MS)
    expect(normal.locator(".portrait")).to_have_count(1)
    expect(normal.locator("#topbar")).to_be_visible()
    assert map_only.locator(".portrait").count() == 0
    expect(map_only.locator("#topbar")).to_be_hidden()
    assert map_only.locator(".map").bounding_box()["y"] < normal.locator(".map").bounding_box()["y"]
    screen = margin.locator("#screen").bounding_box()
    assert screen["x"] >= 0.04 * 1280 and screen["y"] >= 0.04 * 720
    assert normal.locator("#screen").bounding_box()["x"] == 0


def test_players_close_the_ship_computer_dialog_for_everyone(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    show(app, "BRIDGE")
    app.gm("/api/gm/charon/toggle-dialog/", {"open": True})
    app.gm("/api/gm/charon/bridge/send/", {"content": "Course plotted to Gallowmere."})
    tv = open_page(browser, app, guards=guards)
    tablet = open_page(browser, app, width=800, height=1100, guards=guards)
    for page in (tv, tablet):
        expect(page.locator("#charon")).to_contain_text("Course plotted", timeout=WAIT_MS)
    tablet.click(".ch-close")
    for page in (tv, tablet):
        expect(page.locator("#charon")).to_be_hidden(timeout=WAIT_MS)
    assert app.get("/api/active-view/")["charon_dialog_open"] is False


def test_a_location_without_a_map_shows_its_card(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    places = [loc for loc in _walk(app.get("/api/gm/locations/")["locations"])]
    plain = _card_place(app, [loc for loc in places if not loc["has_map"]])
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": plain["slug"]})
    page = open_page(browser, app, guards=guards)
    card = page.locator(".location-card")
    expect(card.locator(".lc-name")).to_have_text(plain["name"], timeout=WAIT_MS)
    expect(page.locator("#view-encounter .map-box")).to_be_hidden()


def _card_place(app: App, plain: list[dict[str, Any]]) -> dict[str, Any]:
    """A place without a deck plan that shows its card: one off the star map, else a moon the
    GM hid from the star map (a system, planet or moon players see shows its star map)."""
    for loc in plain:
        app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": loc["slug"]})
        if app.get("/api/active-view/")["star_map"] is None:
            return loc
    stars = app.get("/api/active-view/?role=gm")["star_map"]
    for orbit in stars["orbits"].values():
        for moon in orbit["moons"]:
            for loc in plain:
                if moon["key"].endswith("/" + loc["slug"]):
                    app.gm("/api/gm/star-map/visibility/", {"key": moon["key"], "visible": False})
                    return loc
    raise AssertionError("no place without a deck plan can show its card")


def _walk(locations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for loc in locations:
        found.append(loc)
        found.extend(_walk(loc.get("children") or []))
    return found
