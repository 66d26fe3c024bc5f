"""A short ring that grows and fades around a token a player moved, so the GM notices."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.map.picture.shapes import CELL

FLASH_MS = 1800
_RADIUS = CELL * 0.9


class MoveFlash(QGraphicsObject):
    """A child of the token item (it follows the token); removes itself when it has faded."""

    # Kept alive here until faded: PySide does not always keep a child item's wrapper.
    _alive: ClassVar[set[MoveFlash]] = set()

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        MoveFlash._alive.add(self)
        self.setZValue(20)
        self.animation = QPropertyAnimation(self, b"opacity", self)
        self.animation.setDuration(FLASH_MS)
        self.animation.setStartValue(1.0)
        self.animation.setEndValue(0.0)
        self.animation.setEasingCurve(QEasingCurve.Type.InQuad)
        self.animation.finished.connect(self._done)
        self.animation.start()

    def boundingRect(self) -> QRectF:
        return QRectF(-_RADIUS - 3, -_RADIUS - 3, 2 * _RADIUS + 6, 2 * _RADIUS + 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(qcolor(colors.AMBER, 50))
        painter.setPen(QPen(qcolor(colors.AMBER), 3))
        painter.drawEllipse(QRectF(-_RADIUS, -_RADIUS, 2 * _RADIUS, 2 * _RADIUS))

    def _done(self) -> None:
        MoveFlash._alive.discard(self)
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        self.deleteLater()
