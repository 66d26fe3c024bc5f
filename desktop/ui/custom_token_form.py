"""A small form to make a custom token template: name, type and image."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPushButton, QWidget

from desktop.campaign.model import Campaign
from desktop.model.state import TOKEN_TYPES
from desktop.ui.token_mime import TokenTemplate


class CustomTokenForm(QWidget):
    """Emits template_created; the palette then offers it for dragging."""

    template_created = Signal(object)  # TokenTemplate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name, e.g. Security android")
        self.name.setMaxLength(200)
        self.kind = QComboBox()
        for kind in TOKEN_TYPES:
            self.kind.addItem(kind.capitalize(), kind)
        self.image = QComboBox()
        self.add_button = QPushButton("Add to palette")
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addRow("Name", self.name)
        layout.addRow("Type", self.kind)
        layout.addRow("Image", self.image)
        layout.addRow("", self.add_button)
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
