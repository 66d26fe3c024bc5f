"""The Campaign dock: a search box over the campaign tree (a campaign may have 40+ places)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop.ui.panels.location_tree import LocationTree


class CampaignPanel(QWidget):
    """Typing filters the places by name; Enter looks at the first one found."""

    def __init__(self, tree: LocationTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.search = QLineEdit()
        self.search.setObjectName("TreeSearch")
        self.search.setPlaceholderText("Find a place… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(tree.filter)
        self.search.returnPressed.connect(tree.choose_first_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(tree, 1)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_search)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
