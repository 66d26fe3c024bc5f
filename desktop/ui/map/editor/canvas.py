"""The editor's canvas: one deck of the draft drawn on its grid, and the mouse as the chosen
tool (drag cells into a room or out of it, click rooms to join them, click a cell to mark it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from desktop.mapedit.draft import Cell, DraftDeck
from desktop.mapedit.editor import EditError, MapEditor
from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor

CELL = 32.0
TOOLS = ("select", "room", "erase", "door", "corridor", "ladder", "marker", "hidden marker")


class DeckCanvas(QGraphicsView):
    """Draws `editor.draft`'s deck `deck_id`; `changed` after each edit, `problem` with the
    reason when a gesture could not be made into one."""

    changed = Signal()
    problem = Signal(str)

    def __init__(self, editor: MapEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.deck_id = ""
        self.tool = "select"
        self.selected = ""  # a room id
        self.pending: tuple[str, str] | None = None  # (deck, room) waiting for its other end
        self._press: Cell | None = None
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
        grid = QPen(qcolor(colors.GRID_FRAME))
        for x in range(deck.width + 1):
            scene.addLine(x * CELL, 0, x * CELL, deck.height * CELL, grid)
        for y in range(deck.height + 1):
            scene.addLine(0, y * CELL, deck.width * CELL, y * CELL, grid)
        for room in deck.rooms:
            colour = (
                colors.AMBER
                if room.id == self.selected
                else colors.ROOM_STATUS.get(room.status, colors.TEAL)
            )
            brush = QBrush(qcolor(colour, 90))
            for cx, cy in room.cells:
                scene.addRect(
                    QRectF(cx * CELL, cy * CELL, CELL, CELL), QPen(Qt.PenStyle.NoPen), brush
                )
            top = min(room.cells, key=lambda c: (c[1], c[0]))
            label = scene.addSimpleText(room.name)
            label.setBrush(qcolor(colors.TEXT))
            label.setPos(top[0] * CELL + 3, top[1] * CELL + 3)
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

    def _draw_joins(self, deck: DraftDeck) -> None:
        centres = {r.id: _centre(r.cells) for r in deck.rooms}
        for door in deck.doors:
            a, b = centres.get(door.from_room), centres.get(door.to_room)
            if a is None or b is None:
                continue
            style = Qt.PenStyle.SolidLine if door.door_type else Qt.PenStyle.DotLine
            pen = QPen(qcolor(colors.DOOR_STATUS.get(door.door_status, colors.TEAL)), 3, style)
            self.scene().addLine(a.x(), a.y(), b.x(), b.y(), pen)
        for link in deck.links:
            at = centres.get(link.from_room)
            if at is not None:
                self.scene().addRect(
                    QRectF(at.x() - 6, at.y() + 8, 12, 12), QPen(QColor(colors.GREEN))
                )

    # --- the mouse ---------------------------------------------------------------------------

    def cell_at(self, event: QMouseEvent) -> Cell:
        p = self.mapToScene(event.position().toPoint())
        return int(p.x() // CELL), int(p.y() // CELL)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.deck() is None:
            return super().mousePressEvent(event)
        cell = self.cell_at(event)
        if self.tool in ("room", "erase"):
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
        cells = [
            (x, y)
            for x in range(min(start[0], end[0]), max(start[0], end[0]) + 1)
            for y in range(min(start[1], end[1]), max(start[1], end[1]) + 1)
        ]
        self._edit(lambda: self._paint(start, cells))
        return None

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


def _centre(cells: frozenset[Cell]) -> QPointF:
    xs = [x for x, _ in cells]
    ys = [y for _, y in cells]
    return QPointF((sum(xs) / len(xs) + 0.5) * CELL, (sum(ys) / len(ys) + 0.5) * CELL)
