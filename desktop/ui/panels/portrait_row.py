"""One NPC in the Portraits dock: thumbnail, name, role and a Show/Dismiss button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Npc
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.items.token import initials

THUMB_PX = 40


class PortraitRow(QFrame):
    """Shows whether the NPC's portrait is on the displays; the button asks to flip it."""

    toggle_requested = Signal(str)  # npc id

    def __init__(self, npc: Npc, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PortraitRow")
        self.npc_id = npc.id
        thumb = QLabel()
        thumb.setFixedSize(THUMB_PX, THUMB_PX)
        pixmap = images.get(npc.portrait, THUMB_PX, round_=False)
        if pixmap is not None:
            thumb.setPixmap(pixmap)
        else:
            thumb.setText(initials(npc.name))  # the same letters as its token
            thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        thumb.setObjectName("Thumb")
        # Wrapped, never elided: the GM finds an NPC by the whole name.
        name = QLabel(npc.name)
        name.setObjectName("RowTitle")
        name.setWordWrap(True)
        self.npc_role = " · ".join(p for p in (npc.role, npc.faction) if p)
        role = QLabel(self.npc_role)
        role.setObjectName("RowDetail")
        role.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(name)
        texts.addWidget(role)
        self.button = QPushButton("Show")
        self.button.setObjectName("ToggleButton")
        self.button.setFixedWidth(74)
        self.button.clicked.connect(lambda: self.toggle_requested.emit(self.npc_id))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(thumb)
        row.addLayout(texts, 1)
        row.addWidget(self.button)
        self.setToolTip(npc.description)
        self.name, self.role = name, role
        self._shown: tuple[bool, str] | None = None

    def sync(self, shown: bool, where: str = "") -> None:
        """Say whether the portrait is on the displays, and where ("" every display)."""
        if (shown, where) == self._shown:
            return
        self._shown = (shown, where)
        detail = " · ".join(p for p in (self.npc_role, where if shown else "") if p)
        self.role.setText(detail)
        self.button.setText("Dismiss" if shown else "Show")
        self.setProperty("active", shown)
        for widget in (self, self.button):
            widget.setProperty("active", shown)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
