"""A crowded room's name stays readable, in real Chromium: the stage rehearsal seats the five
crew in the sample's small airlock, whose last row holds a marker and its label; with no free
place inside, the name was drawn over that marker's label and icon ("STATION D…" under
"PORT", the objective's diamond in "AIRLOCK"). Nothing may cover a room's name or status line:
no token, no token label, no marker icon or label; and a name never lands on another room.
With the GM's camera on a part of the map (locked on the docking collar of the original
system's campaign), a token label stays inside what the display shows ("le Vance" was cut by
the TV's edge: labels kept only to the whole map's fitted box)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.page_checks import MAP_SETTLED_JS, overlap
from tests.e2e.player_fixtures import WAIT_MS, App, Guard, open_page, wait, wait_revision
from tests.e2e.test_map_legibility import MAP_JS, ORIGINAL, _cells, _decks, _ink, _show

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=["tv", "tablet"])
def test_nothing_covers_the_name_of_a_room_full_of_crew(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    app.gm("/api/gm/new-session/")
    slug, deck = next(
        (s, d) for s, d in _decks(app) if "PORT AIRLOCK" in {r["name"].upper() for r in d["rooms"]}
    )
    _show(app, slug, deck)
    airlock = next(r for r in deck["rooms"] if r["name"].upper() == "PORT AIRLOCK")
    crew = app.get("/api/active-view/?role=gm")["crew"]
    assert len(crew) >= 5
    for member, (x, y) in zip(crew, _cells(airlock), strict=False):
        app.gm("/api/gm/encounter/place-token/", {"type": "player", "name": member["name"],
               "x": x, "y": y})  # fmt: skip
    page = open_page(browser, app, width=size[0], height=size[1], guards=guards)
    wait_revision(page, int(app.get("/api/active-view/")["revision"]))
    page.wait_for_function(MAP_SETTLED_JS, timeout=WAIT_MS)
    m = page.evaluate(MAP_JS)
    walls = [room["wall"] for room in m["rooms"]]
    crowded = next(
        n for n, room in enumerate(m["rooms"])
        if any("AIRLOCK" in t[4].upper() for t in room["texts"])
    )  # fmt: skip
    texts = [(crowded, _ink(t)) for t in m["rooms"][crowded]["texts"]]
    for n, text in texts:
        covers = [d[4] if len(d) > 4 else "token" for d in m["discs"] if overlap(text, d)]
        covers += [k[4] for k in m["markers"] if overlap(text, _ink(k) if k[4] != "icon" else k)]
        covers += [label[4] for label in m["labels"] if overlap(text, label)]
        covers += ["another room" for i, w in enumerate(walls) if i != n and overlap(text, w)]
        assert covers == [], f"{text[4]!r} is covered by {covers}"


@pytest.fixture(name="original", scope="module")
def original_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = App(tmp_path_factory.mktemp("original") / "state.sqlite", campaign=ORIGINAL).start()
    yield app
    app.stop()


def test_token_labels_stay_inside_a_locked_cameras_view(
    original: App, browser: Any, guards: list[Guard]
) -> None:
    original.gm("/api/gm/new-session/")
    slug, deck = next(
        (s, d) for s, d in _decks(original)
        if "DOCKING COLLAR" in {r["name"].upper() for r in d["rooms"]}
    )  # fmt: skip
    _show(original, slug, deck)
    collar = next(r for r in deck["rooms"] if r["name"].upper() == "DOCKING COLLAR")
    crew = original.get("/api/active-view/?role=gm")["crew"]
    for member, (x, y) in zip(crew, _cells(collar), strict=False):
        original.gm("/api/gm/encounter/place-token/", {"type": "player", "name": member["name"],
                    "x": x, "y": y})  # fmt: skip
    tv = "locked-tv-000001"
    page = open_page(browser, original, f"?display={tv}", 1920, 1080, guards)
    wait(lambda: any(d["id"] == tv for d in original.get("/api/gm/displays/")["displays"]))
    camera = {"mode": "locked", "x": collar["x"], "y": collar["y"]}
    original.gm(f"/api/gm/displays/{tv}/", {"camera": camera})
    page.wait_for_function(
        "() => document.querySelector('#view-encounter svg.map').dataset.cameraMode === 'locked'",
        timeout=WAIT_MS,
    )
    wait_revision(page, int(original.get(f"/api/active-view/?display={tv}")["revision"]))
    page.wait_for_function(MAP_SETTLED_JS, timeout=WAIT_MS)
    m = page.evaluate(MAP_JS)
    view = [max(m["view"][0], 0), max(m["view"][1], 0)]
    view += [min(m["view"][2], m["width"]), min(m["view"][3], m["height"])]
    assert m["labels"], "no token label on the locked view"
    cut = [a[4] for a in m["labels"] if a[0] < view[0] - 0.5 or a[2] > view[2] + 0.5
           or a[1] < view[1] - 0.5 or a[3] > view[3] + 0.5]  # fmt: skip
    assert cut == [], f"token labels cut by the edge of the display: {cut}"


@pytest.mark.parametrize("size", [(1024, 768), (768, 1024)], ids=["tablet", "portrait"])
def test_every_status_line_stays_in_its_room_on_a_tablet(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    """A narrow room's status line ('⚠ OFFLINE' in the sample's cryo bay) ran over its wall
    into the next room on a tablet showing the whole deck."""
    app.gm("/api/gm/new-session/")
    slug, deck = next(
        (s, d) for s, d in _decks(app) if "PORT AIRLOCK" in {r["name"].upper() for r in d["rooms"]}
    )
    _show(app, slug, deck)
    page = open_page(browser, app, width=size[0], height=size[1], guards=guards)
    wait_revision(page, int(app.get("/api/active-view/")["revision"]))
    page.wait_for_function(MAP_SETTLED_JS, timeout=WAIT_MS)
    m = page.evaluate(MAP_JS)
    out = [
        t[4]
        for room in m["rooms"]
        for t in map(_ink, room["texts"])
        if t[0] < room["wall"][0] - 1 or t[2] > room["wall"][2] + 1
    ]
    assert out == [], f"texts run over their room's walls: {out}"
