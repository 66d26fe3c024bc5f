"""The Activity dock: what the players and displays did, newest first, each with its time."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.activity import REFUSED, ActivityEvent
from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor

KEPT_ROWS = 500
KIND_NAMES = {
    "move": "Move",
    "question": "Question",
    "joined": "Display",
    "left": "Display",
    "refused": "Refused",
    "write": "Player",
}


TEXT_COLUMN = 2
_MARGIN = 14  # px around an item's text: the theme's item padding and Qt's text margins


class _WrappedText(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width (QTreeView alone lays a row
    out at one line, whatever the width)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._view.header().sectionSize(index.column()) - _MARGIN
        text = str(index.data() or "")
        need = option.fontMetrics.boundingRect(  # type: ignore[attr-defined]
            0, 0, max(1, width), 100_000, Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, need.height() + _MARGIN)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText  # type: ignore[attr-defined]
        option.textElideMode = Qt.TextElideMode.ElideNone  # type: ignore[attr-defined]


class ActivityPanel(QWidget):
    """Lists ActivityEvents; `event_added` lets the window flash the map for a move."""

    event_added = Signal(object)  # ActivityEvent
    unseen_changed = Signal(int)  # events that came while the list was out of sight

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel("What the players' displays did: moves, questions, refusals.")
        self.caption.setObjectName("Caption")
        self.caption.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("ActivityList")
        self.list.setHeaderLabels(["Time", "Kind", "What happened"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(False)
        self.list.setWordWrap(True)  # whole rows at the dock's width, never "Display joined: C…"
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Row heights follow the text column's width (Qt lays rows out once otherwise).
        header.sectionResized.connect(lambda *_: self.list.scheduleDelayedItemsLayout())
        self.list.setItemDelegateForColumn(TEXT_COLUMN, _WrappedText(self.list))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)
        self.unseen = 0
        self._repeats = 1  # how many times the top row happened

    def add(self, event: ActivityEvent) -> None:
        """Put an event on top of the list (the oldest fall off past KEPT_ROWS); the same
        refusal again only counts on the top row (a flood of them costs no new rows)."""
        stamp = time.strftime("%H:%M:%S", time.localtime(event.at))
        if not self._repeat(event, stamp):
            self._insert(event, stamp)
        if self.visibleRegion().isEmpty():  # behind another dock's tab: the tab counts news
            self.unseen += 1
            self.unseen_changed.emit(self.unseen)
        self.event_added.emit(event)

    def _insert(self, event: ActivityEvent, stamp: str) -> None:
        self._repeats = 1
        item = QTreeWidgetItem([stamp, KIND_NAMES.get(event.kind, event.kind), event.text])
        item.setToolTip(2, event.text)
        if event.kind == REFUSED:
            for column in range(3):
                item.setForeground(column, qcolor(colors.RED))
        item.setData(0, Qt.ItemDataRole.UserRole, event)
        self.list.insertTopLevelItem(0, item)
        while self.list.topLevelItemCount() > KEPT_ROWS:
            self.list.takeTopLevelItem(self.list.topLevelItemCount() - 1)

    def _repeat(self, event: ActivityEvent, stamp: str) -> bool:
        """Count a refusal like the top row's on that row; False when it is something new."""
        top = self.list.topLevelItem(0)
        if event.kind != REFUSED or top is None:
            return False
        last = top.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(last, ActivityEvent) or (last.kind, last.text) != (REFUSED, event.text):
            return False
        self._repeats += 1
        top.setText(0, stamp)
        top.setText(TEXT_COLUMN, f"{event.text} (\u00d7{self._repeats})")
        return True

    def mark_seen(self) -> None:
        """The GM looks at the list (its tab came to the front)."""
        if self.unseen:
            self.unseen = 0
            self.unseen_changed.emit(0)

    def texts(self) -> list[str]:
        """Every row as "HH:MM:SS Kind text", newest first (what the GM reads)."""
        return [
            " ".join(item.text(c) for c in range(3))
            for item in (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
            if item is not None
        ]
