"""The Tokens dock: the palette, a custom-token form, unplaced tokens, player permissions."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.campaign.model import Campaign
from desktop.model.state import TableState
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.panels.custom_token_form import CustomTokenForm
from desktop.ui.panels.permissions import PermissionsPanel
from desktop.ui.panels.token_palette import TokenPalette
from desktop.ui.panels.unplaced_list import UnplacedList


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("Heading")
    return label


class TokensPanel(QWidget):
    """Everything about tokens that is not on the map."""

    def __init__(self, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_list = TokenPalette(images)
        self.form = CustomTokenForm()
        self.unplaced = UnplacedList()
        self.permissions = PermissionsPanel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.palette_list, 3)
        # The custom-token form and the unplaced list take room from the palette only when
        # wanted: the form behind a button, the list while a token is unplaced.
        self.custom_button = QPushButton("+ Custom token…")
        self.custom_button.setCheckable(True)
        self.custom_button.toggled.connect(self.form.setVisible)
        self.form.hide()
        hint = QLabel("Drag a token onto the map")
        hint.setObjectName("Caption")
        row = QHBoxLayout()
        row.addWidget(self.custom_button)
        row.addStretch(1)
        row.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.form)
        self.unplaced_heading = _heading("Unplaced")
        layout.addWidget(self.unplaced_heading)
        layout.addWidget(self.unplaced)
        layout.addWidget(self.permissions)
        self.form.template_created.connect(self.palette_list.add_custom)

    def sync(self, state: TableState, campaign: Campaign, here: str = "") -> None:
        """Follow the campaign's images and the table's unplaced tokens and permissions;
        `here` is the location the GM is looking at (its tokens show their rooms)."""
        self.palette_list.sync(campaign, state, here)
        self.form.sync(campaign)
        self.unplaced.sync(state, campaign)
        for widget in (self.unplaced_heading, self.unplaced):
            widget.setVisible(bool(state.unplaced))
        self.permissions.sync(state)
