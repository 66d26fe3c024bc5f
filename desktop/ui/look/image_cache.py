"""Token and portrait images, read from disk once and kept as round or square pixmaps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPixmap


class ImageCache:
    """Pixmaps by (path, size, round); a missing or unreadable file gives None."""

    def __init__(self) -> None:
        self._pixmaps: dict[tuple[Path, int, bool], QPixmap | None] = {}

    def get(self, path: Path | None, size: int, *, round_: bool = True) -> QPixmap | None:
        """The image scaled to cover size x size (clipped to a circle when round_)."""
        if path is None:
            return None
        key = (path, size, round_)
        if key not in self._pixmaps:
            self._pixmaps[key] = _load(path, size, round_)
        return self._pixmaps[key]

    def clear(self) -> None:
        """Forget every image (a campaign reload may have changed files)."""
        self._pixmaps.clear()


def _load(path: Path, size: int, round_: bool) -> QPixmap | None:
    source = QPixmap(str(path))
    if source.isNull():
        return None
    scaled = source.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    result = QPixmap(size, size)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    if round_:
        clip = QPainterPath()
        clip.addEllipse(QRectF(0, 0, size, size))
        painter.setClipPath(clip)
    painter.drawPixmap((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    painter.end()
    return result
