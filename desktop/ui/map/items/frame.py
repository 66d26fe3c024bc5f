"""A display's GM frame on the map: a labelled rectangle the GM drags (by its edge or its
name) and resizes (by its bottom-right corner); the view sends the new frame on release."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.fonts import mono_font
from desktop.ui.map.items.base import ShapeItem, cosmetic_pen
from desktop.ui.map.picture.shapes import CELL, FrameShape

MIN_CELLS = 2.0  # the smallest a resize makes a frame, in cells
_EDGE = CELL * 0.35  # how far either side of the edge a press grabs the frame
_HANDLE = CELL * 0.6  # the resize corner's square
_LABEL_H = CELL * 0.7
_FONT = mono_font(7.5)


class FrameItem(ShapeItem[FrameShape]):
    """One display's frame. While dragged, `rect_cells()` is where it would go."""

    def __init__(self, shape: FrameShape) -> None:
        super().__init__(shape, z=20)  # above tokens: its edge and label stay grabbable
        self.display_id = shape.id
        self.setCacheMode(self.CacheMode.NoCache)  # redrawn while resized
        self._size = QPointF()
        self._grab: tuple[str, QPointF, QPointF, QPointF] | None = None  # how, press, pos, size
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self._apply(shape)

    def _apply(self, shape: FrameShape) -> None:
        self._grab = None
        self.setPos(shape.x * CELL, shape.y * CELL)
        self._resize(QPointF(shape.w * CELL, shape.h * CELL))
        self.setToolTip(f"What {shape.name} shows: drag to move, its corner to resize")

    def _resize(self, size: QPointF) -> None:
        self.prepareGeometryChange()
        self._size = size
        w, h = size.x(), size.y()
        self._bounds = QRectF(-_EDGE, -_LABEL_H - _EDGE, w + 2 * _EDGE, h + _LABEL_H + 2 * _EDGE)
        outline = QPainterPath()
        outline.addRect(QRectF(0, 0, w, h))
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * _EDGE)
        hit = stroker.createStroke(outline)
        hit.addRect(self._label_rect())
        hit.addRect(self._handle_rect())
        self._hit = hit.simplified()

    def _label_rect(self) -> QRectF:
        width = min(self._size.x(), max(CELL * 3, len(self.shape_data.name) * 6.0 + 12))
        return QRectF(0, -_LABEL_H, width, _LABEL_H)

    def _handle_rect(self) -> QRectF:
        w, h = self._size.x(), self._size.y()
        return QRectF(w - _HANDLE / 2, h - _HANDLE / 2, _HANDLE, _HANDLE)

    def rect_cells(self) -> tuple[float, float, float, float]:
        """The frame as it stands, in whole cells (x, y, w, h)."""
        return (
            float(round(self.pos().x() / CELL)),
            float(round(self.pos().y() / CELL)),
            float(max(1, round(self._size.x() / CELL))),
            float(max(1, round(self._size.y() / CELL))),
        )

    def changed(self) -> bool:
        """Whether a drag left it somewhere else than its shape."""
        s = self.shape_data
        return self.rect_cells() != (s.x, s.y, s.w, s.h)

    def settle(self) -> None:
        """Back to the shape (a refused or empty drag)."""
        self._apply(self.shape_data)
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        how = "resize" if self._handle_rect().contains(event.pos()) else "move"
        self._grab = (how, event.scenePos(), self.pos(), QPointF(self._size))
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._grab is None:
            return
        how, start, pos, size = self._grab
        delta = event.scenePos() - start
        if how == "move":
            self.setPos(pos + delta)
        else:
            least = MIN_CELLS * CELL
            self._resize(
                QPointF(max(least, size.x() + delta.x()), max(least, size.y() + delta.y()))
            )
            self.update()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()  # the view reads rect_cells() and sends it

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        w, h = self._size.x(), self._size.y()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(cosmetic_pen(qcolor(colors.TEAL_BRIGHT, 230), 2.0, Qt.PenStyle.DashLine))
        painter.drawRect(QRectF(0, 0, w, h))
        label = self._label_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(colors.TEAL_DIM, 230))
        painter.drawRect(label)
        painter.setBrush(qcolor(colors.TEAL_BRIGHT, 230))
        painter.drawRect(self._handle_rect())
        painter.setPen(qcolor(colors.TEXT))
        painter.setFont(_FONT)
        text = painter.fontMetrics().elidedText(
            self.shape_data.name.upper(), Qt.TextElideMode.ElideRight, int(label.width() - 8)
        )
        painter.drawText(label.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, text)
