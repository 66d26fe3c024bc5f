"""The Alerts dock: ship-wide alerts (red alert, intruder, hull breach, low power, or the GM's
own words) and countdowns, each with its own row of Pause / +1 min / Cancel; a countdown at
zero turns red and `ended_changed` tells the window (the dock's tab gets a mark)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Campaign
from desktop.campaign.presets import TimerPreset
from desktop.model.state import TableState
from desktop.model.timers import Timer
from desktop.model.warden import ALERTS, alert_name
from desktop.ui.look.widgets import button, label, line_edit, scroll_body
from desktop.ui.panels.countdown_row import CountdownRow, clock_text, has_ended
from desktop.ui.panels.display_choice import DisplayChoice

TICK_MS = 500  # the clocks' refresh, only while a countdown is counting

_LENGTH = re.compile(r"^\s*(?:(\d+):)?(\d{1,3})(?::(\d{1,2}))?\s*$")


def seconds_of(text: str) -> int | None:
    """ "10" (minutes), "10:00" (minutes:seconds), "1:30:00" (hours:minutes:seconds)."""
    match = _LENGTH.match(text)
    if match is None:
        return None
    first, second, third = match.groups()
    if first is None and third is None:
        return int(second) * 60
    if third is None:
        return int(first) * 60 + int(second)
    return int(first) * 3600 + int(second) * 60 + int(third)


def preset_text(preset: TimerPreset) -> str:
    if preset.phases:
        cycle = " / ".join(f"{name} {clock_text(s * 1000)}" for name, s in preset.phases)
        return f"{preset.label} ({cycle}, repeating)"
    return f"{preset.label} {clock_text(preset.seconds * 1000)}"


class AlertsPanel(QScrollArea):
    """Countdowns and alerts; each button one action (undoable)."""

    start_requested = Signal(str, int, str)  # label, seconds, display ("" every display)
    preset_requested = Signal(object, str)  # a TimerPreset of the campaign, display
    control_requested = Signal(str, str, int)  # timer id, action, seconds
    alert_requested = Signal(str, bool)  # alert, active
    clear_requested = Signal()
    ended_changed = Signal(int)  # how many countdowns stand at zero

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = scroll_body(self, QGridLayout, margin=6)
        grid.setVerticalSpacing(3)  # tight rows: two countdowns fit under the alerts on a laptop
        self.label_edit = line_edit("SELF-DESTRUCT", 60)
        self.length_edit = line_edit("10:00", 10)
        self.length_edit.setText("10:00")
        self.start_button = button("Start", tip="Start a countdown on the displays")
        self.start_button.clicked.connect(self._start)
        self.length_edit.returnPressed.connect(self._start)
        self.rows: dict[str, CountdownRow] = {}  # timer id -> its row, in start order
        self.row_box = QVBoxLayout()
        self.row_box.setSpacing(2)
        self.now_ms: Callable[[], int] = lambda: round(time.time() * 1000)
        self.ended = 0
        self._alerts_grid = QGridLayout()
        self._alerts_grid.setVerticalSpacing(3)
        self.alert_buttons: dict[str, QPushButton] = {}
        for alert in ALERTS:
            self._add_alert(alert, alert_name(alert).title())
        self.own_alert = line_edit("Your own alert (Enter raises it)", 60)
        self.own_alert.returnPressed.connect(self._own_alert)
        self.stand_down = button("Stand down", tip="Clear every alert", name="StandDown")
        self.stand_down.clicked.connect(self.clear_requested.emit)
        self.active = label("No alert", wrap=True)
        # The alerts first, "Stand down" beside what it clears; the countdowns' rows (each
        # with its Cancel) come last, far from it (a click meant for one never lands on the
        # other), right under their heading so they are in view without scrolling.
        # The heading, what is raised and Stand down share one line: two countdowns then fit
        # under the alerts in a laptop's dock.
        top = QHBoxLayout()
        top.addWidget(label("Alerts", name="Heading"))
        top.addWidget(self.active, 1)
        top.addWidget(self.stand_down)
        grid.addLayout(top, 0, 0, 1, 3)
        grid.addLayout(self._alerts_grid, 1, 0, 1, 3)
        self._countdown_rows(grid, 2)
        # The campaign's own alert under the countdowns' controls: the countdown rows keep a
        # line of room on a laptop (two had none to spare under it).
        grid.addWidget(self.own_alert, 7, 0, 1, 3)
        self._campaign: Campaign | None = None
        self._timers: dict[str, Timer] = {}
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._refresh)

    def _countdown_rows(self, grid: QGridLayout, top: int) -> None:
        grid.addWidget(label("Countdowns", name="Heading"), top, 0, 1, 3)
        grid.addLayout(self.row_box, top + 1, 0, 1, 3)
        grid.addWidget(self.label_edit, top + 2, 0)
        grid.addWidget(self.length_edit, top + 2, 1)
        grid.addWidget(self.start_button, top + 2, 2)
        self.presets = QComboBox()
        self.presets.setAccessibleName("Campaign countdowns")
        self.preset_button = button("Start", tip="Start the campaign's countdown")
        self.preset_button.clicked.connect(self._preset)
        self.target = DisplayChoice("every display", "Countdown on")
        grid.addWidget(label("On"), top + 3, 0)
        grid.addWidget(self.target, top + 3, 1, 1, 2)
        grid.addWidget(self.presets, top + 4, 0, 1, 2)
        grid.addWidget(self.preset_button, top + 4, 2)
        grid.setRowStretch(top + 6, 1)

    def _add_alert(self, alert: str, text: str) -> None:
        widget = button(text)
        widget.setCheckable(True)
        widget.clicked.connect(lambda on, a=alert: self.alert_requested.emit(a, on))
        index = len(self.alert_buttons)
        self.alert_buttons[alert] = widget
        self._alerts_grid.addWidget(widget, index // 2, index % 2)

    def sync(self, state: TableState, campaign: Campaign) -> None:
        if campaign is not self._campaign:
            self._campaign_changed(campaign)
        self.target.sync(state)
        w = state.warden
        if w.timers is not self._timers:
            self._timers = w.timers
            self._refresh()
        for alert, widget in self.alert_buttons.items():
            widget.setChecked(alert in w.alerts)
        names = ", ".join(alert_name(a) for a in w.alerts)
        self.active.setText(f"ACTIVE: {names}" if w.alerts else "No alert")
        self.stand_down.setEnabled(bool(w.alerts))
        self._keep_ticking()

    def _keep_ticking(self) -> None:
        """Tick only while a countdown is counting (none paused or at zero)."""
        now = self.now_ms()
        counting = any(not t.paused and not has_ended(t, now) for t in self._timers.values())
        if counting and not self._tick.isActive():
            self._tick.start()
        elif not counting:
            self._tick.stop()

    def _campaign_changed(self, campaign: Campaign) -> None:
        """The campaign's countdowns in the list, its own alerts as buttons."""
        self._campaign = campaign
        self.presets.clear()
        for preset in campaign.presets.timers:
            self.presets.addItem(preset_text(preset), preset)
        self.presets.setEnabled(bool(campaign.presets.timers))
        self.preset_button.setEnabled(bool(campaign.presets.timers))
        for alert in [a for a in self.alert_buttons if a not in ALERTS]:
            self.alert_buttons.pop(alert).deleteLater()
        for alert in campaign.presets.alerts:
            self._add_alert(alert, alert)

    def _preset(self) -> None:
        preset = self.presets.currentData()
        if isinstance(preset, TimerPreset):
            self.preset_requested.emit(preset, self.target.chosen())

    def _refresh(self) -> None:
        now = self.now_ms()
        for timer_id in [t for t in self.rows if t not in self._timers]:
            self.rows.pop(timer_id).deleteLater()
        for index, timer in enumerate(self._timers.values()):
            row = self.rows.get(timer.id)
            if row is None:
                row = self.rows[timer.id] = CountdownRow(timer.id)
                row.control_requested.connect(self.control_requested)
                self.row_box.insertWidget(index, row)
            if row.show_timer(timer, now):
                QApplication.beep()  # the GM's own alarm: the window has no sound of its own
        ended = sum(row.ended for row in self.rows.values())
        if ended != self.ended:
            self.ended = ended
            self.ended_changed.emit(ended)
        self._keep_ticking()

    def _start(self) -> None:
        seconds = seconds_of(self.length_edit.text())
        text = self.label_edit.text().strip() or self.label_edit.placeholderText()
        if seconds:
            self.start_requested.emit(text, seconds, self.target.chosen())
        else:
            self.length_edit.selectAll()
            self.length_edit.setFocus()

    def _own_alert(self) -> None:
        text = self.own_alert.text().strip()
        if text:
            self.alert_requested.emit(text, True)
            self.own_alert.clear()
