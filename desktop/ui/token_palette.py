"""Token templates to drag onto the map: crew, NPCs, creatures, objects and custom ones."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QDrag, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from desktop.campaign.model import Campaign
from desktop.ui import colors
from desktop.ui.image_cache import ImageCache
from desktop.ui.token_mime import TokenTemplate, encode

ICON_PX = 48
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole
KIND_ORDER = {"player": 0, "npc": 1, "creature": 2, "object": 3}
GENERIC = (
    TokenTemplate("player", "Crew member"),
    TokenTemplate("npc", "Stranger"),
    TokenTemplate("creature", "Creature"),
    TokenTemplate("object", "Crate"),
)


class TokenPalette(QListWidget):
    """A grid of templates; dragging one carries a TokenTemplate with a token-shaped preview."""

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TokenPalette")
        self._images = images
        self._campaign: Campaign | None = None
        self._custom: list[TokenTemplate] = []
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(ICON_PX, ICON_PX))
        self.setGridSize(QSize(ICON_PX + 44, ICON_PX + 38))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setDragEnabled(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setToolTip("Drag a token onto the map to place it")

    def sync(self, campaign: Campaign) -> None:
        """Rebuild the templates when the campaign changed."""
        if campaign is self._campaign:
            return
        self._campaign = campaign
        self._rebuild()

    def add_custom(self, template: TokenTemplate) -> None:
        """Add a template the GM made (kept while the window is open)."""
        self._custom.append(template)
        self._rebuild()

    def templates(self) -> list[TokenTemplate]:
        """Every template shown, in order."""
        return [self.item(i).data(TEMPLATE_ROLE) for i in range(self.count())]

    def _rebuild(self) -> None:
        self.clear()
        campaign = self._campaign
        images = sorted(
            campaign.token_images.values() if campaign else [],
            key=lambda image: (KIND_ORDER.get(image.kind, 9), image.name.lower()),
        )
        for image in images:
            self._add(TokenTemplate(image.kind, image.name, image.id))
        for template in [*self._custom, *GENERIC]:
            self._add(template)

    def _add(self, template: TokenTemplate) -> None:
        item = QListWidgetItem(QIcon(self.token_pixmap(template, ICON_PX)), template.name)
        item.setData(TEMPLATE_ROLE, template)
        item.setToolTip(f"{template.name} ({template.type}) — drag onto the map")
        self.addItem(item)

    def token_pixmap(self, template: TokenTemplate, size: int) -> QPixmap:
        """The template drawn as a round token (its image, or its initial)."""
        campaign = self._campaign
        image = campaign.token_images.get(template.image) if campaign and template.image else None
        picture = self._images.get(image.path if image else None, size)
        result = QPixmap(size, size)
        result.fill(Qt.GlobalColor.transparent)
        painter = QPainter(result)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        ring = QColor(colors.TOKEN_TYPE.get(template.type, colors.TEXT))
        painter.setBrush(QColor(colors.PANEL_ALT))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, size - 2, size - 2)
        if picture is not None:
            painter.drawPixmap(0, 0, picture)
        else:
            painter.setPen(ring)
            font = painter.font()
            font.setBold(True)
            font.setPixelSize(size // 2)
            painter.setFont(font)
            painter.drawText(result.rect(), Qt.AlignmentFlag.AlignCenter, template.name[:1].upper())
        painter.setPen(QPen(ring, max(2.0, size / 20)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(2, 2, size - 4, size - 4)
        painter.end()
        return result

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        template: TokenTemplate = item.data(TEMPLATE_ROLE)
        drag = QDrag(self)
        drag.setMimeData(encode(template))
        pixmap = self.token_pixmap(template, 40)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
        drag.exec(Qt.DropAction.CopyAction)
