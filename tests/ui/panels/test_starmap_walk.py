"""The Star map dock as a GM met it in a walk-through: the ship easy to see, the selection kept
and ringed across state updates, double-clicks that go in every time, names that do not cover
one another. Real widgets, real mouse events on the view's viewport."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSimpleTextItem,
)
from pytestqt.qtbot import QtBot

from desktop.campaign.model import Campaign
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.look import colors
from desktop.ui.panels.starmap import KEY, SHIP, StarMapPanel

LEFT = Qt.MouseButton.LeftButton
LEVELS = [
    ("galaxy", ""),
    ("system", "vesper_reach"),
    ("system", "cinder_verge"),
    ("orbit", "vesper_reach/gallowmere"),
]


def panel_on(qtbot: QtBot, store: Store, width: int = 420, height: int = 640) -> StarMapPanel:
    panel = StarMapPanel()
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    panel.sync(store.state, store.campaign)
    return panel


def on_screen(panel: StarMapPanel, item: QGraphicsItem) -> QRectF:
    """An item's box in the view's viewport pixels."""
    view = panel.view
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())


def mark_of(panel: StarMapPanel, key: str) -> QGraphicsItem:
    return next(
        i
        for i in panel.scene.items()
        if i.data(KEY) == key and not isinstance(i, QGraphicsSimpleTextItem)
    )


def centre(panel: StarMapPanel, key: str) -> QPoint:
    return on_screen(panel, mark_of(panel, key)).center().toPoint()


def names(panel: StarMapPanel) -> list[QGraphicsSimpleTextItem]:
    return [
        i for i in panel.scene.items() if isinstance(i, QGraphicsSimpleTextItem) and i.isVisible()
    ]


def send(panel: StarMapPanel, kind: QEvent.Type, pos: QPoint, buttons: Any) -> None:
    viewport = panel.view.viewport()
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        LEFT,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def ringed(panel: StarMapPanel, key: str) -> bool:
    """A ring is drawn around the thing's mark (centred on it, wider than it)."""
    mark = on_screen(panel, mark_of(panel, key))
    for item in panel.scene.items():
        if isinstance(item, QGraphicsEllipseItem) and item.data(KEY) in (None, ""):
            box = on_screen(panel, item)
            near = (box.center() - mark.center()).manhattanLength() < 2
            if near and box.width() > mark.width() + 4 and item.isVisible():
                return True
    return False


def amber_pixels(panel: StarMapPanel, box: QRectF) -> int:
    image = panel.view.viewport().grab().toImage()
    amber = QColor(colors.AMBER)
    found = 0
    for x, y in itertools.product(
        range(int(box.left()), int(box.right())), range(int(box.top()), int(box.bottom()))
    ):
        c = image.pixelColor(x, y)
        if (
            abs(c.red() - amber.red())
            + abs(c.green() - amber.green())
            + abs(c.blue() - amber.blue())
            < 60
        ):
            found += 1
    return found


def test_the_ship_is_a_named_amber_arrowhead_above_the_systems_its_course_dashed(
    qtbot: QtBot, campaign: Campaign
) -> None:
    store = Store(campaign)
    store.dispatch(a.SetShipCourse("vesper_reach", "Ossuary Drift"))
    panel = panel_on(qtbot, store)
    ship = mark_of(panel, SHIP)
    box = on_screen(panel, ship)
    assert box.width() >= 12 and box.height() >= 12  # not a speck at the galaxy's zoom
    assert ship.zValue() > max(
        mark_of(panel, s.key).zValue() for s in campaign.star_map.galaxy.systems
    )  # type: ignore[union-attr]
    label = [n for n in names(panel) if n.data(KEY) == SHIP]
    assert [n.text() for n in label] == ["SV HADAL WREN"]
    assert amber_pixels(panel, box) >= 30  # drawn, in amber, where it says it is
    system = on_screen(panel, mark_of(panel, "vesper_reach")).center()
    assert box.bottom() <= system.y() and box.left() < system.x() < box.right()  # above it
    lines = [i for i in panel.scene.items() if isinstance(i, QGraphicsLineItem)]
    course = [i for i in lines if i.pen().style() == Qt.PenStyle.DashLine]
    assert len(course) == 2  # Vesper Reach -> Marrow Gate -> Ossuary Drift
    assert {i.pen().color().name() for i in course} == {QColor(colors.AMBER).name()}
    assert len(lines) == len(campaign.star_map.galaxy.routes) + 2  # type: ignore[union-attr]
    store.dispatch(a.SetShipCourse("vesper_reach/gallowmere/lantern_station", ""))
    panel.sync(store.state, store.campaign)
    panel.go("orbit", "vesper_reach/gallowmere")
    station = on_screen(panel, mark_of(panel, "vesper_reach/gallowmere/lantern_station"))
    ship_box = on_screen(panel, mark_of(panel, SHIP))
    assert ship_box.bottom() <= station.center().y() and amber_pixels(panel, ship_box) >= 30


@pytest.mark.parametrize(("level", "key"), LEVELS)
def test_the_selection_stays_ringed_across_state_updates(
    qtbot: QtBot, window: Any, store: Store, level: str, key: str
) -> None:
    """'Ship is here' cleared the selection for a GM, and nothing showed what was selected."""
    panel: StarMapPanel = window.star_map
    window.docks["star_map"].raise_()
    qtbot.waitUntil(lambda: panel.view.isVisible())
    panel.go(level, key)
    chosen = sorted(panel.things)[-1]
    qtbot.mouseClick(panel.view.viewport(), LEFT, pos=centre(panel, chosen))
    assert panel.selected == chosen and ringed(panel, chosen)
    title = panel.title.text()
    revision = store.state.revision
    for button in (panel.ship_button, panel.hide_button, panel.hide_button, panel.show_button):
        button.click()
        qtbot.waitUntil(lambda r=revision: store.state.revision > r)  # type: ignore[misc]
        revision = store.state.revision
        qtbot.waitUntil(lambda: panel.part is not None and panel._seen[0] is store.state.star)
        assert (panel.level, panel.key, panel.selected) == (level, key, chosen)
        assert panel.title.text().split("  (")[0] == title.split("  (")[0]
        assert ringed(panel, chosen)
    assert store.state.star.ship_at == chosen


def first_press_then_double(panel: StarMapPanel, where: QPoint, between: Any) -> None:
    """A GM's double-click: the first press and release, what happens between the presses
    (the app repaints, lays out, may take a state update), then the second press."""
    send(panel, QEvent.Type.MouseButtonPress, where, LEFT)
    send(panel, QEvent.Type.MouseButtonRelease, where, Qt.MouseButton.NoButton)
    between()
    QApplication.processEvents()
    send(panel, QEvent.Type.MouseButtonDblClick, where, LEFT)
    send(panel, QEvent.Type.MouseButtonRelease, where, Qt.MouseButton.NoButton)


def test_double_clicking_a_system_goes_into_it_every_time(qtbot: QtBot, campaign: Campaign) -> None:
    store = Store(campaign)
    panel = panel_on(qtbot, store)
    galaxy = campaign.star_map.galaxy
    with_maps = [s.key for s in galaxy.systems if s.system_map]  # type: ignore[union-attr]
    assert len(with_maps) >= 2
    updates = itertools.cycle([True, False])

    def update() -> None:
        if next(updates):  # a state update between the two presses redraws the dock
            store.dispatch(a.SetStarVisibility("Nadir", "Nadir" not in store.state.star.revealed))
            panel.sync(store.state, store.campaign)

    for _ in range(3):
        for system in with_maps:
            panel.go("galaxy", "")
            qtbot.mouseDClick(panel.view.viewport(), LEFT, pos=centre(panel, system))
            assert (panel.level, panel.key) == ("system", system)
            panel.go("galaxy", "")
            first_press_then_double(panel, centre(panel, system), update)
            assert (panel.level, panel.key) == ("system", system)


def test_a_click_beside_a_small_dot_still_finds_it(qtbot: QtBot, campaign: Campaign) -> None:
    panel = panel_on(qtbot, Store(campaign))
    where = centre(panel, "Marrow Gate") + QPoint(6, 5)
    qtbot.mouseClick(panel.view.viewport(), LEFT, pos=where)
    assert panel.selected == "Marrow Gate"


def test_selecting_does_not_move_the_map(qtbot: QtBot, campaign: Campaign) -> None:
    panel = panel_on(qtbot, Store(campaign))
    QApplication.processEvents()
    before = centre(panel, "vesper_reach")
    for key in ("vesper_reach", "Marrow Gate", "cinder_verge", ""):
        panel.select(key)
        QApplication.processEvents()
        assert centre(panel, "vesper_reach") == before, key


@pytest.mark.parametrize(("width", "height"), [(300, 520), (420, 640), (640, 760)])
def test_each_level_fits_with_names_apart(
    qtbot: QtBot, campaign: Campaign, width: int, height: int
) -> None:
    """Bodies and names overlapped in a cramped system view: every mark is inside the view
    with a margin, names are readable, inside the view and never on top of one another or of
    another thing's mark; a name left out is one of a lesser thing (its mark's tooltip has it)."""
    store = Store(campaign)
    store.dispatch(a.SetShipCourse("vesper_reach/gallowmere/lantern_station", ""))
    panel = panel_on(qtbot, store, width, height)
    for level, key in LEVELS:
        panel.go(level, key)
        QApplication.processEvents()
        seen = QRectF(panel.view.viewport().rect())
        for thing in panel.things:
            mark = on_screen(panel, mark_of(panel, thing))
            assert seen.adjusted(8, 8, -8, -8).contains(mark.center()), (level, thing)
        shown = names(panel)
        boxes = [on_screen(panel, n) for n in shown]
        for n, box in zip(shown, boxes, strict=True):
            assert n.font().pointSizeF() >= 9, n.text()
            assert seen.contains(box), (level, n.text())
        for (n1, b1), (n2, b2) in itertools.combinations(zip(shown, boxes, strict=True), 2):
            if n1.data(KEY) != n2.data(KEY):
                assert not b1.adjusted(1, 1, -1, -1).intersects(b2), (level, n1.text(), n2.text())
        marks = {t: on_screen(panel, mark_of(panel, t)) for t in panel.things}
        for n, box in zip(shown, boxes, strict=True):
            for thing, mark in marks.items():
                if thing != n.data(KEY) and n.data(KEY) != SHIP:
                    assert not box.adjusted(1, 1, -1, -1).intersects(mark), (n.text(), thing)
        if width >= 420:  # room enough: every name is there
            named = {n.data(KEY) for n in shown}
            assert set(panel.things) <= named, (level, set(panel.things) - named)


def test_a_thing_the_ship_is_at_still_opens_and_the_arrowhead_opens_the_ship(
    qtbot: QtBot, campaign: Campaign
) -> None:
    """The ship's arrowhead is drawn above its place: a double-click on the place goes into it
    (it opened the ship's deck plan instead), one on the arrowhead opens the ship's deck plan."""
    store = Store(campaign)
    store.dispatch(a.SetShipCourse("vesper_reach/gallowmere", ""))
    panel = panel_on(qtbot, store)
    panel.go("system", "vesper_reach")
    opened: list[str] = []
    panel.location_requested.connect(opened.append)
    arrow = on_screen(panel, mark_of(panel, SHIP)).center().toPoint()
    qtbot.mouseDClick(panel.view.viewport(), LEFT, pos=arrow)
    assert opened == ["hadal_wren"] and panel.level == "system"
    qtbot.mouseDClick(panel.view.viewport(), LEFT, pos=centre(panel, "vesper_reach/gallowmere"))
    assert (panel.level, panel.key) == ("orbit", "vesper_reach/gallowmere")
    assert opened == ["hadal_wren"]
