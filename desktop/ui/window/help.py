"""The window's Help: the "Get the table ready" panel (first start, Help, the toolbar's Join
button), the keyboard shortcuts and the guide. Each is one non-modal dialog, raised if open."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QToolButton, QWidget

from desktop.ui.services import WindowServices
from desktop.ui.window.help_dialogs import GuideDialog, ShortcutsDialog
from desktop.ui.window.settings import WindowSettings
from desktop.ui.window.table_ready import TableReadyPanel


class WindowHelp(QObject):
    """Opens the help dialogs; remembers (in the window's settings) that the panel was shown."""

    def __init__(self, window: QWidget, services: WindowServices, settings: WindowSettings) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._settings = settings
        self.table_ready: TableReadyPanel | None = None
        self.shortcuts: ShortcutsDialog | None = None
        self.guide: GuideDialog | None = None
        url = services.player_url
        self.join_button = QToolButton()
        self.join_button.setObjectName("JoinButton")
        self.join_button.setText(f"JOIN  {url}" if url else "JOIN")
        self.join_button.setToolTip("How the TV and tablets join: address, QR code, first steps")
        self.join_button.clicked.connect(lambda: self.show_table_ready())

    def first_start(self) -> None:
        """On the very first start, show the table-ready panel once."""
        settings = self._settings
        if not settings.table_ready_shown():
            settings.remember_table_ready_shown()
            self.show_table_ready(activate=False)

    def show_table_ready(self, activate: bool = True) -> None:
        if self.table_ready is None:
            self.table_ready = TableReadyPanel(self._services, self._window)
        # On the first start it opens beside the window without taking the keyboard from it.
        self.table_ready.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        _show(self.table_ready, activate)

    def show_shortcuts(self) -> None:
        if self.shortcuts is None:
            self.shortcuts = ShortcutsDialog(self._window.actions(), self._window)
            self.shortcuts.destroyed.connect(lambda: setattr(self, "shortcuts", None))
        _show(self.shortcuts)

    def show_guide(self) -> None:
        if self.guide is None:
            self.guide = GuideDialog(self._window)
            self.guide.destroyed.connect(lambda: setattr(self, "guide", None))
        _show(self.guide)


def _show(dialog: QDialog, activate: bool = True) -> None:
    dialog.show()
    dialog.raise_()
    if activate:
        dialog.activateWindow()
