"""Portraits and broadcasts to one display from the GM window, and where each is visible, by
the display's name (never its id)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow

TV, ANA, BO = "tv-display-01", "tablet-ana-02", "tablet-bo-03"


@pytest.fixture
def displays() -> list[dict[str, object]]:
    """A TV and two tablets, connected."""
    return [
        {"address": "192.168.1.30", "user_agent": "Chrome", "since": 1.0, "id": TV, "kind": "tv"},
        {"address": "192.168.1.31", "user_agent": "Safari", "since": 2.0, "id": ANA},
        {"address": "192.168.1.32", "user_agent": "Safari", "since": 3.0, "id": BO},
    ]


@pytest.fixture
def named(store: Store) -> Store:
    store.dispatch(a.SetDisplay(TV, name="TV", kind="tv"))
    store.dispatch(a.SetDisplay(ANA, name="Tablet Ana", kind="tablet"))
    store.dispatch(a.SetDisplay(BO, name="Tablet Bo", kind="tablet"))
    return store


def test_a_portrait_shown_to_one_tablet_says_where(
    qtbot: QtBot, window: MainWindow, named: Store
) -> None:
    window.docks["portraits"].raise_()
    panel = window.portraits
    qtbot.waitUntil(lambda: panel.target.findText("Tablet Ana") >= 0)
    panel.target.setCurrentIndex(panel.target.findText("Tablet Ana"))
    npc = next(iter(named.campaign.npcs.values()))
    panel.rows[npc.id].button.click()
    assert named.state.targets[f"portrait:{npc.id}"] == (ANA,)
    qtbot.waitUntil(lambda: "Tablet Ana" in panel.summary.text())
    assert panel.summary.text() == f"ON SCREEN: {npc.name} (on Tablet Ana only)"
    assert "on Tablet Ana only" in panel.rows[npc.id].role.text()
    assert ANA not in panel.summary.text() + panel.rows[npc.id].role.text()
    other = list(named.campaign.npcs.values())[1]
    panel.target.setCurrentIndex(0)  # every display
    panel.rows[other.id].button.click()
    assert f"portrait:{other.id}" not in named.state.targets
    qtbot.waitUntil(lambda: other.name in panel.summary.text())
    assert panel.summary.text().endswith(f", {other.name}")


def test_a_broadcast_to_one_tablet_says_where(
    qtbot: QtBot, window: MainWindow, named: Store
) -> None:
    window.docks["broadcast"].raise_()
    panel = window.broadcast
    qtbot.waitUntil(lambda: panel.target.findText("Tablet Bo") >= 0)
    panel.target.setCurrentIndex(panel.target.findText("Tablet Bo"))
    panel.message.setPlainText("Your suit is leaking")
    panel.send_button.click()
    sent = named.state.broadcasts[-1]
    assert sent.content == "Your suit is leaking"
    assert named.state.targets[f"broadcast:{sent.id}"] == (BO,)
    qtbot.waitUntil(lambda: panel.history.count() == 1)
    text = panel.history.item(0).text()
    assert text.endswith("Your suit is leaking  (on Tablet Bo only)") and BO not in text
    named.dispatch(a.SendBroadcast("All hands", displays=(TV, ANA)))
    qtbot.waitUntil(lambda: panel.history.count() == 2)
    assert panel.history.item(0).text().endswith("All hands  (on TV and Tablet Ana only)")
