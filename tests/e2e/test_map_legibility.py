"""Room names, status lines and token labels stay readable on a crowded map (real Chromium, the
sample and a campaign written the original system's way, TV and a tablet with portraits):

- no room name or status line lies under a token disc, a marker icon or a marker label;
- a room name stays inside its room (wrapped or shortened), never running into a neighbour;
- token labels keep a visible gap (half a character) between them, keep off door symbols and
  stay inside the map; a name with room around it is not cut short.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.page_checks import MAP_SETTLED_JS, overlap
from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    _walk,
    open_page,
    wait_revision,
)

pytestmark = pytest.mark.e2e
ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"
E = "/api/gm/encounter/"
TV = (1920, 1080)
TABLET = (1024, 768)

MAP_JS = r"""() => {
  const svg = document.querySelector('#view-encounter svg.map');
  const box = (e) => {
    const b = e.getBoundingClientRect();
    return [b.left, b.top, b.right, b.bottom];
  };
  const shown = (e) => e.textContent.trim() && e.checkVisibility({ visibilityProperty: true });
  const px = (t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
  return {
    view: box(svg), width: innerWidth, height: innerHeight,
    rooms: [...svg.querySelectorAll('.room')].map((g) => ({
      wall: box(g.querySelector('.room-wall')),
      texts: [...g.querySelectorAll('.room-name, .room-status')].filter(shown)
        .map((t) => [...box(t), t.textContent, px(t)]),
    })),
    discs: [...svg.querySelectorAll('.token-halo')].map(box),
    labels: [...svg.querySelectorAll('.token-name')].filter(shown)
      .map((t) => [...box(t), t.textContent, t.closest('.token').__name, px(t)]),
    doors: [...svg.querySelectorAll('.door-end')].map(box),
    markers: [...svg.querySelectorAll('.mk-label')].filter(shown)
      .map((t) => [...box(t), t.textContent, px(t)])
      .concat([...svg.querySelectorAll('.marker')]
        .map((g) => [...box(g.firstElementChild), 'icon', 0])),
  };
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


def _decks(app: App) -> Iterator[tuple[str, dict[str, Any]]]:
    for loc in _walk(app.get("/api/gm/locations/")["locations"]):
        if loc.get("has_map"):
            for deck in app.get(f"/api/gm/encounter-map/{loc['slug']}/")["decks"]:
                yield loc["slug"], deck


def _show(app: App, slug: str, deck: dict[str, Any]) -> None:
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": slug})
    app.gm(E + "switch-level/", {"deck_id": deck["id"], "location_slug": slug})
    rooms = {r["id"]: True for r in deck["rooms"]}
    app.gm(E + "room-visibility/", {"room_visibility": rooms, "deck_id": deck["id"]})


def _cells(room: dict[str, Any]) -> list[tuple[int, int]]:
    return [
        (x, y)
        for y in range(room["y"], room["y"] + room["height"])
        for x in range(room["x"], room["x"] + room["width"])
    ]


def _crowd(app: App, deck: dict[str, Any], big: str, small: str) -> None:
    """As the rehearsal seats them: five crew on every other cell of the big room (from its
    top-left), three others side by side at the small room's top-left, a crate in the big one."""
    rooms = {r["name"].upper(): r for r in deck["rooms"]}
    spots = _cells(rooms[big])
    crew = ["Ani Petrosyan", "Odile Vance", "Tunde Okoro", "Bram Hollis", "Crew 5"]
    taken = [spots[(i * 2) % len(spots)] for i in range(5)]
    for name, (x, y) in zip(crew, taken, strict=True):
        app.gm(E + "place-token/", {"type": "player", "name": name, "x": x, "y": y})
    cast = [("creature", "Brine Lurker"), ("npc", "Warden Ysolde Crane"), ("creature", "Hollow")]
    for (kind, name), (x, y) in zip(cast, _cells(rooms[small]), strict=False):
        app.gm(E + "place-token/", {"type": kind, "name": name, "x": x, "y": y})
    x, y = next(c for c in spots if c not in taken)
    app.gm(E + "place-token/", {"type": "object", "name": "Supply Crate", "x": x, "y": y})


def _measure(page: Any, app: App) -> dict[str, Any]:
    wait_revision(page, int(app.get("/api/active-view/")["revision"]))
    page.wait_for_function(MAP_SETTLED_JS, timeout=WAIT_MS)
    return dict(page.evaluate(MAP_JS))


def _inside(a: list[Any], b: list[Any], slack: float = 1.0) -> bool:
    return (
        a[0] >= b[0] - slack
        and a[1] >= b[1] - slack
        and a[2] <= b[2] + slack
        and a[3] <= b[3] + slack
    )


def _ink(text: list[Any]) -> list[Any]:
    """An upper-case line's box without the empty descent under its baseline (0.3 em)."""
    return [text[0], text[1], text[2], text[3] - 0.3 * text[5], text[4]]


def _check_room_texts(m: dict[str, Any], where: str) -> None:
    for room in m["rooms"]:
        for text in map(_ink, room["texts"]):
            assert _inside(text, room["wall"]), f"{where}: {text[4]!r} runs out of its room"
            under = [d for d in m["discs"] if overlap(text, d)]
            assert under == [], f"{where}: a token sits on {text[4]!r}"
            marks = [k for k in map(_ink, m["markers"]) if overlap(text, k)]
            assert marks == [], f"{where}: {text!r} overlaps marker {marks}"


def _check_token_labels(m: dict[str, Any], where: str) -> None:
    view = [max(m["view"][0], 0), max(m["view"][1], 0)]
    view += [min(m["view"][2], m["width"]), min(m["view"][3], m["height"])]
    labels = m["labels"]
    for i, a in enumerate(labels):
        assert _inside(a, view, 0.5), f"{where}: label {a[4]!r} leaves the map"
        doors = [d for d in m["doors"] if overlap(a, d)]
        assert doors == [], f"{where}: label {a[4]!r} covers a door"
        half = 0.3 * a[6]  # half a monospace character (0.6 em)
        for b in labels[i + 1 :]:
            widened = [a[0] - half, a[1], a[2] + half, a[3]]
            assert not overlap(widened, b, 0), f"{where}: {a[4]!r} and {b[4]!r} run together"


SCENES = {
    "original": ("CENTRAL HUB", "DOCKING COLLAR"),
    "sample": ("MAIN CORRIDOR", "PORT AIRLOCK"),
}


@pytest.mark.parametrize("campaign", ["original", "sample"])
def test_room_names_and_token_labels_stay_readable_with_tokens_in_the_rooms(
    campaign: str, request: pytest.FixtureRequest, browser: Any
) -> None:
    app: App = request.getfixturevalue(campaign)
    big, small = SCENES[campaign]
    app.gm("/api/gm/new-session/")
    slug, deck = next(
        (s, d) for s, d in _decks(app) if {big, small} <= {r["name"].upper() for r in d["rooms"]}
    )
    _show(app, slug, deck)
    _crowd(app, deck, big, small)
    guards: list[Guard] = []
    tv = open_page(browser, app, width=TV[0], height=TV[1], guards=guards, reduced_motion=True)
    m = _measure(tv, app)
    assert len(m["discs"]) == 9
    _check_room_texts(m, f"{campaign} TV")
    _check_token_labels(m, f"{campaign} TV")
    # The names seen cut or run together at the edge of a room, with room around them.
    whole = {a[4] for a in m["labels"]}
    missing = {"Brine Lurker", "Bram Hollis", "Crew 5"} - whole
    assert missing == set(), f"{campaign} TV: names cut short where there is room: {missing}"
    for npc in app.get("/api/gm/npcs/")["npcs"][:2]:
        app.gm(E + "toggle-portrait/", {"npc_id": npc["id"]})
    pad = open_page(browser, app, width=TABLET[0], height=TABLET[1], guards=guards)
    m = _measure(pad, app)
    _check_room_texts(m, f"{campaign} tablet")
    _check_token_labels(m, f"{campaign} tablet")
    for guard in guards:
        assert not guard.errors, guard.errors
        guard.context.close()


@pytest.mark.parametrize("campaign", ["original", "sample"])
def test_every_room_name_and_status_fits_its_room_on_a_tv_and_a_tablet_with_portraits(
    campaign: str, request: pytest.FixtureRequest, browser: Any
) -> None:
    app: App = request.getfixturevalue(campaign)
    app.gm("/api/gm/new-session/")
    for npc in app.get("/api/gm/npcs/")["npcs"][:2]:
        app.gm(E + "toggle-portrait/", {"npc_id": npc["id"]})
    guards: list[Guard] = []
    pad = open_page(browser, app, width=TABLET[0], height=TABLET[1], guards=guards)
    tv = open_page(browser, app, width=TV[0], height=TV[1], guards=guards)
    for (slug, deck), page in itertools.product(list(_decks(app)), (pad, tv)):
        _show(app, slug, deck)
        m = _measure(page, app)
        _check_room_texts(m, f"{campaign} {slug} {deck['id']} {m['width']}")
        texts = [(n, _ink(t)) for n, r in enumerate(m["rooms"]) for t in r["texts"]]
        for i, (room, a) in enumerate(texts):
            for other, b in texts[i + 1 :]:
                if other != room:  # a room's own status line sits right under its name
                    assert not overlap(a, b), f"{slug} {deck['id']}: {a[4]!r} runs into {b[4]!r}"
    for guard in guards:
        assert not guard.errors, guard.errors
        guard.context.close()
