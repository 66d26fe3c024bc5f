"""Mouse gestures on the map view, sent as real Qt events to its viewport."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from desktop.ui.map.picture.shapes import CELL

NO_MODS = Qt.KeyboardModifier.NoModifier


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


def drag_point(pos: QPointF) -> QPoint | QPointF:
    """Where a drag event is built: PySide6 6.12 takes a QPointF (its QPoint form is deprecated,
    which the strict test settings turn into an error); 6.11 and older take only a QPoint."""
    try:
        QDragMoveEvent(pos, Qt.DropAction.CopyAction, QMimeData(), Qt.MouseButton.NoButton, NO_MODS)
    except TypeError:
        return pos.toPoint()
    return pos


def drop_on(viewport: QWidget, pos: QPointF, data: QMimeData) -> tuple[bool, bool]:
    """Drag `data` onto `pos` of `viewport` and drop it; whether enter and move were accepted."""
    at = drag_point(pos)
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(at, copy, data, left, NO_MODS)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(at, copy, data, left, NO_MODS)
    QApplication.sendEvent(viewport, move)
    if enter.isAccepted() and move.isAccepted():
        QApplication.sendEvent(viewport, QDropEvent(pos, copy, data, left, NO_MODS))
    return enter.isAccepted(), move.isAccepted()
