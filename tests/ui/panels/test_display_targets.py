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
    assert panel.message.placeholderText() == "Message for Tablet Bo…"
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


def test_the_displays_dock_shows_the_kind_the_table_holds(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """The TV's page said "tv" and the GM set nothing: the table answers "tv", so does the dock."""
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()
    assert panel.rows[TV].kind.currentText() == "tv"
    assert panel.rows[ANA].kind.currentText() == "tablet"
    store.dispatch(a.SetDisplay(TV, kind="tablet"))  # the GM's word wins over the page's
    panel.refresh_thumbnails()
    assert panel.rows[TV].kind.currentText() == "tablet"


def test_the_display_rows_keep_their_order_across_a_reconnect(
    qtbot: QtBot, window: MainWindow, named: Store, displays: list[dict[str, object]]
) -> None:
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()

    def order() -> list[str]:
        return sorted(panel.rows, key=lambda k: panel.row_box.indexOf(panel.rows[k]))

    qtbot.waitUntil(lambda: order() == [ANA, BO, TV])  # by name
    ana = displays.pop(1)  # Tablet Ana drops off the network...
    panel.refresh_thumbnails()
    assert order() == [BO, TV]
    displays.append({**ana, "since": 9.0})  # ...and comes back last
    panel.refresh_thumbnails()
    assert order() == [ANA, BO, TV]


def test_handouts_have_their_own_group_on_top_and_say_where_they_are_seen(
    qtbot: QtBot, window: MainWindow, named: Store
) -> None:
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()
    form = panel.handout_form
    assert form.title() == "Handouts"
    assert panel.layout().indexOf(form) == 0  # above the displays' rows
    qtbot.waitUntil(lambda: form.audience.findText("Tablet Ana") >= 0)
    form.audience.setCurrentIndex(form.audience.findText("Tablet Ana"))
    form.show_button.click()
    shown = named.state.handouts[-1]
    assert named.state.targets[f"handout:{shown.id}"] == (ANA,)
    qtbot.waitUntil(lambda: "on Tablet Ana only" in form.shown.text())
    assert form.shown.text() == f"Shown: {shown.title} (on Tablet Ana only)"
    assert ANA not in form.shown.text()


def test_unnamed_displays_are_offered_without_their_ids(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """Connected and not named: the handout choice tells them by address and browser; a
    display the table knows but nobody named reads "unnamed display 1" elsewhere."""
    store.dispatch(a.SetDisplay(BO, kind="tablet"))  # known, never named
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()
    audience = panel.handout_form.audience
    texts = [audience.itemText(i) for i in range(audience.count())]
    assert texts[0] == "every display" and "192.168.1.31 · Safari" in texts
    assert audience.itemData(texts.index("192.168.1.31 · Safari")) == ANA
    qtbot.waitUntil(lambda: window.portraits.target.count() == 2)
    assert window.portraits.target.itemText(1) == "unnamed display 1"
    shown = texts + [window.portraits.target.itemText(i) for i in range(2)]
    assert not any(d in t for t in shown for d in (TV, ANA, BO))
