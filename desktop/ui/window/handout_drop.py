"""A picture or a text dropped onto the window: offered as a handout, to every display or one.

Shown, it is kept in the campaign's handouts folder (campaign/handout_import.py) and becomes
a campaign handout like the others, then `ShowHandout` shows it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QStatusBar,
    QWidget,
)

from desktop.campaign.frozen import frozen_map
from desktop.campaign.handout_import import HandoutRefused, droppable, keep_dropped
from desktop.campaign.handouts import read_handouts
from desktop.campaign.problems import ProblemLog
from desktop.model.actions.handouts import ShowHandout
from desktop.ui.panels.display_choice import DisplayChoice
from desktop.ui.window.dispatcher import ERROR_TIMEOUT_MS, Dispatcher


def dropped_file(data: QMimeData) -> Path | None:
    """The first local file of a drop that may become a handout."""
    for url in data.urls() if data.hasUrls() else ():
        if url.isLocalFile() and droppable(Path(url.toLocalFile())):
            return Path(url.toLocalFile())
    return None


class HandoutDialog(QDialog):
    """Show this file as a handout: to whom, and how long a TV keeps it."""

    def __init__(self, path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("HandoutDropDialog")
        self.setWindowTitle("Show as handout")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.audience = DisplayChoice("All displays", "Show to")
        self.clear_after = QSpinBox()
        self.clear_after.setRange(0, 3600)
        self.clear_after.setSuffix(" s")
        self.clear_after.setSpecialValueText("until tapped")
        self.clear_after.setAccessibleName("TV clears it after")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Show")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(path.name))
        form.addRow("Show to", self.audience)
        form.addRow("TV clears it after", self.clear_after)
        form.addRow(buttons)


class HandoutDrop(QObject):
    """Watches the window for dropped files (an event filter): a droppable one opens the dialog;
    its Show keeps the file as a campaign handout and shows it."""

    def __init__(self, window: QWidget, dispatcher: Dispatcher, status: QStatusBar) -> None:
        super().__init__(window)
        self.window = window
        self.dispatcher = dispatcher
        self.status = status
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDropEvent)  # the enter and move events are drop events too
        path = dropped_file(event.mimeData())
        if path is None:
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            self.offer(path)
        return True

    def offer(self, path: Path) -> HandoutDialog:
        """Ask whether and to whom to show the file (open(), never exec(): PITFALLS.md)."""
        dialog = HandoutDialog(path, self.window)
        dialog.audience.sync(self.dispatcher.store.state)
        dialog.accepted.connect(
            lambda: self.show(path, dialog.audience.displays(), dialog.clear_after.value())
        )
        dialog.open()
        return dialog

    def show(self, path: Path, displays: tuple[str, ...], clear_after: int) -> bool:
        """Keep the file as a campaign handout and show it (a refused file: the reason)."""
        store = self.dispatcher.store
        campaign = store.campaign
        try:
            key = keep_dropped(campaign.root, path, set(campaign.handouts))
        except (HandoutRefused, OSError) as error:
            self.status.showMessage(f"Not shown: {error}", ERROR_TIMEOUT_MS)
            return False
        found = read_handouts(campaign.root, ProblemLog(campaign.root)).get(key)
        if found is None:
            self.status.showMessage(f"Not shown: {path.name} could not be kept", ERROR_TIMEOUT_MS)
            return False
        store.replace_campaign(
            replace(campaign, handouts=frozen_map({**campaign.handouts, key: found}))
        )
        action = ShowHandout(key, displays=displays, clear_after=clear_after)
        return self.dispatcher.dispatch(action)
