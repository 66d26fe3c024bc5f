"""Hull and armor in the Ship dock, health and stress in the Crew dock (issue 12, defect 9)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow


def test_hull_steps_in_the_ship_dock_reach_the_players_and_undo(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.SwitchView("BRIDGE"))
    window.docks["ship"].raise_()
    hull = window.ship.gauges["hull"]
    qtbot.waitUntil(lambda: hull.isEnabled() and hull.value() > 0)
    start = hull.value()
    assert hull.suffix() == f" / {store.campaign.ship.hull[1]}"  # type: ignore[union-attr]
    hull.stepBy(-1)  # two clicks on the down arrow: two changes
    hull.stepBy(-1)
    assert store.state.gauges == {"hull": start - 2}
    assert store.player_frame().snapshot["ship"]["hull"]["current"] == start - 2
    window.menus.undo.trigger()
    qtbot.waitUntil(lambda: hull.value() == start - 1)
    store.dispatch(a.SetGauge("armor", 1))  # from the HTTP API: the dock follows
    qtbot.waitUntil(lambda: window.ship.gauges["armor"].value() == 1)


def test_typing_a_crew_members_stress_is_one_change(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.SwitchView("BRIDGE"))
    window.docks["crew"].raise_()
    member = store.campaign.crew[0]
    stress = window.crew.spins[(member.id, "stress")]
    qtbot.waitUntil(stress.isVisible)
    revision = store.state.revision
    stress.setFocus()
    stress.selectAll()
    qtbot.keyClicks(stress, "14")
    assert store.state.revision == revision  # nothing while typing
    qtbot.keyClick(stress, Qt.Key.Key_Return)
    assert store.state.revision == revision + 1
    crew = store.player_frame().snapshot["crew"]
    assert next(m for m in crew if m["id"] == member.id)["stress"] == 14
    health = window.crew.spins[(member.id, "health")]
    health.stepBy(-1)
    shown = next(m for m in store.player_frame().snapshot["crew"] if m["id"] == member.id)
    assert shown["health"]["current"] == health.value()
    assert store.undo_label == f"Set {member.name}'s health"
