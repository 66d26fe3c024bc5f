"""A waiting player question is unmissable: the dock's tab, the window's title, a beep."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar, QWidget

from desktop.model.names import counted
from desktop.ui.look import colors
from desktop.ui.panels.charon import CharonPanel

_TITLE_MARK = re.compile(r"^\(\d+ waiting\) ")


def _waiting_dot() -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colors.AMBER))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def _beep() -> None:
    QApplication.beep()


class QuestionAlert(QObject):
    """Counts the waiting questions on the ship computer's tab and in the window's title; beeps
    when a new one arrives unless the GM unticked the panel's Sound box."""

    def __init__(
        self,
        panel: CharonPanel,
        dock: QDockWidget,
        window: QWidget,
        beep: Callable[[], None] = _beep,
    ) -> None:
        super().__init__(window)
        self._panel, self._dock, self._window = panel, dock, window
        self.beep = beep  # the sound (replaceable: tests count the beeps)
        self._dock_title = dock.windowTitle()
        self._count = 0
        self._drafts = 0
        panel.waiting_changed.connect(self._on_waiting)
        panel.drafts.count_changed.connect(self._on_drafts)
        window.windowTitleChanged.connect(lambda _title: self._mark_title())

    def _on_waiting(self, count: int) -> None:
        if count > self._count and self._panel.sound.isChecked():
            self.beep()
        self._count = count
        self._retitle()

    def _on_drafts(self, count: int) -> None:
        self._drafts = count
        self._retitle()

    def _retitle(self) -> None:
        """The dock's tab: one short count (questions waiting and drafts to approve), so the
        tab barely widens and its neighbours stay in view; the tooltip tells them apart."""
        count, drafts = self._count, self._drafts
        total = count + drafts
        self._dock.setWindowTitle(self._dock_title + (f" · {total}" if total else ""))
        tips = [f"{counted(count, 'player question')} waiting for an answer" if count else ""]
        tips.append(f"{counted(drafts, 'draft')} waiting for your approval" if drafts else "")
        self._dock.setToolTip("\n".join(t for t in tips if t))
        self._mark_title()
        QTimer.singleShot(0, self._mark_tab)  # once the dock area has renamed its tab

    def _mark_tab(self) -> None:
        """An amber dot on the dock's tab while questions wait (the theme's style sheet sets
        every tab's text colour, so a colour alone would not show)."""
        icon = _waiting_dot() if self._count else QIcon()
        for bar in self._window.findChildren(QTabBar):
            for index in range(bar.count()):
                if bar.tabText(index).startswith(self._dock_title):
                    bar.setTabIcon(index, icon)

    def _mark_title(self) -> None:
        title = self._window.windowTitle()
        base = _TITLE_MARK.sub("", title)
        wanted = f"({self._count} waiting) {base}" if self._count else base
        if wanted != title:
            self._window.setWindowTitle(wanted)
