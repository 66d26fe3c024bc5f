"""Vitals edited in the GM window reach the displays, end to end: the real window (Qt widgets)
and the real server on one qasync loop, a real headless Chromium showing a TV on BRIDGE's crew
tab and a tablet bound to one crew member. The GM types into the Crew dock; both pages show it.

Playwright's sync API cannot run inside the qasync loop's thread, so every browser step runs in
one worker thread of its own while the loop (window and server) keeps serving."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt

from desktop.model.store import Store
from tests.e2e.player_fixtures import CHROMIUM_ARGS, WAIT_MS, Guard
from tests.e2e.test_window_e2e import run_app_with_window

pytestmark = pytest.mark.e2e
TABLET = "tablet-gap-vitals"
T = TypeVar("T")


@dataclass
class Browser:
    """A headless Chromium owned by one worker thread (Playwright's sync objects stay in the
    thread that made them); `run` hands it a step and awaits it without blocking the loop."""

    url: str = ""
    pool: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(max_workers=1))
    guards: list[Guard] = field(default_factory=list)
    parts: list[Any] = field(default_factory=list)  # [playwright, chromium]

    async def run(self, step: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.pool, step)

    def launch(self) -> None:
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        self.parts = [
            pw,
            pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS),
        ]

    def page(self, query: str, width: int, height: int, touch: bool = False) -> Any:
        context = self.parts[1].new_context(
            viewport={"width": width, "height": height}, has_touch=touch
        )
        guard = Guard(self.url.rstrip("/"), context=context)
        context.route(guard.pattern(), guard.handle)
        self.guards.append(guard)
        page = guard.watch(context.new_page())
        page.goto(self.url + query)
        return page

    def close(self) -> None:
        for guard in self.guards:
            guard.context.close()
        if self.parts:
            self.parts[1].close()
            self.parts[0].stop()


@pytest.fixture(name="chromium")
def chromium_fixture() -> Iterator[Browser]:
    pytest.importorskip("playwright.sync_api")
    if shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed")
    browser = Browser()
    try:
        yield browser
    finally:
        browser.pool.submit(browser.close).result(60)
        browser.pool.shutdown()
    assert [url for g in browser.guards for url in g.foreign] == []
    assert [error for g in browser.guards for error in g.errors] == []


def gm_post(api: str, path: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(api + path, json.dumps(body).encode(), method="POST")
    request.add_header("Authorization", "Bearer t")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read())


def connected(api: str, display: str) -> bool:
    request = urllib.request.Request(api + "gm/displays/", headers={"Authorization": "Bearer t"})
    with urllib.request.urlopen(request, timeout=15) as response:
        return any(d["id"] == display for d in json.loads(response.read())["displays"])


async def poll(check: Callable[[], Awaitable[bool] | bool], give_up_s: float = 20.0) -> None:
    """Until check() holds (a generous give-up, never a fixed wait for the answer)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + give_up_s
    while not await _value(check()):
        assert loop.time() < deadline, "gave up waiting"
        await asyncio.sleep(0.1)


async def _value(found: Awaitable[bool] | bool) -> bool:
    return await found if isinstance(found, Awaitable) else found


def test_vitals_typed_in_the_crew_dock_reach_the_tv_card_and_the_bound_tablet(
    qapp: Any, qtbot: Any, chromium: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playwright.sync_api import expect

    async def body(window: Any, api: str, store: Store) -> None:
        member = store.campaign.crew[0]
        chromium.url = api.removesuffix("api/")
        await chromium.run(chromium.launch)
        window.switcher.buttons["BRIDGE"].click()  # the GM puts the bridge on the TV
        tv = await chromium.run(lambda: chromium.page("", 1280, 720))
        card = tv.locator(f'.dossier[data-id="{member.id}"]')

        def crew_tab() -> None:
            tv.locator(".br-tab", has_text="Crew").click(timeout=WAIT_MS)
            expect(card).to_be_visible(timeout=WAIT_MS)

        await chromium.run(crew_tab)
        tablet = await chromium.run(lambda: chromium.page(f"?display={TABLET}", 1024, 768, True))
        await poll(lambda: chromium.run(lambda: connected(api, TABLET)))  # HTTP off the loop
        bind = {"kind": "tablet", "character": member.id}
        await chromium.run(lambda: gm_post(api, f"gm/displays/{TABLET}/", bind))
        sheet_btn = tablet.locator("#sheet-btn")
        await chromium.run(lambda: expect(sheet_btn).to_have_text(member.name, timeout=WAIT_MS))

        # The GM's edits, as real key events on the Crew dock's widgets.
        window.docks["crew"].show()
        health, stress = (
            window.crew.spins[(member.id, "health")],
            window.crew.spins[(member.id, "stress")],
        )
        await poll(lambda: health.isEnabled() and health.value() > 1)
        hp, top = health.value() - 1, health.suffix().removeprefix(" / ")
        level = stress.value() + 2
        qtbot.keyClick(health, Qt.Key.Key_Down)
        qtbot.keyClick(stress, Qt.Key.Key_Up)
        qtbot.keyClick(stress, Qt.Key.Key_Up)
        conditions = window.crew.conditions[member.id]
        conditions.clear()
        qtbot.keyClicks(conditions, "Concussed, Shaking")
        qtbot.keyClick(conditions, Qt.Key.Key_Return)

        def shows_vitals(root: Any) -> None:
            expect(root.locator(".ds-health-v")).to_have_text(f"{hp} / {top}", timeout=WAIT_MS)
            stress_dd = root.locator(".ds-facts dt:text-is('Stress') + dd")
            expect(stress_dd).to_have_text(re.compile(rf"^{level}\b"), timeout=WAIT_MS)
            expect(root.locator(".ds-conditions li")).to_have_text(
                ["Concussed", "Shaking"], timeout=WAIT_MS
            )

        await chromium.run(lambda: shows_vitals(card))

        def tablet_sheet() -> None:
            sheet_btn.click(timeout=WAIT_MS)
            shows_vitals(tablet.locator("#sheet"))

        await chromium.run(tablet_sheet)

    run_app_with_window(qapp, tmp_path, monkeypatch, body)
