"""The app's icon for the window, the task bar and the Alt+Tab switcher."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtGui import QIcon

SMALL_MAX = 32  # up to this size the simplified drawing stays legible
SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The icon at every usual size: the simplified drawing for small ones (as installed)."""
    folder = files("desktop.ui.look").joinpath("icons")
    large = QIcon(str(folder.joinpath("gm-terminal.svg")))
    small = QIcon(str(folder.joinpath("gm-terminal-small.svg")))
    icon = QIcon()
    for size in SIZES:
        pixmap = (small if size <= SMALL_MAX else large).pixmap(size, size)
        if not pixmap.isNull():
            icon.addPixmap(pixmap)
    return icon
