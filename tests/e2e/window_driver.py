"""Drives the real GM window through its widgets, as a GM would: clicks, drags, drops, menus.

Shared by the scripted-session test and scripts/window_rehearsal.py. Every gesture goes to a
widget (a button, the tree, the map's viewport, a menu entry); nothing here dispatches to the
store. `settle()` lets the window catch up with the store before the next gesture.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QTreeWidgetItem, QWidget

from desktop.ui.map.token_mime import TokenTemplate, encode
from tests.ui.map.gestures import cell_point, double_click, drag, drop_on

LEFT = Qt.MouseButton.LeftButton


class WindowDriver:
    """Gestures on one MainWindow; `shots` (a folder) makes `shot()` save the window's picture."""

    def __init__(self, window: Any, shots: Path | None = None) -> None:
        self.w = window
        self.shots = shots
        self.count = 0
        self.refusals: list[str] = []
        window.dispatcher.message_shown.connect(self._on_message)

    def _on_message(self, text: str, _timeout: int = 0) -> None:
        if text.startswith("Refused"):
            self.refusals.append(text)

    # --- pacing and pictures -----------------------------------------------------------------

    async def settle(self) -> None:
        """Run the loop until the window has re-synced with the store (and any fit ran)."""
        for _ in range(3):  # never processEvents() inside a task: qasync re-enters it
            await asyncio.sleep(0.01)
            self.w.refresher.flush()

    async def shot(self, name: str) -> Path | None:
        """Save the window as it looks now (numbered, in the order taken)."""
        if self.shots is None:
            return None
        await self.settle()
        self.count += 1
        path = self.shots / f"{self.count:02d}-{name}.png"
        self.w.grab().save(str(path))
        return path

    # --- the toolbar, the tree and the focus bar ----------------------------------------------

    def view(self, view: str) -> None:
        """A view button of the toolbar: STANDBY, BRIDGE, ENCOUNTER, CHARON_TERMINAL."""
        QTest.mouseClick(self.w.switcher.buttons[view], LEFT)

    def look_at(self, slug: str) -> None:
        """Click a place in the campaign tree (the GM's focus; players see nothing new)."""
        item = self._tree_item(lambda i: i.data(0, Qt.ItemDataRole.UserRole) == slug)
        self.w.tree.scrollToItem(item)
        rect = self.w.tree.visualItemRect(item)
        QTest.mouseClick(self.w.tree.viewport(), LEFT, pos=rect.center())

    def terminal(self, slug: str, terminal: str) -> None:
        """The Show/Hide button beside a terminal in the tree."""
        button = self.w.tree.buttons[(slug, terminal)]
        item = self._tree_item(lambda i: self.w.tree.itemWidget(i, 2) is button)
        self.w.tree.scrollToItem(item)
        QTest.mouseClick(button, LEFT)

    def show_focus(self) -> None:
        QTest.mouseClick(self.w.map_panel.bar.show_button, LEFT)

    def hold(self) -> None:
        QTest.mouseClick(self.w.map_panel.bar.hold_button, LEFT)

    def deck(self, deck_id: str) -> None:
        """Click a deck's tab above the map."""
        tabs, store = self.w.map_panel.tabs, self.w.store
        location = store.campaign.location(self.w.focus.location_slug)
        deck = location.map.deck(deck_id) if location and location.map else None
        assert deck is not None, f"no deck {deck_id!r} here"
        index = next(i for i in range(tabs.count()) if deck.name in tabs.tabText(i))
        QTest.mouseClick(tabs, LEFT, pos=tabs.tabRect(index).center())

    def _tree_item(self, match: Any) -> QTreeWidgetItem:
        tree = self.w.tree
        stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if match(item):
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        raise AssertionError("no such tree item")

    # --- the map ------------------------------------------------------------------------------

    def _cell(self, x: float, y: float) -> QPoint:
        return cell_point(self.w.map_panel.view, x, y)

    def reveal(self, room_id: str) -> None:
        """Double-click a room's bare floor (reveal it, or hide it again)."""
        pos = self.room_floor(room_id)
        self._on_map(lambda view: double_click(view, pos))

    def room_menu(self, room_id: str, entry: str) -> None:
        self._menu(self.room_floor(room_id), entry)

    def room_floor(self, room_id: str) -> QPoint:
        """A point of the room where the GM sees its floor (no token, door or marker on top)."""
        view, room = self.w.map_panel.view, self.w.map_panel.scene.rooms[room_id]
        shape = room.shape_data
        for y in range(shape.y + shape.height - 1, shape.y - 1, -1):
            for x in range(shape.x, shape.x + shape.width):
                pos = self._cell(x, y)
                if view.itemAt(pos) is room:
                    return pos
        raise AssertionError(f"no bare floor in {room_id}")

    def door(self, door_id: str, entry: str) -> None:
        """Right-click a door, pick a status ("Open", "Locked", ...)."""
        view = self.w.map_panel.view
        item = self.w.map_panel.scene.doors[door_id]
        self._menu(view.mapFromScene(item.scenePos()), entry)

    def token_menu(self, name: str, entry: str) -> None:
        """Right-click a token, pick an entry ("Wounded", "Hidden", ...)."""
        view = self.w.map_panel.view
        item = self.w.map_panel.scene.tokens[self.token_id(name)]
        self._menu(view.mapFromScene(item.scenePos()), entry)

    def move(self, name: str, x: int, y: int) -> None:
        """Drag a token to another cell."""
        view = self.w.map_panel.view
        item = self.w.map_panel.scene.tokens[self.token_id(name)]
        self._on_map(lambda v: drag(v, v.mapFromScene(item.scenePos()), self._cell(x, y)))
        del view

    def place(self, name: str, x: int, y: int) -> None:
        """Drag a template from the Tokens dock's palette onto a cell of the map."""
        template = next(t for t in self.w.tokens.palette_list.templates() if t.name == name)
        self.drop(template, x, y)

    def drop(self, template: TokenTemplate, x: int, y: int) -> None:
        data: QMimeData = encode(template)
        viewport = self.w.map_panel.view.viewport()
        accepted = drop_on(viewport, QPointF(self._cell(x, y)), data)
        assert accepted == (True, True), "the map refused the drag"

    def token_id(self, name: str) -> str:
        """The id of the token drawn with this name on the map (what the GM points at)."""
        for token_id, item in self.w.map_panel.scene.tokens.items():
            if item.shape_data.name == name:
                return str(token_id)
        raise AssertionError(f"no token {name!r} on the map")

    def _on_map(self, gesture: Any) -> None:
        gesture(self.w.map_panel.view)

    def _menu(self, pos: QPoint, entry: str) -> None:
        menu = self.w.map_panel.view.context_menu_at(pos)
        trigger(menu, entry)

    # --- the docks ----------------------------------------------------------------------------

    def portrait(self, npc_id: str) -> None:
        """Show or Dismiss beside an NPC in the Portraits dock."""
        QTest.mouseClick(self.w.portraits.rows[npc_id].button, LEFT)

    def broadcast(self, text: str, priority: str = "NORMAL", sender: str = "") -> None:
        panel = self.w.broadcast
        panel.priority.setCurrentText(priority)
        panel.sender_edit.setText(sender)
        panel.message.setPlainText(text)
        QTest.mouseClick(panel.send_button, LEFT)

    def charon_mode(self, mode: str) -> None:
        combo = self.w.charon.mode
        index = combo.findText(mode)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # what choosing the entry with the mouse emits

    def charon_answer(self, text: str) -> None:
        """Type into the ship computer's box and press Answer (the oldest waiting question)."""
        self._type(self.w.charon.input, text)
        QTest.mouseClick(self.w.charon.answer_button, LEFT)

    def charon_say(self, text: str) -> None:
        self._type(self.w.charon.input, text)
        QTest.mouseClick(self.w.charon.say_button, LEFT)

    @staticmethod
    def _type(widget: QWidget, text: str) -> None:
        widget.setFocus()
        QTest.keyClicks(widget, text)


def trigger(menu: QMenu | None, entry: str) -> None:
    """Pick an entry of a context menu (or of one of its submenus) by its text."""
    assert menu is not None, f"no menu for {entry!r}"
    for action in menu.actions():
        if action.text() == entry:
            action.trigger()
            return
        sub = action.menu()
        if isinstance(sub, QMenu):
            for inner in sub.actions():
                if inner.text() == entry:
                    inner.trigger()
                    return
    raise AssertionError(f"no entry {entry!r} in {[a.text() for a in menu.actions()]}")
