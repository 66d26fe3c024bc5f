"""The Displays dock: how the table joins (URL, QR code, .local name) and who is watching."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.state import TableState
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.panels.display_rows import REFRESH_MS as THUMB_MS
from desktop.ui.panels.display_rows import DisplayRow, FrameLike
from desktop.ui.panels.handout_form import HandoutForm
from desktop.ui.services import WindowServices

FrameOf = Callable[[str | None], FrameLike]

REFRESH_MS = 2000
QR_PX = 120


class DisplaysPanel(QWidget):
    """Shows the player URL and its QR code, the GM token, and polls the connected displays;
    with `frame_of` (the store's player_frame) one row per display with a live thumbnail of
    its own frame and its settings (`settings_requested(display id, body)`)."""

    settings_requested = Signal(str, object)

    def __init__(
        self,
        services: WindowServices,
        parent: QWidget | None = None,
        *,
        frame_of: FrameOf | None = None,
        images: ImageCache | None = None,
        crew: Callable[[], list[tuple[str, str]]] | None = None,
        aimed_at: Callable[[str], list[str]] | None = None,
        handouts: Callable[[], list[tuple[str, str]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._frame_of = frame_of
        self._images = images if images is not None else ImageCache()
        self._crew = crew or list
        self._aimed_at = aimed_at
        self._handouts = handouts or list
        self.handout_form = HandoutForm()
        self.rows: dict[str, DisplayRow] = {}
        self._first_seen: dict[str, int] = {}  # a row's place among equals: first seen first
        self._names: dict[str, str] = {}  # display id -> the GM's name for it
        self._state = TableState()
        # The connected displays (id, address and browser), in the rows' order.
        self._connected: list[tuple[str, str]] = []
        self.row_box = QVBoxLayout()
        self.url = QLabel(f'<a href="{services.player_url}">{services.player_url}</a>')
        self.url.setObjectName("PlayerUrl")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.url.setOpenExternalLinks(True)
        self.url.setWordWrap(True)
        self.mdns = QLabel(services.mdns_name or "no .local name (mDNS off)")
        self.mdns.setObjectName("Caption")
        self.mdns.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QLabel()
        self.qr.setObjectName("QrCode")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.token = QLineEdit(services.gm_token)
        self.token.setReadOnly(True)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal_token = QPushButton("Show")
        self.reveal_token.setCheckable(True)
        self.copy_token = QPushButton("Copy")
        self.table = QTreeWidget()
        self.table.setHeaderLabels(["Address", "Browser", "Since", "Revision"])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)  # sizing columns to contents reads one row height
        header = self.table.header()
        header.setStretchLastSection(False)
        # Measured when the set of displays changes, not on every poll: resizing to contents
        # on each revision change measures every row (26 ms a poll with 50 displays).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._rows: list[list[str]] = []
        self.count = QLabel()
        self.count.setObjectName("Heading")
        self._watched = True
        self._layout()
        self._show_qr()
        self.reveal_token.toggled.connect(self._toggle_token)
        self.copy_token.clicked.connect(self._copy_token)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.thumb_timer = QTimer(self)
        self.thumb_timer.setInterval(THUMB_MS)
        self.thumb_timer.timeout.connect(self.refresh_thumbnails)
        if frame_of is not None:
            self.thumb_timer.start()
        self.refresh()

    def _layout(self) -> None:
        token_row = QHBoxLayout()
        token_row.addWidget(QLabel("GM token"))
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.reveal_token)
        token_row.addWidget(self.copy_token)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        # Handouts first, in their own titled group (below the rows the GM missed them), then
        # the displays; how to join below (the QR code filled a narrow column and pushed every
        # display's row out of sight).
        layout.addWidget(self.handout_form)
        layout.addWidget(self.count)
        layout.addLayout(self.row_box)
        layout.addWidget(self.table, 1)
        heading = QLabel("Player display")
        heading.setObjectName("Heading")
        layout.addWidget(heading)
        layout.addWidget(self.url)
        layout.addWidget(self.mdns)
        layout.addWidget(self.qr)
        layout.addLayout(token_row)

    def _show_qr(self) -> None:
        data = (
            self._services.qr_png(self._services.player_url) if self._services.player_url else b""
        )
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data, "PNG"):
            self.qr.setPixmap(
                pixmap.scaled(
                    QR_PX,
                    QR_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            )
            self.qr.setToolTip(f"Scan to open {self._services.player_url}")
        else:
            self.qr.setText("(no QR code)")

    def qr_pixmap(self) -> QPixmap:
        """The QR code as shown."""
        return self.qr.pixmap()

    def set_watched(self, watched: bool) -> None:
        """Whether the GM can see the list (its dock's tab is in front); it is polled only then."""
        self._watched = watched
        if watched:
            self.refresh()

    def sync(self, state: TableState) -> None:
        """The handouts group and the displays' names (the rows' order) from the table."""
        self._state = state
        self.handout_form.sync(state, self._handouts(), self._connected)
        names = {d: s.name for d, s in state.displays.items()}
        if names != self._names:
            self._names = names
            self.refresh_thumbnails()

    def refresh(self) -> None:
        """Read the connected displays again (not while the list is out of sight)."""
        if not self._watched:
            return
        rows = [_row(info) for info in self._services.displays()]
        self.count.setText(f"Connected displays: {len(rows)}")
        table = self.table
        if [r[:3] for r in rows] != [r[:3] for r in self._rows]:
            table.clear()
            table.addTopLevelItems([QTreeWidgetItem(row) for row in rows])
            for column in (0, 2, 3):
                table.resizeColumnToContents(column)
        else:  # the same displays: only their revisions move on
            for index, row in enumerate(rows):
                item = table.topLevelItem(index)
                if item is not None and row[3] != self._rows[index][3]:
                    item.setText(3, row[3])
        self._rows = rows

    def refresh_thumbnails(self) -> None:
        """One row per connected display, each drawn again when its frame changed."""
        if not self._watched or self._frame_of is None:
            return
        found = self._in_order(
            [d for d in self._services.displays() if d.get("role", "player") == "player"]
        )
        keys = [_key(d) for d in found]
        self._connected = [(str(d["id"]), _label(d)) for d in found if d.get("id")]
        self.handout_form.sync(self._state, self._handouts(), self._connected)
        for key in [k for k in self.rows if k not in keys]:
            self.rows.pop(key).deleteLater()
        for index, (key, info) in enumerate(zip(keys, found, strict=True)):
            row = self.rows.get(key)
            display = info.get("id")
            shown = display if isinstance(display, str) else None
            if row is None:
                row = self.rows[key] = DisplayRow(shown, self._images, self._crew())
                row.settings_requested.connect(self.settings_requested)
            if self.row_box.indexOf(row) != index:
                self.row_box.removeWidget(row)
                self.row_box.insertWidget(index, row)
            row.show_page_kind(str(info.get("kind") or ""))
            row.show_frame(self._frame_of(shown))
            if self._aimed_at is not None:
                row.show_aimed(self._aimed_at(shown) if shown else [])

    def _in_order(self, found: list[dict[str, object]]) -> list[dict[str, object]]:
        """By name (named ones first), then by when this window first saw them: a display
        that reconnects keeps its place."""
        for info in found:
            self._first_seen.setdefault(_key(info), len(self._first_seen))

        def place(info: dict[str, object]) -> tuple[int, str, int]:
            name = self._names.get(str(info.get("id") or ""), "")
            return (0 if name else 1, name.casefold(), self._first_seen[_key(info)])

        return sorted(found, key=place)

    def _toggle_token(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.token.setEchoMode(mode)
        self.reveal_token.setText("Hide" if visible else "Show")

    def _copy_token(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self._services.gm_token)


def _label(info: Mapping[str, object]) -> str:
    """How to tell an unnamed display: its address and browser."""
    return f"{info.get('address', '')} · {_short_agent(str(info.get('user_agent', '')))}"


def _key(info: Mapping[str, object]) -> str:
    """A display's row: its id, or (anonymous) its address and connection time."""
    display = info.get("id")
    return str(display) if display else f"{info.get('address')}@{info.get('since')}"


def _row(info: Mapping[str, object]) -> list[str]:
    since = info.get("since")
    when = (
        time.strftime("%H:%M:%S", time.localtime(since)) if isinstance(since, int | float) else ""
    )
    agent = str(info.get("user_agent", ""))
    return [str(info.get("address", "")), _short_agent(agent), when, str(info.get("revision", ""))]


def _short_agent(agent: str) -> str:
    for name in ("Firefox", "Edg", "Chrome", "Safari"):
        if name in agent:
            return {"Edg": "Edge"}.get(name, name) + (" (mobile)" if "Mobile" in agent else "")
    return agent[:40]
