"""The ship computer's dialog as a GM walk found it, in the real Chromium against the real app:
an approved draft's answer sits under ITS question whatever was asked since, a rejected draft
leaves its question awaiting the GM (never "processing" for ever), a decided question is never
drafted again after a restart, and the dialog wears the campaign's own name for its computer
with the close button clear of the place it speaks in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.page_checks import boxes, overlap, settle
from tests.e2e.player_fixtures import WAIT_MS, App, Guard, open_page, wait
from tests.e2e.test_player_table_ready import TABLET, TV

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/fixdrafts")


def asking(app: App, view: str = "CHARON_TERMINAL") -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": view})
    app.gm("/api/gm/charon/mode/", {"mode": "QUERY"})


def ask(app: App, question: str, channel: str = "story") -> str:
    """A player's question; its id once the GM sees it."""
    status, answer = app.request(
        "POST", f"/api/charon/{channel}/submit/", {"query": question}, None
    )
    assert status == 200, answer
    gm = app.get("/api/active-view/?role=gm")
    return str(next(e["id"] for e in gm["charon_conversation"] if e["content"] == question))


def draft_for(app: App, query_id: str, channel: str = "story") -> dict[str, Any]:
    def found() -> dict[str, Any] | None:
        drafts = app.get(f"/api/gm/charon/{channel}/pending/")["pending"]
        return next((d for d in drafts if d["query_id"] == query_id), None)

    draft = wait(found)
    assert draft, f"no draft for {query_id}"
    return dict(draft)


def test_an_approved_answer_sits_under_its_own_question(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    asking(app)
    page = open_page(browser, app, guards=guards, touch=True)
    kesh = ask(app, "Where is Dr. Kesh?")
    reactor = ask(app, "Is the reactor safe?")
    draft = draft_for(app, kesh)
    edited = "DR. KESH: NO BIOMETRIC SIGNAL."
    app.gm("/api/gm/charon/story/approve/", {"pending_id": draft["id"], "content": edited})
    expect(page.locator(".ch-charon", has_text=edited)).to_have_count(1, timeout=WAIT_MS)
    order = page.locator(".ch-log > .ch-entry").evaluate_all("(ns) => ns.map((n) => n.dataset.id)")
    answer = next(
        e["id"] for e in app.get("/api/active-view/")["charon_conversation"] if e["in_reply_to"]
    )
    assert order == [kesh, answer, reactor], "the answer must follow the question it answers"
    reactor_entry = page.locator(f'.ch-entry[data-id="{reactor}"]')
    expect(reactor_entry).to_have_class("ch-entry ch-player pending")


def test_after_a_reject_the_question_awaits_the_gm_then_a_dismiss_drops_it(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    asking(app)
    page = open_page(browser, app, guards=guards, touch=True)
    question = ask(app, "Is the reactor safe?")
    app.gm("/api/gm/charon/story/reject/", {"pending_id": draft_for(app, question)["id"]})
    settle(page, app)
    expect(page.locator(".ch-status")).to_have_text("AWAITING RESPONSE")
    expect(page.locator(f'.ch-entry[data-id="{question}"]')).to_have_class(
        "ch-entry ch-player pending"
    )
    assert "PROCESSING" not in page.locator("#charon").inner_text()
    app.gm("/api/gm/charon/story/dismiss/", {"query_id": question})
    expect(page.locator(f'.ch-entry[data-id="{question}"]')).to_have_count(0, timeout=WAIT_MS)
    expect(page.locator(".ch-status")).to_be_hidden()


def test_a_rejected_draft_stays_rejected_across_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    first = App(state).start()
    try:
        asking(first)
        rejected = ask(first, "Is the reactor safe?")
        first.gm("/api/gm/charon/story/reject/", {"pending_id": draft_for(first, rejected)["id"]})
    finally:
        first.stop()
    again = App(state).start()
    try:
        later = ask(again, "Where is Dr. Kesh?")
        draft_for(again, later)  # the drafter ran over the restored questions by now
        drafts = again.get("/api/gm/charon/story/pending/")["pending"]
        assert [d["query_id"] for d in drafts] == [later]
        gm = again.get("/api/active-view/?role=gm")["charon_conversation"]
        assert any(e["id"] == rejected and e["pending"] for e in gm), "it still awaits the GM"
    finally:
        again.stop()
    noise = [line for line in first.log + again.log if line.startswith(("DEBUG", "INFO"))]
    assert noise == [], "libraries' DEBUG/INFO lines on the console"


@pytest.mark.parametrize("size", [TV, TABLET], ids=["1920x1080", "1024x768"])
def test_the_dialog_wears_the_campaigns_name_and_its_close_clears_the_place(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    asking(app, "BRIDGE")
    app.gm("/api/gm/charon/toggle-dialog/", {"open": True})
    page = open_page(browser, app, width=size[0], height=size[1], guards=guards, touch=True)
    expect(page.locator("#charon")).to_be_visible(timeout=WAIT_MS)
    settle(page, app)
    expect(page.locator(".ch-window .panel-head")).to_contain_text("WREN CORE")
    expect(page.locator(".ch-channel")).to_have_text("Bridge")
    expect(page.locator(".ch-input")).to_have_attribute("placeholder", "ASK WREN CORE\u2026")
    assert "CHARON" not in page.locator("#charon").inner_text().upper()
    close, where = boxes(page, ".ch-close")[0], boxes(page, ".ch-channel")[0]
    assert not overlap(close, where), f"the close {close} covers the place {where}"
    head = boxes(page, ".ch-window > .panel-head")[0]
    assert head[0] <= close[0] and close[2] <= head[2], "the close stays inside the header"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"dialog-{size[0]}x{size[1]}.png"))
