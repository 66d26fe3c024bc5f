"""A room of the deck map: revealed rooms lit, hidden ones dimmed and hatched."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from desktop.ui import colors
from desktop.ui.colors import qcolor
from desktop.ui.fonts import mono_font
from desktop.ui.map_picture import CELL, RoomShape

_NAME_FONT = mono_font(8.5, caps=True)
_TAG_FONT = mono_font(6.5, bold=True, caps=True)


class RoomItem(QGraphicsItem):
    """One room rectangle; selectable, never revealed by a single click."""

    def __init__(self, shape: RoomShape) -> None:
        super().__init__()
        self.room_id = shape.id
        self.shape_data = shape
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(0)
        self._apply(shape)

    def set_shape(self, shape: RoomShape) -> None:
        """Show a new state of the room."""
        if shape == self.shape_data:
            return
        self.shape_data = shape
        self._apply(shape)
        self.update()

    def _apply(self, shape: RoomShape) -> None:
        rect = QRectF(0, 0, shape.width * CELL, shape.height * CELL)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.setPos(shape.x * CELL, shape.y * CELL)
        state = "revealed" if shape.revealed else "hidden"
        self.setToolTip(f"{shape.name} — {state}, {shape.status.lower()}")

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        shape = self.shape_data
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[operator]
        status_color = colors.ROOM_STATUS.get(shape.status, colors.TEAL)
        if shape.revealed:
            painter.fillRect(self._rect, qcolor(status_color, 34))
            pen = QPen(qcolor(status_color, 230), 1.6)
        else:
            painter.fillRect(self._rect, qcolor(colors.BG, 235))
            painter.fillRect(
                self._rect, QBrush(qcolor(colors.TEAL_DIM, 120), Qt.BrushStyle.BDiagPattern)
            )
            pen = QPen(qcolor(status_color, 110), 1.2, Qt.PenStyle.DashLine)
        if selected:
            pen = QPen(qcolor(colors.AMBER), 2.4)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect.adjusted(0.5, 0.5, -0.5, -0.5))
        self._paint_labels(painter, shape, status_color)

    def _paint_labels(self, painter: QPainter, shape: RoomShape, status_color: str) -> None:
        # Name and tags sit at the top-left so tokens in the room never cover them.
        painter.setFont(_NAME_FONT)
        painter.setPen(qcolor(colors.TEXT if shape.revealed else colors.TEXT_DIM, 235))
        line = self._rect.adjusted(5, 3, -5, 0)
        line.setHeight(14)
        metrics = painter.fontMetrics()
        name = metrics.elidedText(shape.name, Qt.TextElideMode.ElideRight, int(line.width()))
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        tags = [] if shape.revealed else ["hidden"]
        if shape.status != "OPERATIONAL":
            tags.append(shape.status)
        if tags:
            painter.setFont(_TAG_FONT)
            painter.setPen(
                qcolor(status_color if shape.status != "OPERATIONAL" else colors.TEXT_DIM)
            )
            line.translate(0, 13)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, " · ".join(tags)
            )
