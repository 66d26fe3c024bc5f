"""Token templates to drag onto the map: crew, NPCs, creatures, objects and custom ones.

Every crew member and NPC is here, with its portrait or its initials; one already on the map
carries a mark and says where (a click asks the map to centre on it).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from desktop.campaign.model import Campaign
from desktop.model.state import TableState
from desktop.ui.look import colors
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.items.token import initials
from desktop.ui.map.placement import Placed, PlacedIndex, is_person
from desktop.ui.map.token_mime import TokenTemplate, encode

ICON_PX = 36
TEXT_LINES = 4  # a name on two lines and the room a placed character is in: whole, never "…"
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole
KIND_ORDER = {"player": 0, "npc": 1, "creature": 2, "object": 3}
GENERIC = (
    TokenTemplate("player", "Crew member"),
    TokenTemplate("npc", "Stranger"),
    TokenTemplate("creature", "Creature"),
    TokenTemplate("object", "Crate"),
)
PLACED_MARK = "◉ "  # placed in the location the GM is looking at: its room follows
ELSEWHERE_MARK = "↗ "  # placed in another location: that location's name follows


def campaign_templates(campaign: Campaign) -> list[TokenTemplate]:
    """The crew, the NPCs (portrait or not), then the token files, each kind by name."""
    images = campaign.token_images
    people = [
        TokenTemplate("player", m.name, f"crew:{m.id}" if f"crew:{m.id}" in images else "")
        for m in campaign.crew
    ]
    people += [
        TokenTemplate("npc", n.name, f"npc:{n.id}" if f"npc:{n.id}" in images else "")
        for n in campaign.npcs.values()
    ]
    files = [
        TokenTemplate(i.kind, i.name, i.id)
        for i in images.values()
        if not i.id.startswith(("crew:", "npc:"))
    ]
    return sorted([*people, *files], key=lambda t: (KIND_ORDER.get(t.type, 9), t.name.lower()))


class TokenPalette(QListWidget):
    """A grid of templates; dragging one carries a TokenTemplate with a token-shaped preview."""

    placed_clicked = Signal(str, str, str)  # location slug, deck id, token id

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TokenPalette")
        self._images = images
        self._campaign: Campaign | None = None
        self._custom: list[TokenTemplate] = []
        self._placed: dict[TokenTemplate, Placed] = {}
        self._tokens_seen: tuple[object, ...] = ()
        self._here = ""  # the location the GM is looking at
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(ICON_PX, ICON_PX))
        line = self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(ICON_PX + 58, ICON_PX + 10 + TEXT_LINES * line))
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setDragEnabled(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setToolTip("Drag a token onto the map to place it")
        self.itemClicked.connect(self._on_clicked)

    def sync(self, campaign: Campaign, state: TableState | None = None, here: str = "") -> None:
        """Rebuild the templates when the campaign changed; mark who is placed: the room of
        one in `here` (the location the GM looks at), the location's name of one elsewhere."""
        if here != self._here:
            self._here = here
            self._tokens_seen = ()
        if campaign is not self._campaign:
            self._campaign = campaign
            self._tokens_seen = ()
            self._rebuild()
        if state is not None:
            self._mark_placed(state, campaign)

    def add_custom(self, template: TokenTemplate) -> None:
        """Add a template the GM made (kept while the window is open)."""
        self._custom.append(template)
        self._rebuild()

    def templates(self) -> list[TokenTemplate]:
        """Every template shown, in order."""
        return [self.item(i).data(TEMPLATE_ROLE) for i in range(self.count())]

    def _rebuild(self) -> None:
        self.clear()
        templates = campaign_templates(self._campaign) if self._campaign else []
        for template in [*templates, *self._custom, *GENERIC]:
            self._add(template)
        self._placed = {}
        self._tokens_seen = ()

    def _add(self, template: TokenTemplate) -> None:
        item = QListWidgetItem(QIcon(self.token_pixmap(template, ICON_PX)), template.name)
        item.setData(TEMPLATE_ROLE, template)
        item.setToolTip(f"{template.name} ({template.type}) — drag onto the map")
        # The whole grid cell for each item: sized to its text, Qt wrapped a name and then
        # elided the room line under it ("Rook Adeyemi…").
        item.setSizeHint(self.gridSize())
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.addItem(item)

    def _mark_placed(self, state: TableState, campaign: Campaign) -> None:
        seen = tuple(loc.tokens for loc in state.locations.values())
        if len(seen) == len(self._tokens_seen) and all(
            a is b for a, b in zip(seen, self._tokens_seen, strict=True)
        ):
            return
        self._tokens_seen = seen
        found: dict[TokenTemplate, Placed] = {}
        index = PlacedIndex(state, campaign)
        for row in range(self.count()):
            item = self.item(row)
            template: TokenTemplate = item.data(TEMPLATE_ROLE)
            first = index.find(template) if is_person(campaign, template) else None
            if first is not None:
                found[template] = first
            self._show_mark(item, template, first)
        self._placed = found

    def _show_mark(self, item: QListWidgetItem, template: TokenTemplate, at: Placed | None) -> None:
        text = template.name
        if at is not None and at.location_slug == self._here:
            text = f"{template.name}\n{PLACED_MARK}{at.room}"
        elif at is not None:
            text = f"{template.name}\n{ELSEWHERE_MARK}{at.place}"
        if item.text() == text:
            return
        item.setText(text)
        if at is None:
            item.setToolTip(f"{template.name} ({template.type}) — drag onto the map")
        else:
            item.setToolTip(
                f"{template.name} is on the map: {at.where}\n"
                "Click to centre the map on it; drag to move it"
            )

    def _on_clicked(self, item: QListWidgetItem) -> None:
        at = self._placed.get(item.data(TEMPLATE_ROLE))
        if at is not None:
            self.placed_clicked.emit(at.location_slug, at.token.deck_id, at.token.id)

    def token_pixmap(self, template: TokenTemplate, size: int) -> QPixmap:
        """The template drawn as a round token (its image, or its initials)."""
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
            font.setPixelSize(size * 2 // 5)
            painter.setFont(font)
            painter.drawText(result.rect(), Qt.AlignmentFlag.AlignCenter, initials(template.name))
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
