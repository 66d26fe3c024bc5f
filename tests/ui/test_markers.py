"""Markers on the GM map: their names as the TV shows them, and their context menu."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene
from pytestqt.qtbot import QtBot

from desktop.ui.map_picture import CELL, MarkerShape
from desktop.ui.marker_item import MarkerItem


def _drawn(name: str) -> QImage:
    scene = QGraphicsScene()
    scene.addItem(MarkerItem("poi:x", MarkerShape("x", "poi", "item", name, "r", 2.5, 2.5)))
    image = QImage(int(CELL * 5), int(CELL * 5), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(0, 0, CELL * 5, CELL * 5))
    painter.end()
    return image


def test_a_marker_shows_its_name_on_the_gm_map(qtbot: QtBot) -> None:
    assert _drawn("TRAUMA KIT") != _drawn("WWWWWWWW")
    assert _drawn("TRAUMA KIT") == _drawn("TRAUMA KIT")
