"""The ship computer's drafts in its dock: each with the question it answers, approved as it is
or edited, or rejected. Shown only while drafts wait (the dock stays small on a laptop)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.model.state import CharonDraft, TableState
from desktop.ui.look import colors
from desktop.ui.look.widgets import button, label

DRAFT_ROLE = Qt.ItemDataRole.UserRole


class CompactList(QListWidget):
    """A wrapping list that asks for little height: the Ship computer dock shares its column
    with the tokens' dock, and the GM's screen may be a laptop's."""

    def __init__(self, name: str, height: int) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(44)
        self._height = height

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)


class CompactEditor(QPlainTextEdit):
    """The draft's text, a few lines high."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 64)


def draft_caption(draft: CharonDraft, question: str) -> str:
    """A draft as the list shows it: the question it answers (or "from your prompt"), the text,
    and why the language model was not used when it failed."""
    asked = f"ANSWERS “{question}”" if draft.query_id else "FROM YOUR PROMPT"
    if draft.query_id and not question:
        asked = "ANSWERS a question no longer waiting"
    note = f"\n⚠ MODEL FELL BACK: {draft.note}" if draft.note else ""
    return f"{asked}\n{draft.content}{note}"


class DraftsPanel(QWidget):
    """Pending drafts of the active channel; the selected one can be edited before approval."""

    approve_requested = Signal(str, str, str)  # channel, draft id, edited text ("": as drafted)
    reject_requested = Signal(str, str)  # channel, draft id
    count_changed = Signal(int)  # how many drafts await the GM on the active channel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(name="Caption")
        self.drafts = CompactList("Drafts", 96)
        self.editor = CompactEditor()
        self.editor.setObjectName("DraftEditor")
        self.editor.setPlaceholderText("Select a draft to read or edit it before approving")
        self.editor.setMinimumHeight(44)
        self.editor.setMaximumHeight(90)
        self.approve_button = button(
            "Approve", tip="Send the draft (as edited here) to every display", name="PrimaryButton"
        )
        self.reject_button = button("Reject", tip="Throw the draft away; its question stays")
        self._layout()
        self._channel = ""
        self._shown: tuple[tuple[CharonDraft, str], ...] | None = None
        self._count = 0
        self.hide()
        self.drafts.itemSelectionChanged.connect(self._selected)
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
        layout.addLayout(actions)

    @property
    def count(self) -> int:
        return self._count

    def sync(self, state: TableState) -> None:
        """Show the active channel's drafts, each with the question it answers."""
        self._channel = state.charon_channel
        questions = {
            e.id: e.content
            for e in state.charon.conversations.get(self._channel, ())
            if e.role == "player" and e.pending
        }
        drafts = state.charon.drafts.get(self._channel, ())
        shown = tuple((d, questions.get(d.query_id, "")) for d in drafts)
        if shown == self._shown:
            return
        self._shown = shown
        self._fill(shown)
        self.setVisible(bool(shown))
        if len(shown) != self._count:
            self._count = len(shown)
            self.count_changed.emit(self._count)

    def _fill(self, shown: tuple[tuple[CharonDraft, str], ...]) -> None:
        selected = self.selected_id()
        self.drafts.clear()
        for draft, question in shown:
            item = QListWidgetItem(draft_caption(draft, question))
            item.setData(DRAFT_ROLE, draft.id)
            item.setForeground(QColor(colors.AMBER if draft.note else colors.TEAL_BRIGHT))
            self.drafts.addItem(item)
            if draft.id == selected:
                item.setSelected(True)
        if not self.drafts.selectedItems() and self.drafts.count():
            self.drafts.item(0).setSelected(True)
        self.heading.setText(f"DRAFTS TO APPROVE: {len(shown)}")
        self._selected()

    def selected_id(self) -> str:
        items = self.drafts.selectedItems()
        return str(items[0].data(DRAFT_ROLE) or "") if items else ""

    def _draft(self, draft_id: str) -> CharonDraft | None:
        return next((d for d, _q in self._shown or () if d.id == draft_id), None)

    def _selected(self) -> None:
        draft = self._draft(self.selected_id())
        text = draft.content if draft else ""
        if self.editor.property("draft_id") != (draft.id if draft else ""):
            self.editor.setPlainText(text)
            self.editor.setProperty("draft_id", draft.id if draft else "")
        self.editor.setEnabled(draft is not None)
        self.approve_button.setEnabled(draft is not None)
        self.reject_button.setEnabled(draft is not None)

    def _approve(self) -> None:
        draft = self._draft(self.selected_id())
        if draft is None:
            return
        text = self.editor.toPlainText().strip()
        if not text:
            self.editor.setFocus()
            return
        self.approve_requested.emit(self._channel, draft.id, "" if text == draft.content else text)

    def _reject(self) -> None:
        draft_id = self.selected_id()
        if draft_id:
            self.reject_requested.emit(self._channel, draft_id)
