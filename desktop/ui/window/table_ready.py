"""The "Get the table ready" panel: how the TV and tablets join, and the first three steps.

Shown on the first start (the window remembers it) and from Help; the toolbar's Join button
opens it again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.services import WindowServices

QR_PX = 300
STEPS = (
    "Pick the place where the crew is in the <b>Campaign</b> tree (left).",
    "Reveal the rooms they can see: double-click a room (or select rooms and press R).",
    "Press <b>Show to players</b> above the map: the TV shows it. Drag the crew from the "
    "<b>Tokens</b> dock onto the map.",
)


def map_url(player_url: str) -> str:
    """The player URL with the map alone (no side panels): for the TV on the table."""
    return player_url + ("&" if "?" in player_url else "?") + "view=map"


class TableReadyPanel(QDialog):
    """A non-modal dialog (never exec(): PITFALLS.md) with the URL and QR code large."""

    def __init__(self, services: WindowServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TableReady")
        self.setWindowTitle("Get the table ready")
        self._services = services
        url = services.player_url or "(the server is not running)"
        self.url = QLabel(url)
        self.url.setObjectName("JoinUrl")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton("Copy address")
        self.copy.clicked.connect(self._copy)
        self.qr = QLabel()
        self.qr.setObjectName("QrCode")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._show_qr()
        self.hints = QLabel(_hints(services))
        self.hints.setObjectName("ReadyHints")
        self.hints.setWordWrap(True)
        self.hints.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QLabel(_steps())
        self.steps.setObjectName("ReadySteps")
        self.steps.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self._layout(buttons)

    def _layout(self, buttons: QDialogButtonBox) -> None:
        heading = QLabel("Open this address on the TV and the tablets")
        heading.setObjectName("Heading")
        grid = QGridLayout()
        grid.addWidget(self.qr, 0, 0, 4, 1)
        grid.addWidget(heading, 0, 1)
        grid.addWidget(self.url, 1, 1)
        grid.addWidget(self.hints, 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)  # the texts stay together at the top, beside the code
        column = QVBoxLayout(self)
        column.addLayout(grid)
        column.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        first = QLabel("First steps")
        first.setObjectName("Heading")
        column.addWidget(first)
        column.addWidget(self.steps)
        column.addWidget(buttons)
        self.setMinimumWidth(720)

    def _show_qr(self) -> None:
        url = self._services.player_url
        data = self._services.qr_png(url) if url else b""
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data, "PNG"):
            mode = Qt.TransformationMode.FastTransformation  # keep the modules crisp
            self.qr.setPixmap(pixmap.scaled(QR_PX, QR_PX, Qt.AspectRatioMode.KeepAspectRatio, mode))
        else:
            self.qr.setText("(no QR code)")

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self._services.player_url)


def _hints(services: WindowServices) -> str:
    url = services.player_url
    local = (
        f"<br>On some networks the name also works: <tt>{services.mdns_name}</tt>"
        if services.mdns_name
        else ""
    )
    return (
        "<p><b>TV</b>: open the address in its browser, then press the page's fullscreen "
        "button (or F11). For the map alone, without side panels: "
        f"<tt>{map_url(url)}</tt></p>"
        "<p><b>Tablets and phones</b>: scan the code with the camera. Players may drag their "
        "own token and ask the ship computer when you allow it; "
        "“Add to Home Screen” opens it fullscreen.</p>"
        f"<p>Every device must be on this computer's network.{local}</p>"
    )


def _steps() -> str:
    items = "".join(f"<li>{step}</li>" for step in STEPS)
    return f"<ol>{items}</ol>"
