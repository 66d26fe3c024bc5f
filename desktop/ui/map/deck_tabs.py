"""Tabs for the decks of the focused location; the deck players see carries a mark."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabBar, QWidget

from desktop.campaign.model import Deck
from desktop.ui.look.menu_text import menu_text


class DeckTabs(QTabBar):
    """One tab per deck (level order); choosing one moves the GM's focus, not the players'."""

    deck_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeckTabs")
        self.setExpanding(False)
        self.setDrawBase(False)
        self._ids: list[str] = []
        self._syncing = False
        self.currentChanged.connect(self._on_current)

    def sync(self, decks: tuple[Deck, ...], current: str, players_deck: str) -> None:
        """Show these decks, the focused one current; players_deck is marked (or '')."""
        self._syncing = True
        try:
            ids = [d.id for d in decks]
            if ids != self._ids:
                while self.count():
                    self.removeTab(0)
                for _deck in decks:
                    self.addTab("")
                self._ids = ids
            for index, deck in enumerate(decks):
                mark = "  ◉" if deck.id == players_deck else ""
                text = menu_text(f"{deck.level} · {deck.name}{mark}")
                if self.tabText(index) == text:  # setTabText relayouts the bar
                    continue
                self.setTabText(index, text)
                tip = "Players see this deck" if mark else "Players do not see this deck"
                self.setTabToolTip(index, tip)
            if current in ids and self.currentIndex() != ids.index(current):
                self.setCurrentIndex(ids.index(current))
            self.setVisible(len(ids) > 1)
        finally:
            self._syncing = False

    def _on_current(self, index: int) -> None:
        if not self._syncing and 0 <= index < len(self._ids):
            self.deck_chosen.emit(self._ids[index])
