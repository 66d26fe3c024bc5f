"""The Star map dock's view: always fitted to its map with margins, names kept off one another,
and clicks that find the thing the GM aimed at.

A walk-through saw double-clicks go in 1 time in 3: the first press selected the thing, the
details under the map changed height, the map was fitted again and moved, and the second press
landed beside a dot a few pixels wide (or on another thing's name). The details now keep their
height, a click finds the nearest mark within a few pixels, and the keys survive a redraw
between the presses.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import QGraphicsView

from desktop.ui.look import colors
from desktop.ui.panels.starmap_labels import place_labels
from desktop.ui.panels.starmap_marks import KEY, PINNED, ROLE
from desktop.ui.panels.starmap_scene import StarMapScene

MARGIN = 34  # pixels around the map's content: room for the outer things' marks and names
REACH = 10  # pixels around the cursor where a click still finds a thing


class StarMapView(QGraphicsView):
    """Clicks and double-clicks on the scene's things, by key."""

    clicked = Signal(str)
    double_clicked = Signal(str)

    def __init__(self, scene: StarMapScene) -> None:
        super().__init__(scene)
        self.stars = scene
        self.pressed = (QPoint(), "")  # where the last press was, and what it found
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QColor(colors.BG))
        self.setMinimumSize(240, 150)  # a laptop screen holds the dock under its neighbours
        # The map is always fitted: scroll bars would only come and go with each fit, and each
        # time they did the viewport resized and fitted again (the window froze on a system).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def key_at(self, pos: QPoint) -> str:
        """The thing a click at a viewport point means: the nearest mark within a few pixels,
        else an area or a name right under the cursor, else ""."""
        box = QRect(pos.x() - REACH, pos.y() - REACH, 2 * REACH, 2 * REACH)
        under = self.items(pos)
        best, score = "", math.inf
        for item in self.items(box):
            key, role = item.data(KEY), item.data(ROLE)
            if not isinstance(key, str) or not key:
                continue
            if role in ("mark", "ship"):  # the ship's arrowhead is drawn above its place
                centre = item.deviceTransform(self.viewportTransform())
                at = centre.mapRect(item.boundingRect()).center()
                here = math.dist((at.x(), at.y()), (pos.x(), pos.y()))
            elif item in under:
                here = REACH + (1 if role == "area" else 2)
            else:
                continue
            if here < score:
                best, score = key, here
        return best

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed = (event.position().toPoint(), self.key_at(event.position().toPoint()))
        self.clicked.emit(self.pressed[1])
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Into the thing under the second press, else the one the first press found there."""
        pos = event.position().toPoint()
        key = self.key_at(pos)
        first, found = self.pressed
        if not key and (first - pos).manhattanLength() <= REACH:
            key = found
        if key:
            self.double_clicked.emit(key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def content(self) -> QRectF:
        """The map's extent in map units: orbits and areas, and the places of fixed-size marks."""
        rect = QRectF()
        # Names are skipped by their role: asking a top-level item for its parentItem() made
        # PySide6 6.11 delete it with the list (the routes vanished from the map).
        for item in self.stars.items():
            role = item.data(ROLE)
            if role == "label":
                continue
            if role in PINNED:
                where = item.scenePos()
                rect = rect.united(QRectF(where.x(), where.y(), 0.001, 0.001))
            else:
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def fit(self) -> None:
        """Scale the content into the viewport less a margin, centred; then lay out the
        names."""
        rect = self.content()
        width, height = self.viewport().width(), self.viewport().height()
        if rect.isEmpty() or width <= 2 * MARGIN or height <= 2 * MARGIN:
            return
        scale = min(
            (width - 2 * MARGIN) / max(rect.width(), 1e-3),
            (height - 2 * MARGIN) / max(rect.height(), 1e-3),
        )
        self.setTransform(QTransform.fromScale(scale, scale))
        seen = QRectF(0, 0, width / scale, height / scale)
        seen.moveCenter(rect.center())
        self.setSceneRect(seen)
        self.place_names()

    def place_names(self) -> None:
        place_labels(self, self.stars)

    def point_of(self, key: str) -> QPointF:
        """Where a thing's mark is drawn, in viewport pixels (tests, tooltips)."""
        return QPointF(self.mapFromScene(self.stars.marks[key].item.scenePos()))
