"""The window's menus and their actions (File, Edit, View, Help); the window connects them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.look.menu_text import menu_text


class WindowMenus:
    """Builds the menu bar; undo/redo carry the label of what they would undo ("Undo Reveal
    Bridge")."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")
        self.open = _action(window, "&Open campaign…", QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu("Open &recent", window)
        self.reload = _action(window, "&Reload campaign", "F5")
        self.chat_model = _action(window, "Ship computer &model…")
        self.edit_map = _action(window, "&Edit deck map…")
        self.import_map = _action(window, "&Import map…")
        self.new_map = _action(window, "&New map from image…")
        self.quit = _action(window, "&Quit", QKeySequence.StandardKey.Quit)
        self.undo = _action(window, "&Undo", "Ctrl+Z")
        self.redo = _action(window, "&Redo", "Ctrl+Shift+Z")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.reveal_all = _action(window, "Reveal &all rooms of this deck")
        self.hide_all = _action(window, "&Hide all rooms of this deck")
        self.clear_tokens = _action(window, "&Clear tokens of this deck…")
        self.reset_location = _action(window, "Reset &location…")
        self.new_session = _action(window, "&New session…")
        self.show_focus = _action(window, "&Show to players", "Ctrl+Shift+Return")
        self.hold = _action(window, "&Hold displays", "Ctrl+H")
        self.hold.setCheckable(True)
        self.preview = _action(window, "&Player preview", "Ctrl+P")
        self.preview.setCheckable(True)
        self.fit = _action(window, "&Fit map to window", "Ctrl+0")
        self.zoom_in = _action(window, "Zoom &in", QKeySequence.StandardKey.ZoomIn)
        self.zoom_out = _action(window, "Zoom &out", QKeySequence.StandardKey.ZoomOut)
        self.docks_menu = QMenu("&Panels", window)
        self.table_ready = _action(window, "Get the &table ready…")
        self.shortcuts = _action(window, "&Keyboard shortcuts", "F1")
        self.guide = _action(window, "&Guide")
        self._fill()

    def _fill(self) -> None:
        self.file_menu.addAction(self.open)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.reload)
        self.file_menu.addAction(self.edit_map)
        self.file_menu.addAction(self.import_map)
        self.file_menu.addAction(self.new_map)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.chat_model)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        for action in (self.undo, self.redo, None, self.reveal_all, self.hide_all, None):
            self._add(self.edit_menu, action)
        for action in (self.clear_tokens, self.reset_location, self.new_session):
            self.edit_menu.addAction(action)
        for action in (self.show_focus, self.hold, None, self.preview, self.fit):
            self._add(self.view_menu, action)
        self.view_menu.addAction(self.zoom_in)
        self.view_menu.addAction(self.zoom_out)
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.docks_menu)
        for action in (self.table_ready, self.shortcuts, self.guide):
            self.help_menu.addAction(action)

    @staticmethod
    def _add(menu: QMenu, action: QAction | None) -> None:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)

    def sync(self, undo_label: str | None, redo_label: str | None, hold: bool) -> None:
        """Name what undo and redo would do; tick Hold."""
        self.undo.setText(f"&Undo {menu_text(undo_label)}" if undo_label else "&Undo")
        self.undo.setEnabled(undo_label is not None)
        self.redo.setText(f"&Redo {menu_text(redo_label)}" if redo_label else "&Redo")
        self.redo.setEnabled(redo_label is not None)
        if self.hold.isChecked() != hold:
            self.hold.setChecked(hold)

    def fill_recent(self, paths: list[Path], open_path: Callable[[Path], None]) -> None:
        """List recent campaign folders."""
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(menu_text(str(path)))
            action.triggered.connect(lambda _=False, p=path: open_path(p))
        self.recent_menu.setEnabled(bool(paths))


def _action(
    window: QMainWindow, text: str, shortcut: str | QKeySequence.StandardKey | None = None
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)
    return action
