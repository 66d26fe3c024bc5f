"""A number box for a gauge (hull, armor, health, stress): each step or entry is one request."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSpinBox, QWidget

from desktop.model.gauges import Gauge


class GaugeSpin(QSpinBox):
    """Shows the table's value; a GM change (arrow, wheel, typed + Enter) emits value_requested.

    Keyboard tracking is off: typing "12" is one request when it is entered, not two.
    """

    value_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setKeyboardTracking(False)
        self.setObjectName("GaugeSpin")
        self._syncing = False
        self.valueChanged.connect(self._on_changed)

    def sync(self, gauge: Gauge | None) -> None:
        """Show a gauge (disabled when the campaign has none); never while the GM types."""
        self.setEnabled(gauge is not None)
        if gauge is None or (self.hasFocus() and self.lineEdit().isModified()):
            return
        self._syncing = True
        try:
            self.setRange(0, gauge.limit)
            self.setSuffix(f" / {gauge.maximum}" if gauge.maximum is not None else "")
            if self.value() != gauge.current:
                self.setValue(gauge.current)
        finally:
            self._syncing = False

    def _on_changed(self, value: int) -> None:
        if not self._syncing:
            self.value_requested.emit(value)
