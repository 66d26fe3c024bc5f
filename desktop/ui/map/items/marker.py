"""A terminal or point of interest; concealed ones (hidden in the campaign) are marked."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.fonts import mono_font
from desktop.ui.map.items.base import ShapeItem, cosmetic_pen
from desktop.ui.map.picture.shapes import CELL, MarkerShape

_R = CELL * 0.22
_POI_COLOR = {
    "objective": colors.AMBER,
    "item": colors.TEAL_BRIGHT,
    "hazard": colors.RED,
    "npc": colors.AMBER,
    "player": colors.TEAL_BRIGHT,
}


_LABEL = QRectF(-CELL * 2.2, _R * 1.15, CELL * 4.4, 11)  # the name under the glyph, as on the TV
_LABEL_FONT = mono_font(6.5)
_GLYPH = QRectF(-_R * 1.9, -_R * 1.9, _R * 3.8, _R * 3.8)
_HIT = QPainterPath()
_HIT.addRect(_GLYPH)  # the label is not a target: clicks on it reach the room below


class MarkerItem(ShapeItem[MarkerShape]):
    """A small glyph with its name under it; a concealed marker is dimmed in a dashed ring."""

    def __init__(self, key: str, shape: MarkerShape) -> None:
        super().__init__(shape, z=6)
        self.key = key
        self._label_dy = 0.0  # set by map/labels.py separate_marker_labels
        self._hit = _HIT
        self._apply(shape)

    def _apply(self, shape: MarkerShape) -> None:
        self.setPos(shape.x * CELL, shape.y * CELL)
        kind = "Terminal" if shape.kind == "terminal" else shape.type.capitalize()
        hidden = " — hidden from players until revealed" if shape.concealed else ""
        self.setToolTip(f"{kind}: {shape.name}{hidden}")

    def boundingRect(self) -> QRectF:
        return _GLYPH.united(self.label_rect())

    def label_rect(self) -> QRectF:
        """Where the name is drawn (item coordinates)."""
        return _LABEL.translated(0, self._label_dy)

    def glyph_rect(self) -> QRectF:
        return QRectF(_GLYPH)

    def set_label_shift(self, dy: float) -> None:
        """Draw the name `dy` below its usual place (above the glyph when negative)."""
        if dy != self._label_dy:
            self.prepareGeometryChange()
            self._label_dy = dy
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        shape = self.shape_data
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = (
            colors.AMBER if shape.kind == "terminal" else _POI_COLOR.get(shape.type, colors.TEAL)
        )
        alpha = 120 if shape.concealed else 235
        painter.setPen(cosmetic_pen(qcolor(color, alpha), 1.4))
        painter.setBrush(qcolor(color, alpha // 3))
        if shape.kind == "terminal":
            painter.drawRect(QRectF(-_R, -_R * 0.8, 2 * _R, _R * 1.3))
            painter.drawLine(QPointF(-_R * 0.5, _R * 0.85), QPointF(_R * 0.5, _R * 0.85))
        elif shape.type in ("objective", "hazard"):
            painter.drawPolygon(QPolygonF([QPointF(0, -_R), QPointF(_R, _R), QPointF(-_R, _R)]))
        elif shape.type == "npc":
            painter.drawPolygon(
                QPolygonF([QPointF(0, -_R), QPointF(_R, 0), QPointF(0, _R), QPointF(-_R, 0)])
            )
        elif shape.type == "player":
            painter.drawEllipse(QPointF(0, 0), _R * 0.8, _R * 0.8)
        else:
            painter.drawRect(QRectF(-_R * 0.7, -_R * 0.7, _R * 1.4, _R * 1.4))
        if shape.concealed:
            painter.setPen(cosmetic_pen(qcolor(colors.TEXT_DIM, 200), 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), _R * 1.75, _R * 1.75)
        self._paint_label(painter, color, alpha)

    def _paint_label(self, painter: QPainter, color: str, alpha: int) -> None:
        painter.setFont(_LABEL_FONT)
        painter.setPen(qcolor(color, alpha))
        name = painter.fontMetrics().elidedText(
            self.shape_data.name, Qt.TextElideMode.ElideRight, int(_LABEL.width())
        )
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(self.label_rect(), flags, name)
