"""A one-line label that ends in "…" when its column is too narrow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyleOption, QToolTip, QWidget


class ElidedLabel(QLabel):
    """Like QLabel for plain one-line text, but never cut mid-letter: narrowed, it elides.

    Elided, its tooltip is the whole text; otherwise the tooltip of the widget it sits in shows.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def elided(self) -> str:
        """The text as it is drawn at the current width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def tip(self) -> str:
        """The tooltip it shows: the whole text when it is elided, else none of its own."""
        return self.text() if self.elided() != self.text() else ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.tip():
            QToolTip.showText(event.globalPos(), self.tip(), self)
            return True
        return super().event(event)  # no tooltip of its own: the parent's shows

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            option.palette,
            self.isEnabled(),
            self.elided(),
            self.foregroundRole(),
        )
        del event
