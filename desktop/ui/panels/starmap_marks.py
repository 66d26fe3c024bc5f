"""The Star map dock's marks: a thing's dot, its name, the selection ring and the ship.

Marks and names keep their size in pixels whatever the zoom (a system's dot is never a speck
and a name never shrinks); they sit at their thing's place on the map, which is in map units.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from desktop.ui.look import colors

KEY = 0  # the item data slot holding a thing's key
ROLE = 1  # the item data slot saying what an item is: "mark", "area", "label", "ring", "ship"
SHIP = "@ship"  # the key the ship's marker carries: double-click opens the ship's deck plan
FIXED = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
# The roles of items that keep their size in pixels: their place is their only extent on the map.
PINNED = ("mark", "ring", "ship")
Z_LINE, Z_COURSE, Z_MARK, Z_RING, Z_SHIP = 0, 1, 2, 3, 4


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def name_label(parent: QGraphicsItem, text: str, color: str, bold: bool = False) -> None:
    """A thing's name beside its mark (placed later by the view, out of other names' way)."""
    name = QGraphicsSimpleTextItem(text, parent)
    name.setBrush(QColor(color))
    name.setFont(_font(9.5, bold))
    name.setData(KEY, parent.data(KEY))
    name.setData(ROLE, "label")


def thing_mark(
    key: str, at: QPointF, radius: float, color: str, hidden: bool, square: bool = False
) -> QGraphicsItem:
    """A thing's dot (or square), `radius` pixels, dashed and dimmed when players do not see
    it."""
    pen = QPen(QColor(colors.TEXT_DIM if hidden else colors.BG), 1.2)
    if hidden:
        pen.setStyle(Qt.PenStyle.DashLine)
    fill = QColor(color)
    fill.setAlphaF(0.3 if hidden else 1.0)
    rect = QRectF(-radius, -radius, 2 * radius, 2 * radius)
    item: QAbstractGraphicsShapeItem
    item = QGraphicsRectItem(rect) if square else QGraphicsEllipseItem(rect)
    item.setPen(pen)
    item.setBrush(QBrush(fill))
    item.setFlag(FIXED)
    item.setPos(at)
    item.setZValue(Z_MARK)
    item.setData(KEY, key)
    item.setData(ROLE, "mark")
    return item


def selection_ring(at: QPointF, radius: float) -> QGraphicsEllipseItem:
    """The ring around the selected thing: bright, two rings (one dark) to read on any colour."""
    r = radius + 5
    ring = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r))
    ring.setPen(QPen(QColor(colors.TEAL_BRIGHT), 2))
    inner = QGraphicsEllipseItem(QRectF(-r + 2, -r + 2, 2 * r - 4, 2 * r - 4), ring)
    inner.setPen(QPen(QColor(colors.BG), 1))
    inner.setData(ROLE, "ring")
    ring.setFlag(FIXED)
    ring.setPos(at)
    ring.setZValue(Z_RING)
    ring.setData(ROLE, "ring")
    return ring


def ship_mark(at: QPointF, lift: float, name: str) -> QGraphicsPolygonItem:
    """The ship: an amber arrowhead above its place, pointing at it, with the ship's name."""
    tip, wide, tall = lift + 2, 8, 16
    shape = QPolygonF(
        [
            QPointF(0, -tip),
            QPointF(-wide, -tip - tall),
            QPointF(0, -tip - tall * 0.7),
            QPointF(wide, -tip - tall),
        ]
    )
    mark = QGraphicsPolygonItem(shape)
    mark.setPen(QPen(QColor(colors.BG), 1.5))
    mark.setBrush(QBrush(QColor(colors.AMBER)))
    mark.setFlag(FIXED)
    mark.setPos(at)
    mark.setZValue(Z_SHIP)
    mark.setData(KEY, SHIP)
    mark.setData(ROLE, "ship")
    mark.setToolTip(f"{name}: double-click to open its deck plan")
    label = QGraphicsSimpleTextItem(name.upper(), mark)
    label.setBrush(QColor(colors.AMBER))
    label.setFont(_font(9, bold=True))
    label.setData(KEY, SHIP)
    label.setData(ROLE, "label")
    box = label.boundingRect()
    label.setPos(-box.width() / 2, -tip - tall - box.height() - 1)
    return mark
