"""A room of the deck map: revealed rooms lit, hidden ones dimmed and hatched."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.fonts import mono_font
from desktop.ui.map.items.base import ShapeItem, cosmetic_pen, is_selected
from desktop.ui.map.picture.shapes import CELL, RoomShape

_NAME_FONT = mono_font(8.5, caps=True)
_TAG_FONT = mono_font(6.5, bold=True, caps=True)
_NAME_METRICS = QFontMetricsF(_NAME_FONT)


def _static(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    return static


def _outline(shape: RoomShape) -> QPainterPath:
    """The room's area in item coordinates: its rectangle, or the union of its cells."""
    path = QPainterPath()
    if not shape.cells:
        path.addRect(QRectF(0, 0, shape.width * CELL, shape.height * CELL))
        return path
    for cx, cy in shape.cells:
        path.addRect(QRectF((cx - shape.x) * CELL, (cy - shape.y) * CELL, CELL, CELL))
    return path.simplified()


def _label_row(shape: RoomShape) -> tuple[float, float]:
    """Where the name starts (item x) and how wide it may be: the room's top row of cells
    from its leftmost cell (a room of cells never names itself over another room's cells)."""
    if not shape.cells:
        return 0.0, shape.width * CELL
    top = min(y for _x, y in shape.cells)
    row = {x for x, y in shape.cells if y == top}
    first = min(row)
    run = 1
    while first + run in row:
        run += 1
    return (first - shape.x) * CELL, run * CELL


class RoomItem(ShapeItem[RoomShape]):
    """One room rectangle; selectable, never revealed by a single click."""

    def __init__(self, shape: RoomShape) -> None:
        super().__init__(shape, z=0)
        self.room_id = shape.id
        self._rect = QRectF()
        self._outline = QPainterPath()
        self._label_at = QPointF(5, 4)
        self._name = QStaticText()
        self._tags = QStaticText()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self._apply(shape)

    def _apply(self, shape: RoomShape) -> None:
        rect = QRectF(0, 0, shape.width * CELL, shape.height * CELL)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
            self._bounds = rect.adjusted(-2, -2, 2, 2)
        self._outline = self._hit = _outline(shape)  # a click hits the room's cells only
        label_x, label_width = _label_row(shape)
        label_y = (min(y for _x, y in shape.cells) - shape.y) * CELL if shape.cells else 0.0
        self._label_at = QPointF(label_x + 5, label_y + 4)
        self.setPos(shape.x * CELL, shape.y * CELL)
        state = "revealed" if shape.revealed else "hidden"
        told = (
            ""
            if shape.description_shown or not shape.has_description
            else ", description held back"
        )
        self.setToolTip(f"{shape.name} — {state}, {shape.status.lower()}{told}")
        # Static text: capitalised fonts are slow to lay out on every paint.
        width = max(8.0, label_width - 10)
        self._name = _static(
            _NAME_METRICS.elidedText(shape.name, Qt.TextElideMode.ElideRight, width)
        )
        tags = [] if shape.revealed else ["hidden"]
        if shape.status != "OPERATIONAL":
            tags.append(shape.status)
        tags += [effect.upper() for effect in shape.atmosphere]
        self._tags = _static(" · ".join(tags))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        shape = self.shape_data
        status_color = colors.ROOM_STATUS.get(shape.status, colors.TEAL)
        if shape.revealed:
            painter.fillPath(self._outline, qcolor(status_color, 34))
            pen = cosmetic_pen(qcolor(status_color, 230), 1.6)
        else:
            painter.fillPath(self._outline, qcolor(colors.BG, 235))
            hatch = QBrush(qcolor(colors.TEAL_DIM, 120), Qt.BrushStyle.BDiagPattern)
            painter.fillPath(self._outline, hatch)
            pen = cosmetic_pen(qcolor(status_color, 110), 1.2, Qt.PenStyle.DashLine)
        if is_selected(option):
            pen = cosmetic_pen(qcolor(colors.AMBER), 2.4)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if shape.cells:
            painter.drawPath(self._outline)
        else:
            painter.drawRect(self._rect.adjusted(0.5, 0.5, -0.5, -0.5))
        self._paint_labels(painter, shape, status_color)

    def _paint_labels(self, painter: QPainter, shape: RoomShape, status_color: str) -> None:
        # Name and tags sit at the top-left so tokens in the room never cover them.
        painter.setFont(_NAME_FONT)
        painter.setPen(qcolor(colors.TEXT if shape.revealed else colors.TEXT_DIM, 235))
        painter.drawStaticText(self._label_at, self._name)
        if self._tags.text():
            painter.setFont(_TAG_FONT)
            tag_color = status_color if shape.status != "OPERATIONAL" else colors.TEXT_DIM
            painter.setPen(qcolor(tag_color))
            painter.drawStaticText(self._label_at + QPointF(0, 14), self._tags)
