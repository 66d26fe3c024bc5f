"""The Star map dock: the galaxy, a system or a planet seen from above, as the GM sees it.

Click a thing to read it; double-click to go down into its map (a system, a planet with an
orbit map) or to open the deck map of a place that has one. Hide or reveal it for players,
place the ship there or set its course there, and show the view on every display.
Hidden things are drawn dimmed with a dashed outline; the ship is an amber triangle (clicking
it reads the thing it is at; double-clicking it opens the ship's deck plan).
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.campaign.model import Campaign
from desktop.model.starview import StarView
from desktop.model.state import TableState
from desktop.ui.look import colors
from desktop.ui.look.widgets import button, label

Json = dict[str, Any]
KEY = 0  # the item data slot holding a thing's key
SHIP = "@ship"  # the key the ship's marker carries: double-click opens the ship's deck plan


class _View(QGraphicsView):
    """Clicks and double-clicks on the scene's things, by key."""

    clicked = Signal(str)
    double_clicked = Signal(str)

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QColor(colors.BG))
        self.setMinimumSize(240, 200)
        # The map is always fitted: scroll bars would only come and go with each fit, and each
        # time they did the viewport resized and fitted again (the window froze on a system).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _key(self, event: QMouseEvent) -> str:
        for item in self.items(event.position().toPoint()):
            key = item.data(KEY)
            if isinstance(key, str) and key:
                return key
        return ""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self._key(event))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        key = self._key(event)
        if key:
            self.double_clicked.emit(key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if not rect.isEmpty():
            self.fitInView(rect.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)


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
        self.scene = QGraphicsScene(self)
        self.view = _View(self.scene)
        self.crumbs = QHBoxLayout()
        self.crumbs.setSpacing(4)
        self.title = label(name="StarMapTitle")
        self.details = label(name="StarMapDetails", wrap=True)
        self.hide_button = button("Hide from players")
        self.ship_button = button("Ship is here", tip="Put the ship's marker on this thing")
        self.course_button = button("Set course here", tip="A dashed course along the routes")
        self.show_button = button(
            "Show to players", name="PrimaryButton", tip="Fly every display here"
        )
        # Two buttons a row: three in one row made this dock the widest of its column, which
        # took the map's share of a laptop screen.
        actions = QGridLayout()
        for i, widget in enumerate((self.hide_button, self.ship_button, self.course_button)):
            actions.addWidget(widget, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.crumbs)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignRight)
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

    def redraw(self) -> None:
        self.scene.clear()
        self.things = {}
        part = self.part
        if part is None:
            self.scene.addText("No star map in this campaign").setDefaultTextColor(
                QColor(colors.TEXT_DIM)
            )
        elif self.level == "system":
            self._system(part["systems"][self.key], part["ship"])
        elif self.level == "orbit":
            self._orbit(part["orbits"][self.key], part["ship"])
        else:
            self._galaxy(part.get("galaxy") or {}, part["ship"])
        self._crumbs()
        self.view.fit()
        self.select(self.selected if self.selected in self.things else "")

    def _thing(
        self, thing: Json, x: float, y: float, radius: float, color: str, shape: str = "o"
    ) -> None:
        key = thing["key"]
        if key:
            self.things[key] = thing
        hidden = bool(thing.get("hidden"))
        pen = QPen(QColor(colors.TEXT_DIM if hidden else color), 0)
        if hidden:
            pen.setStyle(Qt.PenStyle.DashLine)
        fill = QColor(color)
        fill.setAlphaF(0.25 if hidden else 0.9)
        rect = QRectF(x - radius, y - radius, radius * 2, radius * 2)
        item: QGraphicsItem
        if shape == "o":
            item = self.scene.addEllipse(rect, pen, QBrush(fill))
        else:
            item = self.scene.addRect(rect, pen, QBrush(fill if not hidden else QColor(0, 0, 0, 0)))
        item.setData(KEY, key)
        name = thing.get("name", "") + ("  (hidden)" if hidden else "")
        text = self.scene.addSimpleText(name)
        text.setBrush(QColor(colors.TEXT_DIM if hidden else colors.TEXT))
        text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        text.setPos(x + radius * 1.3, y - radius)
        text.setData(KEY, key)

    def _line(
        self, a: tuple[float, float], b: tuple[float, float], color: str, dashed: bool
    ) -> None:
        pen = QPen(QColor(color), 0)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.scene.addLine(a[0], a[1], b[0], b[1], pen)

    def _ship_mark(self, x: float, y: float, size: float) -> None:
        shape = QPolygonF(
            [
                QPointF(x - size, y - 2 * size),
                QPointF(x + size, y - 2 * size),
                QPointF(x, y - 0.6 * size),
            ]
        )
        mark = self.scene.addPolygon(
            shape, QPen(QColor(colors.AMBER), 0), QBrush(QColor(colors.AMBER))
        )
        mark.setData(KEY, SHIP)
        mark.setToolTip("The ship: double-click to open its deck plan")

    def _galaxy(self, galaxy: Json, ship: Json) -> None:
        at = {s["key"]: (s["position"][0], s["position"][2]) for s in galaxy.get("systems", [])}
        for n in galaxy.get("nebulae", []):
            self._thing(
                {**n, "info": {}}, n["position"][0], n["position"][2], n["size"] / 2, n["color"]
            )
        for r in galaxy.get("routes", []):
            self._line(at[r["from"]], at[r["to"]], r["color"], bool(r.get("hidden")))
        for s in galaxy.get("systems", []):
            self._thing(
                s,
                *at[s["key"]],
                max(1.5, s["size"]),
                s["color"],
                "o" if s["type"] != "station" else "s",
            )
        course = [at[k] for k in ship["course"] if k in at]
        for a, b in itertools.pairwise(course):
            self._line(a, b, colors.AMBER, True)
        if ship["at"] in at:
            self._ship_mark(*at[ship["at"]], 2.5)

    def _around(self, items: list[Json], ship: Json, color_of: Any) -> None:
        for item in items:
            r = item["orbit"]["radius"] if "orbit" in item else 0.0
            self.scene.addEllipse(QRectF(-r, -r, 2 * r, 2 * r), QPen(QColor(colors.TEAL_DIM), 0))
            angle = math.radians(item["orbit"]["angle"])
            x, y = r * math.cos(angle), -r * math.sin(angle)
            self._thing(item, x, y, max(0.8, item.get("size", 1)), color_of(item))
            if ship["at"] == item["key"]:
                self._ship_mark(x, y, 1.5)

    def _system(self, system: Json, ship: Json) -> None:
        star = system["star"]
        self._thing({"key": "", "name": star["name"]}, 0, 0, star["size"], star["color"])
        bodies = [b for b in system["bodies"] if not b.get("belt")]
        for belt in (b for b in system["bodies"] if b.get("belt")):
            mid = (belt["belt"]["inner"] + belt["belt"]["outer"]) / 2
            pen = QPen(QColor(belt["color"]), belt["belt"]["outer"] - belt["belt"]["inner"])
            pen.setStyle(Qt.PenStyle.DotLine if not belt.get("hidden") else Qt.PenStyle.DashLine)
            ring = self.scene.addEllipse(QRectF(-mid, -mid, 2 * mid, 2 * mid), pen)
            ring.setOpacity(0.35)
            self._thing(belt, mid, 0, 1.0, belt["color"])
        self._around(bodies, ship, lambda b: b["color"])

    def _orbit(self, orbit: Json, ship: Json) -> None:
        planet = orbit["planet"]
        texture = planet.get("texture") or {}
        self._thing(
            {"key": orbit["key"], "name": planet["name"]},
            0,
            0,
            planet["size"],
            texture.get("primary", "#889"),
        )
        for site in orbit["sites"]:
            lon, lat = math.radians(site["longitude"]), math.radians(site["latitude"])
            size = planet["size"]
            self._thing(
                site,
                size * math.sin(lon) * math.cos(lat),
                -size * math.sin(lat),
                0.4,
                colors.AMBER,
                "s",
            )
        self._around(orbit["moons"], ship, lambda m: m["color"])
        self._around(orbit["stations"], ship, lambda s: colors.TEAL_BRIGHT)

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
        self.course_button.setEnabled(thing is not None and self.level == "galaxy")

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
