"""A token on the map: a round image or initials, a ring in its type's colour, status marks."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.ui.look import colors
from desktop.ui.look.colors import qcolor
from desktop.ui.look.fonts import mono_font
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.items.base import ShapeItem, is_selected
from desktop.ui.map.picture.shapes import CELL, TokenShape

RADIUS = CELL * 0.45
_IMAGE_PX = 64
_INITIAL_FONT = mono_font(9, bold=True)
_LABEL_FONT = mono_font(7)
_BADGE_FONT = mono_font(6, bold=True)
_BADGES = {
    "wounded": ("+", colors.RED),
    "panicked": ("!", colors.AMBER),
    "stunned": ("~", colors.TEAL_BRIGHT),
}


_BOUNDS = QRectF(-CELL * 0.75, -RADIUS - 3, CELL * 1.5, RADIUS * 2 + 16)
_LABEL_H = 12
_HIT = QPainterPath()
_HIT.addRect(_BOUNDS)  # a wide name is not a target: a click on it reaches the door or room below


def cell_center(x: int, y: int) -> QPointF:
    """The scene position of a cell's centre."""
    return QPointF((x + 0.5) * CELL, (y + 0.5) * CELL)


class TokenItem(ShapeItem[TokenShape]):
    """One token; the GM drags it (one move on release) or uses its context menu."""

    def __init__(self, shape: TokenShape, images: ImageCache, *, movable: bool = True) -> None:
        super().__init__(shape, z=10)
        self.token_id = shape.id
        self._images = images
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self._label_w = CELL * 1.5  # set by map/labels.py spread_token_labels
        self._hit = _HIT
        self._apply(shape)

    def settle(self) -> None:
        """Put the token back on its cell (a refused or cancelled drag)."""
        home = cell_center(self.shape_data.x, self.shape_data.y)
        if self.pos() != home:
            self.setPos(home)

    def _apply(self, shape: TokenShape) -> None:
        self.setPos(cell_center(shape.x, shape.y))
        self.setOpacity(0.55 if "hidden" in shape.statuses else 1.0)
        marks = f" ({', '.join(shape.statuses)})" if shape.statuses else ""
        self.setToolTip(f"{shape.name} — {shape.type}{marks}")

    def boundingRect(self) -> QRectF:
        return _BOUNDS.united(self.label_rect())

    def disc_rect(self) -> QRectF:
        return QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)

    def label_rect(self) -> QRectF:
        """Where the name is drawn (item coordinates)."""
        return QRectF(-self._label_w / 2, RADIUS + 1, self._label_w, _LABEL_H)

    def set_label_width(self, width: float) -> None:
        """How wide the name may be drawn: its row's free room (never under a cell)."""
        width = max(CELL, width)
        if width != self._label_w:
            self.prepareGeometryChange()
            self._label_w = width
            self.update()

    def label_text(self) -> str:
        """The name as drawn: whole where the row leaves room, else a whole word of it the GM
        knows them by (the surname, else the first name), cut short only when none fits."""
        metrics = QFontMetricsF(_LABEL_FONT)
        forms = shorter_forms(self.shape_data.name)
        fitting = (f for f in forms if metrics.horizontalAdvance(f) <= self._label_w)
        cut = metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, self._label_w)
        return next(fitting, cut)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        shape = self.shape_data
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        ring = colors.TOKEN_TYPE.get(shape.type, colors.TEXT)
        dead = "dead" in shape.statuses
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(colors.PANEL_ALT))
        circle = QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        painter.drawEllipse(circle)
        pixmap = self._images.get(shape.image, _IMAGE_PX)
        if pixmap is not None:
            painter.setOpacity(painter.opacity() * (0.45 if dead else 1.0))
            painter.drawPixmap(circle.toRect(), pixmap)
            painter.setOpacity(self.opacity())
        else:
            painter.setFont(_INITIAL_FONT)
            painter.setPen(qcolor(ring))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, initials(shape.name))
        selected = is_selected(option)
        style = Qt.PenStyle.DashLine if "hidden" in shape.statuses else Qt.PenStyle.SolidLine
        pen = QPen(qcolor(colors.AMBER if selected else ring), 2.4 if selected else 1.8, style)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        if dead:
            self._paint_cross(painter)
        self._paint_badges(painter, shape.statuses)
        painter.setFont(_LABEL_FONT)
        painter.setPen(qcolor(colors.TEXT, 220))
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(self.label_rect(), flags, self.label_text())

    def _paint_cross(self, painter: QPainter) -> None:
        pen = QPen(qcolor(colors.RED), 2.2)
        painter.setPen(pen)
        d = RADIUS * 0.7
        painter.drawLine(QLineF(-d, -d, d, d))
        painter.drawLine(QLineF(-d, d, d, -d))

    def _paint_badges(self, painter: QPainter, statuses: tuple[str, ...]) -> None:
        painter.setFont(_BADGE_FONT)
        slot = 0
        for status in statuses:
            badge = _BADGES.get(status)
            if badge is None:
                continue
            text, color = badge
            center = QPointF(RADIUS * 0.8 - slot * 9, -RADIUS * 0.8)
            box = QRectF(center.x() - 4.5, center.y() - 4.5, 9, 9)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor(color))
            painter.drawEllipse(box)
            painter.setPen(qcolor(colors.BG))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            slot += 1


def initials(name: str) -> str:
    """Two letters for a token without a picture: first and last word, or a word's first two."""
    words = [w for w in name.split() if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def shorter_forms(name: str) -> list[str]:
    """A name, then shorter forms a GM knows them by: without titles written with a dot ("Dr.",
    "Lt."), its last word, its first word ("Dr. Halvard Sunde": "Halvard Sunde", "Sunde",
    "Halvard"); where none fits, the last form is drawn cut short."""
    words = name.split()
    plain = [w for w in words if not w.endswith(".")] or words or [name]
    return list(dict.fromkeys([name, " ".join(plain), plain[-1], plain[0]]))
