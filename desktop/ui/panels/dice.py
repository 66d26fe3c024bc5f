"""The Dice dock: rolls and panic checks for the GM's eyes, then "Show to…" the displays.

Every roll lands in the private history first (newest on top); the GM picks one and shows it
on every display or on one named display, or takes it off again.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QWidget,
)

from desktop.campaign.model import Campaign
from desktop.model.state import TableState
from desktop.model.warden import RollRecord
from desktop.ui.look.widgets import (
    button,
    current_key,
    keep_a_selection,
    keyed_item,
    label,
    line_edit,
    scroll_body,
    wrapped_list,
)
from desktop.ui.panels.display_choice import DisplayChoice


def roll_text(roll: RollRecord) -> str:
    """One line of the history: "21:04 Marlowe · 1d20 → 4 · PANIC: Tunnel vision"."""
    at = time.strftime("%H:%M", time.localtime(roll.at / 1000))
    who = f"{roll.who} · " if roll.who else ""
    text = f"{at} {who}{roll.dice} → {roll.total}"
    if roll.panic:
        verdict = (
            f"holds (stress {roll.stress})" if roll.passed else f"PANIC (stress {roll.stress})"
        )
        text += f" · {verdict}"
        if roll.effect:
            text += f": {roll.effect_name or roll.effect}"
    return text


class DicePanel(QScrollArea):
    """Dice expression + Roll, a crew member + Panic check, the history, Show / Hide."""

    roll_requested = Signal(str, str)  # dice, for (crew id or "")
    panic_requested = Signal(str)  # crew id
    show_requested = Signal(str, bool, str)  # roll id, shown, display id ("" every display)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = scroll_body(self, QGridLayout, margin=8)
        self.dice = line_edit("1d100, 2d10, 1d20+2, 1d20 adv", 40)
        self.dice.setText("1d100")
        self.dice.returnPressed.connect(self._roll)
        self.who = QComboBox()
        self.who.setAccessibleName("Roll for")
        self.roll_button = button("Roll", tip="Roll privately: only you see the result")
        self.roll_button.clicked.connect(self._roll)
        self.panic_button = button("Panic check", tip="d20 against the crew member's stress")
        self.panic_button.clicked.connect(self._panic)
        self.history = wrapped_list("RollHistory")
        self.history.setAccessibleName("Roll history")
        self.target = DisplayChoice("every display", "Show to")
        self.show_button = button("Show", tip="Put the chosen roll on the displays")
        self.show_button.clicked.connect(lambda: self._show(True))
        self.hide_button = button("Hide", tip="Take the roll off the displays")
        self.hide_button.clicked.connect(lambda: self._show(False))
        grid.addWidget(label("Dice", name="Heading"), 0, 0, 1, 2)
        grid.addWidget(self.dice, 1, 0)
        grid.addWidget(self.roll_button, 1, 1)
        grid.addWidget(self.who, 2, 0)
        grid.addWidget(self.panic_button, 2, 1)
        grid.addWidget(label("History (private until shown)", name="Heading"), 3, 0, 1, 2)
        grid.addWidget(self.history, 4, 0, 1, 2)
        row = QHBoxLayout()
        row.addWidget(label("Show to"))
        row.addWidget(self.target, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.hide_button)
        grid.addLayout(row, 5, 0, 1, 2)
        grid.setRowStretch(4, 1)
        self._campaign: Campaign | None = None
        self._rolls: tuple[RollRecord, ...] = ()

    def sync(self, state: TableState, campaign: Campaign) -> None:
        if campaign is not self._campaign:
            self._campaign = campaign
            self.who.clear()
            self.who.addItem("— nobody in particular —", "")
            for member in campaign.crew:
                self.who.addItem(member.name, member.id)
        self.target.sync(state)
        w = state.warden
        if w.rolls is not self._rolls or self._shown != w.shown_roll:
            self._fill(w.rolls, w.shown_roll)

    _shown = ""

    def _fill(self, rolls: tuple[RollRecord, ...], shown: str) -> None:
        chosen = self.selected_roll()
        self._rolls, self._shown = rolls, shown
        self.history.clear()
        for roll in reversed(rolls):
            mark = "▶ " if roll.id == shown else ""
            item = keyed_item(mark + roll_text(roll), roll.id)
            self.history.addItem(item)
            if roll.id == chosen:
                self.history.setCurrentItem(item)
        keep_a_selection(self.history)

    def selected_roll(self) -> str:
        return current_key(self.history)

    def _roll(self) -> None:
        self.roll_requested.emit(self.dice.text().strip(), str(self.who.currentData() or ""))

    def _panic(self) -> None:
        crew_id = str(self.who.currentData() or "")
        if crew_id:
            self.panic_requested.emit(crew_id)
        else:
            self.who.setFocus()
            self.who.showPopup()

    def _show(self, shown: bool) -> None:
        roll_id = self.selected_roll()
        if roll_id:
            self.show_requested.emit(roll_id, shown, self.target.chosen())
