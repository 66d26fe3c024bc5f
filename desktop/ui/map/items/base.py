"""What every map item shares: it draws one frozen shape, is cached as device pixmaps, and is
touched only when its shape changed (the scene hands it each new shape; see map/scene.py)."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem

S = TypeVar("S")


class ShapeItem(QGraphicsItem, Generic[S]):
    """A map item drawn from a shape. A subclass sets its own fields, then calls `_apply`;
    `_bounds` is where it draws and `_hit` (when set) what a click hits (else its bounds)."""

    def __init__(self, shape: S, z: float) -> None:
        super().__init__()
        self.shape_data = shape
        self._bounds = QRectF()
        self._hit: QPainterPath | None = None
        # Cached as device pixmaps: a full repaint (zoom, pan) then blits instead of redrawing.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(z)

    def set_shape(self, shape: S) -> None:
        """Show a new state of the item; the same shape again changes nothing."""
        if shape == self.shape_data:
            return
        self.shape_data = shape
        self._apply(shape)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._hit if self._hit is not None else super().shape()

    def _apply(self, shape: S) -> None:
        """Position, geometry and tooltip from the shape (on creation and on every change)."""
        raise NotImplementedError


def is_selected(option: QStyleOptionGraphicsItem) -> bool:
    """Whether the item is drawn selected."""
    return bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[operator]


def cosmetic_pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen as wide on screen at every zoom."""
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen
