"""Above the map: what the GM is looking at, and whether the players see it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.look.widgets import button, label

LIVE_TEXT = "LIVE — players see this"
PREPARING_TEXT = "PREPARING — players do not see this"
HOLD_SUFFIX = " · HOLD: displays frozen"


class FocusBar(QFrame):
    """Location and deck title, the LIVE/PREPARING marker, show/hold/preview controls."""

    show_requested = Signal()
    hold_requested = Signal(bool)
    preview_toggled = Signal(bool)
    reveal_clicked = Signal()
    fit_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FocusBar")
        self.title = label("NO LOCATION", name="FocusTitle")
        self.subtitle = label("", name="FocusSubtitle")
        self.marker = label(PREPARING_TEXT, name="LiveMarker")
        self.show_button = button("Show to players", name="ShowButton")
        self.reveal_button = button(
            "Reveal (R)", tip="Reveal the selected rooms, or hide them if all are revealed"
        )
        self.fit_button = QPushButton("Fit")
        self.preview_button = button("Preview", tip="Draw exactly what the players get (Ctrl+P)")
        self.preview_button.setCheckable(True)
        self.hold_button = button("Hold", name="HoldButton")
        self.hold_button.setCheckable(True)
        self.hold_button.setToolTip(
            "Freeze every display on its last frame while you prepare (player moves are refused)"
        )
        self._layout()
        self.show_button.clicked.connect(self.show_requested)
        self.reveal_button.clicked.connect(self.reveal_clicked)
        self.fit_button.clicked.connect(self.fit_clicked)
        self.preview_button.toggled.connect(self.preview_toggled)
        self.hold_button.clicked.connect(lambda checked: self.hold_requested.emit(checked))

    def _layout(self) -> None:
        for title in (self.title, self.subtitle):
            title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            title.setMinimumWidth(120)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        # Two rows, each with its buttons: at 1366 px one row of five buttons left the place
        # and deck ("Engineering Deck · deck 2 of 2") too little room, and cut them.
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.show_button)
        top.addWidget(self.hold_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.marker, 1)
        for pressed in (self.reveal_button, self.fit_button, self.preview_button):
            bottom.addWidget(pressed)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(6)
        column.addLayout(top)
        column.addLayout(bottom)

    def sync(
        self, title: str, subtitle: str, *, live: bool, hold: bool, usable: bool, editable: bool
    ) -> None:
        """Show the focus and whether the players see it."""
        self.title.setText(title or "NO LOCATION")
        self.subtitle.setText(subtitle)
        text = LIVE_TEXT if live else PREPARING_TEXT
        self.marker.setText(("● " if live else "○ ") + text + (HOLD_SUFFIX if hold else ""))
        state = "live" if live else "preparing"
        if self.marker.property("state") != state:
            self.marker.setProperty("state", state)
            self.marker.style().unpolish(self.marker)
            self.marker.style().polish(self.marker)
        self.show_button.setEnabled(usable and not live)
        self.reveal_button.setEnabled(usable and editable)
        if self.hold_button.isChecked() != hold:
            self.hold_button.setChecked(hold)

    @property
    def live_text(self) -> str:
        """The marker's text (what tests and screen readers check)."""
        return self.marker.text()
