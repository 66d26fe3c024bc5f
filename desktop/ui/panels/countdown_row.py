"""One countdown in the Alerts dock, on one line: its name and clock, and its own Pause /
+1 min / Cancel.

A countdown that reached zero turns red and reads 00:00 (the `ended` property, styled in
look/theme.py), so the GM sees it without looking at a display.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from desktop.model import timers
from desktop.model.timers import Timer
from desktop.ui.look.widgets import button, label


def clock_text(ms: int) -> str:
    total = max(0, -(-ms // 1000))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def timer_text(timer: Timer, now_ms: int) -> str:
    current = timers.at(timer, now_ms)
    label_text = current.label
    if current.phases:
        label_text += f" · {current.phases[current.phase].label}"
    state = " (paused)" if current.paused else ""
    return f"{label_text}  {clock_text(timers.remaining(current, now_ms))}{state}"


def has_ended(timer: Timer, now_ms: int) -> bool:
    """Counted down to zero (a repeating countdown never ends; a paused one waits)."""
    return not timer.paused and not timer.phases and timers.remaining(timer, now_ms) == 0


class CountdownRow(QFrame):
    """`control_requested(timer id, action, seconds)`: pause, resume, add, cancel."""

    control_requested = Signal(str, str, int)

    def __init__(self, timer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CountdownRow")
        self.timer_id = timer_id
        self.text = label("", name="RowTitle", wrap=True)
        self.pause = button("Pause", tip="Stop the clock on the displays (Resume restarts it)")
        self.add = button("+1 min", tip="One more minute")
        self.cancel = button("Cancel", tip="Take the countdown away")
        self.pause.clicked.connect(self._pause)
        self.add.clicked.connect(lambda: self.control_requested.emit(timer_id, "add", 60))
        self.cancel.clicked.connect(lambda: self.control_requested.emit(timer_id, "cancel", 0))
        # One line a countdown (its name wraps when it must): a laptop's dock shows two
        # countdowns under the alerts without scrolling.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self.text, 1)
        for widget in (self.pause, self.add, self.cancel):
            layout.addWidget(widget)
        self.ended = False
        self._paused = False

    def show_timer(self, timer: Timer, now_ms: int) -> bool:
        """Show the clock; True when the countdown has just reached zero."""
        self._paused = timer.paused
        self.pause.setText("Resume" if timer.paused else "Pause")
        text = timer_text(timer, now_ms)
        if self.text.text() != text:
            self.text.setText(text)
        ended = has_ended(timer, now_ms)
        if ended == self.ended:
            return False
        self.ended = ended
        for widget in (self, self.text):
            widget.setProperty("ended", ended)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        return ended

    def _pause(self) -> None:
        action = "resume" if self._paused else "pause"
        self.control_requested.emit(self.timer_id, action, 0)
