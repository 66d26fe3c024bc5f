"""Real Chromium on a campaign written the original system's way, and on the sample.

- Maps of separate rooms: every door symbol touches a room's wall or its corridor, nothing of
  the map lies outside the viewport, no two marker icons (nor their labels) overlap (TV and
  tablet, both decks).
- Players read names: no visible text on any view is an id, slug or channel key of the
  campaign, or a cell's coordinates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    open_page,
    wait_revision,
)

ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"
E = "/api/gm/encounter/"

GEOMETRY = """() => {
  const svg = document.querySelector('#view-encounter svg.map');
  const box = svg.getBoundingClientRect();
  const rect = (el) => { const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  return {
    svg: rect(svg), width: innerWidth, height: innerHeight,
    rooms: [...svg.querySelectorAll('.room .room-wall')].map(rect),
    corridors: [...svg.querySelectorAll('.door .corridor-floor')]
      .filter((p) => p.getAttribute('d')).map(rect),
    doors: [...svg.querySelectorAll('.door-end, .door:not(:has(.door-end))')].map(rect),
    icons: [...svg.querySelectorAll('.marker')].map((g) => rect(g.firstElementChild)),
    labels: [...svg.querySelectorAll('.mk-label')].map(rect),
    drawn: [...svg.querySelectorAll('.room, .door, .marker, .mk-label')].map(rect),
  };
}"""

VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || !node.textContent.trim() || el.closest('[hidden], title, script, style')) continue;
    const r = el.getBoundingClientRect(), css = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || css.visibility === 'hidden') continue;
    out.push(node.textContent.trim());
  }
  return out;
}"""


@pytest.fixture(name="original", scope="module")
def original_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = App(tmp_path_factory.mktemp("original") / "state.sqlite", campaign=ORIGINAL).start()
    yield app
    app.stop()


@pytest.fixture(name="sample", scope="module")
def sample_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = App(tmp_path_factory.mktemp("sample") / "state.sqlite").start()
    yield app
    app.stop()


def _touches(a: dict[str, float], b: dict[str, float], slack: float = 1.5) -> bool:
    return (
        a["x"] <= b["x"] + b["w"] + slack
        and b["x"] <= a["x"] + a["w"] + slack
        and a["y"] <= b["y"] + b["h"] + slack
        and b["y"] <= a["y"] + a["h"] + slack
    )


def _on_wall(door: dict[str, float], room: dict[str, float]) -> bool:
    """The door's box meets the room's outline (not only its inside)."""
    if not _touches(door, room):
        return False
    inner = {"x": room["x"] + 3, "y": room["y"] + 3, "w": room["w"] - 6, "h": room["h"] - 6}
    inside = (
        door["x"] >= inner["x"]
        and door["y"] >= inner["y"]
        and door["x"] + door["w"] <= inner["x"] + inner["w"]
        and door["y"] + door["h"] <= inner["y"] + inner["h"]
    )
    return not inside


def _overlap_area(a: dict[str, float], b: dict[str, float]) -> float:
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return max(w, 0) * max(h, 0)


def _check_map(page: Any) -> None:
    page.wait_for_selector("#view-encounter svg.map:not([data-fitting])", timeout=WAIT_MS)
    g = page.evaluate(GEOMETRY)
    assert g["rooms"] and g["doors"] and g["icons"]
    for door in g["doors"]:
        assert any(_on_wall(door, r) for r in g["rooms"]) or any(
            _touches(door, c) for c in g["corridors"]
        ), door
    view = g["svg"]
    for item in g["drawn"]:
        if item["w"] == 0 and item["h"] == 0:
            continue
        assert item["x"] >= max(view["x"], 0) - 0.5, item
        assert item["y"] >= max(view["y"], 0) - 0.5, item
        assert item["x"] + item["w"] <= min(view["x"] + view["w"], g["width"]) + 0.5, item
        assert item["y"] + item["h"] <= min(view["y"] + view["h"], g["height"]) + 0.5, item
    for kind in ("icons", "labels"):
        boxes = g[kind]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert _overlap_area(a, b) < 1.0, (kind, a, b)


def _reveal_deck(app: App, slug: str, deck: dict[str, Any]) -> int:
    app.gm(E + "switch-level/", {"deck_id": deck["id"], "location_slug": slug})
    visibility = {r["id"]: True for r in deck["rooms"]}
    answer = app.gm(E + "room-visibility/", {"room_visibility": visibility, "deck_id": deck["id"]})
    return int(app.get("/api/active-view/")["revision"]) if answer else 0


def test_separate_rooms_draw_doors_on_walls_inside_the_view_markers_apart(
    original: App, browser: Any
) -> None:
    guards: list[Guard] = []
    pages = [
        open_page(browser, original, width=1920, height=1080, guards=guards),
        open_page(browser, original, width=1024, height=768, guards=guards),
    ]
    original.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": "relay_nine"})
    for deck in original.get("/api/gm/encounter-map/relay_nine/")["decks"]:
        revision = _reveal_deck(original, "relay_nine", deck)
        for page in pages:
            wait_revision(page, revision)
            _check_map(page)
    for guard in guards:
        assert not guard.errors and not guard.foreign


def _ids(app: App) -> set[str]:
    """Every id, slug and channel key of the campaign that could not pass for a word."""
    found: set[str] = set()

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            found.add(item["slug"])
            found.add(f"encounter-{item['slug']}")
            found.update(t["slug"] for t in item.get("terminals", []))
            if item.get("has_map"):
                for deck in app.get(f"/api/gm/encounter-map/{item['slug']}/")["decks"]:
                    found.add(deck["id"])
                    found.update(r["id"] for r in deck["rooms"])
                    found.update(c["id"] for c in deck["connections"])
            walk(item.get("children", []))

    walk(app.get("/api/gm/locations/")["locations"])
    found.update(n["id"] for n in app.get("/api/gm/npcs/")["npcs"])
    found.update(c["id"] for c in app.get("/api/active-view/?role=gm").get("crew", []))
    return {i for i in found if re.search(r"[_\-\d]", i) and len(i) >= 3}


COORDINATES = re.compile(r"\(\s*-?\d+\s*,\s*-?\d+\s*\)")


class Walk:
    """One display walked through every view; each view's visible text checked."""

    def __init__(self, app: App, page: Any) -> None:
        self.app, self.page = app, page
        self.ids = _ids(app)
        self.seen: list[str] = []

    def check(self, what: str) -> None:
        wait_revision(self.page, int(self.app.get("/api/active-view/")["revision"]))
        texts = self.page.evaluate(VISIBLE_TEXT)
        self.seen.append(what)
        for text in texts:
            assert not COORDINATES.search(text), (what, text)
            lowered = text.lower()
            for ident in self.ids:
                assert ident.lower() not in lowered, (what, ident, text)

    def gm(self, path: str, body: dict[str, Any]) -> None:
        self.app.gm(path, body)


def _walk_every_view(app: App, browser: Any) -> list[str]:
    page = open_page(browser, app, width=1920, height=1080)
    walk = Walk(app, page)
    walk.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    walk.check("standby")
    walk.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    walk.gm("/api/gm/charon/toggle-dialog/", {"open": True})
    walk.check("bridge with the ship computer")
    walk.gm("/api/gm/charon/toggle-dialog/", {"open": False})
    for tab in ("status", "crew", "logs"):
        walk.check(f"bridge {tab}")
        page.click(f'.br-tab[data-tab="{tab}"]')
    for npc in app.get("/api/gm/npcs/")["npcs"]:
        walk.gm(E + "toggle-portrait/", {"npc_id": npc["id"]})
    walk.check("portraits")
    places = app.get("/api/gm/locations/")["locations"]
    stack = list(places)
    while stack:
        item = stack.pop()
        stack += item.get("children", [])
        walk.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": item["slug"]})
        walk.gm("/api/gm/charon/toggle-dialog/", {"open": True})
        if item.get("has_map"):
            for deck in app.get(f"/api/gm/encounter-map/{item['slug']}/")["decks"]:
                _reveal_deck(app, item["slug"], deck)
                cell = (deck["rooms"][0]["x"], deck["rooms"][0]["y"])
                token = {"type": "player", "name": "Vasquez", "x": cell[0], "y": cell[1]}
                app.request("POST", E + "place-token/", token)
                walk.check(f"encounter {item['slug']} {deck['id']}")
        else:
            walk.check(f"location card {item['slug']}")
        for term in item.get("terminals", []):
            body = {"location_slug": item["slug"], "terminal_slug": term["slug"]}
            walk.gm("/api/gm/show-terminal/", body)
            walk.check(f"terminal {term['slug']}")
        walk.gm("/api/gm/charon/toggle-dialog/", {"open": False})
    return walk.seen


@pytest.mark.parametrize("campaign", ["original", "sample"])
def test_no_view_shows_an_id_slug_channel_key_or_coordinates(
    campaign: str, request: pytest.FixtureRequest, browser: Any
) -> None:
    app: App = request.getfixturevalue(campaign)
    seen = _walk_every_view(app, browser)
    assert len(seen) >= 8
    assert any(s.startswith("terminal") for s in seen)
    assert any(s.startswith("encounter") for s in seen)
