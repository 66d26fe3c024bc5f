"""Help: the keyboard shortcuts (F1) and a one-page guide; both non-modal."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Gestures no menu lists: the map's own keys and mouse.
MAP_GESTURES = (
    ("Double-click a room", "Reveal it to the players, or hide it again"),
    ("R", "Reveal (or hide) the selected rooms"),
    ("Drag a room's floor / middle button", "Pan the map"),
    ("Mouse wheel / pinch", "Zoom the map"),
    ("Right-click a room, door, token or marker", "Its menu: status, rename, remove…"),
    ("Drag from the Tokens dock", "Place a token on the map"),
    ("Ctrl+F", "Find a place in the campaign tree"),
)

GUIDE = """
<h2>GM Terminal in one page</h2>
<p>The window is yours; the TV and tablets show only what you choose. Nothing reaches them by
accident: the map in the middle is your <b>focus</b>, and the bar above it says whether the
players see it (<b>LIVE</b>) or not (<b>PREPARING</b>).</p>
<h3>Before the session</h3>
<ol><li>Open the campaign (File ▸ Open campaign…); the sample is built in. The <b>Problems</b>
dock lists what the campaign's files got wrong (file and line), if anything.</li>
<li>Help ▸ Get the table ready: open the address on the TV, scan the code with the tablets.</li>
<li>Pick the starting place in the Campaign tree, reveal the rooms the crew can see, then
press <b>Show to players</b> above the map.</li></ol>
<h3>During the session</h3>
<ul>
<li><b>Views</b> (top right): Standby, Bridge (the ship), Encounter (the map), Terminal.</li>
<li><b>Rooms</b>: double-click to reveal; right-click for a room status (a fire starts).</li>
<li><b>Doors</b>: right-click a door: open, closed, locked, sealed, damaged.
The Tokens dock says which doors players may move through.</li>
<li><b>Tokens</b>: drag from the Tokens dock; drag on the map to move; right-click for
wounded, dead, hidden, rename, remove.</li>
<li><b>Portraits</b>: Show puts an NPC's portrait on every display, or on the one chosen in
"Show to".</li>
<li><b>Terminals</b>: the Show button beside a terminal in the tree opens its mail on the TV.</li>
<li><b>Ship computer</b>: switch to Query to let players ask; answer the waiting question in
the Ship computer dock.</li>
<li><b>Broadcast</b>: a message on every display, or on one (To).</li>
<li><b>Hold</b> freezes every display while you prepare (players cannot move or ask meanwhile:
"STAND BY"); release it to push the latest.</li>
<li><b>Activity</b>: what the players did (moves, questions, refusals) with the time.</li>
</ul>
<h3>Each display its own</h3>
<ul>
<li><b>Displays</b> dock: every TV and tablet that joined, with a live picture of what it
shows. Name it; set its kind (sound plays on the TVs); bind a tablet to a crew member (it shows
that character's sheet, and its player may drag only that token); turn a TV lying flat.</li>
<li><b>Camera</b> per display: <i>fit</i> (the revealed rooms), <i>follow</i> (the party or one
token), <i>frame</i> (a rectangle you drag and resize on your map), <i>locked</i> (one cell an
inch for miniatures: give the screen's diagonal).</li>
<li><b>Ping</b>: right-click a cell ▸ Ping here (or Ping here on one display).</li>
<li><b>Handouts</b>: a picture or a short text from the campaign's handouts folder, or dropped on
this window: show it to every display or one; tablets keep a history.</li>
</ul>
<h3>The Warden's tools</h3>
<ul>
<li><b>Crew</b> dock: health, wounds, stress and conditions; the bridge and a bound tablet
follow.</li>
<li><b>Dice</b>: rolls are private until you show them; a panic check rolls against stress.</li>
<li><b>Alerts</b>: countdowns (self-destruct…) counted on every display's own clock, ship-wide
alerts (red alert…); <b>Sound</b>: ambient loops and one-shot effects.</li>
<li>Right-click a room ▸ Atmosphere: dark, flickering, smoke, vacuum.</li>
</ul>
<h3>Maps and the stars</h3>
<ul>
<li>File ▸ Import map… reads a Universal VTT export (Dungeondraft, DungeonFog): rooms and doors
are found for you; only the rooms you reveal ever reach the displays. File ▸ New map from
image… and File ▸ Edit deck map… draw rooms and doors by hand.</li>
<li><b>Star map</b> dock: reveal or hide systems, set where the ship is and its course, and
Show to players; double-click to go into a system.</li>
<li><b>Ship computer</b>: every player question gets a draft; approve it, edit it or throw it
away. Nothing reaches the displays before you approve.</li>
</ul>
<p><b>Undo</b> (Ctrl+Z) takes back any of your changes, one gesture at a time.</p>
"""


class ShortcutsDialog(QDialog):
    """Every menu shortcut of the window, and the map's gestures."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTreeWidget()
        self.table.setObjectName("ShortcutList")
        self.table.setHeaderLabels(["Keys", "Does"])
        self.table.setRootIsDecorated(False)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for keys, does in [*_menu_rows(actions), *MAP_GESTURES]:
            self.table.addTopLevelItem(QTreeWidgetItem([keys, does]))
        _finish(self, self.table, 560, 520)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do), as listed."""
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]


class GuideDialog(QDialog):
    """The one-page guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Guide")
        self.text = QTextBrowser()
        self.text.setObjectName("Guide")
        self.text.setHtml(GUIDE)
        _finish(self, self.text, 640, 640)


def _menu_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    rows = []
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append((keys, action.text().replace("&", "").rstrip("…")))
    return rows


def _finish(dialog: QDialog, body: QWidget, width: int, height: int) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    layout.addWidget(buttons)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.resize(width, height)
