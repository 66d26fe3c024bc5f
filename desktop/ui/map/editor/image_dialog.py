"""File > New map from image…: drag one cell of the picture's grid (its size and where it
sits), watch the grid laid over the whole picture, then draw the rooms in the deck editor."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Location
from desktop.mapimport.image_map import PictureGrid, cut_to_grid, grid_from_cell, read_picture
from desktop.mapimport.uvtt import MapImportError
from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.widgets import accept_cancel
from desktop.ui.map.editor.folders import Folders, pick_file
from desktop.ui.map.editor.window import DeckEditor


class GridView(QGraphicsView):
    """The picture at its own pixels; a drag draws one cell and the grid follows it live."""

    def __init__(self, image: Image.Image, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=1)
        pixmap = QPixmap()
        pixmap.loadFromData(out.getvalue())
        self.scene().addPixmap(pixmap)
        self.size_px = (image.width, image.height)
        self.grid: PictureGrid | None = None
        self._start: QPointF | None = None
        self._lines: list[object] = []

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = self.mapToScene(event.position().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._drawn(self.mapToScene(event.position().toPoint()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._drawn(self.mapToScene(event.position().toPoint()))
            self._start = None

    def _drawn(self, end: QPointF) -> None:
        assert self._start is not None
        size = end - self._start
        try:
            self.grid = grid_from_cell(self._start.x(), self._start.y(), size.x(), size.y())
        except MapImportError:
            return
        self.overlay()

    def overlay(self) -> None:
        """The grid's lines over the whole picture (the live overlay)."""
        for line in self._lines:
            self.scene().removeItem(line)  # type: ignore[arg-type]
        self._lines = []
        if self.grid is None:
            return
        width, height = self.size_px
        across, down = self.grid.cells(width, height)
        pen = QPen(qcolor(colors.AMBER, 200), 0)
        g = self.grid
        right, bottom = g.x + across * g.cell, g.y + down * g.cell
        for i in range(across + 1):
            x = g.x + i * g.cell
            self._lines.append(self.scene().addLine(x, g.y, x, bottom, pen))
        for j in range(down + 1):
            y = g.y + j * g.cell
            self._lines.append(self.scene().addLine(g.x, y, right, y, pen))


class NewMapDialog(QDialog):
    """The picture and its grid, and the deck's name; Create opens the deck editor on it."""

    def __init__(
        self, picture: Path, location: Location, map_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"New map from {picture.name}")
        self.location, self.map_dir = location, map_dir
        self.image = read_picture(picture)  # MapImportError: the caller says why
        self.view = GridView(self.image, self)
        self.name = QLineEdit(picture.stem.replace("_", " ").replace("-", " ").title(), self)
        self.note = QLabel(
            "Drag over one cell of the picture's grid: its size and where it sits.", self
        )
        self.editor: DeckEditor | None = None
        # Where the editor goes (the map view's edit mode); by default a window of its own.
        self.editor_ready: Callable[[DeckEditor], None] = DeckEditor.show
        form = QFormLayout()
        form.addRow("Deck name", self.name)
        buttons = accept_cancel(self, "Create", self.make_deck)
        box = QVBoxLayout(self)
        box.addWidget(self.view, 1)
        box.addWidget(self.note)
        box.addLayout(form)
        box.addWidget(buttons)
        self.resize(900, 700)

    def make_deck(self) -> DeckEditor | None:
        """The picture cut to its grid and saved beside a new deck; the editor opened on it."""
        if self.view.grid is None:
            self.note.setText("Drag over one cell first.")
            return None
        try:
            picture, across, down = cut_to_grid(self.image, self.view.grid)
        except MapImportError as error:
            self.note.setText(str(error))
            return None
        editor = DeckEditor(self.location, self.map_dir)
        deck_id = editor.editor.add_deck(
            self.name.text().strip() or "Deck", across, down, unit_size=picture.pixels_per_cell
        )
        self.map_dir.mkdir(parents=True, exist_ok=True)
        picture.image.save(self.map_dir / f"{deck_id}.png", format="PNG", compress_level=1)
        editor.refresh()
        editor.show_deck(deck_id)
        editor.set_tool("room")
        self.editor = editor
        self.editor_ready(editor)
        self.accept()
        return editor


def ask_new_map(
    parent: QWidget,
    location: Location,
    map_dir: Path,
    status: QStatusBar,
    where: tuple[Folders, Path],
    ready: Callable[[DeckEditor], None],
) -> QFileDialog:
    """The picture chooser (where the last picture came from), then the grid dialog; `ready`
    gets the editor it makes."""
    folders, campaign_root = where

    def chosen(file: Path) -> None:
        try:
            dialog = NewMapDialog(file, location, map_dir, parent)
        except MapImportError as error:
            status.showMessage(f"{file.name}: {error}", 8000)
            return
        dialog.editor_ready = ready
        dialog.open()

    filters = "Pictures (*.png *.jpg *.jpeg *.webp)"
    return pick_file(
        parent, "New map from image", filters, (folders, "map-image", campaign_root), chosen
    )
