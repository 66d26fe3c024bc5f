"""A small key in the map's corner: door statuses and what hidden looks like."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from desktop.ui import colors
from desktop.ui.colors import qcolor
from desktop.ui.door_item import DOOR_LABELS
from desktop.ui.fonts import mono_font

_ROW = 15
_FONT = mono_font(7, caps=True)


class MapLegend(QWidget):
    """Painted over the view (not part of the scene), so it never scrolls or zooms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(156, 16 + _ROW * (len(DOOR_LABELS) + 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(qcolor(colors.BORDER), 1))
        painter.setBrush(qcolor(colors.PANEL, 225))
        painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        painter.setFont(_FONT)
        y = 8.0
        for status, label in DOOR_LABELS.items():
            color = colors.DOOR_STATUS[status]
            painter.setPen(QPen(qcolor(color), 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush if status == "OPEN" else qcolor(color, 130))
            painter.drawRect(QRectF(8, y + 3, 14, 7))
            self._label(painter, y, f"door {label}")
            y += _ROW
        painter.setPen(QPen(qcolor(colors.TEAL), 1.2))
        painter.setBrush(qcolor(colors.TEAL, 40))
        painter.drawRect(QRectF(8, y + 2, 14, 9))
        self._label(painter, y, "revealed room")
        y += _ROW
        painter.setPen(QPen(qcolor(colors.TEAL, 110), 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(qcolor(colors.TEAL_DIM, 160), Qt.BrushStyle.BDiagPattern))
        painter.drawRect(QRectF(8, y + 2, 14, 9))
        self._label(painter, y, "hidden from players")
        painter.end()

    def _label(self, painter: QPainter, y: float, text: str) -> None:
        painter.setPen(qcolor(colors.TEXT_DIM))
        painter.drawText(
            QRectF(30, y, self.width() - 34, _ROW), Qt.AlignmentFlag.AlignVCenter, text
        )
