"""The Warden's layer in a real Chromium against the real app: a countdown reaches 00:00 on
the page's own clock and raises the alarm, an alert changes the frame, a shown roll
appears (a private one never), atmosphere veils a room, vitals reach the crew card, and
sound starts after the first tap."""

from __future__ import annotations

import os
import re
import time
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
)

pytestmark = pytest.mark.e2e
SHOTS = Path(os.environ.get("GM_TERMINAL_SHOTS", "/nonexistent"))  # screenshots to look at


def open_clocked(
    browser: Any,
    app: App,
    guards: list[Guard],
    width: int = 1280,
    height: int = 720,
    ahead_s: float = 0,
) -> Any:
    """A display page whose clock Playwright drives (installed before the page loads), set
    `ahead_s` seconds ahead of the app's."""
    context = browser.new_context(viewport={"width": width, "height": height})
    guard = Guard(app.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.clock.install(time=time.time() + ahead_s)
    page.goto(app.url)
    return page


def connected(app: App, display: str) -> bool:
    return any(d["id"] == display for d in app.get("/api/gm/displays/")["displays"])


def shot(page: Any, name: str) -> None:
    if SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_a_countdown_reaches_zero_on_the_displays_clock_and_raises_the_alarm(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_clocked(browser, app, guards)
    started = app.gm("/api/gm/timers/", {"label": "SELF-DESTRUCT", "seconds": 90})
    timer = page.locator("#countdowns .countdown")
    expect(timer.locator(".cd-label")).to_have_text("SELF-DESTRUCT", timeout=WAIT_MS)
    expect(timer).to_have_attribute("data-state", "running", timeout=WAIT_MS)
    page.clock.run_for(31_000)  # 59 s left: the last minute
    expect(timer).to_have_attribute("data-state", "urgent", timeout=WAIT_MS)
    shot(page, "countdown-urgent")
    page.clock.run_for(60_000)
    expect(timer.locator(".cd-time")).to_have_text("00:00", timeout=WAIT_MS)
    expect(timer).to_have_attribute("data-state", "alarm", timeout=WAIT_MS)
    expect(page.locator("body")).to_have_class(re.compile(r"\bcountdown-alarm\b"), timeout=WAIT_MS)
    app.gm(f"/api/gm/timers/{started['timer_id']}/", {"action": "cancel"})
    expect(page.locator("#countdowns")).to_be_hidden(timeout=WAIT_MS)


def test_an_alert_changes_the_frame_and_clearing_it_restores_it(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_clocked(browser, app, guards)
    app.gm("/api/gm/alert/", {"alert": "red_alert"})
    expect(page.locator("body")).to_have_attribute("data-alert", "red_alert", timeout=WAIT_MS)
    expect(page.locator("#alert-banner")).to_have_text("RED ALERT", timeout=WAIT_MS)
    edge = page.evaluate("getComputedStyle(document.getElementById('frame')).boxShadow")
    assert "inset" in edge
    stripe = page.evaluate(
        "getComputedStyle(document.getElementById('screen'), '::before').display"
    )
    assert stripe == "block"
    shot(page, "alert-red")
    app.gm("/api/gm/alert/clear/")
    expect(page.locator("#alert-banner")).to_be_hidden(timeout=WAIT_MS)
    assert page.evaluate("document.body.dataset.alert === undefined")


def test_a_private_roll_stays_off_the_page_and_a_shown_one_is_revealed(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    crew = app.get("/api/active-view/")["crew"][0]
    app.gm("/api/gm/gauge/", {"gauge": "stress", "value": 19, "crew_id": crew["id"]})
    page = open_clocked(browser, app, guards)
    private = app.gm("/api/gm/roll/", {"panic": True, "for": crew["id"]})
    app.gm("/api/gm/broadcast/", {"content": "Hull creaks"})
    expect(page.locator("#broadcast-log")).to_contain_text("Hull creaks", timeout=WAIT_MS)
    expect(page.locator("#roll-reveal")).to_be_hidden()
    assert "PANIC" not in page.content()
    app.gm("/api/gm/roll/show/", {"roll_id": private["roll_id"]})
    reveal = page.locator("#roll-reveal")
    expect(reveal).to_be_visible(timeout=WAIT_MS)
    expect(reveal.locator(".rr-for")).to_have_text(crew["name"], timeout=WAIT_MS)
    page.clock.run_for(2000)  # the tumble settles
    expect(reveal.locator(".rr-total")).to_have_text(str(private["result"]), timeout=WAIT_MS)
    verdict = "pass" if private["roll"]["panic"]["passed"] else "fail"
    expect(reveal).to_have_attribute("data-verdict", verdict, timeout=WAIT_MS)
    shot(page, "roll-panic")


def test_vitals_pulse_on_the_crew_card(app: App, browser: Any, guards: list[Guard]) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    crew = app.get("/api/active-view/")["crew"][0]
    page = open_clocked(browser, app, guards)
    page.locator(".br-tab", has_text="Crew").click()
    card = page.locator(f'.dossier[data-id="{crew["id"]}"]')
    expect(card).to_be_visible(timeout=WAIT_MS)
    app.gm("/api/gm/crew/conditions/", {"crew_id": crew["id"], "conditions": ["Hearing things"]})
    expect(card.locator(".ds-conditions li")).to_have_text("Hearing things", timeout=WAIT_MS)
    expect(card).to_have_class(re.compile(r"\bvitals-changed\b"), timeout=WAIT_MS)
    app.gm("/api/gm/gauge/", {"gauge": "min_stress", "value": 2, "crew_id": crew["id"]})
    expect(card.locator(".ds-facts")).to_contain_text("(min 2)", timeout=WAIT_MS)
    shot(page, "crew-vitals")


def test_atmosphere_veils_a_revealed_room(app: App, browser: Any, guards: list[Guard]) -> None:
    deck = mapped_location(app)
    room = next(iter(deck.rooms))
    fresh_encounter(app, deck, [room])
    page = open_page(browser, app, guards=guards)
    expect(page.locator(".map .room")).to_have_count(1, timeout=WAIT_MS)
    app.gm("/api/gm/encounter/room-atmosphere/", {"room_id": room, "effects": ["smoke"]})
    group = page.locator(".map .room[data-atmo]")
    expect(group).to_have_attribute("data-atmo", "smoke", timeout=WAIT_MS)
    expect(group.locator(".room-status")).to_contain_text("SMOKE", timeout=WAIT_MS)


def test_sound_starts_after_the_first_tap(app: App, browser: Any, guards: list[Guard]) -> None:
    app.gm("/api/gm/new-session/")
    page = open_page(browser, app, guards=guards)
    prompt = page.locator("#sound-prompt")
    expect(prompt).to_be_visible(timeout=WAIT_MS)
    assert page.evaluate("window.__gmSound.ctx === null")
    prompt.click()
    state = "window.__gmSound.ctx && window.__gmSound.ctx.state === 'running'"
    assert wait(lambda: page.evaluate(state))
    expect(prompt).to_be_hidden(timeout=WAIT_MS)
    app.gm("/api/gm/alert/", {"alert": "intruder"})
    assert wait(lambda: page.evaluate("window.__gmSound.lastPlayed === 'klaxon'"))
    app.gm("/api/gm/alert/clear/")
    app.gm("/api/gm/sound/ambient/", {"sound": "reactor_hum"})
    playing = "!document.getElementById('ambient-audio').paused"
    playing += " && document.getElementById('ambient-audio').currentTime > 0"
    assert wait(lambda: page.evaluate(playing))
    app.gm("/api/gm/sound/ambient/", {})
    assert wait(lambda: page.evaluate("document.getElementById('ambient-audio').paused"))


def test_vitals_reach_the_bound_tablets_sheet(app: App, browser: Any, guards: list[Guard]) -> None:
    app.gm("/api/gm/new-session/")
    crew = app.get("/api/active-view/?role=gm")["crew"][0]
    page = open_page(browser, app, "?display=tablet-warden-1", 1024, 768, guards, touch=True)
    assert wait(lambda: connected(app, "tablet-warden-1"))  # set up once it has connected
    app.gm("/api/gm/displays/tablet-warden-1/", {"kind": "tablet", "character": crew["id"]})
    button = page.locator("#sheet-btn")
    expect(button).to_have_text(crew["name"], timeout=WAIT_MS)
    app.gm("/api/gm/crew/conditions/", {"crew_id": crew["id"], "conditions": ["Concussed"]})
    expect(button).to_have_class(re.compile(r"\bvitals-changed\b"), timeout=WAIT_MS)
    button.click()
    sheet = page.locator("#sheet")
    expect(sheet.locator(".ds-conditions li")).to_have_text("Concussed", timeout=WAIT_MS)
    app.gm("/api/gm/gauge/", {"gauge": "wounds", "value": 1, "crew_id": crew["id"]})
    expect(sheet.locator(".ds-facts")).to_contain_text("1 / 2", timeout=WAIT_MS)


def test_a_countdown_counts_by_the_apps_clock_when_the_displays_is_off(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    """A TV whose clock runs ten minutes ahead (no time server on the LAN) still shows the time
    the GM's countdown has left, not 00:00: it reads the app's clock from the HTTP Date."""
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    page = open_clocked(browser, app, guards, ahead_s=600)
    app.gm("/api/gm/timers/", {"label": "O2 RESERVE", "seconds": 300})
    timer = page.locator("#countdowns .countdown")
    expect(timer.locator(".cd-label")).to_have_text("O2 RESERVE", timeout=WAIT_MS)
    expect(timer.locator(".cd-time")).to_have_text(
        re.compile(r"^0(4:[45]\d|5:00)$"), timeout=WAIT_MS
    )
    expect(timer).to_have_attribute("data-state", "running")
