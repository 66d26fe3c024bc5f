"""A door (or open passage) on a wall between two rooms, drawn by its status; between rooms that
do not touch, the corridor from wall to wall and a door on each wall."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.map.items.base import ShapeItem, cosmetic_pen, is_selected
from desktop.ui.map.picture.shapes import CELL, DoorShape

_THICK = {"blast_door": 0.42, "airlock": 0.36}
_CORRIDOR = 0.7  # cells wide
DOOR_LABELS = {
    "OPEN": "Open",
    "CLOSED": "Closed",
    "LOCKED": "Locked",
    "SEALED": "Sealed",
    "DAMAGED": "Damaged",
}


class DoorItem(ShapeItem[DoorShape]):
    """One door; its colour and symbol say the status (open, closed, locked, sealed, damaged)."""

    def __init__(self, shape: DoorShape) -> None:
        super().__init__(shape, z=5)
        self.door_id = shape.id
        self._rect = QRectF()
        self._far: tuple[QPointF, QRectF] | None = None
        self._corridor = QPainterPath()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, shape.type != "passage")
        self._apply(shape)

    @property
    def is_passage(self) -> bool:
        return self.shape_data.type == "passage"

    def _apply(self, shape: DoorShape) -> None:
        rect = _door_rect(shape.type, shape.orientation, shape.length)
        far = None
        if shape.far is not None:
            fx, fy, orientation = shape.far
            centre = QPointF((fx - shape.x) * CELL, (fy - shape.y) * CELL)
            far = (centre, _door_rect(shape.type, orientation, 1.0))
        corridor = QPainterPath()
        for i, (cx, cy) in enumerate(shape.corridor):
            point = QPointF((cx - shape.x) * CELL, (cy - shape.y) * CELL)
            corridor.moveTo(point) if i == 0 else corridor.lineTo(point)
        self.prepareGeometryChange()
        self._rect, self._far, self._corridor = rect, far, corridor
        self._hit = self._outline()
        self._bounds = self._hit.boundingRect().adjusted(-3, -3, 3, 3)
        self.setPos(shape.x * CELL, shape.y * CELL)
        kind = shape.type.replace("_", " ")
        if shape.type == "passage":
            self.setToolTip("Open passage")
        else:
            self.setToolTip(f"{shape.name or kind.capitalize()} — {shape.status.lower()}")

    def _outline(self) -> QPainterPath:
        """What a click hits: the door symbols and the corridor, never the rooms around."""
        path = QPainterPath()
        path.addRect(self._rect)
        if self._far is not None:
            path.addRect(self._far[1].translated(self._far[0]))
        if not self._corridor.isEmpty():
            stroker = QPainterPathStroker()
            stroker.setWidth(_CORRIDOR * CELL)
            stroker.setCapStyle(Qt.PenCapStyle.FlatCap)
            stroker.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            path.addPath(stroker.createStroke(self._corridor))
        return path.simplified()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not self._corridor.isEmpty():
            self._paint_corridor(painter)
        selected = is_selected(option)
        self._paint_door(painter, self._rect, selected)
        if self._far is not None:
            painter.save()
            painter.translate(self._far[0])
            self._paint_door(painter, self._far[1], selected)
            painter.restore()

    def _paint_corridor(self, painter: QPainter) -> None:
        for color, width in (
            (qcolor(colors.TEAL, 150), _CORRIDOR),
            (qcolor(colors.BG), _CORRIDOR - 0.14),
        ):
            pen = QPen(color, width * CELL, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._corridor)

    def _paint_door(self, painter: QPainter, rect: QRectF, selected: bool) -> None:
        shape = self.shape_data
        if shape.type == "passage":
            self._paint_passage(painter, rect)
            return
        color = colors.DOOR_STATUS.get(shape.status, colors.TEAL)
        painter.fillRect(rect, qcolor(colors.BG))
        outline = (qcolor(colors.AMBER), 2.2) if selected else (qcolor(color), 1.4)
        painter.setPen(cosmetic_pen(*outline))
        if shape.status == "OPEN":
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setBrush(qcolor(color, 150 if shape.status == "CLOSED" else 110))
        painter.drawRect(rect)
        if shape.type == "airlock":
            painter.setPen(cosmetic_pen(qcolor(colors.BG), 1.2))
            painter.drawRect(rect.adjusted(2.5, 2.5, -2.5, -2.5))
        self._paint_symbol(painter, rect, shape.status, color)

    def _paint_passage(self, painter: QPainter, r: QRectF) -> None:
        painter.fillRect(r, qcolor(colors.BG))
        painter.setPen(cosmetic_pen(qcolor(colors.TEAL, 140), 1.0, Qt.PenStyle.DotLine))
        if r.width() > r.height():
            painter.drawLine(QLineF(r.left(), 0, r.right(), 0))
        else:
            painter.drawLine(QLineF(0, r.top(), 0, r.bottom()))

    def _paint_symbol(self, painter: QPainter, r: QRectF, status: str, color: str) -> None:
        size = min(r.width(), r.height()) * 0.32
        painter.setPen(cosmetic_pen(qcolor(colors.TEXT if status != "OPEN" else color), 1.4))
        if status == "SEALED":
            painter.drawLine(QLineF(r.topLeft(), r.bottomRight()))
            painter.drawLine(QLineF(r.topRight(), r.bottomLeft()))
        elif status == "LOCKED":
            painter.setBrush(qcolor(colors.BG))
            painter.drawEllipse(QPointF(0, 0), size, size)
        elif status == "DAMAGED":
            horizontal = r.width() > r.height()
            a, b = (r.left(), r.right()) if horizontal else (r.top(), r.bottom())
            points = [a + (b - a) * i / 4 for i in range(5)]
            for i in range(4):
                s1, s2 = (size if i % 2 == 0 else -size), (-size if i % 2 == 0 else size)
                p1 = QPointF(points[i], s1) if horizontal else QPointF(s1, points[i])
                p2 = QPointF(points[i + 1], s2) if horizontal else QPointF(s2, points[i + 1])
                painter.drawLine(QLineF(p1, p2))


def _door_rect(door_type: str, orientation: str, length: float) -> QRectF:
    """A door symbol around its middle: along its wall, as thick as its type."""
    thick = _THICK.get(door_type, 0.3) * CELL
    span = max(0.6, min(length, 1.0)) * CELL
    if orientation == "h":
        return QRectF(-span / 2, -thick / 2, span, thick)
    return QRectF(-thick / 2, -span / 2, thick, span)
