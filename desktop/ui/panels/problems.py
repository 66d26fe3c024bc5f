"""The Problems dock: what was wrong in the campaign folder, one line per problem."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

from desktop.campaign.model import Campaign
from desktop.ui.look.widgets import label, wrapped_list


class ProblemsPanel(QWidget):
    """Lists Campaign.problems as FILE:LINE: message (the campaign still opened)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = label(name="Heading", wrap=True)
        # Whole lines, wrapped: a problem names the file to fix, and "…" would cut it off.
        self.list = wrapped_list("ProblemList")
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._campaign: Campaign | None = None

    def sync(self, campaign: Campaign) -> bool:
        """Show this campaign's problems; True when the campaign changed."""
        if campaign is self._campaign:
            return False
        self._campaign = campaign
        self.list.clear()
        count = len(campaign.problems)
        noun = "problem" if count == 1 else "problems"
        self.summary.setText(
            f"{count} {noun} in {campaign.name}: the rest of the campaign loaded."
            if count
            else "No problems in this campaign."
        )
        for problem in campaign.problems:
            self.list.addItem(str(problem))
        return True
