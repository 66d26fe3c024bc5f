"""File > Import map…: a Universal VTT file previewed (its picture, the rooms and doors found,
what is kept aside) before it becomes a deck of the chosen location."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Campaign
from desktop.mapimport.importer import ImportResult, Prepared, import_map, prepare
from desktop.mapimport.uvtt import MapImportError
from desktop.model.names import counted
from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.widgets import accept_cancel
from desktop.ui.map.editor.folders import Folders, pick_file

PREVIEW_CELL = 24.0
MAP_TYPES = ("station", "ship", "base", "deck", "room", "level", "section")


def preview_scene(ready: Prepared, parent: QWidget) -> QGraphicsScene:
    """The picture, each room found outlined in turn of two tints, doors as bars."""
    scene = QGraphicsScene(parent)  # owned by the dialog (a view does not own its scene)
    out = io.BytesIO()
    ready.picture.image.save(out, format="PNG", compress_level=1)
    pixmap = QPixmap()
    pixmap.loadFromData(out.getvalue())
    item = scene.addPixmap(pixmap)
    item.setScale(ready.uvtt.width * PREVIEW_CELL / max(1, pixmap.width()))
    for index, cells in enumerate(ready.layout.rooms):
        brush = QBrush(qcolor(colors.TEAL if index % 2 else colors.AMBER, 70))
        for cx, cy in cells:
            rect = QRectF(cx * PREVIEW_CELL, cy * PREVIEW_CELL, PREVIEW_CELL, PREVIEW_CELL)
            scene.addRect(rect, QPen(Qt.PenStyle.NoPen), brush)
        top = min(cells, key=lambda c: (c[1], c[0]))
        label = scene.addSimpleText(f"Room {index + 1}")
        label.setBrush(QColor(colors.TEXT))
        label.setPos(top[0] * PREVIEW_CELL + 3, top[1] * PREVIEW_CELL + 2)
    for door in ready.layout.doors:
        portal = ready.uvtt.portals[door.portal]
        pen = QPen(QColor(colors.GREEN), 5)
        (ax, ay), (bx, by) = portal.a, portal.b
        scene.addLine(
            ax * PREVIEW_CELL, ay * PREVIEW_CELL, bx * PREVIEW_CELL, by * PREVIEW_CELL, pen
        )
    return scene


class ImportMapDialog(QDialog):
    """The preview, the location and deck to make; `imported` is set once the files are
    written (the caller reloads the campaign)."""

    def __init__(
        self, file: Path, campaign: Campaign, slug: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import map — {file.name}")
        self.file, self.campaign = file, campaign
        self.imported: ImportResult | None = None
        self.ready = prepare(file)  # MapImportError: the caller says why
        layout = self.ready.layout
        self.view = QGraphicsView(preview_scene(self.ready, self), self)
        self.summary = QLabel(
            f"{counted(len(layout.rooms), 'room')}, {counted(len(layout.doors), 'door')}, "
            f"{counted(len(layout.windows), 'window')}; "
            f"{self.ready.uvtt.width}x{self.ready.uvtt.height} cells"
            + "".join(f"\n{note}" for note in self.ready.picture.warnings),
            self,
        )
        self.location = QComboBox(self)
        for loc in sorted(campaign.locations.values(), key=lambda loc: loc.name):
            if loc.type.lower() in MAP_TYPES or loc.map is not None:
                self.location.addItem(loc.name, loc.slug)
        self.location.setCurrentIndex(max(0, self.location.findData(slug)))
        self.name = QLineEdit(file.stem.replace("_", " ").replace("-", " ").title(), self)
        self.level = QSpinBox(self)
        self.level.setRange(0, 99)
        self.level.setSpecialValueText("next free")
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {colors.RED};")
        form = QFormLayout()
        form.addRow("Location", self.location)
        form.addRow("Deck name", self.name)
        form.addRow("Deck level", self.level)
        buttons = accept_cancel(self, "Import", self.run)
        box = QVBoxLayout(self)
        for widget in (self.view, self.summary):
            box.addWidget(widget)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(buttons)
        self.resize(900, 700)

    def run(self) -> None:
        slug = self.location.currentData()
        level = self.level.value() or None
        try:
            self.imported = import_map(
                self.file,
                self.campaign.root,
                str(slug),
                self.name.text().strip(),
                level,
                self.ready,
            )
        except MapImportError as error:
            self.error.setText(str(error))
            return
        self.accept()


Done = Callable[[str, bool], None]  # (what to tell the GM, whether files were written)


def ask_import_map(
    parent: QWidget, campaign: Campaign, slug: str, done: Done, folders: Folders
) -> QFileDialog:
    """The file chooser (where the last map came from), then the preview; `done(text, True)`
    after an import."""
    return pick_file(
        parent,
        "Import map",
        "Universal VTT maps (*.dd2vtt *.df2vtt *.uvtt)",
        (folders, "import-map", campaign.root),
        lambda file: open_import(parent, file, campaign, slug, done),
    )


def open_import(
    parent: QWidget, file: Path, campaign: Campaign, slug: str, done: Done
) -> ImportMapDialog | None:
    try:
        dialog = ImportMapDialog(file, campaign, slug, parent)
    except MapImportError as error:
        done(f"{file.name}: {error}", False)
        return None
    dialog.accepted.connect(
        lambda: done(dialog.imported.confirmation() if dialog.imported else "", True)
    )
    dialog.open()
    return dialog
