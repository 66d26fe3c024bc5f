"""Mouse gestures on the map view, sent as real Qt events to its viewport."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from desktop.ui.map_picture import CELL


def cell_point(view: QGraphicsView, x: float, y: float) -> QPoint:
    """The viewport position of the centre of cell (x, y)."""
    return view.mapFromScene(QPointF((x + 0.5) * CELL, (y + 0.5) * CELL))


def _send(
    view: QGraphicsView,
    kind: QEvent.Type,
    pos: QPoint,
    buttons: Qt.MouseButton,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> None:
    local = QPointF(pos)
    global_ = QPointF(view.viewport().mapToGlobal(pos))
    event = QMouseEvent(kind, local, global_, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def click(view: QGraphicsView, pos: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, pos, left)
    _send(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)


def double_click(view: QGraphicsView, pos: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    click(view, pos)
    _send(view, QEvent.Type.MouseButtonDblClick, pos, left)
    _send(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)


def drag(view: QGraphicsView, start: QPoint, end: QPoint, steps: int = 6) -> None:
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, start, left)
    for i in range(1, steps + 1):
        p = start + (end - start) * i / steps
        _send(view, QEvent.Type.MouseMove, p, left, Qt.MouseButton.NoButton)
    _send(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
