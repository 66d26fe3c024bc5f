"""The mouse wheel scrolls; it never changes a value by accident.

A GM scrolls a dock with the wheel all session long, and the pointer passes over number boxes
(health, stress, hull), list boxes (a display's camera) and sliders (volume). Qt lets each of
them take the wheel and change its value, which then goes to every display. Here a box the GM
has not clicked into hands the wheel to the scroll area around it (the dock scrolls on); once it
has the keyboard, the wheel steps it as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)


def _guarded(widget: QObject) -> bool:
    if isinstance(widget, QScrollBar):
        return False
    return isinstance(widget, QAbstractSpinBox | QComboBox | QAbstractSlider)


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class WheelGuard(QObject):
    """An application event filter: the wheel over an unfocused value box scrolls instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not _guarded(watched):
            return False
        assert isinstance(watched, QWidget)
        if watched.hasFocus():
            return False
        scroller = _scroll_area(watched)
        if scroller is not None:
            QCoreApplication.sendEvent(scroller.viewport(), event)
        return True


def guard_the_wheel(app: QApplication) -> None:
    """Install the guard once for the application."""
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))
