"""A small form to make a custom token template: name, type and image."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.campaign.model import Campaign
from desktop.model.state import TOKEN_TYPES
from desktop.ui.look.widgets import button, grid, line_edit
from desktop.ui.map.token_mime import TokenTemplate


class CustomTokenForm(QWidget):
    """Emits template_created; the palette then offers it for dragging."""

    template_created = Signal(object)  # TokenTemplate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = line_edit("Custom token name")
        self.kind = QComboBox()
        for kind in TOKEN_TYPES:
            self.kind.addItem(kind.capitalize(), kind)
        self.image = QComboBox()
        self.add_button = button(
            "Add", tip="Add this token to the palette, then drag it onto the map"
        )
        layout = grid(self, margins=(0, 2, 0, 0), spacing=(4, 4))
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.kind, 0, 1)
        layout.addWidget(self.image, 1, 0)
        layout.addWidget(self.add_button, 1, 1)
        self._campaign: Campaign | None = None
        self.add_button.clicked.connect(self._create)
        self.name.returnPressed.connect(self._create)

    def sync(self, campaign: Campaign) -> None:
        """Offer the campaign's token images."""
        if campaign is self._campaign:
            return
        self._campaign = campaign
        self.image.clear()
        self.image.addItem("No image (initials)", "")
        for image in sorted(campaign.token_images.values(), key=lambda i: i.name.lower()):
            self.image.addItem(f"{image.name} ({image.kind})", image.id)

    def _create(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name.setFocus()
            return
        template = TokenTemplate(
            type=str(self.kind.currentData()), name=name, image=str(self.image.currentData() or "")
        )
        self.name.clear()
        self.template_created.emit(template)
