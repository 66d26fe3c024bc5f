"""The editor's canvas: one deck of the draft drawn on its grid, and the mouse as the chosen
tool (drag cells into a room or out of it, click rooms to join them, click a cell to mark it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from desktop.mapedit.as_campaign import campaign_map
from desktop.mapedit.draft import Cell, DraftDeck, DraftRoom
from desktop.mapedit.editor import EditError, MapEditor
from desktop.model.deck_geometry import deck_geometry
from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.map.items.door import DoorItem
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.map.picture.state import door_shape

TOOLS = (
    "select", "room", "erase", "move", "door", "corridor", "ladder",
    "terminal", "marker", "hidden marker",
)  # fmt: skip


class DeckCanvas(QGraphicsView):
    """Draws `editor.draft`'s deck `deck_id`; `changed` after each edit, `problem` with the
    reason when a gesture could not be made into one."""

    changed = Signal()
    problem = Signal(str)

    def __init__(
        self, editor: MapEditor, background_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.background_dir = background_dir  # where a deck's picture sits: <deck id>.png
        self.deck_id = ""
        self.tool = "select"
        self.selected = ""  # a room id
        self.pending: tuple[str, str] | None = None  # (deck, room) waiting for its other end
        # Which comms terminal a terminal placed now is: (slug, name), None to place none.
        self.ask_terminal: Callable[[], tuple[str, str] | None] = lambda: None
        self._press: Cell | None = None
        self._fitted: tuple[str, int, int] | None = None
        self._drag: Cell | None = None
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setMouseTracking(False)

    # --- drawing -----------------------------------------------------------------------------

    def deck(self) -> DraftDeck | None:
        try:
            return self.editor.draft.deck(self.deck_id)
        except KeyError:
            return None

    def redraw(self) -> None:
        scene = self.scene()
        scene.clear()
        deck = self.deck()
        if deck is None:
            return
        scene.setSceneRect(QRectF(-CELL, -CELL, (deck.width + 2) * CELL, (deck.height + 2) * CELL))
        if self._fitted != (deck.id, deck.width, deck.height):
            self._fitted = (deck.id, deck.width, deck.height)
            self.fit()
        grid = QPen(qcolor(colors.GRID_FRAME))
        for x in range(deck.width + 1):
            scene.addLine(x * CELL, 0, x * CELL, deck.height * CELL, grid)
        for y in range(deck.height + 1):
            scene.addLine(0, y * CELL, deck.width * CELL, y * CELL, grid)
        self._draw_background(deck)
        for index, room in enumerate(deck.rooms):
            self._draw_room(room, index)
        self._draw_joins(deck)
        for marker in deck.markers:
            colour = colors.GREY if marker.hidden else colors.AMBER
            r = CELL * 0.2
            scene.addEllipse(
                marker.x * CELL - r,
                marker.y * CELL - r,
                2 * r,
                2 * r,
                QPen(qcolor(colour)),
                QBrush(qcolor(colour, 160)),
            )
        if self._press is not None and self._drag is not None:
            (x0, y0), (x1, y1) = self._press, self._drag
            box = QRectF(
                min(x0, x1) * CELL,
                min(y0, y1) * CELL,
                (abs(x1 - x0) + 1) * CELL,
                (abs(y1 - y0) + 1) * CELL,
            )
            scene.addRect(box, QPen(qcolor(colors.AMBER), 2, Qt.PenStyle.DashLine))

    def fit(self) -> None:
        """The whole deck in view, never larger than its cells' own size."""
        self.resetTransform()
        rect = self.scene().sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        scale = min(
            1.0, self.viewport().width() / rect.width(), self.viewport().height() / rect.height()
        )
        self.scale(scale, scale)
        self.centerOn(rect.center())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def _draw_background(self, deck: DraftDeck) -> None:
        """The deck's picture (an imported map's) under the rooms, as the GM map shows it."""
        for suffix in (".png", ".jpg", ".jpeg", ".webp"):
            path = self.background_dir / f"{deck.id}{suffix}"
            pixmap = QPixmap(str(path)) if path.is_file() else QPixmap()
            if not pixmap.isNull():
                item = self.scene().addPixmap(pixmap)
                item.setScale(deck.width * CELL / pixmap.width())
                item.setOpacity(0.6)
                return

    def _draw_room(self, room: DraftRoom, index: int) -> None:
        """Its cells tinted (neighbours in turn of two hues), its outline, its name."""
        scene = self.scene()
        status = colors.ROOM_STATUS.get(room.status, colors.TEAL)
        colour = colors.AMBER if room.id == self.selected else status
        brush = QBrush(qcolor(colour, 70 if index % 2 else 110))
        for cx, cy in room.cells:
            scene.addRect(QRectF(cx * CELL, cy * CELL, CELL, CELL), QPen(Qt.PenStyle.NoPen), brush)
        pen = QPen(qcolor(colour), 2.5)
        for (x0, y0), (x1, y1) in _outline(room.cells):
            scene.addLine(x0 * CELL, y0 * CELL, x1 * CELL, y1 * CELL, pen)
        top = min(room.cells, key=lambda c: (c[1], c[0]))
        label = scene.addSimpleText(room.name)
        label.setBrush(qcolor(colors.TEXT))
        label.setPos(top[0] * CELL + 4, top[1] * CELL + 3)

    def _draw_joins(self, deck: DraftDeck) -> None:
        """Doors, corridors and ladders where the deck geometry puts them: what the GM map
        and the displays will draw once the deck is saved."""
        lmap = campaign_map(self.editor.draft)
        found = lmap.deck(deck.id)
        if found is None:
            return
        geometry = deck_geometry(lmap, found)
        rooms = {r.id: r for r in found.rooms}
        for door in geometry.doors.values():
            shape = door_shape(rooms, door)
            if shape is not None:
                self.scene().addItem(DoorItem(shape))
        for link in geometry.links.values():  # a ladder or lift: a square where the map has it
            square = QRectF(link.x * CELL - 8, link.y * CELL - 8, 16, 16)
            self.scene().addRect(square, QPen(QColor(colors.GREEN), 2))

    # --- the mouse ---------------------------------------------------------------------------

    def cell_at(self, event: QMouseEvent) -> Cell:
        p = self.mapToScene(event.position().toPoint())
        return int(p.x() // CELL), int(p.y() // CELL)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.deck() is None:
            return super().mousePressEvent(event)
        cell = self.cell_at(event)
        if self.tool in ("room", "erase", "move"):
            self._press = self._drag = cell
            self.redraw()
            return None
        self._click(cell)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            cell = self.cell_at(event)
            if cell != self._drag:
                self._drag = cell
                self.redraw()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return super().mouseReleaseEvent(event)
        start, end = self._press, self.cell_at(event)
        self._press = self._drag = None
        if self.tool == "move":
            self._edit(lambda: self._move(start, end))
            return None
        cells = [
            (x, y)
            for x in range(min(start[0], end[0]), max(start[0], end[0]) + 1)
            for y in range(min(start[1], end[1]), max(start[1], end[1]) + 1)
        ]
        self._edit(lambda: self._paint(start, cells))
        return None

    def _move(self, start: Cell, end: Cell) -> None:
        """The room under the press moved by as many cells as the drag went."""
        deck = self.deck()
        room = deck.holder(start) if deck else None
        if room is not None and start != end:
            self.editor.move_room(self.deck_id, room.id, end[0] - start[0], end[1] - start[1])
            self.selected = room.id

    def _paint(self, start: Cell, cells: list[Cell]) -> None:
        if self.tool == "erase":
            self.editor.erase(self.deck_id, cells)
            return
        deck = self.deck()
        holder = deck.holder(start) if deck else None
        target = self.selected if holder is not None and holder.id == self.selected else None
        self.selected = self.editor.paint(self.deck_id, cells, target)

    def _click(self, cell: Cell) -> None:
        deck = self.deck()
        room = deck.holder(cell) if deck else None
        if self.tool == "terminal":
            chosen = self.ask_terminal() if room is not None else None
            if chosen is not None:
                slug, name = chosen
                self._edit(lambda: self.editor.mark(self.deck_id, cell, name, terminal_slug=slug))
            return
        if self.tool in ("marker", "hidden marker"):
            hidden = self.tool == "hidden marker"
            name = "Hidden cache" if hidden else "Marker"
            self._edit(lambda: self.editor.mark(self.deck_id, cell, name, hidden=hidden))
            return
        if room is None:
            self.selected, self.pending = "", None
            self.redraw()
            return
        if self.tool in ("door", "corridor", "ladder") and self.pending is not None:
            deck_id, first = self.pending
            self.pending = None
            if self.tool == "ladder":
                self._edit(lambda: self.editor.link(deck_id, first, self.deck_id, room.id))
            else:
                kind = "standard" if self.tool == "door" else ""
                self._edit(lambda: self.editor.connect(self.deck_id, first, room.id, kind))
            return
        if self.tool in ("door", "corridor", "ladder"):
            self.pending = (self.deck_id, room.id)
        self.selected = room.id
        self.redraw()

    def _edit(self, edit: Callable[[], object]) -> None:
        try:
            edit()
        except EditError as error:
            self.problem.emit(str(error))
        self.redraw()
        self.changed.emit()


Segment = tuple[tuple[int, int], tuple[int, int]]


def _outline(cells: frozenset[Cell]) -> list[Segment]:
    """The cell edges a room shares with no cell of its own."""
    found: list[Segment] = []
    for x, y in cells:
        if (x, y - 1) not in cells:
            found.append(((x, y), (x + 1, y)))
        if (x, y + 1) not in cells:
            found.append(((x, y + 1), (x + 1, y + 1)))
        if (x - 1, y) not in cells:
            found.append(((x, y), (x, y + 1)))
        if (x + 1, y) not in cells:
            found.append(((x + 1, y), (x + 1, y + 1)))
    return found
