"""Save screenshots of the player display: starts the app, drives it through the GM API and
photographs each view at 1920x1080 and 1024x768 into screenshots/.

Usage: python scripts/screenshots.py [--out screenshots] [--sizes 1920x1080,1024x768]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.player_fixtures import CHROMIUM_ARGS, App, mapped_location  # noqa: E402

STATUSES = ["OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"]


def try_gm(app: App, path: str, body: dict[str, Any]) -> Any:
    status, answer = app.request("POST", path, body)
    if status != 200:
        print(f"  note: {path} {body} -> {status} {answer}")
    return answer


def standby(app: App) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})


def bridge(app: App) -> None:
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    systems = list(app.get("/api/active-view/")["ship"]["systems"])
    looks = [
        ("DAMAGED", 41, "Coolant loop breached"),
        ("CRITICAL", 12, "Containment failing"),
        ("OFFLINE", 0, "Array retracted"),
    ]
    for system, (status, condition, info) in zip(systems[1:], looks, strict=False):
        try_gm(
            app,
            "/api/gm/ship-status/toggle/",
            {"system": system, "status": status, "condition": condition, "info": info},
        )


def broadcast(app: App) -> None:
    app.gm(
        "/api/gm/broadcast/",
        {
            "content": "Lantern Station is not answering hails. Hold position.",
            "sender": "Wren Core",
            "priority": "HIGH",
        },
    )


def encounter(app: App) -> None:
    deck = mapped_location(app)
    app.gm("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": deck.slug})
    app.gm("/api/gm/encounter/switch-level/", {"deck_id": deck.deck_id})
    rooms = list(deck.rooms)
    shown = rooms[: max(3, len(rooms) - 3)]
    app.gm("/api/gm/encounter/room-visibility/", {"room_visibility": {r: True for r in shown}})
    doors = [
        c
        for c in deck.connections
        if c["door_type"] != "passage" and c["from"] in shown and c["to"] in shown
    ]
    for conn, status in zip(doors, STATUSES, strict=False):
        try_gm(
            app,
            "/api/gm/encounter/set-door-status/",
            {"connection_id": conn["id"], "door_status": status},
        )
    try_gm(app, "/api/gm/encounter/set-room-status/", {"room_id": shown[1], "status": "HAZARD"})
    place_tokens(app, deck, shown)


def place_tokens(app: App, deck: Any, shown: list[str]) -> None:
    wide = sorted(shown, key=lambda r: -len(deck.cells(r)))[:3]
    spots = [c for r in wide for c in deck.cells(r) if c[0] % 2 == 1 and c[1] % 2 == 1]
    spots = spots[::2] + spots[1::2]  # spread over the rooms before filling them
    pieces = [
        ("player", "Marlowe", "crew:marlowe", []),
        ("player", "Adeyemi", "crew:adeyemi", ["wounded"]),
        ("player", "Sunde", "crew:sunde", ["panicked"]),
        ("npc", "Lio Farrant", "npc:farrant", []),
        ("creature", "Rime Crawler", "token:rime_crawler", ["stunned"]),
        ("object", "Crate", "token:crate", []),
        ("npc", "Tomas Brandt", "", ["dead"]),
    ]
    for i, (kind, name, image, status) in enumerate(pieces):
        x, y = spots[(i * 3) % len(spots)]
        token = try_gm(
            app,
            "/api/gm/encounter/place-token/",
            {"type": kind, "name": name, "x": x, "y": y, "image_url": image},
        )
        if status and "token_id" in token:
            try_gm(
                app,
                "/api/gm/encounter/update-token-status/",
                {"token_id": token["token_id"], "status": status},
            )


def portraits(app: App) -> None:
    for npc in app.get("/api/gm/npcs/")["npcs"][:2]:
        app.gm("/api/gm/encounter/toggle-portrait/", {"npc_id": npc["id"]})


def terminal(app: App) -> None:
    portraits(app)  # toggles them off again
    locations = app.get("/api/gm/locations/")["locations"]
    stack = list(locations)
    while stack:
        loc = stack.pop(0)
        stack.extend(loc.get("children") or [])
        if loc.get("terminals"):
            app.gm(
                "/api/gm/show-terminal/",
                {"location_slug": loc["slug"], "terminal_slug": loc["terminals"][0]["slug"]},
            )
            return


def charon(app: App) -> None:
    app.gm("/api/gm/switch-view/", {"view_type": "CHARON_TERMINAL"})
    app.gm("/api/gm/charon/story/clear/")
    app.gm("/api/gm/charon/mode/", {"mode": "QUERY"})
    app.gm("/api/gm/charon/story/send/", {"content": "Wren Core online. Docking collar mated."})
    app.gm(
        "/api/gm/charon/story/send/",
        {
            "content": "Lantern Station reports no life signs in the "
            "habitat ring. Thermal bloom detected below the ice."
        },
    )
    app.request(
        "POST", "/api/charon/story/submit/", {"query": "Who sealed the lower lock?"}, token=None
    )
    gm = app.get("/api/active-view/?role=gm")
    question = next((e for e in gm["charon_conversation"] if e["pending"]), None)
    if question:
        app.gm(
            "/api/gm/charon/story/send/",
            {
                "content": "Access logs for the lower lock are restricted to the Station Overseer.",
                "in_reply_to": question["id"],
            },
        )


SCENES: list[tuple[str, Callable[[App], None], float]] = [
    ("standby", standby, 6.0),
    ("bridge", bridge, 2.5),
    ("broadcast", broadcast, 2.0),
    ("encounter", encounter, 3.0),
    ("portraits", portraits, 2.5),
    ("terminal", terminal, 2.0),
    ("charon", charon, 6.0),
]


def shoot(app: App, browser: Any, size: tuple[int, int], out: Path) -> None:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(app.url)
    for name, setup, settle in SCENES:
        setup(app)
        revision = app.get("/api/active-view/")["revision"]
        page.wait_for_function("(r) => Number(document.body.dataset.revision) >= r", arg=revision)
        time.sleep(settle)
        path = out / f"{name}-{size[0]}x{size[1]}.png"
        page.screenshot(path=str(path))
        print(path)
        if name == "broadcast":
            page.click("#transmission")
    page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--sizes", default="1920x1080,1024x768")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp) / "s.sqlite3").start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
                )
                for size in sizes:
                    shoot(app, browser, (size[0], size[1]), args.out)
                browser.close()
        finally:
            app.stop()


if __name__ == "__main__":
    main()
