"""The Ship computer dock: mode, dialog, the active channel's conversation and questions."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Campaign
from desktop.charon.thread import threaded
from desktop.model.aimed import asked_from
from desktop.model.state import CHARON_MODES, CharonEntry, TableState
from desktop.ui.look import colors
from desktop.ui.look.widgets import button, label, line_edit
from desktop.ui.panels.charon_drafts import CompactList, DraftsPanel, channel_name

ENTRY_ROLE = Qt.ItemDataRole.UserRole
SAY_HINT = "Say something as the ship computer…"
ANSWER_HINT = "Your answer (Enter)…"


def waiting_questions(entries: tuple[CharonEntry, ...]) -> list[CharonEntry]:
    """The player questions still awaiting the GM, oldest first."""
    return [e for e in entries if e.pending and e.role == "player"]


class CharonPanel(QWidget):
    """Speak as the ship computer; answer (Enter: the oldest waiting question) or dismiss."""

    mode_requested = Signal(str)
    dialog_requested = Signal(bool)
    say_requested = Signal(str, str, str)  # channel, content, in_reply_to ("" for none)
    dismiss_requested = Signal(str, str)  # channel, question id
    clear_requested = Signal(str)  # channel
    draft_requested = Signal(str, str)  # channel, the GM's prompt for a draft
    waiting_changed = Signal(int)  # how many player questions await an answer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.addItems(list(CHARON_MODES))
        self.mode.setToolTip("QUERY lets players ask questions from their displays")
        self.dialog = QCheckBox("Dialog open")
        self.dialog.setToolTip("Open the ship computer's dialog on every display")
        self.sound = QCheckBox("Sound")
        self.sound.setChecked(True)
        self.sound.setToolTip("Beep when a player asks the ship computer a question")
        self.channel = label(name="Caption", wrap=True)
        self.conversation = CompactList("Conversation", 160)
        self.target = label(name="AnswerTarget", wrap=True)
        self.target.setStyleSheet(f"color: {colors.AMBER};")
        self.input = line_edit(SAY_HINT, 4000)
        self.answer_button = button("Answer", tip="Answer the question named above (Enter)")
        self.say_button = button("Say", tip="Say the line as a free message, answering no question")
        self.dismiss_button = button(
            "Dismiss", tip="Drop the question named above without an answer"
        )
        self.clear_button = QPushButton("Clear")
        self.drafts = DraftsPanel()  # the computer's own drafts, for the GM to approve
        self.draft_button = button(
            "Draft from prompt",
            tip="The computer drafts a line from what you typed; it waits below for your approval",
        )
        self._layout()
        self._channel = ""
        self._entries: tuple[CharonEntry, ...] | None = None
        self._name = "CHARON"  # the campaign's name for its ship computer
        self._waiting: list[CharonEntry] = []
        self._askers: dict[str, str] = {}  # display id -> who asked, in words
        self.mode.activated.connect(lambda: self.mode_requested.emit(self.mode.currentText()))
        self.dialog.clicked.connect(self.dialog_requested)
        self.say_button.clicked.connect(lambda: self._say(""))
        self.answer_button.clicked.connect(lambda: self._say(self.answer_target()))
        self.input.returnPressed.connect(lambda: self._say(self.answer_target()))
        self.dismiss_button.clicked.connect(self._dismiss)
        self.clear_button.clicked.connect(lambda: self.clear_requested.emit(self._channel))
        self.draft_button.clicked.connect(self._draft)
        self.conversation.itemSelectionChanged.connect(self._update_target)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Mode"))
        top.addWidget(self.mode)
        top.addWidget(self.dialog, 1)
        top.addWidget(self.sound)
        say = QHBoxLayout()
        say.addWidget(self.input, 1)
        say.addWidget(self.answer_button)
        say.addWidget(self.say_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.channel)
        layout.addWidget(self.conversation, 1)
        layout.addWidget(self.target)
        layout.addLayout(say)
        layout.addLayout(buttons)
        layout.addWidget(self.drafts, 1)

    def minimumSizeHint(self) -> QSize:
        """As wide as the drafts need, shown or not: the dock's column keeps one width, and
        its tabs ("SHIP COMPUTER · 3" among them) fit it before a draft ever arrives."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 16
        drafts = self.drafts.minimumSizeHint().width() + margins
        return QSize(max(hint.width(), drafts), hint.height())

    def sync(self, state: TableState, campaign: Campaign | None = None) -> None:
        """Show the mode, the dialog and the active channel's conversation."""
        charon = state.charon
        if self.mode.currentText() != charon.mode:
            self.mode.setCurrentText(charon.mode)
        if self.dialog.isChecked() != charon.dialog_open:
            self.dialog.setChecked(charon.dialog_open)
        self._channel = state.charon_channel
        entries = charon.conversations.get(self._channel, ())
        name = campaign.voice.name if campaign else self._name
        askers = {e.display: asked_from(state, campaign, e.display) for e in entries}
        if entries != self._entries or name != self._name or askers != self._askers:
            self._name, self._askers = name, askers
            self._show_entries(entries)
        count = len(self._waiting)
        waiting = f" · {count} question(s) waiting" if count else ""
        text = f"CHANNEL: {channel_name(self._channel, campaign)}{waiting}"
        if self.channel.text() != text:
            self.channel.setText(text)
        self.drafts.sync(state, campaign)

    def _show_entries(self, entries: tuple[CharonEntry, ...]) -> None:
        before = len(self._waiting)
        self._entries = entries
        self._waiting = waiting_questions(entries)
        count = len(self._waiting)
        self._fill(entries)
        self._update_target()
        if count != before:
            self.waiting_changed.emit(count)

    @property
    def waiting(self) -> int:
        """How many player questions of the active channel await an answer."""
        return len(self._waiting)

    def _fill(self, entries: tuple[CharonEntry, ...]) -> None:
        selected = self._selected_question()
        self.conversation.clear()
        for entry in threaded(entries):
            who = self._name if entry.role == "charon" else self._asker(entry)
            mark = "  [awaiting answer]" if entry.pending else ""
            item = QListWidgetItem(f"{who} › {entry.content}{mark}")
            item.setData(ENTRY_ROLE, entry.id if entry.pending else "")
            color = colors.TEAL_BRIGHT if entry.role == "charon" else colors.AMBER
            item.setForeground(QColor(color))
            self.conversation.addItem(item)
            if entry.id == selected:
                item.setSelected(True)
        self.conversation.scrollToBottom()

    def _asker(self, entry: CharonEntry) -> str:
        """Who asked: the display by name (and its character), or PLAYER."""
        return self._askers.get(entry.display, "") or "PLAYER"

    def _selected_question(self) -> str:
        items = self.conversation.selectedItems()
        return str(items[0].data(ENTRY_ROLE) or "") if items else ""

    def answer_target(self) -> str:
        """The question the reply box answers: the selected one, else the oldest waiting."""
        return self._selected_question() or (self._waiting[0].id if self._waiting else "")

    def _update_target(self) -> None:
        target = self.answer_target()
        question = next((e for e in self._waiting if e.id == target), None)
        if question is None:
            self.target.setText("")
            self.input.setPlaceholderText(SAY_HINT)
        else:
            which = "selected" if target == self._selected_question() else "oldest waiting"
            asker = self._askers.get(question.display, "")
            whose = f" {asker}" if asker else ""
            self.target.setText(f"ANSWERING ({which}){whose}: “{question.content}”")
            self.input.setPlaceholderText(ANSWER_HINT)
        self.target.setVisible(question is not None)
        self.answer_button.setEnabled(question is not None)
        self.answer_button.setObjectName("PrimaryButton" if question else "")
        self.say_button.setObjectName("" if question else "PrimaryButton")
        for pressed in (self.answer_button, self.say_button):
            pressed.style().unpolish(pressed)
            pressed.style().polish(pressed)
        self.dismiss_button.setEnabled(question is not None)
        self.clear_button.setEnabled(bool(self._entries))

    def _say(self, in_reply_to: str) -> None:
        content = self.input.text().strip()
        if not content:
            self.input.setFocus()
            return
        self.say_requested.emit(self._channel, content, in_reply_to)

    def _draft(self) -> None:
        prompt = self.input.text().strip()
        if not prompt:
            self.input.setFocus()
            return
        self.draft_requested.emit(self._channel, prompt)
        self.input.clear()

    def _dismiss(self) -> None:
        question = self.answer_target()
        if question:
            self.dismiss_requested.emit(self._channel, question)

    def clear_input(self) -> None:
        """Empty the line once what it held was said."""
        self.input.clear()
