"""What the window remembers between runs: geometry, dock layout, recent campaigns."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

RECENT_MAX = 8
ORGANIZATION = "gm-terminal"
APPLICATION = "gm-terminal"


# Qt's dock layout version: raised when the default layout changes, so that a layout saved by
# an earlier version (all of the right column's docks in one scrolling tab bar) is not put back.
LAYOUT_VERSION = 2


class WindowSettings:
    """QSettings in the user's config (or an INI file when a path is given, for tests)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(ORGANIZATION, APPLICATION)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow) -> bool:
        """Put the window where it was; False when there was nothing to restore."""
        geometry = self._qs.value("window/geometry")
        layout = self._qs.value("window/state")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        if isinstance(layout, QByteArray):
            window.restoreState(layout, LAYOUT_VERSION)
        return isinstance(geometry, QByteArray)

    def save(self, window: QMainWindow) -> None:
        """Remember the window's geometry and dock layout."""
        self._qs.setValue("window/geometry", window.saveGeometry())
        self._qs.setValue("window/state", window.saveState(LAYOUT_VERSION))
        self._qs.sync()

    def table_ready_shown(self) -> bool:
        """Whether the "Get the table ready" panel was shown once already (first start)."""
        return str(self._qs.value("help/table_ready_shown", "")).lower() == "true"

    def remember_table_ready_shown(self) -> None:
        self._qs.setValue("help/table_ready_shown", "true")
        self._qs.sync()

    def recent(self) -> list[Path]:
        """Recently opened campaign folders, newest first."""
        value = self._qs.value("campaigns/recent", [])
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        return [Path(str(item)) for item in items if item]

    def add_recent(self, path: Path) -> None:
        """Put a campaign folder first in the recent list."""
        resolved = path.resolve()
        items = [p for p in self.recent() if p != resolved]
        self._qs.setValue("campaigns/recent", [str(p) for p in [resolved, *items][:RECENT_MAX]])
        self._qs.sync()

    def last_folder(self, kind: str) -> Path | None:
        """The folder a kind of file ("import-map") was last picked from, if any."""
        value = self._qs.value(f"folders/{kind}", "")
        return Path(str(value)) if value else None

    def remember_folder(self, kind: str, folder: Path) -> None:
        self._qs.setValue(f"folders/{kind}", str(folder))
        self._qs.sync()
