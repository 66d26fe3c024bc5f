"""Every dock control dispatches its action, and the dock re-syncs from the store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.token_mime import TokenTemplate
from desktop.ui.window.main_window import MainWindow


def test_view_switcher(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    buttons = window.switcher.buttons
    buttons["BRIDGE"].click()
    assert store.state.view_type == "BRIDGE"
    qtbot.waitUntil(lambda: buttons["BRIDGE"].isChecked())
    store.dispatch(a.SwitchView("STANDBY"))  # from outside: the button follows
    qtbot.waitUntil(lambda: buttons["STANDBY"].isChecked())
    buttons["ENCOUNTER"].click()
    assert (store.state.view_type, store.state.location_slug) == ("ENCOUNTER", "hadal_wren")


def test_terminal_show_button_in_the_tree(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    button = window.tree.buttons[("hadal_wren", "captain")]
    button.click()
    assert (store.state.overlay_location, store.state.overlay_terminal) == ("hadal_wren", "captain")
    qtbot.waitUntil(lambda: button.text() == "Hide")
    button.click()
    assert store.state.overlay_terminal == ""


def test_tree_click_moves_the_focus_not_the_players(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    item = window.tree._locations["lantern_station"]
    window.tree.itemClicked.emit(item, 0)
    assert window.focus.location_slug == "lantern_station"
    assert store.state.location_slug == "hadal_wren"
    qtbot.waitUntil(lambda: "docking_ring" in window.map_panel.scene.rooms)


def test_portraits(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    npc_id, row = next(iter(window.portraits.rows.items()))
    row.button.click()
    assert store.state.portraits == (npc_id,)
    qtbot.waitUntil(lambda: row.button.text() == "Dismiss")
    row.button.click()
    assert store.state.portraits == ()
    qtbot.waitUntil(lambda: row.button.text() == "Show")


def test_a_narrow_portraits_dock_wraps_names_and_never_cuts_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    row = max(window.portraits.rows.values(), key=lambda r: len(r.name.text()))
    dock = window.docks["portraits"]
    window.resizeDocks([dock], [200], Qt.Orientation.Horizontal)
    metrics = row.name.fontMetrics()
    qtbot.waitUntil(lambda: row.name.width() < metrics.horizontalAdvance(row.name.text()))
    # Too narrow for one line: the name takes two, whole (no "…", no tooltip needed).
    qtbot.waitUntil(lambda: row.name.height() >= 2 * metrics.lineSpacing())
    wrapped = metrics.boundingRect(
        0, 0, row.name.width(), 10_000, Qt.TextFlag.TextWordWrap, row.name.text()
    )
    assert wrapped.height() <= row.name.height()
    window.resizeDocks([dock], [900], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: row.name.height() < 2 * metrics.lineSpacing())


def test_ship_system_status(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    titles = [row.title.text() for row in window.ship.rows.values()]
    assert "Life Support" in titles and all("_" not in t and t[:1].isupper() for t in titles)
    system, row = next(iter(window.ship.rows.items()))
    row.status.setCurrentText("CRITICAL")
    row.status.activated.emit(row.status.currentIndex())
    assert store.state.ship[system].status == "CRITICAL"
    row.info.setText("Coolant leak")
    row.info.editingFinished.emit()
    assert store.state.ship[system].info == "Coolant leak"
    store.dispatch(a.SetShipSystem(system, "ONLINE", 90, "Fixed"))
    qtbot.waitUntil(lambda: row.status.currentText() == "ONLINE" and row.condition.value() == 90)


def test_broadcast(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    panel = window.broadcast
    panel.sender_edit.setText("LANTERN CONTROL")
    panel.priority.setCurrentText("HIGH")
    panel.message.setPlainText("Docking clamps released.")
    panel.send_button.click()
    (sent,) = store.state.broadcasts
    assert (sent.content, sent.sender, sent.priority) == (
        "Docking clamps released.",
        "LANTERN CONTROL",
        "HIGH",
    )
    assert panel.message.toPlainText() == ""
    qtbot.waitUntil(lambda: panel.history.count() == 1)
    panel.send_button.click()  # empty: nothing sent
    assert len(store.state.broadcasts) == 1


def test_ship_computer(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    panel = window.charon
    panel.mode.setCurrentText("QUERY")
    panel.mode.activated.emit(panel.mode.currentIndex())
    assert store.state.charon.mode == "QUERY"
    panel.dialog.click()
    assert store.state.charon.dialog_open
    channel = store.state.charon_channel
    panel.input.setText("Hull breach on deck two.")
    panel.say_button.click()
    assert store.state.charon.conversations[channel][-1].content == "Hull breach on deck two."
    assert panel.input.text() == ""
    store.dispatch(a.SubmitQuestion(channel, "Where is Hale?"), actor="player")
    store.dispatch(a.SubmitQuestion(channel, "Is it cold?"), actor="player")
    qtbot.waitUntil(lambda: panel.conversation.count() == 3)
    panel.conversation.item(1).setSelected(True)
    panel.input.setText("Hale is in cryo.")
    panel.answer_button.click()
    entries = store.state.charon.conversations[channel]
    assert entries[-1].in_reply_to == entries[1].id and not entries[1].pending
    qtbot.waitUntil(lambda: panel.conversation.count() == 4)
    panel.conversation.item(2).setSelected(True)
    panel.dismiss_button.click()
    assert not any(e.pending for e in store.state.charon.conversations[channel])
    qtbot.waitUntil(lambda: panel.clear_button.isEnabled())
    panel.clear_button.click()
    assert not store.state.charon.conversations.get(channel)


def test_permissions(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    boxes = window.tokens.permissions.boxes
    assert boxes["player"].isChecked()
    boxes["npc"].click()
    assert set(store.state.movable_types) == {"player", "npc"}
    store.dispatch(a.SetPlayerPermissions(()))
    qtbot.waitUntil(lambda: not any(b.isChecked() for b in boxes.values()))


def test_custom_token_joins_the_palette(window: MainWindow) -> None:
    form, palette = window.tokens.form, window.tokens.palette_list
    form.name.setText("Security android")
    form.kind.setCurrentIndex(form.kind.findData("object"))
    form.add_button.click()
    assert TokenTemplate("object", "Security android") in palette.templates()


def test_unplaced_list_names_nothing_missing(window: MainWindow) -> None:
    assert window.tokens.unplaced.item(0).text().startswith("None")


def test_refused_action_shows_in_the_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    window.menus.redo.setEnabled(True)
    window.menus.redo.trigger()  # nothing to redo
    assert window.statusBar().currentMessage() == "Refused: nothing to redo"


def test_toolbar_shortcut_switches_view(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: store.state.view_type == "BRIDGE")
