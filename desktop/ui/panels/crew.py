"""The Crew dock: each player character's vitals (health, stress, wounds, minimum stress,
conditions), as the bridge display and the character's tablet show them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QScrollArea, QWidget

from desktop.campaign.model import Campaign, CrewMember
from desktop.model.gauges import current_gauge
from desktop.model.state import CREW_GAUGES, TableState
from desktop.model.warden import member_conditions
from desktop.ui.look.widgets import label, line_edit, scroll_body
from desktop.ui.panels.gauge_spin import GaugeSpin

CAPTIONS = {"health": "Health", "stress": "Stress", "wounds": "Wounds", "min_stress": "Min stress"}
ROWS = 4  # a member's rows: the name, two rows of vitals, the conditions


class CrewPanel(QScrollArea):
    """Per crew member: the name, a stepper per vital (each change one action; arrows, wheel
    or a typed number + Enter) and the conditions, comma-separated (Enter sets them)."""

    gauge_requested = Signal(str, int, str)  # gauge, value, crew id
    conditions_requested = Signal(str, list)  # crew id, conditions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._campaign: Campaign | None = None
        self.spins: dict[tuple[str, str], GaugeSpin] = {}  # (crew id, gauge)
        self.conditions: dict[str, QLineEdit] = {}  # crew id -> its conditions
        self._grid = scroll_body(self, QGridLayout, margin=8)
        self._grid.setVerticalSpacing(6)

    def sync(self, state: TableState, campaign: Campaign) -> None:
        """Rebuild for another campaign; show the table's values."""
        if campaign is not self._campaign:
            self._rebuild(campaign)
        for (crew_id, gauge), spin in self.spins.items():
            spin.sync(current_gauge(state, campaign, gauge, crew_id))
        for member in campaign.crew:
            edit = self.conditions.get(member.id)
            if edit is None or edit.hasFocus():
                continue
            written = member.extra.get("conditions")
            text = ", ".join(member_conditions(state.warden.conditions, member.id, written))
            if edit.text() != text:
                edit.setText(text)

    def _rebuild(self, campaign: Campaign) -> None:
        self._campaign = campaign
        while self._grid.count():
            taken = self._grid.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.deleteLater()
        self.spins.clear()
        self.conditions.clear()
        for index, member in enumerate(campaign.crew):
            self._member_rows(member, 1 + index * ROWS)
        if not campaign.crew:
            self._grid.addWidget(QLabel("This campaign has no crew."), 1, 0, 1, 3)
        self._grid.setRowStretch(len(campaign.crew) * ROWS + 1, 1)
        for column in (1, 3):  # the steppers take what the captions leave
            self._grid.setColumnStretch(column, 1)

    def _member_rows(self, member: CrewMember, row: int) -> None:
        """The name; two vitals a row, each beside its caption (four side by side did not fit
        a laptop's dock: "Min st…"); the conditions."""
        name = label(member.name, name="RowTitle", wrap=True)
        name.setToolTip(" · ".join(p for p in (member.role, member.char_class) if p))
        self._grid.addWidget(name, row, 0, 1, 4)
        for index, gauge in enumerate(CREW_GAUGES):
            spin = GaugeSpin()
            words = CAPTIONS.get(gauge, gauge.replace("_", " ").capitalize())
            spin.setAccessibleName(f"{member.name} {words.lower()}")
            spin.value_requested.connect(
                lambda value, g=gauge, c=member.id: self.gauge_requested.emit(g, value, c)
            )
            self.spins[(member.id, gauge)] = spin
            caption = label(words, name="Caption")
            at, column = row + 1 + index // 2, (index % 2) * 2
            self._grid.addWidget(caption, at, column)
            self._grid.addWidget(spin, at, column + 1)
        edit = line_edit("Conditions, comma-separated (Enter)", 400)
        edit.setAccessibleName(f"{member.name} conditions")
        edit.returnPressed.connect(lambda c=member.id, e=edit: self._conditions(c, e))
        self.conditions[member.id] = edit
        self._grid.addWidget(edit, row + 3, 0, 1, 4)

    def _conditions(self, crew_id: str, edit: QLineEdit) -> None:
        found = [part.strip() for part in edit.text().split(",")]
        self.conditions_requested.emit(crew_id, [part for part in found if part])
        edit.clearFocus()
