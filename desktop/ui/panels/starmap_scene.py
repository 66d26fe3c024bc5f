"""The Star map dock's scene: the galaxy, a system or a planet's orbit seen from above.

Places and orbits are in the map's units; every thing has a mark of a fixed size in pixels
(see starmap_marks) carrying its key, so it stays easy to see and to hit at any zoom. The ship
is an amber arrowhead with its name, drawn above everything, its course a dashed amber line.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from desktop.ui.look import colors
from desktop.ui.panels.starmap_marks import (
    KEY,
    ROLE,
    Z_COURSE,
    Z_LINE,
    name_label,
    selection_ring,
    ship_mark,
    thing_mark,
)

Json = dict[str, Any]
STATION = re.compile(r"station|platform|outpost")  # a body drawn as a square, as the TV does


@dataclass
class Mark:
    """A drawn thing: its mark, its size in pixels, and how much its name matters (0 most)."""

    item: QGraphicsItem
    radius: float
    rank: int


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


class StarMapScene(QGraphicsScene):
    """One level of the star map, drawn from the GM's star_map part (hidden things flagged)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.things: dict[str, Json] = {}
        self.marks: dict[str, Mark] = {}
        self.ring: QGraphicsItem | None = None
        self.ship: QGraphicsItem | None = None
        self.selected = ""

    def draw(self, part: Json | None, level: str, key: str, ship_name: str) -> None:
        self.clear()
        self.things, self.marks, self.ring, self.ship = {}, {}, None, None
        if part is None:
            text = QGraphicsSimpleTextItem("No star map in this campaign")
            text.setBrush(QColor(colors.TEXT_DIM))
            self.addItem(text)
            return
        if level == "system":
            self._system(part["systems"][key])
        elif level == "orbit":
            self._orbit(part["orbits"][key])
        else:
            self._galaxy(part.get("galaxy") or {}, part["ship"])
        self._ship(part["ship"], ship_name)

    def line(self, a: QPointF, b: QPointF, pen: QPen) -> QGraphicsLineItem:
        line = QGraphicsLineItem(a.x(), a.y(), b.x(), b.y())
        line.setPen(pen)
        line.setZValue(Z_LINE)
        self.addItem(line)
        return line

    def ellipse(self, rect: QRectF, pen: QPen) -> QGraphicsEllipseItem:
        ellipse = QGraphicsEllipseItem(rect)
        ellipse.setPen(pen)
        ellipse.setZValue(Z_LINE)
        self.addItem(ellipse)
        return ellipse

    def highlight(self, key: str) -> None:
        """Ring the selected thing ("" none)."""
        self.selected = key
        if self.ring is not None:
            self.removeItem(self.ring)
            self.ring = None
        mark = self.marks.get(key)
        if mark is not None:
            self.ring = selection_ring(mark.item.pos(), mark.radius)
            self.addItem(self.ring)

    # --- things --------------------------------------------------------------------------------

    def _thing(
        self, thing: Json, at: QPointF, radius: float, color: str, rank: int, square: bool = False
    ) -> None:
        key = thing["key"]
        hidden = bool(thing.get("hidden"))
        mark = thing_mark(key, at, radius, color, hidden, square)
        self.addItem(mark)
        text = thing.get("name", "") + ("  (hidden)" if hidden else "")
        name_label(mark, text, colors.TEXT_DIM if hidden else colors.TEXT, bold=rank == 0)
        if key:
            self.things[key] = thing
        self.marks[key or f"#{len(self.marks)}"] = Mark(mark, radius, rank)

    def _area(self, key: str, rect: QRectF, color: str, alpha: float, pen: QPen) -> None:
        """A thing with an extent in map units (a nebula, the planet of an orbit map)."""
        fill = QColor(color)
        fill.setAlphaF(alpha)
        area = self.ellipse(rect, pen)
        area.setBrush(fill)
        area.setData(KEY, key)
        area.setData(ROLE, "area")

    def _route(self, a: QPointF, b: QPointF, color: str) -> QGraphicsItem:
        pen = QPen(QColor(color), 1.2)
        pen.setCosmetic(True)
        return self.line(a, b, pen)

    def _orbit_ring(self, r: float, color: str = colors.TEAL_DIM) -> None:
        pen = QPen(QColor(color), 1)
        pen.setCosmetic(True)
        self.ellipse(QRectF(-r, -r, 2 * r, 2 * r), pen)

    # --- levels --------------------------------------------------------------------------------

    def _galaxy(self, galaxy: Json, ship: Json) -> None:
        at = {s["key"]: QPointF(s["position"][0], s["position"][2]) for s in galaxy["systems"]}
        for n in galaxy.get("nebulae", []):
            where, r = QPointF(n["position"][0], n["position"][2]), n["size"] / 2
            pen = QPen(QColor(n["color"]), 1, Qt.PenStyle.DotLine)
            pen.setCosmetic(True)
            self._area(
                n["key"], QRectF(where.x() - r, where.y() - r, 2 * r, 2 * r), n["color"], 0.18, pen
            )
            self._thing({**n, "info": {}}, where, 3, n["color"], 4)
        for route in galaxy.get("routes", []):
            line = self._route(at[route["from"]], at[route["to"]], route["color"])
            if route.get("hidden"):
                line.setOpacity(0.4)
        course = [at[k] for k in ship["course"] if k in at]
        for a, b in itertools.pairwise(course):
            dashed = QPen(QColor(colors.AMBER), 2.2, Qt.PenStyle.DashLine)
            dashed.setCosmetic(True)
            self.line(a, b, dashed).setZValue(Z_COURSE)
        for s in galaxy["systems"]:
            radius = _clamp(3.5 + s["size"] * 0.8, 4, 8)
            self._thing(s, at[s["key"]], radius, s["color"], 1, s["type"] == "station")

    def _around(
        self, items: list[Json], color_of: Callable[[Json], str], scale: float, square: bool
    ) -> None:
        for item in items:
            r = item["orbit"]["radius"]
            self._orbit_ring(r)
            angle = math.radians(item["orbit"]["angle"])
            at = QPointF(r * math.cos(angle), -r * math.sin(angle))
            radius = _clamp(3.5 + item.get("size", 1) * scale, 4, 9)
            built = square or bool(STATION.search(item.get("type", "")))
            self._thing(item, at, radius, color_of(item), 2, square=built)

    def _system(self, system: Json) -> None:
        star = system["star"]
        self._thing({"key": "", "name": star["name"]}, QPointF(0, 0), 11, star["color"], 0)
        for belt in (b for b in system["bodies"] if b.get("belt")):
            mid = (belt["belt"]["inner"] + belt["belt"]["outer"]) / 2
            pen = QPen(QColor(belt["color"]), belt["belt"]["outer"] - belt["belt"]["inner"])
            pen.setStyle(Qt.PenStyle.DotLine if not belt.get("hidden") else Qt.PenStyle.DashLine)
            ring = self.ellipse(QRectF(-mid, -mid, 2 * mid, 2 * mid), pen)
            ring.setOpacity(0.3)
            angle = math.radians(belt["orbit"]["angle"])
            at = QPointF(mid * math.cos(angle), -mid * math.sin(angle))
            self._thing(belt, at, 4, belt["color"], 2, square=True)
        bodies = [b for b in system["bodies"] if not b.get("belt")]
        self._around(bodies, lambda b: b["color"], 1.0, False)

    def _orbit(self, orbit: Json) -> None:
        planet = orbit["planet"]
        size = planet["size"]
        color = (planet.get("texture") or {}).get("primary") or "#889099"
        pen = QPen(QColor(colors.TEAL), 1)
        pen.setCosmetic(True)
        self._area(orbit["key"], QRectF(-size, -size, 2 * size, 2 * size), color, 0.55, pen)
        self._thing({**planet, "key": orbit["key"]}, QPointF(0, 0), 3, color, 0)
        for site in orbit["sites"]:
            lon, lat = math.radians(site["longitude"]), math.radians(site["latitude"])
            at = QPointF(size * math.sin(lon) * math.cos(lat), -size * math.sin(lat))
            self._thing(site, at, 3.5, colors.AMBER, 3, square=True)
        self._around(orbit["moons"], lambda m: m["color"], 2.0, False)
        self._around(orbit["stations"], lambda s: colors.TEAL_BRIGHT, 1.0, True)

    # --- the ship ------------------------------------------------------------------------------

    def _ship(self, ship: Json, name: str) -> None:
        """The ship's arrowhead over the thing it is at, or over the drawn thing that holds it
        (its system on the galaxy, its planet on a system's map)."""
        at = ship.get("at") or ""
        if not at:
            return
        holders = [k for k in self.things if at == k or at.startswith(k + "/")]
        holders += [
            k
            for k, thing in self.things.items()
            if thing.get("system_map") and at.startswith(thing["system_map"] + "/")
        ]
        if not holders:
            return
        mark = self.marks[max(holders, key=len)]
        self.ship = ship_mark(mark.item.pos(), mark.radius, name or "Ship")
        self.addItem(self.ship)
