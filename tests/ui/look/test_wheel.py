"""The wheel over a number box the GM has not clicked into scrolls the dock instead of changing a
character's health on every display; clicked into, the box takes the wheel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow


def wheel_down(widget: QWidget) -> None:
    """One notch of the wheel, down, over the middle of the widget (as Qt delivers it)."""
    middle = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def health(store: Store, crew_id: str) -> object:
    crew = store.player_frame().snapshot["crew"]
    return next(m for m in crew if m["id"] == crew_id)["health"]


def test_the_wheel_scrolls_past_a_health_box_until_the_gm_clicks_into_it(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.SwitchView("BRIDGE"))
    window.docks["crew"].raise_()
    window.docks["crew"].resize(360, 300)  # the dock scrolls: five crew members do not fit
    member = store.campaign.crew[-1]
    box = window.crew.spins[(member.id, "health")]
    qtbot.waitUntil(box.isVisible)
    before = health(store, member.id)
    bar = window.crew.verticalScrollBar()
    scrolled = bar.value()
    wheel_down(box)
    assert health(store, member.id) == before
    assert box.value() == before["current"]  # type: ignore[index]
    assert bar.value() > scrolled, "the dock scrolled on"
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    wheel_down(box)
    assert health(store, member.id) != before  # clicked into, the box steps


@pytest.fixture
def displays() -> list[dict[str, object]]:
    """A connected TV: its row has list boxes (kind, character, rotation, camera)."""
    return [{"address": "192.168.1.30", "user_agent": "Chrome", "since": 1.0, "id": "tv-01"}]


def test_the_wheel_over_a_list_box_leaves_its_choice(qtbot: QtBot, window: MainWindow) -> None:
    """A display's camera list box (any list box) keeps its choice under a passing wheel."""
    window.docks["displays"].raise_()
    qtbot.waitUntil(lambda: "tv-01" in window.displays.rows)
    boxes = [b for b in window.displays.findChildren(QComboBox) if b.count() > 1]
    assert boxes, "the Displays dock has list boxes"
    for box in boxes:
        chosen = box.currentIndex()
        wheel_down(box)
        assert box.currentIndex() == chosen
