"""A waiting player question is unmissable, and Enter answers the oldest one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow

WAIT = 20_000  # ms: the machine may be busy; the check polls until true


def _ask(store: Store, *questions: str) -> str:
    store.dispatch(a.SetCharonMode("QUERY"))
    channel = store.state.charon_channel
    for question in questions:
        store.dispatch(a.SubmitQuestion(channel, question), actor="player")
    return channel


def _tab_marked(window: MainWindow, text: str) -> bool | None:
    """Does the dock tab that reads `text` carry an icon (None: no tab reads it)?"""
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabText(index) == text:
                return not bar.tabIcon(index).isNull()
    return None


@pytest.fixture
def beeps(window: MainWindow) -> list[int]:
    """Every beep the window's question alert makes."""
    heard: list[int] = []
    window.question_alert.beep = lambda: heard.append(1)
    return heard


def test_enter_answers_the_oldest_waiting_question_and_players_stop_waiting(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    channel = _ask(store, "Where is Hale?", "Is it cold?")
    panel = window.charon
    qtbot.waitUntil(lambda: "Where is Hale?" in panel.target.text())
    assert panel.channel.text() == "CHANNEL: SV Hadal Wren · 2 question(s) waiting"  # no key
    assert store.player_frame().snapshot["charon_pending"] is True
    qtbot.keyClicks(panel.input, "Hale is in cryo.")
    qtbot.keyClick(panel.input, "\r")
    entries = store.state.charon.conversations[channel]
    assert entries[-1].content == "Hale is in cryo." and entries[-1].in_reply_to == entries[0].id
    assert [e.pending for e in entries] == [False, True, False]
    qtbot.waitUntil(lambda: "Is it cold?" in panel.target.text())  # the next one is up
    qtbot.keyClicks(panel.input, "Minus forty.")
    qtbot.keyClick(panel.input, "\r")
    assert store.player_frame().snapshot["charon_pending"] is False  # the TV stops waiting
    qtbot.waitUntil(lambda: not panel.target.isVisible())


def test_say_stays_a_free_line_that_answers_nothing(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    channel = _ask(store, "Where is Hale?")
    panel = window.charon
    qtbot.waitUntil(panel.answer_button.isEnabled)
    panel.input.setText("Hull breach on deck two.")
    panel.say_button.click()
    entries = store.state.charon.conversations[channel]
    assert entries[-1].in_reply_to == "" and entries[0].pending


def test_a_waiting_question_shows_on_the_dock_tab_and_window_title_and_beeps(
    qtbot: QtBot, window: MainWindow, store: Store, beeps: list[int]
) -> None:
    dock = window.docks["charon"]
    _ask(store, "Where is Hale?")
    qtbot.waitUntil(lambda: dock.windowTitle() == "SHIP COMPUTER · 1")
    assert window.windowTitle().startswith("(1 waiting) ")
    qtbot.waitUntil(lambda: _tab_marked(window, "SHIP COMPUTER · 1") is True)
    assert beeps == [1]
    window.charon.sound.setChecked(False)  # the GM mutes it
    _ask(store, "Is it cold?")
    qtbot.waitUntil(lambda: dock.windowTitle() == "SHIP COMPUTER · 2")
    assert window.windowTitle().startswith("(2 waiting) ")
    assert beeps == [1]
    channel = store.state.charon_channel
    for entry in store.state.charon.conversations[channel]:
        store.dispatch(a.CharonSend(channel, "Noted.", entry.id))
    qtbot.waitUntil(lambda: dock.windowTitle() == "SHIP COMPUTER")
    assert not window.windowTitle().startswith("(")
    qtbot.waitUntil(lambda: _tab_marked(window, "SHIP COMPUTER") is False)
    assert window.windowTitle().endswith("GM Terminal")


def test_an_answer_sits_under_its_own_question_in_the_dock(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """The walk: "Where is Dr. Kesh?" answered after "Is the reactor safe?" was asked."""
    channel = _ask(store, "Where is Dr. Kesh?", "Is the reactor safe?")
    kesh = store.state.charon.conversations[channel][0].id
    store.dispatch(a.CharonSend(channel, "DR. KESH: NO BIOMETRIC SIGNAL.", kesh))
    listed = window.charon.conversation
    qtbot.waitUntil(lambda: listed.count() == 3, timeout=WAIT)
    lines = [listed.item(i).text() for i in range(3)]
    assert lines[0].startswith("PLAYER › Where is Dr. Kesh?")
    assert lines[1] == "WREN CORE › DR. KESH: NO BIOMETRIC SIGNAL."  # the campaign's name
    assert lines[2].startswith("PLAYER › Is the reactor safe?")
