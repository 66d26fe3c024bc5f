"""A door (or open passage) on a wall between two rooms, drawn by its status."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from desktop.ui import colors
from desktop.ui.colors import qcolor
from desktop.ui.map_picture import CELL, DoorShape

_THICK = {"blast_door": 0.42, "airlock": 0.36}
DOOR_LABELS = {
    "OPEN": "Open",
    "CLOSED": "Closed",
    "LOCKED": "Locked",
    "SEALED": "Sealed",
    "DAMAGED": "Damaged",
}


class DoorItem(QGraphicsItem):
    """One door; its colour and symbol say the status (open, closed, locked, sealed, damaged)."""

    def __init__(self, shape: DoorShape) -> None:
        super().__init__()
        self.door_id = shape.id
        self.shape_data = shape
        self._rect = QRectF()
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, shape.type != "passage")
        # Cached as device pixmaps: a full repaint (zoom, pan) then blits instead of redrawing.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(5)
        self._apply(shape)

    def set_shape(self, shape: DoorShape) -> None:
        """Show a new state of the door."""
        if shape == self.shape_data:
            return
        self.shape_data = shape
        self._apply(shape)
        self.update()

    @property
    def is_passage(self) -> bool:
        return self.shape_data.type == "passage"

    def _apply(self, shape: DoorShape) -> None:
        thick = _THICK.get(shape.type, 0.3) * CELL
        span = max(0.6, min(shape.length, 1.0)) * CELL
        if shape.orientation == "h":
            rect = QRectF(-span / 2, -thick / 2, span, thick)
        else:
            rect = QRectF(-thick / 2, -span / 2, thick, span)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
            self._bounds = rect.adjusted(-3, -3, 3, 3)
        self.setPos(shape.x * CELL, shape.y * CELL)
        kind = shape.type.replace("_", " ")
        if shape.type == "passage":
            self.setToolTip("Open passage")
        else:
            self.setToolTip(f"{shape.name or kind.capitalize()} — {shape.status.lower()}")

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        shape = self.shape_data
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if shape.type == "passage":
            self._paint_passage(painter)
            return
        color = colors.DOOR_STATUS.get(shape.status, colors.TEAL)
        painter.fillRect(self._rect, qcolor(colors.BG))
        outline = QPen(qcolor(color), 1.4)
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[operator]
            outline = QPen(qcolor(colors.AMBER), 2.2)
        outline.setCosmetic(True)
        painter.setPen(outline)
        if shape.status == "OPEN":
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setBrush(qcolor(color, 150 if shape.status == "CLOSED" else 110))
        painter.drawRect(self._rect)
        if shape.type == "airlock":
            inner = QPen(qcolor(colors.BG), 1.2)
            inner.setCosmetic(True)
            painter.setPen(inner)
            painter.drawRect(self._rect.adjusted(2.5, 2.5, -2.5, -2.5))
        self._paint_symbol(painter, shape.status, color)

    def _paint_passage(self, painter: QPainter) -> None:
        painter.fillRect(self._rect, qcolor(colors.BG))
        pen = QPen(qcolor(colors.TEAL, 140), 1.0, Qt.PenStyle.DotLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        r = self._rect
        if self.shape_data.orientation == "h":
            painter.drawLine(QLineF(r.left(), 0, r.right(), 0))
        else:
            painter.drawLine(QLineF(0, r.top(), 0, r.bottom()))

    def _paint_symbol(self, painter: QPainter, status: str, color: str) -> None:
        r = self._rect
        size = min(r.width(), r.height()) * 0.32
        pen = QPen(qcolor(colors.TEXT if status != "OPEN" else color), 1.4)
        pen.setCosmetic(True)
        painter.setPen(pen)
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
