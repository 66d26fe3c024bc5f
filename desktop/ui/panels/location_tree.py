"""The campaign tree: locations with their types, and terminals with a Show button."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QMenu, QPushButton, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.campaign.model import Campaign, Location
from desktop.model.names import shown_name
from desktop.model.state import TableState

SLUG_ROLE = Qt.ItemDataRole.UserRole
TERMINAL_ROLE = Qt.ItemDataRole.UserRole + 1
TYPE_COLUMN_MIN_WIDTH = 330  # px of tree below which the Type column is hidden
NAMES_WIDTH_CAP = 340  # px: the tree never asks for more, however long a place's name


class LocationTree(QTreeWidget):
    """Clicking a location with a map focuses it; a terminal's Show button overlays its mail."""

    location_chosen = Signal(str)  # slug: the GM looks at it (players do not)
    location_show_requested = Signal(str)  # slug: show it to the players
    terminal_show_requested = Signal(str, str)  # location slug, terminal slug
    terminal_hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LocationTree")
        self.setColumnCount(3)
        self.setHeaderLabels(["Location", "Type", ""])
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 68)
        header.resizeSection(2, 50)
        self._campaign: Campaign | None = None
        self._locations: dict[str, QTreeWidgetItem] = {}
        self._terminals: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        self._needle = ""
        self.itemClicked.connect(self._on_clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_menu)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A narrow dock keeps the names whole: the type column goes (it is in the tooltip).
        narrow = self.viewport().width() < TYPE_COLUMN_MIN_WIDTH
        if self.isColumnHidden(1) != narrow:
            self.setColumnHidden(1, narrow)

    def sync(self, state: TableState, campaign: Campaign, focus_slug: str) -> None:
        """Rebuild when the campaign changed; mark what is shown and focused."""
        if campaign is not self._campaign:
            self._rebuild(campaign)
        shown = state.location_slug if state.view_type == "ENCOUNTER" else ""
        for slug, item in self._locations.items():  # untouched when unchanged: no repaint
            font = item.font(0)
            if font.bold() != (slug == shown) or font.underline() != (slug == focus_slug):
                font.setBold(slug == shown)
                font.setUnderline(slug == focus_slug)
                item.setFont(0, font)
            live = "LIVE" if slug == shown else ""
            if item.text(2) != live:
                item.setText(2, live)
        overlay = (state.overlay_location, state.overlay_terminal)
        for key, button in self.buttons.items():
            on_screen = key == overlay
            if button.property("active") is on_screen:
                continue
            button.setText("Hide" if on_screen else "Show")
            button.setProperty("active", on_screen)
            button.style().unpolish(button)
            button.style().polish(button)

    def _rebuild(self, campaign: Campaign) -> None:
        self._campaign = campaign
        self.clear()
        self._locations.clear()
        self._terminals.clear()
        self.buttons.clear()
        for slug in campaign.top_level:
            self._add_location(campaign, slug, None)
        self.expandAll()
        if self._needle:
            self.filter(self._needle)
        self.setMinimumWidth(self.names_width())

    def names_width(self) -> int:
        """The width that shows every name whole (a saved or dragged layout may not go below)."""
        widest = 0
        for item, depth in _walk(self.invisibleRootItem(), 0):
            font = QFont(item.font(0))
            font.setBold(True)  # the place on screen is drawn bold
            text = QFontMetrics(font).horizontalAdvance(item.text(0))
            widest = max(widest, (depth + 1) * self.indentation() + text + 16)
        frame = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return min(NAMES_WIDTH_CAP, widest + self.header().sectionSize(2) + frame)

    def _add_location(self, campaign: Campaign, slug: str, parent: QTreeWidgetItem | None) -> None:
        location = campaign.location(slug)
        if location is None:
            return
        item = QTreeWidgetItem([location.name, location.type, ""])
        item.setData(0, SLUG_ROLE, slug)
        item.setToolTip(0, _tooltip(location))
        self._attach(item, parent)
        self._locations[slug] = item
        for terminal in location.terminals:
            name = shown_name(terminal.name, terminal.slug, terminal.terminal_id)
            self._add_terminal(location, terminal.slug, name, item)
        for child in location.children:
            self._add_location(campaign, child, item)

    def _add_terminal(
        self, location: Location, slug: str, name: str, parent: QTreeWidgetItem
    ) -> None:
        item = QTreeWidgetItem([f"⌸ {name}", "terminal", ""])
        item.setData(0, SLUG_ROLE, location.slug)
        item.setData(0, TERMINAL_ROLE, slug)
        font = QFont(item.font(0))
        font.setItalic(True)
        item.setFont(0, font)
        parent.addChild(item)
        key = (location.slug, slug)
        self._terminals[key] = item
        button = QPushButton("Show")
        button.setObjectName("TreeShowButton")
        button.setToolTip(f"Show {name}'s mail on every display")
        button.clicked.connect(lambda: self._on_show(key))
        self.setItemWidget(item, 2, button)
        self.buttons[key] = button

    # --- search ----------------------------------------------------------------------------

    def filter(self, text: str) -> None:
        """Show only places whose name holds `text` (with the places around them)."""
        needle = self._needle = text.strip().casefold()
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is not None:
                self._filter_item(top, needle, False)
        self.expandAll()

    def _filter_item(self, item: QTreeWidgetItem, needle: str, parent_matched: bool) -> bool:
        matched = not needle or needle in item.text(0).casefold()
        is_terminal = bool(item.data(0, TERMINAL_ROLE))
        shown_children = False
        for index in range(item.childCount()):
            child = item.child(index)
            if child is not None:
                inherited = matched and not is_terminal
                shown_children |= self._filter_item(child, needle, inherited)
        visible = matched or shown_children or (is_terminal and parent_matched)
        item.setHidden(not visible)
        return visible

    def shown_locations(self) -> list[str]:
        """The slugs of the places the search leaves shown, in tree order."""
        return [
            slug
            for slug, item in self._locations.items()
            if not item.isHidden() and self._ancestors_shown(item)
        ]

    def _ancestors_shown(self, item: QTreeWidgetItem) -> bool:
        parent = item.parent()
        while parent is not None:
            if parent.isHidden():
                return False
            parent = parent.parent()
        return True

    def choose_first_shown(self) -> None:
        """Look at the first place found whose name matches (Enter in the search box)."""
        for slug in self.shown_locations():
            item = self._locations[slug]
            if self._needle not in item.text(0).casefold():
                continue
            self.setCurrentItem(item)
            self.location_chosen.emit(slug)
            return

    def _attach(self, item: QTreeWidgetItem, parent: QTreeWidgetItem | None) -> None:
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)

    def _on_show(self, key: tuple[str, str]) -> None:
        if self.buttons[key].text() == "Hide":
            self.terminal_hide_requested.emit()
        else:
            self.terminal_show_requested.emit(*key)

    def _on_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, TERMINAL_ROLE):
            return
        self.location_chosen.emit(str(item.data(0, SLUG_ROLE)))

    def _on_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(0, TERMINAL_ROLE):
            return
        slug = str(item.data(0, SLUG_ROLE))
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.addAction("Prepare (look at it)", lambda: self.location_chosen.emit(slug))
        menu.addAction("Show to players", lambda: self.location_show_requested.emit(slug))
        menu.popup(self.viewport().mapToGlobal(pos))


def _walk(parent: QTreeWidgetItem, depth: int) -> list[tuple[QTreeWidgetItem, int]]:
    """Every item under parent with its depth (0: top level)."""
    found = []
    for index in range(parent.childCount()):
        child = parent.child(index)
        if child is not None:
            found += [(child, depth), *_walk(child, depth + 1)]
    return found


def _tooltip(location: Location) -> str:
    parts = [f"{location.name} ({location.type})"]
    if location.status:
        parts.append(f"Status: {location.status}")
    parts.append("Has a map" if location.has_map else "No map: players see a location card")
    return "\n".join(parts)
