"""A one-line key under the map: door statuses and what revealed and hidden rooms look like.

It sits below the map, never on it: a key painted over the view covered the deck's corner.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.fonts import mono_font
from desktop.ui.map.items.door import DOOR_LABELS

_FONT = mono_font(7, caps=True)
_SWATCH, _GAP, _PAD = 14, 16, 8


def _entries() -> list[tuple[str, str]]:
    """(kind, label): a door status by its name, then the two room looks."""
    doors = [(status, f"door {label}") for status, label in DOOR_LABELS.items()]
    return [*doors, ("revealed", "revealed room"), ("hidden", "hidden from players")]


class MapLegend(QWidget):
    """Painted in one row; entries that do not fit the width are left out from the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MapLegend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(QFontMetrics(_FONT).height() + 10)

    def sizeHint(self) -> QSize:
        return QSize(self.full_width(), self.height())

    def full_width(self) -> int:
        """The width every entry needs."""
        metrics = QFontMetrics(_FONT)
        widths = [_SWATCH + 6 + metrics.horizontalAdvance(label) for _k, label in _entries()]
        return _PAD * 2 + sum(widths) + _GAP * (len(widths) - 1)

    def shown_labels(self) -> list[str]:
        """The entries drawn at the current width."""
        metrics, x, shown = QFontMetrics(_FONT), float(_PAD), []
        for _kind, label in _entries():
            x += _SWATCH + 6 + metrics.horizontalAdvance(label)
            if x > self.width() - _PAD:
                break
            shown.append(label)
            x += _GAP
        return shown

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), qcolor(colors.PANEL))
        painter.setFont(_FONT)
        metrics, x, mid = QFontMetrics(_FONT), float(_PAD), self.height() / 2
        shown = set(self.shown_labels())
        for kind, label in _entries():
            if label not in shown:
                break
            self._swatch(painter, kind, QRectF(x, mid - 4.5, _SWATCH, 9))
            x += _SWATCH + 6
            painter.setPen(qcolor(colors.TEXT_DIM))
            width = metrics.horizontalAdvance(label)
            painter.drawText(
                QRectF(x, 0, width + 2, self.height()), Qt.AlignmentFlag.AlignVCenter, label
            )
            x += width + _GAP
        painter.end()
        del event

    @staticmethod
    def _swatch(painter: QPainter, kind: str, rect: QRectF) -> None:
        if kind == "revealed":
            painter.setPen(QPen(qcolor(colors.TEAL), 1.2))
            painter.setBrush(qcolor(colors.TEAL, 40))
        elif kind == "hidden":
            painter.setPen(QPen(qcolor(colors.TEAL, 110), 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(qcolor(colors.TEAL_DIM, 160), Qt.BrushStyle.BDiagPattern))
        else:
            color = colors.DOOR_STATUS[kind]
            painter.setPen(QPen(qcolor(color), 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush if kind == "OPEN" else qcolor(color, 130))
            rect = rect.adjusted(0, 1, 0, -1)
        painter.drawRect(rect)
