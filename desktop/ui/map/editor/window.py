"""The deck editor's window: a deck chooser, the tools, undo and redo, and Save, around the
canvas. Saving writes the location's `map/` folder in our format and asks for a reload."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import ROOM_STATUSES, Location
from desktop.mapedit.draft import MapDraft
from desktop.mapedit.editor import EditError, MapEditor
from desktop.mapedit.files import draft_of, save_draft
from desktop.ui.map.editor.canvas import TOOLS, DeckCanvas


class DeckEditor(QWidget):
    """Edits one location's map in place of the GM map (a mode of the map view: Done goes
    back); `saved` after the files are written, `closed` when the GM is done."""

    saved = Signal()
    closed = Signal()

    def __init__(self, location: Location, map_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Deck editor — {location.name}")
        self.map_dir = map_dir
        self.editor = MapEditor(draft_of(location))
        self.canvas = DeckCanvas(self.editor, map_dir, self)
        self.terminals = [(t.slug, t.name or t.slug) for t in location.terminals]
        self.canvas.ask_terminal = self.ask_terminal
        self.decks = QComboBox(self)
        self.note = QLabel(self)
        self.tools: dict[str, QAction] = {}
        top, bar = QToolBar(self), QToolBar(self)
        top.addWidget(self.decks)
        self._action(top, "New deck…", self.ask_new_deck)
        top.addSeparator()
        group = QActionGroup(self)
        for tool in TOOLS:
            # triggered(checked) would fill a default argument: bind the tool another way
            action = self._action(bar, tool.capitalize(), partial(self.set_tool, tool))
            action.setCheckable(True)
            group.addAction(action)
            self.tools[tool] = action
        self.tools["select"].setChecked(True)
        self._action(top, "Rename…", self.ask_rename)
        self._action(top, "Status…", self.ask_status)
        self._action(top, "Delete", self.delete_selected)
        top.addSeparator()
        # Undo and Redo are the editor's own (buttons: Ctrl+Z stays the table's undo).
        self._action(top, "Undo", self.undo)
        self._action(top, "Redo", self.redo)
        save = self._action(top, "Save", self.save)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(save)
        self._action(top, "Done", self.closed.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.note)
        self.decks.currentIndexChanged.connect(self._deck_chosen)
        self.canvas.changed.connect(self._sync)
        self.canvas.problem.connect(self.note.setText)
        self.resize(900, 640)
        self._sync()

    def _action(self, bar: QToolBar, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    @property
    def draft(self) -> MapDraft:
        return self.editor.draft

    # --- what the toolbar does ---------------------------------------------------------------

    def set_tool(self, tool: str) -> None:
        self.canvas.tool = tool
        self.tools[tool].setChecked(True)
        if tool not in ("door", "corridor", "ladder"):
            self.canvas.pending = None

    def show_deck(self, deck_id: str) -> None:
        index = self.decks.findData(deck_id)
        if index >= 0:
            self.decks.setCurrentIndex(index)

    def new_deck(self, name: str, width: int, height: int) -> str:
        deck_id = self.editor.add_deck(name, width, height)
        self._sync()
        self.show_deck(deck_id)
        return deck_id

    def ask_new_deck(self) -> None:
        name, ok = QInputDialog.getText(self, "New deck", "Name of the deck:")
        if not ok or not name.strip():
            return
        size, ok = QInputDialog.getText(
            self, "New deck", "Size in cells (width x height):", text="24x16"
        )
        try:
            width, height = (int(n) for n in size.lower().split("x"))
            self.new_deck(name.strip(), width, height)
        except (ValueError, EditError) as error:
            self.note.setText(f"No deck made: {error}")

    def ask_terminal(self) -> tuple[str, str] | None:
        """Which of the location's comms terminals the one placed now is."""
        if not self.terminals:
            self.note.setText("This location has no terminals (comms/<terminal>/terminal.yaml)")
            return None
        names = [name for _slug, name in self.terminals]
        name, ok = QInputDialog.getItem(self, "Terminal", "Which terminal:", names, 0, False)
        return self.terminals[names.index(name)] if ok else None

    def rename_selected(self, name: str) -> None:
        self._try(lambda: self.editor.rename(self.canvas.deck_id, self.canvas.selected, name))

    def ask_rename(self) -> None:
        """A dialog on the selected room's name, selected: typing replaces it."""
        deck = self.canvas.deck()
        room = deck.room(self.canvas.selected) if deck is not None else None
        if room is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Rename")
        dialog.setLabelText("New name:")
        dialog.setTextValue(room.name)
        dialog.textValueSelected.connect(self.rename_selected)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        line = dialog.findChild(QLineEdit)
        if line is not None:
            line.selectAll()

    def set_status(self, status: str) -> None:
        self._try(lambda: self.editor.set_status(self.canvas.deck_id, self.canvas.selected, status))

    def ask_status(self) -> None:
        if self.canvas.selected:
            status, ok = QInputDialog.getItem(
                self, "Status", "Room status:", list(ROOM_STATUSES), 0, False
            )
            if ok:
                self.set_status(status)

    def delete_selected(self) -> None:
        if self.canvas.selected:
            self._try(lambda: self.editor.delete(self.canvas.deck_id, self.canvas.selected))
            self.canvas.selected = ""

    def undo(self) -> None:
        self.editor.undo()
        self._sync()

    def redo(self) -> None:
        self.editor.redo()
        self._sync()

    def save(self) -> None:
        try:
            save_draft(self.editor.draft, self.map_dir)
        except OSError as error:
            self.note.setText(f"Not saved: {error.strerror or error}")
            return
        self.note.setText(f"Saved to {self.map_dir}")
        self.saved.emit()

    # --- keeping the view in step --------------------------------------------------------------

    def _try(self, edit: Callable[[], object]) -> None:
        try:
            edit()
        except EditError as error:
            self.note.setText(str(error))
        self._sync()

    def _deck_chosen(self, index: int) -> None:
        deck_id = self.decks.itemData(index)
        if isinstance(deck_id, str):
            self.canvas.deck_id = deck_id
            self.canvas.redraw()

    def refresh(self) -> None:
        """Show the draft again (after an edit made outside the window's own tools)."""
        self._sync()

    def _sync(self) -> None:
        current = self.canvas.deck_id
        self.decks.blockSignals(True)
        self.decks.clear()
        for deck in self.editor.draft.decks:
            self.decks.addItem(f"{deck.level}: {deck.name}", deck.id)
        self.decks.blockSignals(False)
        ids = [d.id for d in self.editor.draft.decks]
        self.canvas.deck_id = current if current in ids else (ids[0] if ids else "")
        self.show_deck(self.canvas.deck_id)
        self.canvas.redraw()
