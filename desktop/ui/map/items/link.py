"""A ladder, lift, hatch or stair to another deck, drawn as a small glyph in its room."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.map.picture.shapes import CELL, LinkShape

_HALF = CELL * 0.34


_BOUNDS = QRectF(-_HALF - 4, -_HALF - 4, 2 * _HALF + 8, 2 * _HALF + 8)


class LinkItem(QGraphicsItem):
    """An inter-deck link; the GM can send a token through it from the token's menu."""

    def __init__(self, shape: LinkShape) -> None:
        super().__init__()
        self.link_id = shape.id
        self.shape_data = shape
        # Cached as device pixmaps: a full repaint (zoom, pan) then blits instead of redrawing.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(4)
        self._apply(shape)

    def set_shape(self, shape: LinkShape) -> None:
        """Show a new state of the link."""
        if shape != self.shape_data:
            self.shape_data = shape
            self._apply(shape)
            self.update()

    def _apply(self, shape: LinkShape) -> None:
        self.setPos(shape.x * CELL, shape.y * CELL)
        where = f" to {shape.to_deck_name}" if shape.to_deck_name else ""
        self.setToolTip(f"{shape.type.capitalize()}{where} ({shape.status.lower()})")

    def boundingRect(self) -> QRectF:
        return _BOUNDS

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(qcolor(colors.AMBER, 220), 1.3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(qcolor(colors.BG, 220))
        box = QRectF(-_HALF, -_HALF, 2 * _HALF, 2 * _HALF)
        painter.drawRect(box)
        rail = _HALF * 0.45
        painter.drawLine(QLineF(-rail, -_HALF + 2, -rail, _HALF - 2))
        painter.drawLine(QLineF(rail, -_HALF + 2, rail, _HALF - 2))
        for i in range(3):
            y = -_HALF * 0.55 + i * _HALF * 0.55
            painter.drawLine(QLineF(-rail, y, rail, y))
        painter.setBrush(qcolor(colors.AMBER))
        tip = QPolygonF(
            [
                QPointF(_HALF, -_HALF - 2),
                QPointF(_HALF + 3, -_HALF + 3),
                QPointF(_HALF - 3, -_HALF + 3),
            ]
        )
        painter.drawPolygon(tip)
