"""One row per connected display in the Displays dock: a live thumbnail drawn from that
display's own frame (its audience's content, its camera and rotation) and its settings.

The thumbnail is the player map picture of the frame (`picture_from_snapshot`, what the map
preview draws), cut to the display's camera; a row draws again only when its display's frame
is another object, and the dock refreshes at most REFRESH_MS apart (4 a second).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.model.display_state import CAMERA_MODES, ROTATIONS
from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.map.picture.snapshot import picture_from_snapshot
from desktop.ui.map.scene import MapScene

THUMB_W, THUMB_H = 192, 108
REFRESH_MS = 250  # at most 4 refreshes a second
LOCKED_CELLS = (16.0, 9.0)  # what a locked camera shows, roughly: the screen's size is its own
NOBODY = "\u2014"
PARTY = "The party"


class FrameLike(Protocol):
    """A display's frame as the store hands it out."""

    @property
    def snapshot(self) -> dict[str, object]: ...

    @property
    def media(self) -> Mapping[str, object]: ...


class DisplayRow(QWidget):
    """A display's thumbnail and settings; `settings_requested(id, body)` asks for a change."""

    settings_requested = Signal(str, object)

    def __init__(
        self,
        display: str | None,
        images: ImageCache,
        crew: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.display = display
        self.frame: object = None
        self.page_kind = ""  # the kind the page guessed from its screen ("" none)
        self._own: Mapping[str, object] = {}
        self._tokens: dict[str, str] = {}  # the tokens this display sees: id -> name
        self.draws = 0
        self.scene = MapScene(images, self)
        self.thumb = QLabel()
        self.thumb.setObjectName("DisplayThumb")
        self.thumb.setFixedSize(THUMB_W, THUMB_H)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name this display")
        self.kind = _combo(["tv", "tablet"])
        self.character = _combo([NOBODY, *(name for _id, name in crew)])
        self._crew_ids = ["", *(cid for cid, _name in crew)]
        self.rotation = _combo([str(r) for r in ROTATIONS])
        self.camera = _combo(list(CAMERA_MODES))
        self.follow = QComboBox()  # whom a follow camera follows: the party or one token
        self.follow.addItem(PARTY, "")
        self.diagonal = QDoubleSpinBox()  # a locked camera's screen, for one inch a cell
        self.diagonal.setRange(0, 200)
        self.diagonal.setDecimals(1)
        self.diagonal.setSuffix(" in")
        self.diagonal.setSpecialValueText("not set (96 px an inch)")
        self.diagonal.setToolTip("The screen's diagonal in inches: one cell is then one inch")
        self.aimed = QLabel()
        self.aimed.setObjectName("Caption")
        self.aimed.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("Character", self.character)
        form.addRow("Rotation", self.rotation)
        form.addRow("Camera", self.camera)
        form.addRow("Follow", self.follow)
        form.addRow("Screen diagonal", self.diagonal)
        form.addRow(self.aimed)
        self.form = form
        # The thumbnail above its settings: side by side they did not fit the dock's column.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(form)
        for widget in self._settings():
            widget.setEnabled(display is not None)  # an anonymous display has no settings
        self._show_camera_rows("fit")
        self.name.editingFinished.connect(lambda: self._ask({"name": self.name.text()}))
        self.kind.activated.connect(lambda _i: self._ask({"kind": self.kind.currentText()}))
        self.character.activated.connect(self._ask_character)
        self.rotation.activated.connect(
            lambda _i: self._ask({"rotation": int(self.rotation.currentText())})
        )
        self.camera.activated.connect(self._ask_camera)
        self.follow.activated.connect(self._ask_camera)
        self.diagonal.editingFinished.connect(self._ask_camera)

    def _settings(self) -> tuple[QWidget, ...]:
        return (
            self.name,
            self.kind,
            self.character,
            self.rotation,
            self.camera,
            self.follow,
            self.diagonal,
        )

    def _ask_camera(self, *_: object) -> None:
        self._show_camera_rows(self.camera.currentText())
        self._ask({"camera": self._camera_body()})

    def _show_camera_rows(self, mode: str) -> None:
        """Whom to follow only for a follow camera; the screen's size only for a locked one."""
        self.form.setRowVisible(self.follow, mode == "follow")
        self.form.setRowVisible(self.diagonal, mode == "locked")

    def _ask(self, body: dict[str, object]) -> None:
        if self.display is not None:
            self.settings_requested.emit(self.display, body)

    def _camera_body(self) -> dict[str, object]:
        """The chosen mode; a GM frame or a locked view starts on what the display shows now
        (the revealed rooms, in whole cells), for the GM to move from there, and stays where
        it is when only whom to follow or the screen's size changes."""
        mode = self.camera.currentText()
        if mode == "follow":
            return {"mode": mode, "target": str(self.follow.currentData() or "")}
        if mode == "fit":
            return {"mode": mode}
        now = self._own.get("camera")
        if isinstance(now, Mapping) and now.get("mode") == mode:
            x, y, w, h = (now.get(k, 0) for k in ("x", "y", "w", "h"))
        else:
            shown = self._rooms_rect() if self.scene.rooms else QRectF(0, 0, 16 * CELL, 9 * CELL)
            x, y = round(shown.x() / CELL), round(shown.y() / CELL)
            w, h = max(1, round(shown.width() / CELL)), max(1, round(shown.height() / CELL))
        if mode == "frame":
            return {"mode": mode, "x": x, "y": y, "w": w, "h": h}
        return {"mode": mode, "x": x, "y": y, "diagonal": self.diagonal.value()}

    def _ask_character(self, index: int) -> None:
        chosen = self._crew_ids[index] if 0 <= index < len(self._crew_ids) else ""
        self._ask({"character": chosen or None})

    def show_aimed(self, phrases: list[str]) -> None:
        """What only some displays see that this one does (the GM's view of the audiences)."""
        text = "Aimed at this display: " + "; ".join(phrases)
        self.aimed.setText(text if phrases else "")
        self.aimed.setVisible(bool(phrases))

    def show_frame(self, frame: FrameLike) -> bool:
        """Draw the display's frame (True), unless it is the one drawn already (False)."""
        if frame is self.frame:
            return False
        self.frame = frame
        self.draws += 1
        snapshot = frame.snapshot
        own = snapshot.get("display")
        own = own if isinstance(own, Mapping) else {}
        self._own = own
        self._tokens = _token_names(snapshot.get("encounter_tokens"))
        self._sync_settings(own)
        self.thumb.setPixmap(self._draw(snapshot, frame.media.get, own))
        return True

    def show_page_kind(self, kind: str) -> None:
        """The kind the display's page reported: shown until the GM sets one."""
        if kind != self.page_kind:
            self.page_kind = kind
            self._sync_settings(self._own)

    def _draw(
        self,
        snapshot: Mapping[str, object],
        resolve: Callable[[str], object],
        own: Mapping[str, object],
    ) -> QPixmap:
        pixmap = QPixmap(THUMB_W, THUMB_H)
        pixmap.fill(qcolor(colors.BG))
        picture = picture_from_snapshot(snapshot, resolve)  # type: ignore[arg-type]
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if picture.rooms:
            self.scene.sync(picture)
            source = _camera_rect(own.get("camera"), self._rooms_rect())
            self.scene.render(painter, QRectF(pixmap.rect()), source)
        else:
            painter.setPen(QColor(colors.TEXT_DIM))
            text = str(snapshot.get("view_type", "")).replace("_", " ")
            painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        turn = own.get("rotation", 0)
        if isinstance(turn, int) and turn:
            pixmap = pixmap.transformed(QTransform().rotate(turn)).scaled(
                THUMB_W, THUMB_H, Qt.AspectRatioMode.KeepAspectRatio
            )
        return pixmap

    def _rooms_rect(self) -> QRectF:
        """What a fit camera shows: the revealed rooms, with a cell around them."""
        rect = QRectF()
        for item in self.scene.rooms.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect.adjusted(-CELL, -CELL, CELL, CELL)

    def _sync_settings(self, own: Mapping[str, object]) -> None:
        """The controls show the display's settings (without asking for them again)."""
        camera = own.get("camera")
        mode = camera.get("mode", "fit") if isinstance(camera, Mapping) else "fit"
        character = own.get("character")
        crew_id = character.get("id", "") if isinstance(character, Mapping) else ""
        for widget in self._settings():
            widget.blockSignals(True)
        if not self.name.hasFocus():
            self.name.setText(str(own.get("name", "")))
        # The GM's kind, else the page's own guess: what the table answers (API.md "Displays").
        self.kind.setCurrentText(str(own.get("kind") or self.page_kind or "tablet"))
        index = self._crew_ids.index(crew_id) if crew_id in self._crew_ids else 0
        self.character.setCurrentIndex(index)
        self.rotation.setCurrentText(str(own.get("rotation", 0)))
        self.camera.setCurrentText(str(mode))
        self._sync_camera_details(camera if isinstance(camera, Mapping) else {})
        for widget in self._settings():
            widget.blockSignals(False)
        self._show_camera_rows(str(mode))

    def _sync_camera_details(self, camera: Mapping[str, object]) -> None:
        """Whom to follow (the party, or a token this display sees) and the screen's size."""
        tokens = self._tokens
        target = str(camera.get("target") or "")
        choices = [("", PARTY), *sorted(tokens.items(), key=lambda kv: kv[1].lower())]
        if [
            (self.follow.itemData(i), self.follow.itemText(i)) for i in range(self.follow.count())
        ] != choices:
            self.follow.clear()
            for token_id, name in choices:
                self.follow.addItem(name, token_id)
        self.follow.setCurrentIndex(max(0, self.follow.findData(target)))
        if not self.diagonal.hasFocus():
            diagonal = camera.get("diagonal", 0)
            self.diagonal.setValue(float(diagonal) if isinstance(diagonal, int | float) else 0.0)


def _token_names(tokens: object) -> dict[str, str]:
    """id -> name of the tokens in a frame (a follow camera follows one of those)."""
    if not isinstance(tokens, Mapping):
        return {}
    return {
        str(key): str(token.get("name") or key)
        for key, token in tokens.items()
        if isinstance(token, Mapping)
    }


def _combo(items: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.addItems(items)
    return combo


def _camera_rect(camera: object, fitted: QRectF) -> QRectF:
    """The scene rectangle a display's camera shows (fit: what is drawn)."""
    if not isinstance(camera, Mapping):
        return fitted
    mode = camera.get("mode")
    x, y = float(camera.get("x", 0) or 0), float(camera.get("y", 0) or 0)
    if mode == "frame":
        w, h = float(camera.get("w", 0) or 0), float(camera.get("h", 0) or 0)
        if w > 0 and h > 0:
            return QRectF(x * CELL, y * CELL, w * CELL, h * CELL)
    if mode == "locked":
        return QRectF(x * CELL, y * CELL, LOCKED_CELLS[0] * CELL, LOCKED_CELLS[1] * CELL)
    return fitted
