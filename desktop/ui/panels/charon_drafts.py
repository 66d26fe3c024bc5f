"""The ship computer's drafts in its dock, of every channel: each with where it was asked and the
question it answers, approved as it is or edited, or rejected. A draft naming what players have
not seen (a room not revealed, an NPC not shown, mail not opened) says so, and sending it takes
a deliberate tick; a clean draft goes in one click. Shown only while drafts wait (the dock stays
small on a laptop)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Campaign
from desktop.charon.exposure import gm_only
from desktop.model.aimed import asked_from
from desktop.model.state import CharonDraft, CharonEntry, TableState
from desktop.ui.look import colors
from desktop.ui.look.widgets import button, label

DRAFT_ROLE = Qt.ItemDataRole.UserRole


class CompactList(QListWidget):
    """A wrapping list that asks for little height: the Ship computer dock shares its column
    with the tokens' dock, and the GM's screen may be a laptop's. With `whole_rows`, it is
    never shorter than its first rows drawn whole (a draft's caption runs over lines)."""

    def __init__(self, name: str, height: int, whole_rows: int = 0) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(44)
        self._height = height
        self._whole_rows = whole_rows

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), max(self._height, self._rows_height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), max(44, self._rows_height()))

    def _rows_height(self) -> int:
        rows = min(self.count(), self._whole_rows)
        shown = sum(self.visualItemRect(self.item(i)).height() for i in range(rows))
        return shown + 2 * self.frameWidth() + 4 if rows else 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # a new width wraps the captions again
        self.updateGeometry()


class CompactEditor(QPlainTextEdit):
    """The draft's text: LINES lines high, enough to read a reply whole before sending it."""

    LINES = 4

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._lines_height(self.LINES))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._lines_height(self.LINES))

    def _lines_height(self, lines: int) -> int:
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        inner = round(self.document().documentMargin() * 2)
        return lines * self.fontMetrics().lineSpacing() + margins + inner + 2 * self.frameWidth()


def channel_name(channel: str, campaign: Campaign | None) -> str:
    """A channel as the GM reads it: Ship computer (its own view), Bridge, or the place's name."""
    if channel.startswith("encounter-"):
        location = campaign.location(channel[10:]) if campaign else None
        return location.name if location else channel[10:]
    return {"story": "Ship computer", "bridge": "Bridge"}.get(channel, channel.capitalize())


def uses_gm_only(found: tuple[str, ...]) -> str:
    """The warning a draft naming what players have not seen carries ("" when it is clean)."""
    return f"⚠ USES GM-ONLY: {', '.join(found)}" if found else ""


@dataclass(frozen=True, slots=True)
class Shown:
    """A draft as the dock lists it: its channel, the place's name, its question, its warning."""

    channel: str
    where: str
    draft: CharonDraft
    question: str
    hidden: tuple[str, ...]
    asker: str = ""  # the display that asked, by name (and its character)


def draft_caption(shown: Shown) -> str:
    """A draft as the list shows it: where and what it answers (or "from your prompt"), the
    text, what of it players have not seen, and why the language model was not used."""
    draft, question = shown.draft, shown.question
    whose = f"{shown.asker}: " if shown.asker else ""
    asked = f"ANSWERS {whose}“{question}”" if draft.query_id else "FROM YOUR PROMPT"
    if draft.query_id and not question:
        asked = "ANSWERS a question no longer waiting"
    warning = f"\n{uses_gm_only(shown.hidden)}" if shown.hidden else ""
    note = f"\n⚠ MODEL FELL BACK: {draft.note}" if draft.note else ""
    return f"{shown.where.upper()} · {asked}\n{draft.content}{warning}{note}"


class DraftsPanel(QWidget):
    """Pending drafts of every channel; the selected one can be edited before approval."""

    approve_requested = Signal(str, str, str)  # channel, draft id, edited text ("": as drafted)
    reject_requested = Signal(str, str)  # channel, draft id
    count_changed = Signal(int)  # how many drafts await the GM, all channels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(name="Caption")
        self.drafts = CompactList("Drafts", 96, whole_rows=1)
        self.editor = CompactEditor()
        self.editor.setObjectName("DraftEditor")
        self.editor.setPlaceholderText("Select a draft to read or edit it before approving")
        self.warning = label(name="GmOnlyWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {colors.AMBER};")
        self.confirm = QCheckBox("Send it anyway: players will read what they have not seen")
        self.confirm.setObjectName("GmOnlyConfirm")
        self.approve_button = button(
            "Approve", tip="Send the draft (as edited here) to every display", name="PrimaryButton"
        )
        self.reject_button = button("Reject", tip="Throw the draft away; its question stays")
        self._layout()
        self._campaign: Campaign | None = None
        self._state: TableState | None = None
        self._shown: tuple[Shown, ...] | None = None
        self._count = 0
        self.hide()
        self.drafts.itemSelectionChanged.connect(self._selected)
        self.editor.textChanged.connect(self._check)
        self.confirm.toggled.connect(self._enable)
        self.approve_button.clicked.connect(self._approve)
        self.reject_button.clicked.connect(self._reject)

    def _layout(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addWidget(self.reject_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.drafts, 1)
        layout.addWidget(self.editor)
        layout.addWidget(self.warning)
        layout.addWidget(self.confirm)
        layout.addLayout(actions)

    @property
    def count(self) -> int:
        return self._count

    def sync(self, state: TableState, campaign: Campaign | None = None) -> None:
        """Show every channel's drafts, each with where it was asked and what it answers."""
        self._state, self._campaign = state, campaign
        shown = tuple(
            self._shown_draft(channel, draft, _waiting(state, channel))
            for channel, drafts in state.charon.drafts.items()
            for draft in drafts
        )
        if shown == self._shown:
            return
        self._shown = shown
        self._fill(shown)
        self.setVisible(bool(shown))
        if len(shown) != self._count:
            self._count = len(shown)
            self.count_changed.emit(self._count)

    def _shown_draft(
        self, channel: str, draft: CharonDraft, waiting: dict[str, CharonEntry]
    ) -> Shown:
        where = channel_name(channel, self._campaign)
        found = waiting.get(draft.query_id)
        question = found.content if found else ""
        asker = (
            asked_from(self._state, self._campaign, found.display) if found and self._state else ""
        )
        return Shown(channel, where, draft, question, self._hidden(draft.content), asker)

    def _hidden(self, text: str) -> tuple[str, ...]:
        if self._campaign is None or self._state is None:
            return ()
        return gm_only(text, self._campaign, self._state)

    def _fill(self, shown: tuple[Shown, ...]) -> None:
        selected = self.selected_id()
        self.drafts.clear()
        for one in shown:
            item = QListWidgetItem(draft_caption(one))
            item.setData(DRAFT_ROLE, one.draft.id)
            warn = one.draft.note or one.hidden
            item.setForeground(QColor(colors.AMBER if warn else colors.TEAL_BRIGHT))
            self.drafts.addItem(item)
            if one.draft.id == selected:
                item.setSelected(True)
        if not self.drafts.selectedItems() and self.drafts.count():
            self.drafts.item(0).setSelected(True)
        self.heading.setText(f"DRAFTS TO APPROVE: {len(shown)}")
        self.drafts.updateGeometry()
        self._selected()

    def selected_id(self) -> str:
        items = self.drafts.selectedItems()
        return str(items[0].data(DRAFT_ROLE) or "") if items else ""

    def _find(self, draft_id: str) -> Shown | None:
        return next((s for s in self._shown or () if s.draft.id == draft_id), None)

    def _selected(self) -> None:
        shown = self._find(self.selected_id())
        draft = shown.draft if shown else None
        if self.editor.property("draft_id") != (draft.id if draft else ""):
            self.editor.setProperty("draft_id", draft.id if draft else "")
            self.editor.setPlainText(draft.content if draft else "")
        self.editor.setEnabled(draft is not None)
        self.reject_button.setEnabled(draft is not None)
        self._check()

    def _check(self) -> None:
        """The warning for the text as edited now; a new warning asks for a new tick."""
        hidden = self._hidden(self.editor.toPlainText()) if self.selected_id() else ()
        text = uses_gm_only(hidden)
        if text != self.warning.text():
            self.warning.setText(text)
            self.confirm.setChecked(False)
        self.warning.setVisible(bool(hidden))
        self.confirm.setVisible(bool(hidden))
        self._enable()

    def _enable(self) -> None:
        clean = not self.warning.text()
        ready = self._find(self.selected_id()) is not None
        self.approve_button.setEnabled(ready and (clean or self.confirm.isChecked()))

    def _approve(self) -> None:
        shown = self._find(self.selected_id())
        if shown is None or not self.approve_button.isEnabled():
            return
        text = self.editor.toPlainText().strip()
        if not text:
            self.editor.setFocus()
            return
        edited = "" if text == shown.draft.content else text
        self.approve_requested.emit(shown.channel, shown.draft.id, edited)

    def _reject(self) -> None:
        shown = self._find(self.selected_id())
        if shown is not None:
            self.reject_requested.emit(shown.channel, shown.draft.id)


def _waiting(state: TableState, channel: str) -> dict[str, CharonEntry]:
    """The channel's questions still awaiting the GM, by id."""
    return {
        e.id: e
        for e in state.charon.conversations.get(channel, ())
        if e.role == "player" and e.pending
    }
