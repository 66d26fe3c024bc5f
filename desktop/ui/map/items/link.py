"""A ladder, lift, hatch or stair to another deck, drawn as a small glyph in its room."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPainter, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.map.items.base import ShapeItem, cosmetic_pen
from desktop.ui.map.picture.shapes import CELL, LinkShape

_HALF = CELL * 0.34


_BOUNDS = QRectF(-_HALF - 4, -_HALF - 4, 2 * _HALF + 8, 2 * _HALF + 8)


class LinkItem(ShapeItem[LinkShape]):
    """An inter-deck link; the GM can send a token through it from the token's menu."""

    def __init__(self, shape: LinkShape) -> None:
        super().__init__(shape, z=4)
        self.link_id = shape.id
        self._bounds = QRectF(_BOUNDS)
        self._apply(shape)

    def _apply(self, shape: LinkShape) -> None:
        self.setPos(shape.x * CELL, shape.y * CELL)
        where = f" to {shape.to_deck_name}" if shape.to_deck_name else ""
        self.setToolTip(f"{shape.type.capitalize()}{where} ({shape.status.lower()})")

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(cosmetic_pen(qcolor(colors.AMBER, 220), 1.3))
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
