"""The Warden's docks: vitals steppers and conditions in the Crew dock, private dice with
"Show to…", countdowns and alerts; each gesture is one action, undoable where it should be."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow


def card(store: Store, crew_id: str) -> dict[str, object]:
    crew = store.player_frame().snapshot["crew"]
    found: dict[str, object] = next(m for m in crew if m["id"] == crew_id)
    return found


def test_vitals_and_conditions_from_the_crew_dock(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.SwitchView("BRIDGE"))
    window.docks["crew"].raise_()
    member = store.campaign.crew[0]
    wounds = window.crew.spins[(member.id, "wounds")]
    qtbot.waitUntil(wounds.isVisible)
    wounds.stepBy(1)
    assert card(store, member.id)["wounds"] == {"current": 1, "max": 2}
    floor = window.crew.spins[(member.id, "min_stress")]
    floor.setFocus()
    floor.selectAll()
    qtbot.keyClicks(floor, "2")
    qtbot.keyClick(floor, Qt.Key.Key_Return)
    assert card(store, member.id)["min_stress"] == 2
    edit = window.crew.conditions[member.id]
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "Shaken, Broken arm ,")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert card(store, member.id)["conditions"] == ["Shaken", "Broken arm"]
    assert store.undo_label == f"Set {member.name}'s conditions"
    window.menus.undo.trigger()
    qtbot.waitUntil(lambda: window.crew.conditions[member.id].text() == "")
    store.dispatch(a.SetConditions(member.id, ("Hearing things",)))  # the HTTP API: it follows
    qtbot.waitUntil(lambda: window.crew.conditions[member.id].text() == "Hearing things")


def test_a_roll_is_private_until_the_gm_shows_it(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.docks["dice"].raise_()
    dice = window.dice
    dice.dice.setText("2d6+1")
    dice.roll_button.click()
    qtbot.waitUntil(lambda: dice.history.count() == 1)
    assert "2d6+1 →" in dice.history.item(0).text()
    assert store.player_frame().snapshot["roll"] is None
    dice.show_button.click()
    shown = store.player_frame().snapshot["roll"]
    assert shown is not None and shown["dice"] == "2d6+1"
    qtbot.waitUntil(lambda: dice.history.item(0).text().startswith("▶"))
    dice.hide_button.click()
    assert store.player_frame().snapshot["roll"] is None
    dice.dice.setText("2q6")
    revision = store.state.revision
    dice.roll_button.click()  # refused with the reason, nothing changes
    assert store.state.revision == revision
    assert "cannot read dice" in window.statusBar().currentMessage()


def test_a_panic_check_for_a_crew_member(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.docks["dice"].raise_()
    member = store.campaign.crew[1]
    window.dice.who.setCurrentIndex(window.dice.who.findData(member.id))
    window.dice.panic_button.click()
    qtbot.waitUntil(lambda: window.dice.history.count() == 1)
    text = window.dice.history.item(0).text()
    assert member.name in text and "stress" in text
    assert store.state.warden.rolls[-1].panic


def test_countdowns_and_alerts(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.docks["alerts"].raise_()
    panel = window.alerts
    panel.label_edit.setText("O2 RESERVE")
    panel.length_edit.setText("45:00")
    panel.start_button.click()
    [timer] = store.player_frame().snapshot["timers"]
    assert timer["label"] == "O2 RESERVE" and timer["remaining_ms"] == 45 * 60_000
    qtbot.waitUntil(lambda: len(panel.rows) == 1)
    [row] = panel.rows.values()
    qtbot.waitUntil(lambda: "O2 RESERVE" in row.text.text())
    row.pause.click()
    assert store.player_frame().snapshot["timers"][0]["paused"] is True
    qtbot.waitUntil(lambda: "(paused)" in row.text.text() and row.pause.text() == "Resume")
    row.add.click()
    assert store.player_frame().snapshot["timers"][0]["remaining_ms"] > 45 * 60_000
    row.pause.click()  # now Resume
    assert store.player_frame().snapshot["timers"][0]["paused"] is False
    row.cancel.click()
    assert store.player_frame().snapshot["timers"] == []
    qtbot.waitUntil(lambda: panel.rows == {})
    panel.alert_buttons["red_alert"].click()
    assert store.state.warden.alerts == ("red_alert",)
    qtbot.waitUntil(lambda: panel.alert_buttons["red_alert"].isChecked())
    panel.own_alert.setText("Reactor scram")
    qtbot.keyClick(panel.own_alert, Qt.Key.Key_Return)
    assert store.state.warden.alerts == ("red_alert", "Reactor scram")
    qtbot.waitUntil(panel.stand_down.isEnabled)  # enabled while an alert is raised
    panel.stand_down.click()
    assert store.state.warden.alerts == ()
    qtbot.waitUntil(lambda: not panel.alert_buttons["red_alert"].isChecked())


def test_the_sound_dock_plays_once_and_loops(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.docks["sound"].raise_()
    panel = window.sound
    qtbot.waitUntil(lambda: panel.sounds.count() > 0)
    texts = [panel.sounds.item(i).text() for i in range(panel.sounds.count())]
    assert "Reactor hum" in texts and "Klaxon (built in)" in texts
    panel.sounds.setCurrentRow(texts.index("Klaxon (built in)"))
    panel.play_button.click()
    assert store.player_frame().snapshot["sound"]["cue"]["builtin"] == "klaxon"
    panel.sounds.setCurrentRow(texts.index("Reactor hum"))
    panel.loop_button.click()
    assert store.player_frame().snapshot["sound"]["ambient"]["name"] == "Reactor hum"
    qtbot.waitUntil(lambda: panel.now.text() == "Now playing (loop): Reactor hum")
    panel.stop_button.click()
    assert store.player_frame().snapshot["sound"]["ambient"] is None
    store.dispatch(a.SwitchView("ENCOUNTER", "lantern_station"))
    qtbot.waitUntil(
        lambda: any(
            "ambient here" in panel.sounds.item(i).text() for i in range(panel.sounds.count())
        )
    )


def test_a_rooms_atmosphere_from_its_map_menu(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    view, scene = window.map_panel.view, window.map_panel.scene
    room = scene.rooms["galley"]
    slug = window.focus.location_slug

    def atmosphere_menu() -> QMenu:
        menu = view.context_menu_at(view.mapFromScene(room.sceneBoundingRect().center()))
        assert menu is not None
        found = next(a.menu() for a in menu.actions() if a.text() == "Atmosphere")
        assert isinstance(found, QMenu)
        return found

    normal = next(a for a in atmosphere_menu().actions() if a.text() == "Normal (clear)")
    assert normal.isCheckable() and normal.isChecked()
    smoke = next(a for a in atmosphere_menu().actions() if a.text() == "Smoke")
    assert smoke.isCheckable() and not smoke.isChecked()
    smoke.trigger()
    assert store.state.warden.atmosphere == {f"{slug}/galley": ("smoke",)}
    qtbot.waitUntil(lambda: "SMOKE" in room._tags.text())
    dark = next(a for a in atmosphere_menu().actions() if a.text() == "Dark")
    assert next(a for a in atmosphere_menu().actions() if a.text() == "Smoke").isChecked()
    dark.trigger()
    assert store.state.warden.atmosphere == {f"{slug}/galley": ("dark", "smoke")}
    window.menus.undo.trigger()
    assert store.state.warden.atmosphere == {f"{slug}/galley": ("smoke",)}
    normal = next(a for a in atmosphere_menu().actions() if a.text() == "Normal (clear)")
    assert not normal.isChecked()
    normal.trigger()
    assert store.state.warden.atmosphere == {}


def test_the_campaigns_countdowns_and_alerts(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.docks["alerts"].raise_()
    panel = window.alerts
    qtbot.waitUntil(lambda: panel.presets.count() == len(store.campaign.presets.timers))
    panel.presets.setCurrentIndex(
        panel.presets.findText("BORE CYCLE", Qt.MatchFlag.MatchStartsWith)
    )
    panel.preset_button.click()
    [timer] = store.player_frame().snapshot["timers"]
    assert timer["label"] == "BORE CYCLE" and [p["label"] for p in timer["phases"]] == [
        "DRILLING",
        "VENTING",
    ]
    own = store.campaign.presets.alerts[0]
    panel.alert_buttons[own].click()
    assert store.player_frame().snapshot["alerts"] == [{"id": own, "name": own}]


def test_a_countdown_for_one_display(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    store.dispatch(a.SetDisplay("tv-aft-12", name="Aft TV", kind="tv"))
    window.docks["alerts"].raise_()
    panel = window.alerts
    qtbot.waitUntil(lambda: panel.target.findText("Aft TV") > 0)
    panel.target.setCurrentIndex(panel.target.findText("Aft TV"))
    panel.label_edit.setText("VENT")
    panel.length_edit.setText("2:00")
    panel.start_button.click()
    assert store.player_frame("tv-aft-12").snapshot["timers"][0]["label"] == "VENT"
    assert store.player_frame().snapshot["timers"] == []
