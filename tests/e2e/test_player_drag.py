"""Tablet token moves in a real browser: a player drags their token into a revealed room and it
moves for everyone; a drag into a room the players have not found is refused with the server's
reason and the token slides back; on hold every drag is refused ("STAND BY — DISPLAYS ON HOLD")
and does not land when the GM releases."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Deck,
    Guard,
    fresh_encounter,
    mapped_location,
    open_page,
)

pytestmark = pytest.mark.e2e

CELL_TO_SCREEN = """(c) => {
  const svg = document.querySelector('#view-encounter svg.map');
  const p = new DOMPoint(c.x + 0.5, c.y + 0.5).matrixTransform(svg.getScreenCTM());
  return {x: p.x, y: p.y};
}"""


def screen_point(page: Any, cell: tuple[int, int]) -> tuple[float, float]:
    page.wait_for_selector("#view-encounter svg.map:not([data-fitting])", timeout=WAIT_MS)
    point = page.evaluate(CELL_TO_SCREEN, {"x": cell[0], "y": cell[1]})
    return point["x"], point["y"]


def drag(page: Any, start: tuple[float, float], end: tuple[float, float]) -> None:
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, steps=6)
    page.mouse.move(*end, steps=6)
    page.mouse.up()


def on_screen(page: Any, point: tuple[float, float]) -> bool:
    size = page.viewport_size
    return 2 < point[0] < size["width"] - 2 and 2 < point[1] < size["height"] - 2


def nearest_hidden_cell(deck: Deck, hidden: str, near: str) -> tuple[int, int]:
    room = deck.rooms[near]
    cx, cy = room["x"] + room["width"] / 2, room["y"] + room["height"] / 2
    return min(deck.cells(hidden), key=lambda c: (c[0] - cx) ** 2 + (c[1] - cy) ** 2)


def tablet_with_token(
    app: App, browser: Any, guards: list[Guard], name: str, cell: tuple[int, int]
) -> tuple[str, Any, Any]:
    """A player token placed on `cell`, and a tablet showing it there: (token id, page, node)."""
    token = app.gm(
        "/api/gm/encounter/place-token/",
        {"type": "player", "name": name, "x": cell[0], "y": cell[1]},
    )["token_id"]
    page = open_page(browser, app, width=1024, height=768, guards=guards)
    node = page.locator(f'.token[data-id="{token}"]')
    expect(node).to_have_attribute("data-x", str(cell[0]), timeout=WAIT_MS)
    return token, page, node


def test_player_drags_a_token_into_a_revealed_room(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    start, target = deck.cells(first)[0], deck.cells(second)[-1]
    token, tablet, _node = tablet_with_token(app, browser, guards, "Adeyemi", start)
    tv = open_page(browser, app, guards=guards)
    drag(tablet, screen_point(tablet, start), screen_point(tablet, target))
    for page in (tablet, tv):
        moved = page.locator(f'.token[data-id="{token}"]')
        expect(moved).to_have_attribute("data-x", str(target[0]), timeout=WAIT_MS)
        expect(moved).to_have_attribute("data-y", str(target[1]))
    placed = app.get("/api/active-view/")["encounter_tokens"][token]
    assert (placed["x"], placed["y"]) == target


def test_a_drag_into_a_hidden_room_is_refused_with_the_reason(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, hidden, _ = deck.neighbours()
    fresh_encounter(app, deck, [first])
    start = deck.cells(first)[0]
    token, page, node = tablet_with_token(app, browser, guards, "Quill", start)
    cell = nearest_hidden_cell(deck, hidden, first)
    end = screen_point(page, cell)
    for _ in range(6):
        if on_screen(page, end):
            break
        page.mouse.move(512, 384)
        page.mouse.wheel(0, 300)  # zoom out until the spot is on the screen
        end = screen_point(page, cell)
    drag(page, screen_point(page, start), end)
    status, refusal = app.request(
        "POST",
        "/api/gm/encounter/move-token/",
        {"token_id": token, "x": cell[0], "y": cell[1]},
        token=None,
    )
    assert status == 403
    expect(page.locator("#toast")).to_have_text(refusal["error"], timeout=WAIT_MS)
    expect(node).to_have_attribute("data-x", str(start[0]), timeout=WAIT_MS)
    expect(node).to_have_attribute("data-y", str(start[1]))
    placed = app.get("/api/active-view/")["encounter_tokens"][token]
    assert (placed["x"], placed["y"]) == start


def test_a_gm_move_seen_before_the_players_reply_wins_on_that_display(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    """The player's move is applied first, the GM moves the same token right after, and the
    display gets the GM's frame before the answer to its own move: it must end where the GM
    put the token, not where the player dropped it."""
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    cells = deck.cells(first)
    start, dropped, gm_cell = cells[0], deck.cells(second)[-1], cells[-1]
    token, page, node = tablet_with_token(app, browser, guards, "Sunde", start)
    held: list[Any] = []
    page.route("**/api/gm/encounter/move-token/?*", lambda route: held.append(route))  # ?display=
    drag(page, screen_point(page, start), screen_point(page, dropped))
    for _ in range(WAIT_MS // 50):  # the route handler runs while the page is waited on
        if held:
            break
        page.wait_for_timeout(50)
    (route,) = held
    reply = route.fetch()  # the server applies the player's move now; its answer waits
    assert reply.status == 200, reply.text()
    app.gm("/api/gm/encounter/move-token/", {"token_id": token, "x": gm_cell[0], "y": gm_cell[1]})
    # the players' revision counts their frames, not the GM's changes (API.md "Audiences")
    shown = app.get("/api/active-view/")["revision"]
    page.wait_for_function(
        "(r) => Number(document.body.dataset.revision) >= r", arg=shown, timeout=WAIT_MS
    )
    route.fulfill(response=reply)  # now the player's own answer arrives
    expect(node).to_have_attribute("data-x", str(gm_cell[0]), timeout=WAIT_MS)
    expect(node).to_have_attribute("data-y", str(gm_cell[1]))


def test_a_drag_on_hold_is_refused_and_stays_refused_after_release(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    start, target = deck.cells(first)[0], deck.cells(second)[-1]
    token, tablet, node = tablet_with_token(app, browser, guards, "Castellane", start)
    app.gm("/api/gm/hold/", {"hold": True})
    drag(tablet, screen_point(tablet, start), screen_point(tablet, target))
    expect(tablet.locator("#toast")).to_have_text(
        "STAND BY \u2014 DISPLAYS ON HOLD", timeout=WAIT_MS
    )
    expect(node).to_have_attribute("data-x", str(start[0]), timeout=WAIT_MS)
    app.gm("/api/gm/hold/", {"hold": False})
    released = app.get("/api/active-view/")
    placed = released["encounter_tokens"][token]
    assert (placed["x"], placed["y"]) == start  # the refused drag did not land on release
    expect(node).to_have_attribute("data-x", str(start[0]), timeout=WAIT_MS)
