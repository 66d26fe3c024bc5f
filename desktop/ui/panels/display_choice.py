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

    def sync(self, state: TableState, connected: Sequence[str] = ()) -> None:
        """The displays the table knows, and those `connected` it has no settings for yet."""
        entries: tuple[tuple[str, str], ...] = (("", self.default),)
        entries += tuple((d, s.name or d) for d, s in state.displays.items())
        entries += tuple((d, d) for d in dict.fromkeys(connected) if d not in state.displays)
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
