"""A "Show to" / "Play on" choice: the default audience, or one display the table knows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.model.state import TableState


class DisplayChoice(QComboBox):
    """The first entry ("" data) is the default audience; then each display by its name."""

    def __init__(self, default: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default = default
        self.setAccessibleName(accessible)
        self._shown: tuple[tuple[str, str], ...] = ()

    def sync(self, state: TableState, connected: Sequence[tuple[str, str]] = ()) -> None:
        """The displays the table knows, and those `connected` (id, how to tell it: address
        and browser) it has no settings for yet. By name; an unnamed one by how to tell it,
        else as "unnamed display N" (never its id)."""
        told = dict(connected)
        ids = list(dict.fromkeys([*state.displays, *told]))
        unnamed = 0
        entries: tuple[tuple[str, str], ...] = (("", self.default),)
        for display in ids:
            settings = state.displays.get(display)
            name = settings.name if settings is not None else ""
            if not name and not told.get(display):
                unnamed += 1
            entries += ((display, name or told.get(display) or f"unnamed display {unnamed}"),)
        if entries == self._shown:
            return
        self._shown = entries
        chosen = self.chosen()
        self.clear()
        for display, name in entries:
            self.addItem(name, display)
        self.setCurrentIndex(max(0, self.findData(chosen)))

    def chosen(self) -> str:
        """The display id, or "" for the default audience."""
        return str(self.currentData() or "")

    def displays(self) -> tuple[str, ...]:
        return (self.chosen(),) if self.chosen() else ()
