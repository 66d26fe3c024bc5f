"""Real Chromium on an imported map whose rooms are painted each in its own colour: with one
room revealed, no image the page loaded and no /media/ piece the snapshot names holds a pixel
of another room's colour; revealing a second room brings its picture; a hidden room's piece
is a 404."""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop.cli import main
from tests.e2e.player_fixtures import WAIT_MS, App, Guard, open_page, wait, wait_revision
from tests.mapimport.uvtt_files import OUTSIDE, ROOM_COLOURS, room_of, uvtt, write_uvtt

pytestmark = pytest.mark.e2e
RESOURCES = """() => performance.getEntriesByType('resource').map((e) => e.name)
  .filter((u) => !u.includes('/api/'))"""
LOADED_MEDIA = (
    """() => performance.getEntriesByType('resource').some((e) => e.name.includes('/media/'))"""
)
NAME_CENTRE = """() => {
  const b = document.querySelector('#view-encounter .room .room-name').getBBox();
  return [b.x + b.width / 2, b.y + b.height / 2];
}"""
PICTURES = """() => [...document.querySelectorAll('#view-encounter image.room-picture')]
  .map((i) => i.getAttribute('href')).filter(Boolean)"""


@pytest.fixture(name="imported_app", scope="module")
def imported_app_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    root = tmp_path_factory.mktemp("pictures")
    campaign = root / "campaign"
    (campaign / "galaxy" / "outpost").mkdir(parents=True)
    (campaign / "galaxy" / "outpost" / "location.yaml").write_text("name: Outpost\ntype: station\n")
    file = write_uvtt(root / "hold.dd2vtt", uvtt(origin=(4.0, 2.0)))
    assert (
        main(["import-map", str(file), "--campaign", str(campaign), "--location", "outpost"]) == 0
    )
    with pytest.MonkeyPatch.context() as patch:  # the pieces' cache stays in the test's folder
        patch.setenv("XDG_CACHE_HOME", str(root / "cache"))
        app = App(root / "s.sqlite3", campaign=campaign).start()
    yield app
    app.stop()


def fetch(app: App, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(app.url.rstrip("/") + path, timeout=15) as resp:
            if "svg" in resp.headers.get("Content-Type", ""):
                return resp.status, b""  # drawn shapes (icons), no pixels of the map
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, b""


def colours(data: bytes) -> set[tuple[int, int, int]]:
    """The opaque colours of an image."""
    if not data:
        return set()
    with Image.open(io.BytesIO(data)) as image:
        rgba = image.convert("RGBA")
    found = rgba.getcolors(maxcolors=1 << 20) or []
    return {(r, g, b) for _count, (r, g, b, a) in found if a > 0}


def rooms_by_letter(app: App) -> dict[str, str]:
    deck = app.get("/api/gm/encounter-map/outpost/")["decks"][0]
    found = {}
    for room in deck["rooms"]:
        cell = room["cells"][0] if "cells" in room else (room["x"], room["y"])
        found[room_of(*cell)] = room["id"]
    return found


def reveal(app: App, room_id: str, visible: bool = True) -> int:
    answer = app.gm("/api/gm/encounter/toggle-room/", {"room_id": room_id, "visible": visible})
    return int(answer["revision"])


def test_players_get_only_the_pixels_of_revealed_rooms(
    browser: Any, imported_app: App, guards: list[Guard]
) -> None:
    app = imported_app
    letters = rooms_by_letter(app)
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": "outpost"})
    revision = reveal(app, letters["B"])  # the L-shaped room
    page = open_page(browser, app, guards=guards)
    wait_revision(page, revision)
    page.wait_for_function(f"() => ({PICTURES})().length === 1", timeout=WAIT_MS)
    page.wait_for_function(LOADED_MEDIA, timeout=WAIT_MS)
    loaded = [u for u in page.evaluate(RESOURCES) if not u.endswith((".js", ".css", ".woff2", "/"))]
    snapshot = app.get("/api/active-view/")
    named = [r["picture"] for r in snapshot["encounter_map"]["rooms"]]
    assert len(named) == 1
    others = {ROOM_COLOURS["A"], ROOM_COLOURS["C"], OUTSIDE}
    seen: set[tuple[int, int, int]] = set()
    for url in {*named, *(u.split(app.url.rstrip("/"), 1)[-1] for u in loaded)}:
        status, data = fetch(app, url)
        assert status == 200, url
        found = colours(data)
        assert not found & others, f"{url} holds another room's pixels"
        seen |= found
    assert ROOM_COLOURS["B"] in seen
    # The L-shaped room's name sits on its own cells (its box's corner is room C's).
    x, y = page.evaluate(NAME_CENTRE)
    assert room_of(int(x), int(y)) == "B", (x, y)

    revision = reveal(app, letters["C"])
    wait_revision(page, revision)
    page.wait_for_function(f"() => ({PICTURES})().length === 2", timeout=WAIT_MS)
    pictures = {
        r["id"]: r["picture"] for r in app.get("/api/active-view/")["encounter_map"]["rooms"]
    }
    status, data = fetch(app, pictures[letters["C"]])
    assert status == 200 and ROOM_COLOURS["C"] in colours(data)
    assert not colours(data) & {ROOM_COLOURS["A"], ROOM_COLOURS["B"], OUTSIDE}
    for href in page.evaluate(PICTURES):
        assert fetch(app, href)[0] == 200

    reveal(app, letters["C"], visible=False)  # hidden again: its piece is no longer served
    assert wait(lambda: fetch(app, pictures[letters["C"]])[0] == 404)
    assert fetch(app, pictures[letters["B"]])[0] == 200


def test_the_gm_map_names_the_whole_picture(imported_app: App, tmp_path: Path) -> None:
    deck = imported_app.get("/api/gm/encounter-map/outpost/")["decks"][0]
    assert len(deck["rooms"]) == 3 and sum("cells" in r for r in deck["rooms"]) == 1
