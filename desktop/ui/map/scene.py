"""The deck map's scene: items kept by id and updated in place from a MapPicture."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QLineF, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.items.base import ShapeItem
from desktop.ui.map.items.door import DoorItem
from desktop.ui.map.items.frame import FrameItem
from desktop.ui.map.items.link import LinkItem
from desktop.ui.map.items.marker import MarkerItem
from desktop.ui.map.items.room import RoomItem
from desktop.ui.map.items.token import TokenItem
from desktop.ui.map.labels import separate_marker_labels, spread_token_labels
from desktop.ui.map.picture.shapes import CELL, EMPTY_PICTURE, MapPicture

MARGIN = 2 * CELL


ItemT = TypeVar("ItemT", bound=ShapeItem[Any])


class MapScene(QGraphicsScene):
    """Holds `dict[id, item]` per kind; sync() is idempotent and touches only changed items."""

    def __init__(self, images: ImageCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.images = images
        self.picture: MapPicture = EMPTY_PICTURE
        self.rooms: dict[str, RoomItem] = {}
        self.doors: dict[str, DoorItem] = {}
        self.links: dict[str, LinkItem] = {}
        self.markers: dict[str, MarkerItem] = {}
        self.tokens: dict[str, TokenItem] = {}
        self.frames: dict[str, FrameItem] = {}
        self.tokens_movable = True
        self.background: QGraphicsPixmapItem | None = None
        self.setBackgroundBrush(qcolor(colors.BG))

    def sync(self, picture: MapPicture) -> None:
        """Show this picture; unchanged items are left alone."""
        if picture is self.picture:
            return
        previous, self.picture = self.picture, picture
        # A kind whose shapes are the very same dict as last time has not changed.
        if picture.rooms is not previous.rooms:
            self._sync_kind(self.rooms, picture.rooms, lambda _k, s: RoomItem(s))
        if picture.doors is not previous.doors:
            self._sync_kind(self.doors, picture.doors, lambda _k, s: DoorItem(s))
        if picture.links is not previous.links:
            self._sync_kind(self.links, picture.links, lambda _k, s: LinkItem(s))
        if picture.markers is not previous.markers:
            self._sync_kind(self.markers, picture.markers, MarkerItem)
        if picture.tokens is not previous.tokens:
            self._sync_kind(
                self.tokens,
                picture.tokens,
                lambda _k, s: TokenItem(s, self.images, movable=self.tokens_movable),
            )
            spread_token_labels(self.tokens)
        if picture.markers is not previous.markers or picture.tokens is not previous.tokens:
            separate_marker_labels(self.markers, self.tokens)
        if picture.frames is not previous.frames:
            self._sync_kind(self.frames, picture.frames, lambda _k, s: FrameItem(s))
        if picture.background != previous.background or picture.width != previous.width:
            self._sync_background(picture)
        rect = QRectF(0, 0, picture.width * CELL, picture.height * CELL)
        rect = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def _sync_kind(
        self,
        items: dict[str, ItemT],
        shapes: Mapping[str, Any],
        make: Callable[[str, Any], ItemT],
    ) -> None:
        for key in [k for k in items if k not in shapes]:
            self.removeItem(items.pop(key))
        for key, shape in shapes.items():
            item = items.get(key)
            if item is None:
                item = make(key, shape)
                items[key] = item
                self.addItem(item)
            else:
                item.set_shape(shape)

    def _sync_background(self, picture: MapPicture) -> None:
        """The deck's plan image (a PNG beside the deck file), dimmed under the rooms."""
        if self.background is not None:
            self.removeItem(self.background)
            self.background = None
        if picture.background is None or not picture.width:
            return
        pixmap = QPixmap(str(picture.background))
        if pixmap.isNull():
            return
        item = QGraphicsPixmapItem(pixmap)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setScale(picture.width * CELL / pixmap.width())
        item.setOpacity(0.35)
        item.setZValue(-10)
        self.addItem(item)
        self.background = item

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        painter.fillRect(rect, qcolor(colors.BG))
        deck = QRectF(0, 0, self.picture.width * CELL, self.picture.height * CELL)
        area = deck.intersected(rect)
        if area.isEmpty():
            return
        # Opaque colours (pre-blended over the background) and no antialiasing: translucent
        # hairlines over the whole deck cost ~15x more to draw.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(qcolor(colors.GRID_LINE), 0)
        painter.setPen(pen)
        first_x = int(area.left() // CELL)
        last_x = min(int(area.right() // CELL) + 1, self.picture.width)
        first_y = int(area.top() // CELL)
        last_y = min(int(area.bottom() // CELL) + 1, self.picture.height)
        painter.drawLines(
            [
                QLineF(x * CELL, area.top(), x * CELL, area.bottom())
                for x in range(first_x, last_x + 1)
            ]
            + [
                QLineF(area.left(), y * CELL, area.right(), y * CELL)
                for y in range(first_y, last_y + 1)
            ]
        )
        frame = QPen(qcolor(colors.GRID_FRAME), 0)
        painter.setPen(frame)
        painter.drawRect(deck)

    def item_kind(self, item: QGraphicsItem | None) -> str:
        """Which kind of map item this is: room, door, link, marker, token, frame or ''."""
        for kind, cls in (
            ("frame", FrameItem),
            ("token", TokenItem),
            ("door", DoorItem),
            ("link", LinkItem),
            ("marker", MarkerItem),
            ("room", RoomItem),
        ):
            if isinstance(item, cls):
                return kind
        return ""
