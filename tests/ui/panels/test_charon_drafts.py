"""The Ship computer dock's drafts: the question each answers, approve as drafted or edited,
reject, a count on the dock's tab, a draft from the GM's prompt, and the model's fallback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.charon.drafter import draft
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings

SHIP = "hadal_wren"

WAIT = 20_000  # ms: the machine may be busy; the check polls until true


@pytest.fixture
def drafting_window(
    qtbot: QtBot, store: Store, services: WindowServices, tmp_path: Path
) -> Iterator[MainWindow]:
    """The window whose "Draft from prompt" drafts offline at once, as the table's service
    does (there on a task of the loop)."""

    def from_prompt(channel: str, prompt: str) -> None:
        text = draft(prompt, store.campaign, store.state).text
        store.dispatch(a.QueueDraft(channel, text))

    WindowSettings(services.settings_path).remember_table_ready_shown()
    w = MainWindow(store, replace(services, draft_from_prompt=from_prompt))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.displays.timer.stop()
    w.close()
    w.deleteLater()


def _asked(store: Store, question: str) -> tuple[str, str]:
    store.dispatch(a.SetCharonMode("QUERY"))
    channel = store.state.charon_channel
    store.dispatch(a.SubmitQuestion(channel, question), actor="player")
    return channel, str(store.last_reply["query_id"])


def test_a_draft_shows_its_question_and_approve_sends_it(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    store.dispatch(a.SetRoomVisibility((("engineering", True),)))  # the draft quotes it
    channel, query_id = _asked(store, "How are the engines?")
    text = draft("How are the engines?", store.campaign, store.state).text
    store.dispatch(a.QueueDraft(channel, text, query_id))
    drafts = drafting_window.charon.drafts
    qtbot.waitUntil(lambda: drafts.drafts.count() == 1)
    caption = drafts.drafts.item(0).text()
    assert caption.startswith("SV HADAL WREN · ANSWERS “How are the engines?”")
    assert "GM-ONLY" not in caption and not drafts.confirm.isVisible()  # clean: one click
    assert "ENGINES: STRESSED" in caption
    assert drafts.editor.toPlainText() == text
    assert drafts.isVisible()
    assert drafts.heading.text() == "DRAFTS TO APPROVE: 1"
    dock = drafting_window.docks["charon"]
    qtbot.waitUntil(lambda: dock.windowTitle() == "SHIP COMPUTER · 2")
    drafts.approve_button.click()
    answer = store.state.charon.conversations[channel][-1]
    assert (answer.content, answer.in_reply_to) == (text, query_id)
    assert store.player_frame().snapshot["charon_conversation"][-1]["content"] == text
    qtbot.waitUntil(lambda: drafts.drafts.count() == 0)
    qtbot.waitUntil(lambda: dock.windowTitle() == "SHIP COMPUTER")
    assert not drafts.isVisible()  # the dock gives its room back


def test_edit_then_approve_sends_the_edited_text(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    channel, query_id = _asked(store, "Comms?")
    store.dispatch(a.QueueDraft(channel, "COMMS: DAMAGED.", query_id))
    drafts = drafting_window.charon.drafts
    qtbot.waitUntil(lambda: drafts.editor.toPlainText() == "COMMS: DAMAGED.")
    drafts.editor.setPlainText("COMMS: DAMAGED. SHORT RANGE ONLY.")
    drafts.approve_button.click()
    answer = store.state.charon.conversations[channel][-1]
    assert (answer.content, answer.in_reply_to) == ("COMMS: DAMAGED. SHORT RANGE ONLY.", query_id)


def test_reject_throws_the_draft_away_and_the_question_stays(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    channel, query_id = _asked(store, "Comms?")
    store.dispatch(a.QueueDraft(channel, "COMMS: DAMAGED.", query_id))
    drafts = drafting_window.charon.drafts
    qtbot.waitUntil(lambda: drafts.reject_button.isEnabled())
    drafts.reject_button.click()
    assert store.state.charon.drafts == {}
    assert store.state.charon.conversations[channel][-1].pending
    qtbot.waitUntil(lambda: not drafts.approve_button.isEnabled())


def test_draft_from_prompt_queues_a_draft_from_the_campaign(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    panel = drafting_window.charon
    drafts = panel.drafts
    qtbot.keyClicks(panel.input, "Who is Dr. Kesh?")
    panel.draft_button.click()
    qtbot.waitUntil(lambda: drafts.drafts.count() == 1)
    caption = drafts.drafts.item(0).text()
    assert caption.startswith("SV HADAL WREN · FROM YOUR PROMPT")
    assert "DR. MARA KESH" in caption
    assert panel.input.text() == ""
    assert store.player_frame().snapshot["charon_conversation"] == []  # not sent yet


def test_a_model_that_fell_back_says_so(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    channel, query_id = _asked(store, "Comms?")
    note = "the model did not answer within 20 s; offline draft instead"
    store.dispatch(a.QueueDraft(channel, "COMMS: DAMAGED.", query_id, note))
    drafts = drafting_window.charon.drafts
    qtbot.waitUntil(lambda: drafts.drafts.count() == 1)
    assert drafts.drafts.item(0).text().endswith(f"⚠ MODEL FELL BACK: {note}")


def test_a_draft_using_gm_only_knowledge_says_what_and_takes_a_deliberate_approve(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    """The walk's draft placed an NPC in a room players had not found; one click sent it."""
    channel, query_id = _asked(store, "Where is Lio Farrant?")
    text = draft("Where is Lio Farrant?", store.campaign, store.state).text
    store.dispatch(a.QueueDraft(channel, text, query_id))
    drafts = drafting_window.charon.drafts
    qtbot.waitUntil(lambda: drafts.drafts.count() == 1, timeout=WAIT)
    caption = drafts.drafts.item(0).text()
    assert "⚠ USES GM-ONLY: Cold Storage (not revealed)" in caption
    assert "Cold Storage (not revealed)" in drafts.warning.text()
    assert drafts.warning.isVisible() and drafts.confirm.isVisible()
    assert not drafts.approve_button.isEnabled()
    drafts.approve_button.click()
    assert store.state.charon.conversations[channel][-1].pending  # nothing sent
    drafts.confirm.click()
    assert drafts.approve_button.isEnabled()
    drafts.approve_button.click()
    answer = store.state.charon.conversations[channel][-1]
    assert (answer.content, answer.in_reply_to) == (text, query_id)


def test_editing_out_the_gm_only_part_makes_the_draft_clean(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    channel, query_id = _asked(store, "Where is Lio Farrant?")
    store.dispatch(a.QueueDraft(channel, "LIO FARRANT: COLD STORAGE.", query_id))
    drafts = drafting_window.charon.drafts
    qtbot.waitUntil(lambda: drafts.drafts.count() == 1, timeout=WAIT)
    assert not drafts.approve_button.isEnabled()
    drafts.editor.setPlainText("ONE CREW MEMBER INJURED.")
    assert drafts.warning.text() == "" and not drafts.confirm.isVisible()
    assert drafts.approve_button.isEnabled()


def test_the_dock_lists_every_channels_drafts_by_the_places_name(
    qtbot: QtBot, drafting_window: MainWindow, store: Store
) -> None:
    store.dispatch(a.QueueDraft("bridge", "HULL 38/55."))
    store.dispatch(a.QueueDraft("story", "ENGINES: STRESSED."))
    store.dispatch(a.QueueDraft(store.state.charon_channel, "COMMS: DAMAGED."))
    drafts = drafting_window.charon.drafts
    qtbot.waitUntil(lambda: drafts.drafts.count() == 3, timeout=WAIT)
    places = sorted(drafts.drafts.item(i).text().split(" · ")[0] for i in range(3))
    assert places == ["BRIDGE", "SHIP COMPUTER", "SV HADAL WREN"]
    assert drafts.heading.text() == "DRAFTS TO APPROVE: 3"
    bridge = next(i for i in range(3) if drafts.drafts.item(i).text().startswith("BRIDGE"))
    drafts.drafts.item(bridge).setSelected(True)
    drafts.approve_button.click()
    said = store.state.charon.conversations["bridge"][-1]
    assert said.content == "HULL 38/55."
    assert [d.content for d in store.state.charon.drafts.get("bridge", ())] == []
