"""The deck map: zoom, pan, fit; drags and drops become intents, never state writes."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPixmapCache,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsItem,
    QGraphicsView,
    QMenu,
    QPinchGesture,
    QWidget,
)

from desktop.ui.map import menus as map_menus
from desktop.ui.map.intents import MapIntents
from desktop.ui.map.items.frame import FrameItem
from desktop.ui.map.items.room import RoomItem
from desktop.ui.map.items.token import TokenItem, cell_center
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.map.scene import MapScene
from desktop.ui.map.token_mime import decode

MIN_SCALE, MAX_SCALE = 0.15, 6.0
PIXMAP_CACHE_KB = 96 * 1024


def cell_at(point: QPointF) -> tuple[int, int]:
    """The grid cell under a scene position."""
    return math.floor(point.x() / CELL), math.floor(point.y() / CELL)


class MapView(QGraphicsView):
    """Shows a MapScene; in preview mode it only looks (no menus, drags or drops)."""

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_scene = scene  # keep a Python reference (PITFALLS.md)
        self.setScene(scene)
        self.intents = MapIntents(self)
        self.preview = False
        self._pan_from: QPoint | None = None
        self._dragged: TokenItem | None = None
        self._framed: FrameItem | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Panned by dragging the empty floor (or the middle button), zoomed with the wheel:
        # scroll bars would only frame the deck like a web page and take room from it.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setObjectName("MapView")
        # The map follows the window's size until the GM zooms or pans by hand; Fit resumes it.
        self.manual_view = False
        # Room, door and token pixmaps live in QPixmapCache; the default 10 MB is too small
        # for a big deck zoomed in, and evicted items would be redrawn on every frame.
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.manual_view:
            self.fit()

    # --- zoom, pan, fit ---------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        """Zoom around the cursor, within sane limits (the map then stays as the GM set it)."""
        self.manual_view = True
        current = self.transform().m11()
        target = min(MAX_SCALE, max(MIN_SCALE, current * factor))
        if not math.isclose(target, current):
            self.scale(target / current, target / current)

    def fit(self) -> None:
        """Show every room of the deck as large as the window allows (and keep doing so)."""
        self.manual_view = False
        rooms = self.map_scene.picture.rooms.values()
        if not rooms:
            rect = self.map_scene.sceneRect()
        else:
            left = min(r.x for r in rooms)
            top = min(r.y for r in rooms)
            right = max(r.x + r.width for r in rooms)
            bottom = max(r.y + r.height for r in rooms)
            rect = QRectF(left * CELL, top * CELL, (right - left) * CELL, (bottom - top) * CELL)
            rect = rect.adjusted(-CELL, -CELL, CELL, CELL)
        if rect.width() > 0 and rect.height() > 0:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            # A deck of one tiny room (or thousands stacked on one cell) would be blown up until
            # every item paints a window-sized picture: no closer than the wheel may zoom.
            scale = self.transform().m11()
            if scale > MAX_SCALE:
                self.scale(MAX_SCALE / scale, MAX_SCALE / scale)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.zoom_by(1.0015**delta)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value())
            return True
        if isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # --- mouse: select, pan, token drags -----------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and (item is None or self.preview)
        )
        if pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if item is None and not self.preview:
                self.map_scene.clearSelection()
            event.accept()
            return
        token = _token_of(item)
        self._dragged = token if token is not None and not self.preview else None
        self._framed = item if isinstance(item, FrameItem) and not self.preview else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self.manual_view = True
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        token, self._dragged = self._dragged, None
        if token is not None:
            self.commit_drag(token)
        frame, self._framed = self._framed, None
        if frame is not None:
            self.commit_frame(frame)

    def commit_frame(self, frame: FrameItem) -> None:
        """End a frame drag or resize: the display's camera becomes the new rectangle."""
        if not frame.changed():
            frame.settle()
            return
        self.intents.display_frame_requested.emit(frame.display_id, frame.rect_cells())
        # Accepted: the store's re-sync gives the item its new shape. Refused: it snaps back.
        QTimer.singleShot(0, frame.settle)

    def commit_drag(self, token: TokenItem) -> None:
        """End a token drag: one move intent for the cell it was dropped on."""
        others = [t for t in self.map_scene.tokens.values() if t is not token]
        for other in others:
            other.settle()  # several selected tokens moved along: only the grabbed one moves
        x, y = cell_at(token.pos())
        if (x, y) == (token.shape_data.x, token.shape_data.y):
            token.settle()
            return
        token.setPos(cell_center(x, y))
        self.intents.token_move_requested.emit(token.token_id, x, y)
        # Accepted: the re-sync queued by the store (earlier) moves it first and this is a
        # no-op. Refused: nothing re-syncs, and the token snaps back to its cell.
        QTimer.singleShot(0, token.settle)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self._room_for_double_click(event.position().toPoint())
        if item is not None and not self.preview:
            shape = item.shape_data
            self.intents.rooms_visibility_requested.emit({shape.id: not shape.revealed})
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _room_for_double_click(self, pos: QPoint) -> RoomItem | None:
        """The room under a double-click on it or on a marker or terminal icon inside it."""
        item = self.itemAt(pos)
        if self.map_scene.item_kind(item) == "marker":
            item = next((i for i in self.items(pos) if isinstance(i, RoomItem)), None)
        return item if isinstance(item, RoomItem) else None

    def reveal_selected(self) -> None:
        """Reveal the selected rooms (hide them when all are revealed already)."""
        rooms = [i for i in self.map_scene.selectedItems() if isinstance(i, RoomItem)]
        if not rooms or self.preview:
            return
        visible = not all(r.shape_data.revealed for r in rooms)
        self.intents.rooms_visibility_requested.emit({r.room_id: visible for r in rooms})

    # --- context menus -----------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu_at(event.pos())
        if menu is not None:
            menu.popup(event.globalPos())
        event.accept()

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        """The menu for the item under a viewport position (None: nothing to offer)."""
        if self.preview:
            return None
        item = self.itemAt(pos)
        token = _token_of(item)
        if token is not None:
            return map_menus.token_menu(self, token, self.map_scene.picture, self.intents)
        kind = self.map_scene.item_kind(item)
        if kind == "door":
            return map_menus.door_menu(self, item, self.intents)  # type: ignore[arg-type]
        if kind == "marker":
            return map_menus.marker_menu(self, item, self.intents)  # type: ignore[arg-type]
        cell = cell_at(self.mapToScene(pos))
        picture = self.map_scene.picture
        if kind == "room":
            menu = map_menus.room_menu(self, item, self.intents)  # type: ignore[arg-type]
            map_menus.add_ping(menu, cell, picture, self.intents)
            return menu
        if kind == "frame":
            return None
        return map_menus.floor_menu(self, cell, picture, self.intents)

    # --- drops from the token palette --------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        # Without accepting moves too, Qt never delivers the drop (PITFALLS.md).
        self._accept_drag(event)

    def _accept_drag(self, event: QDragMoveEvent) -> None:
        if not self.preview and decode(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        template = decode(event.mimeData())
        if template is None or self.preview:
            event.ignore()
            return
        x, y = cell_at(self.mapToScene(event.position().toPoint()))
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.intents.token_place_requested.emit(template, x, y)


def _token_of(item: QGraphicsItem | None) -> TokenItem | None:
    while item is not None and not isinstance(item, TokenItem):
        item = item.parentItem()
    return item
