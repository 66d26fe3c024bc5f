"""The console's fonts: a monospace face for headings and the map, the system face for text."""

from __future__ import annotations

from PySide6.QtGui import QFont

MONO_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "Menlo", "Consolas"]


def mono_font(point_size: float, *, bold: bool = False, caps: bool = False) -> QFont:
    """A monospace font; caps renders in capitals without changing the text."""
    font = QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    if caps:
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    return font
