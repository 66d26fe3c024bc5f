"""A whole GM session at script speed: every display ends showing exactly the final snapshot.

A seeded random mix of GM writes (views, decks, rooms, doors, tokens, portraits, broadcasts,
ship systems, hold) goes to the real app over HTTP as fast as it answers, while a TV and a
tablet watch in real Chromium. Frames are coalesced and may be skipped (latest wins); what
matters is where each display settles, at six checkpoints: the revision and view, the portraits,
terminal overlay and ship computer shown, and in ENCOUNTER the same rooms, doors and statuses,
and tokens on the same cells, as GET /api/active-view/ says.
No write may fail with a 5xx and the page may raise no script error.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
    open_page,
)

pytestmark = pytest.mark.e2e
ACTIONS = 240
CHECKPOINTS = 6
SEED = 20261125
DOORS = ("OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED")
ROOMS = ("OPERATIONAL", "WARNING", "HAZARD", "OFFLINE")
TOKEN_TYPES = ("player", "npc", "creature", "object")
TOKEN_MARKS = ("wounded", "dead", "panicked", "stunned", "hidden")

DOM_STATE = """() => {
  const layer = (name) => [...document.querySelectorAll(
    `#view-encounter .layer-${name} > [data-id]`)];
  const cell = (g) => [Number(g.dataset.x), Number(g.dataset.y)];
  return {
    view: document.body.dataset.view,
    revision: Number(document.body.dataset.revision),
    rooms: layer("rooms").map((g) => g.dataset.id).sort(),
    doors: Object.fromEntries(layer("doors").map((g) => [g.dataset.id, g.dataset.status])),
    tokens: Object.fromEntries(layer("tokens").map((g) => [g.dataset.id, cell(g)])),
    portraits: Number(document.getElementById("portraits").dataset.count || 0),
    terminal: !document.getElementById("terminal-overlay").hidden,
    charon: !document.getElementById("charon").hidden,
    charon_entries: document.querySelectorAll("#charon [data-id]").length,
  };
}"""


class Session:
    """The GM side: the campaign's places as the GM API tells them, and random writes."""

    def __init__(self, app: App, rng: random.Random) -> None:
        self.app, self.rng = app, rng
        self.places = [
            loc for loc in _walk(app.get("/api/gm/locations/")["locations"]) if loc["has_map"]
        ]
        self.maps = {
            loc["slug"]: app.get(f"/api/gm/encounter-map/{loc['slug']}/")["decks"]
            for loc in self.places
        }
        self.npcs = [npc["id"] for npc in app.get("/api/gm/npcs/")["npcs"]]
        self.terminals = [
            (loc["slug"], term["slug"])
            for loc in _walk(app.get("/api/gm/locations/")["locations"])
            for term in loc.get("terminals") or []
        ]
        self.systems = list(app.get("/api/active-view/?role=gm")["ship"]["systems"])
        self.refused = 0

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any] | None:
        status, answer = self.app.request("POST", path, body)
        assert status < 500, f"POST {path} {body!r} -> {status} {answer!r}"
        if status != 200:
            self.refused += 1  # refusals are fine (a busy cell, nothing there): never a 5xx
            return None
        return dict(answer)

    def shown(self) -> tuple[str, dict[str, Any]] | None:
        """The location and deck the players see, if a mapped one."""
        gm = self.app.get("/api/active-view/?role=gm")
        slug = gm.get("location_slug") or ""
        if gm.get("view_type") != "ENCOUNTER" or slug not in self.maps:
            return None
        decks = self.maps[slug]
        deck_id = gm.get("encounter_deck_id") or next(d["id"] for d in decks if d["default"])
        return slug, next(d for d in decks if d["id"] == deck_id)

    def tokens(self) -> list[str]:
        return list(self.app.get("/api/active-view/?role=gm").get("encounter_tokens") or {})

    def cell(self, deck: dict[str, Any]) -> tuple[int, int]:
        room = self.rng.choice(deck["rooms"])
        return (
            self.rng.randrange(room["x"], room["x"] + room["width"]),
            self.rng.randrange(room["y"], room["y"] + room["height"]),
        )

    def step(self) -> None:
        where = self.shown()
        if where is None or self.rng.random() < 0.08:
            self.post("/api/gm/switch-view/", self.view())
            return
        if self.rng.random() < 0.12:
            self.post(*self.overlay_write())
            return
        if self.rng.random() < 0.02:  # a change prepared under hold, then released
            self.post("/api/gm/hold/", {"hold": True})
            self.post(*self.encounter_write(*where))
            self.post("/api/gm/hold/", {"hold": False})
            return
        self.post(*self.encounter_write(*where))

    def view(self) -> dict[str, Any]:
        if self.rng.random() < 0.8:
            return {"view_type": "ENCOUNTER", "location_slug": self.rng.choice(self.places)["slug"]}
        return {"view_type": self.rng.choice(["STANDBY", "BRIDGE", "CHARON_TERMINAL"])}

    def overlay_write(self) -> tuple[str, dict[str, Any]]:
        """A terminal shown or hidden, or the ship computer's mode, dialog or words."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.3 and self.terminals:
            slug, terminal = rng.choice(self.terminals)
            return "/api/gm/show-terminal/", {"location_slug": slug, "terminal_slug": terminal}
        if roll < 0.4:
            return "/api/gm/show-terminal/", {"location_slug": "", "terminal_slug": ""}
        if roll < 0.55:
            return "/api/gm/charon/mode/", {"mode": rng.choice(["DISPLAY", "QUERY"])}
        if roll < 0.75:
            return "/api/gm/charon/toggle-dialog/", {"open": rng.random() < 0.6}
        channel = self.app.get("/api/active-view/")["charon_active_channel"]
        return f"/api/gm/charon/{channel}/send/", {"content": f"reading {rng.randrange(100)}"}

    def encounter_write(self, slug: str, deck: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """One random write at the shown deck (or beside it: portraits, broadcasts, ship)."""
        rng, e = self.rng, "/api/gm/encounter/"
        room = rng.choice(deck["rooms"])["id"]
        tokens = self.tokens()
        x, y = self.cell(deck)
        roll = rng.random()
        if roll < 0.04 and len(self.maps[slug]) > 1:
            return e + "switch-level/", {"deck_id": rng.choice(self.maps[slug])["id"]}
        if roll < 0.30:
            return e + "toggle-room/", {"room_id": room, "visible": rng.random() < 0.75}
        if roll < 0.40 and deck["connections"]:
            door = rng.choice(deck["connections"])["id"]
            return e + "set-door-status/", {"connection_id": door, "door_status": rng.choice(DOORS)}
        if roll < 0.45:
            return e + "set-room-status/", {"room_id": room, "status": rng.choice(ROOMS)}
        if roll < 0.62 or not tokens:
            kind = rng.choice(TOKEN_TYPES)
            return e + "place-token/", {"type": kind, "name": f"{kind} {x},{y}", "x": x, "y": y}
        token = rng.choice(tokens)
        if roll < 0.82:
            return e + "move-token/", {"token_id": token, "x": x, "y": y}
        if roll < 0.87:
            marks = rng.sample(TOKEN_MARKS, rng.randrange(0, 3))
            return e + "update-token-status/", {"token_id": token, "status": marks}
        if roll < 0.90:
            return e + "remove-token/", {"token_id": token}
        if roll < 0.93 and self.npcs:
            return e + "toggle-portrait/", {"npc_id": rng.choice(self.npcs)}
        if roll < 0.97 or not self.systems:
            return "/api/gm/broadcast/", {"content": f"signal {rng.randrange(1000)}"}
        system = {"system": rng.choice(self.systems), "status": "DAMAGED"}
        return "/api/gm/ship-status/toggle/", {**system, "condition": rng.randrange(101)}


def _walk(locations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for loc in locations:
        found += [loc, *_walk(loc.get("children") or [])]
    return found


def expected(snap: dict[str, Any]) -> dict[str, Any]:
    """What a display showing `snap` has in its DOM."""
    view = snap["view_type"]
    npcs = snap.get("encounter_npc_data") or {}
    state: dict[str, Any] = {
        "view": view,
        "revision": snap["revision"],
        "portraits": len([i for i in snap.get("encounter_active_portraits") or [] if i in npcs]),
        "terminal": bool(snap.get("terminal") and snap.get("overlay_terminal_slug")),
        "charon": view == "CHARON_TERMINAL" or bool(snap.get("charon_dialog_open")),
        "charon_entries": len(snap.get("charon_conversation") or []),
    }
    if view == "ENCOUNTER":
        deck = snap.get("encounter_map") or {"rooms": [], "doors": []}
        state["rooms"] = sorted(str(r["id"]) for r in deck["rooms"])
        statuses = snap.get("encounter_door_status") or {}
        state["doors"] = {str(d["id"]): str(statuses[d["id"]]).upper() for d in deck["doors"]}
        state["tokens"] = {
            str(i): [t["x"], t["y"]] for i, t in (snap.get("encounter_tokens") or {}).items()
        }
    return state


def shown(page: Any, keys: list[str]) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(DOM_STATE)
    return {key: state[key] for key in keys}


def test_every_display_settles_on_the_final_snapshot(
    app: App, browser: Any, guards: list[Guard]
) -> None:
    app.gm("/api/gm/new-session/")
    tv = open_page(browser, app, guards=guards)
    tablet = open_page(browser, app, width=1024, height=768, guards=guards)
    session = Session(app, random.Random(SEED))
    seen: list[dict[str, Any]] = []
    for _ in range(CHECKPOINTS):
        for _ in range(ACTIONS // CHECKPOINTS):
            session.step()
        now = expected(app.get("/api/active-view/"))
        for page in (tv, tablet):
            page.wait_for_function(
                "(r) => Number(document.body.dataset.revision) === r",
                arg=now["revision"],
                timeout=WAIT_MS,
            )
            assert shown(page, list(now)) == now
        seen.append(now)
    assert session.refused < ACTIONS // 2, "most writes were refused: the session tested little"
    # The checkpoints saw the overlays both ways at least once (else the session tests little).
    for key in ("terminal", "charon"):
        assert {state[key] for state in seen} == {True, False}, (key, seen)
