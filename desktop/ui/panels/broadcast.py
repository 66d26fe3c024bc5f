"""The Broadcast dock: send a message to every display or one, see the recent ones and
where each is seen."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import PRIORITIES
from desktop.model.aimed import where_seen
from desktop.model.audience import content_key
from desktop.model.state import TableState
from desktop.ui.look import colors
from desktop.ui.look.widgets import button, line_edit
from desktop.ui.panels.display_choice import DisplayChoice

PRIORITY_COLOR = {"LOW": colors.TEXT_DIM, "NORMAL": colors.TEXT, "HIGH": colors.AMBER}
PRIORITY_COLOR["CRITICAL"] = colors.RED


class BroadcastPanel(QWidget):
    """Sender, priority and message; Send (Ctrl+Enter) asks for a broadcast."""

    broadcast_requested = Signal(str, str, str, str)  # content, sender, priority, display
    clear_requested = Signal()  # take every broadcast off the displays

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sender_edit = line_edit("e.g. LANTERN STATION CONTROL")
        self.priority = QComboBox()
        self.priority.addItems(list(PRIORITIES))
        self.priority.setCurrentText("NORMAL")
        self.target = DisplayChoice("every display", "Send to")
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText("Message for every display…")
        self.target.currentTextChanged.connect(
            lambda name: self.message.setPlaceholderText(f"Message for {name}…")
        )
        self.message.setMaximumHeight(90)
        self.send_button = button("Send broadcast", name="PrimaryButton")
        self.clear_button = button(
            "Clear from displays", tip="Take every broadcast off the displays"
        )
        self.clear_button.setEnabled(False)
        self.history = QListWidget()
        self.history.setObjectName("BroadcastHistory")
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form = QFormLayout()
        form.addRow("Sender", self.sender_edit)
        # Priority and audience on one row: the dock's minimum height sets its column's.
        choices = QHBoxLayout()
        choices.addWidget(self.priority)
        choices.addWidget(QLabel("To"))
        choices.addWidget(self.target, 1)
        form.addRow("Priority", choices)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout.addLayout(buttons)
        layout.addWidget(self.history, 1)
        self.send_button.clicked.connect(self._send)
        self.clear_button.clicked.connect(lambda: self.clear_requested.emit())
        send = QShortcut(QKeySequence("Ctrl+Return"), self.message, self._send)
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._shown: tuple[object, ...] = ()

    def _send(self) -> None:
        content = self.message.toPlainText().strip()
        if not content:
            self.message.setFocus()
            return
        self.broadcast_requested.emit(
            content,
            self.sender_edit.text().strip(),
            self.priority.currentText(),
            self.target.chosen(),
        )

    def sync(self, state: TableState) -> None:
        """List the broadcasts, newest first, each with where it is seen."""
        self.target.sync(state)
        seen = tuple(where_seen(state, content_key("broadcast", b.id)) for b in state.broadcasts)
        if (state.broadcasts, seen) == self._shown:
            return
        self._shown = (state.broadcasts, seen)
        self.clear_button.setEnabled(bool(state.broadcasts))
        self.history.clear()
        for message, where in reversed(list(zip(state.broadcasts, seen, strict=True))[-20:]):
            stamp = time.strftime("%H:%M", time.localtime(message.timestamp))
            sender = f"{message.sender}: " if message.sender else ""
            audience = f"  ({where})" if where else ""
            item = QListWidgetItem(
                f"{stamp}  [{message.priority}]  {sender}{message.content}{audience}"
            )
            item.setForeground(QColor(PRIORITY_COLOR.get(message.priority, colors.TEXT)))
            self.history.addItem(item)

    def clear_message(self) -> None:
        """Empty the editor once its message went out."""
        self.message.clear()
