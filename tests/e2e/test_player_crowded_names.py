"""A crowded room's name stays readable, in real Chromium: the stage rehearsal seats the five
crew in the sample's small airlock, whose last row holds a marker and its label; with no free
place inside, the name was drawn over that marker's label and icon ("STATION D…" under
"PORT", the objective's diamond in "AIRLOCK"). Nothing may cover a room's name or status line:
no token, no token label, no marker icon or label; and a name never lands on another room."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.page_checks import MAP_SETTLED_JS, overlap
from tests.e2e.player_fixtures import WAIT_MS, App, Guard, open_page, wait_revision
from tests.e2e.test_map_legibility import MAP_JS, _cells, _decks, _ink, _show

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
