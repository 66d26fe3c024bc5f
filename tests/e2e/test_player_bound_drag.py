"""A tablet bound to a character, in real Chromium: only that member's token can be picked up
(the server refuses the others too); an unbound tablet drags every movable-type token."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    fresh_encounter,
    mapped_location,
    open_page,
    wait,
)
from tests.e2e.test_player_drag import drag, screen_point

pytestmark = pytest.mark.e2e

TABLET = "bound-tablet-01"


def test_a_bound_tablet_picks_up_only_its_members_token(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    deck = mapped_location(app)
    first, second, _ = deck.neighbours()
    fresh_encounter(app, deck, [first, second])
    crew = [{"id": c.id, "name": c.name} for c in load_campaign(sample_campaign_path()).crew]
    mine_member, other_member = crew[0], crew[1]
    place = "/api/gm/encounter/place-token/"
    start, other_start = deck.cells(first)[0], deck.cells(first)[-1]
    mine = app.gm(
        place,
        {"type": "player", "name": mine_member["name"], "x": start[0], "y": start[1],
         "image_url": f"crew:{mine_member['id']}"},
    )["token_id"]  # fmt: skip
    other = app.gm(
        place,
        {"type": "player", "name": other_member["name"], "x": other_start[0],
         "y": other_start[1], "image_url": f"crew:{other_member['id']}"},
    )["token_id"]  # fmt: skip
    page = open_page(browser, app, query=f"?display={TABLET}", width=1024, height=768,
                     guards=guards)  # fmt: skip
    wait(lambda: any(d["id"] == TABLET for d in app.get("/api/gm/displays/")["displays"]))
    mine_node = page.locator(f'.token[data-id="{mine}"]')
    other_node = page.locator(f'.token[data-id="{other}"]')
    expect(other_node).to_have_class(_has("movable"), timeout=WAIT_MS)  # unbound: both
    expect(mine_node).to_have_class(_has("movable"), timeout=WAIT_MS)
    app.gm(f"/api/gm/displays/{TABLET}/", {"character": mine_member["id"]})
    expect(other_node).not_to_have_class(_has("movable"), timeout=WAIT_MS)
    expect(mine_node).to_have_class(_has("movable"))
    moves: list[str] = []
    page.on("request", lambda r: moves.append(r.url) if "move-token" in r.url else None)
    target = deck.cells(second)[-1]
    # The other member's token is not picked up: the press pans the map, no move is asked.
    drag(page, screen_point(page, other_start), screen_point(page, target))
    expect(other_node).to_have_attribute("data-x", str(other_start[0]))
    assert not other_node.evaluate("g => g.classList.contains('dragging')")
    # Its own member's token moves, for everyone.
    drag(page, screen_point(page, start), screen_point(page, target))
    wait(lambda: app.get("/api/active-view/")["encounter_tokens"][mine]["x"] == target[0])
    expect(mine_node).to_have_attribute("data-x", str(target[0]), timeout=WAIT_MS)
    assert len(moves) == 1  # the page's request events are in by now: only its own token's
    assert app.get("/api/active-view/")["encounter_tokens"][other]["x"] == other_start[0]


def _has(name: str) -> re.Pattern[str]:
    return re.compile(rf"(^|\s){name}(\s|$)")
