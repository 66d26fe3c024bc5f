"""The Star map dock: the galaxy, a system or a planet seen from above, as the GM sees it.

Click a thing to read it; double-click to go down into its map (a system, a planet with an
orbit map) or to open the deck map of a place that has one. Hide or reveal it for players,
place the ship there or set its course there, and show the view on every display.
Hidden things are drawn dimmed with a dashed outline; the selected thing is ringed; the ship is
an amber arrowhead with its name (clicking it reads the thing it is at; double-clicking it opens
the ship's deck plan). What is selected stays selected across state updates while it exists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Campaign
from desktop.model.starview import StarView
from desktop.model.state import TableState
from desktop.ui.look.widgets import button, label
from desktop.ui.panels.starmap_marks import KEY, SHIP
from desktop.ui.panels.starmap_scene import StarMapScene
from desktop.ui.panels.starmap_view import StarMapView

__all__ = ["KEY", "SHIP", "StarMapPanel"]

Json = dict[str, Any]
COURSE_TIP = "A dashed course along the routes to the selected system"
DETAIL_LINES = 3  # the details' box keeps its height: a map that moved under the cursor when a
# click changed them lost the double-click's second press


class StarMapPanel(QWidget):
    visibility_requested = Signal(str, bool)  # key, visible
    ship_requested = Signal(str, str)  # where the ship is, the system it heads for
    show_requested = Signal(str)  # "" the galaxy, "system:<key>", "orbit:<key>"
    location_requested = Signal(str)  # a place with a deck plan to open on the GM map

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part: Json | None = None
        self.level, self.key, self.selected = "galaxy", "", ""
        self.things: dict[str, Json] = {}
        self.places: dict[str, bool] = {}  # location slug -> has a deck plan
        self.ship_place = ""  # the party's ship as a place (campaign.ship_location())
        self._seen: tuple[object, object] = (None, None)
        self.ship_name = ""
        self.scene = StarMapScene(self)
        self.view = StarMapView(self.scene)
        self.crumbs = QHBoxLayout()
        self.crumbs.setSpacing(4)
        self.title = label(name="StarMapTitle")
        self.details = label(name="StarMapDetails", wrap=True)
        self.hide_button = button("Hide from players")
        self.ship_button = button("Ship is here", tip="Put the ship's marker on this thing")
        self.course_button = button("Set course here", tip=COURSE_TIP)
        self.hint = label(name="StarMapHint", wrap=True)  # why a button is greyed out
        self.hint.setFixedHeight(self.hint.fontMetrics().lineSpacing() * 2 + 2)  # the map stays
        self.show_button = button(
            "Show to players", name="PrimaryButton", tip="Fly every display here"
        )
        # Two buttons a row: three in one row made this dock the widest of its column, which
        # took the map's share of a laptop screen; Show to players beside Set course keeps the
        # dock short enough to stack under its neighbours on a 768 px screen.
        actions = QGridLayout()
        buttons = (self.hide_button, self.ship_button, self.course_button, self.show_button)
        for i, widget in enumerate(buttons):
            actions.addWidget(widget, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.crumbs)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.title)
        layout.addWidget(self._details_box())
        layout.addLayout(actions)
        layout.addWidget(self.hint)
        self.view.clicked.connect(self.select)
        self.view.double_clicked.connect(self.open)
        self.hide_button.clicked.connect(self._toggle_hidden)
        self.ship_button.clicked.connect(lambda: self.ship_requested.emit(self.selected, ""))
        self.course_button.clicked.connect(self._course)
        self.show_button.clicked.connect(lambda: self.show_requested.emit(self.view_name()))
        self.select("")

    # --- state in ------------------------------------------------------------------------------

    def sync(self, state: TableState, campaign: Campaign) -> None:
        """Draw the star map as it stands (everything, hidden things flagged)."""
        if (state.star, campaign) == self._seen:
            return
        self._seen = (state.star, campaign)
        part = StarView(campaign.star_map, state.star, gm=True).snapshot(state.star.view)
        self.places = {slug: loc.map is not None for slug, loc in campaign.locations.items()}
        self.ship_place = campaign.ship_location()
        self.ship_name = campaign.ship.name if campaign.ship else ""
        if part == self.part:
            return
        self.part = part
        maps: Json = part.get(self.level + "s", {}) if part else {}  # type: ignore[assignment]
        if part is None or (self.level != "galaxy" and self.key not in maps):
            self.level, self.key = "galaxy", ""
        self.redraw()

    def view_name(self) -> str:
        return f"{self.level}:{self.key}" if self.level != "galaxy" else ""

    # --- drawing -------------------------------------------------------------------------------

    def _details_box(self) -> QScrollArea:
        """The details under the map in a box of fixed height (longer ones scroll in it)."""
        box = QScrollArea()
        box.setFrameShape(QFrame.Shape.NoFrame)
        box.setWidgetResizable(True)
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box.setWidget(self.details)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.setFixedHeight(self.details.fontMetrics().lineSpacing() * DETAIL_LINES + 4)
        # One line whatever its length: a title that wrapped moved the map too, and a long one
        # must not widen the dock (it is cut at the dock's edge instead).
        for line in (self.title, self.hint):
            line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return box

    def redraw(self) -> None:
        self.scene.draw(self.part, self.level, self.key, self.ship_name)
        self.things = self.scene.things
        self._crumbs()
        self.select(self.selected if self.selected in self.things else "")
        self.view.fit()

    # --- navigating and choosing ---------------------------------------------------------------

    def _crumbs(self) -> None:
        while self.crumbs.count():
            found = self.crumbs.takeAt(0)
            widget = found.widget() if found is not None else None
            if widget is not None:
                widget.deleteLater()
        trail = [("galaxy", "", "Galaxy")]
        part = self.part or {}
        system = self.key if self.level == "system" else ""
        if self.level == "orbit":
            system = part["orbits"][self.key]["system"]
        if system in part.get("systems", {}):
            trail.append(("system", system, part["systems"][system]["star"]["name"]))
        if self.level == "orbit":
            trail.append(("orbit", self.key, part["orbits"][self.key]["planet"]["name"]))
        for level, key, name in trail:
            crumb = button(name, tip=f"Go to the {level} map")
            crumb.setEnabled((level, key) != (self.level, self.key))
            crumb.clicked.connect(lambda _=False, lv=level, k=key: self.go(lv, k))
            self.crumbs.addWidget(crumb)
        self.crumbs.addStretch(1)

    def go(self, level: str, key: str) -> None:
        """Look at another map (the displays stay where they are until Show to players)."""
        self.level, self.key, self.selected = level, key, ""
        self.redraw()

    def select(self, key: str) -> None:
        if key == SHIP:  # the marker reads as the thing the ship is at
            key = ((self.part or {}).get("ship") or {}).get("at", "")
        self.selected = key if key in self.things else ""
        thing = self.things.get(self.selected)
        if thing is None:
            self.title.setText("Click a thing to read it; double-click to go into it.")
            self.details.setText("")
        else:
            hidden = bool(thing.get("hidden"))
            self.title.setText(
                f"{thing.get('name', '')}{'  (hidden from players)' if hidden else ''}"
            )
            info = thing.get("info") or {}
            self.details.setText(
                "\n".join(f"{k.replace('_', ' ').capitalize()}: {v}" for k, v in info.items())
            )
            self.hide_button.setText("Reveal to players" if hidden else "Hide from players")
        for widget in (self.hide_button, self.ship_button):
            widget.setEnabled(thing is not None)
        self._course_state(thing)
        self.scene.highlight(self.selected)
        self.view.place_names()  # the selected thing's name first

    def _course_state(self, thing: Json | None) -> None:
        """A course runs between the galaxy's systems: greyed out elsewhere, saying why."""
        reason = course_reason(self.level, thing)
        self.course_button.setEnabled(not reason)
        self.course_button.setToolTip(reason or COURSE_TIP)
        self.hint.setText(reason)

    def open(self, key: str) -> None:
        """Into a system's or planet's map; a place with a deck plan opens on the GM map."""
        thing = self.things.get(key) or {}
        part = self.part or {}
        if key == SHIP:
            if self.places.get(self.ship_place):
                self.location_requested.emit(self.ship_place)
        elif thing.get("system_map") in part.get("systems", {}):
            self.go("system", thing["system_map"])
        elif thing.get("orbit_map") in part.get("orbits", {}):
            self.go("orbit", thing["orbit_map"])
        else:
            slug = key.rsplit("/", 1)[-1]
            if self.places.get(slug):
                self.location_requested.emit(slug)

    def _toggle_hidden(self) -> None:
        thing = self.things.get(self.selected)
        if thing is not None:
            self.visibility_requested.emit(self.selected, bool(thing.get("hidden")))

    def _course(self) -> None:
        ship = (self.part or {}).get("ship") or {}
        self.ship_requested.emit(ship.get("at", ""), self.selected)


def course_reason(level: str, thing: Json | None) -> str:
    """Why "Set course here" cannot take the selected thing ("" when it can)."""
    if level != "galaxy":
        return "A course goes between systems: select one on the galaxy map."
    if thing is None:
        return "Select a system to set the ship's course to it."
    if "star_id" not in thing:
        return "A course goes to a system: select a system."
    return ""
