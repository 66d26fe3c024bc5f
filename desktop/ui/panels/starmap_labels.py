"""Names on the Star map dock kept off one another: each goes beside its mark where it covers no
other name or mark and stays in the view; a lesser name with no such place is hidden (its mark's
tooltip still reads it). The selected thing's name is placed first, then stars and planets,
systems and bodies, moons and stations, surface sites."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QGraphicsView

from desktop.ui.panels.starmap_marks import ROLE
from desktop.ui.panels.starmap_scene import Mark, StarMapScene

GAP = 4  # pixels between a mark and its name


def on_screen(view: QGraphicsView, item: QGraphicsItem) -> QRectF:
    """An item's box in viewport pixels (right for marks that keep their size, too)."""
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())


def _spots(radius: float, width: float, height: float, centred: bool) -> list[QPointF]:
    """Where a name may go, as its top-left corner from its mark's centre, best first."""
    r = radius + GAP
    beside = [
        QPointF(r, -height / 2),
        QPointF(-r - width, -height / 2),
        QPointF(r - 2, -height - radius / 2),
        QPointF(r - 2, radius / 2),
        QPointF(-r - width + 2, -height - radius / 2),
        QPointF(-r - width + 2, radius / 2),
    ]
    stacked = [QPointF(-width / 2, r - 2), QPointF(-width / 2, -r - height + 2)]
    return stacked + beside if centred else beside + stacked


def _label(mark: Mark) -> QGraphicsSimpleTextItem | None:
    for child in mark.item.childItems():
        if child.data(ROLE) == "label" and isinstance(child, QGraphicsSimpleTextItem):
            return child
    return None


def place_labels(view: QGraphicsView, scene: StarMapScene) -> None:
    """Lay out every name of the scene for the view's current zoom."""
    bounds = QRectF(view.viewport().rect()).adjusted(2, 2, -2, -2)
    taken = [on_screen(view, m.item) for m in scene.marks.values()]
    if scene.ship is not None:
        taken += [on_screen(view, scene.ship)]
        taken += [on_screen(view, c) for c in scene.ship.childItems()]
    order = sorted(scene.marks.items(), key=lambda kv: (kv[0] != scene.selected, kv[1].rank, kv[0]))
    for key, mark in order:
        label = _label(mark)
        if label is None:
            continue
        mark.item.setToolTip(label.text())
        centre = view.mapFromScene(mark.item.scenePos())
        size = label.boundingRect()
        own = on_screen(view, mark.item)
        spot = _free_spot(mark, size, QPointF(centre), bounds, [t for t in taken if t != own])
        if spot is None and key == scene.selected:
            spot = _spots(mark.radius, size.width(), size.height(), mark.rank == 0)[0]
        label.setVisible(spot is not None)
        if spot is not None:
            label.setPos(spot)
            taken.append(QRectF(QPointF(centre) + spot, size.size()))


def _free_spot(
    mark: Mark, size: QRectF, centre: QPointF, bounds: QRectF, taken: list[QRectF]
) -> QPointF | None:
    for spot in _spots(mark.radius, size.width(), size.height(), mark.rank == 0):
        box = QRectF(centre + spot, size.size())
        if bounds.contains(box) and not any(box.intersects(t) for t in taken):
            return spot
    return None
