"""Map view benchmark: a deck of 200 rooms, 300 doors and 500 tokens.

Measures (median of many runs, wall clock and this process's CPU time: on a busy machine
the CPU figure is the one to compare) the full re-sync of the map after a state change, the whole
window's re-sync, a repaint of the view, and one token drag step. Prints figures; never fails.

    .venv/bin/python bench/map_view_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.campaign.model import (
    Campaign,
    Connection,
    Deck,
    Grid,
    Location,
    LocationMap,
    Room,
    frozen_map,
)
from desktop.model import actions as a
from desktop.model.state import LocationState, TableState, Token
from desktop.model.store import Store
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow

COLS, ROWS, SIZE = 20, 10, 4  # 200 rooms of 4x4 cells
SLUG, DECK = "bench", "deck"


def build_campaign() -> Campaign:
    rooms = [
        Room(f"r{c}_{r}", f"Room {c}-{r}", c * SIZE, r * SIZE, SIZE, SIZE, DECK)
        for r in range(ROWS)
        for c in range(COLS)
    ]
    pairs = [(f"r{c}_{r}", f"r{c + 1}_{r}") for r in range(ROWS) for c in range(COLS - 1)]
    pairs += [(f"r{c}_{r}", f"r{c}_{r + 1}") for r in range(ROWS - 1) for c in range(COLS)]
    doors = [
        Connection(f"d{i}", x, y, DECK, "standard", ("OPEN", "CLOSED", "LOCKED")[i % 3])
        for i, (x, y) in enumerate(pairs[:300])
    ]
    deck = Deck(
        DECK,
        "Bench deck",
        1,
        "deck.yaml",
        Grid(COLS * SIZE, ROWS * SIZE),
        tuple(rooms),
        tuple(doors),
        default=True,
    )
    lmap = LocationMap(
        "Bench",
        (deck,),
        DECK,
        frozen_map({r.id: r for r in rooms}),
        frozen_map({d.id: d for d in doors}),
    )
    location = Location(SLUG, "Bench station", "station", "", "", "galaxy/bench", "", map=lmap)
    return Campaign(
        Path("."),
        "Bench",
        frozen_map({SLUG: location}),
        (SLUG,),
        frozen_map(),
        (),
        None,
        (),
        frozen_map(),
    )


def build_state(campaign: Campaign) -> TableState:
    tokens: dict[str, Token] = {}
    deck = campaign.locations[SLUG].map.decks[0]  # type: ignore[union-attr]
    for i in range(500):
        room = deck.rooms[i % len(deck.rooms)]
        slot = i // len(deck.rooms)
        x, y = room.x + slot % SIZE, room.y + slot // SIZE
        tokens[f"t{i}"] = Token(
            f"t{i}",
            ("player", "npc", "creature", "object")[i % 4],
            f"Token {i}",
            x,
            y,
            DECK,
            room.id,
        )
    revealed = frozenset(r.id for r in deck.rooms[::2])
    loc = LocationState(DECK, revealed=revealed, tokens=tokens)
    return TableState(view_type="ENCOUNTER", location_slug=SLUG, locations={SLUG: loc})


def median_ms(
    fn: Callable[[], None], runs: int, before: Callable[[], None] | None = None
) -> tuple[float, float]:
    """(median wall ms, median CPU ms) of fn; `before` runs untimed ahead of each call."""
    wall, cpu = [], []
    for _ in range(runs):
        if before is not None:
            before()
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    app = QApplication(sys.argv)
    # The window queues its re-syncs on the asyncio loop that runs Qt's, as in the app.
    qasync.QEventLoop(app, already_running=True)
    campaign = build_campaign()
    store = Store(campaign, build_state(campaign))
    window = MainWindow(store, WindowServices(settings_path=Path("/tmp/gm-bench-settings.ini")))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    window.focus.set(SLUG, DECK)
    window.refresher.flush()
    scene, view, panel = window.map_panel.scene, window.map_panel.view, window.map_panel
    print(f"items: {len(scene.rooms)} rooms, {len(scene.doors)} doors, {len(scene.tokens)} tokens")
    flip = [True]

    def reveal() -> None:
        flip[0] = not flip[0]
        store.dispatch(a.ToggleRoom("r1_1", flip[0]))

    def move() -> None:
        flip[0] = not flip[0]
        store.dispatch(a.MoveToken("t0", 0 if flip[0] else 1, 3))

    def door() -> None:
        flip[0] = not flip[0]
        store.dispatch(a.SetDoorStatus("d5", "SEALED" if flip[0] else "OPEN"))

    report("dispatch of a room reveal (store only)", *median_ms(reveal, 200))
    report("map re-sync after a room reveal", *median_ms(panel.sync, 200, reveal))
    report("map re-sync after a token move", *median_ms(panel.sync, 200, move))
    report(
        "map re-sync, every shape rebuilt and compared",
        *median_ms(panel.sync, 100, lambda: (reveal(), panel.builder._memo.clear())),
    )
    report(
        "whole-window re-sync after a door change", *median_ms(window.refresher.flush, 200, door)
    )
    view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    view.viewport().repaint()
    report("full repaint of the map (fit to window)", *median_ms(view.viewport().repaint, 50))
    report("one token drag step (event handling)", *drag_steps(view, window, False))
    report("one token drag step incl. its repaint", *drag_steps(view, window, True))
    window.close()


def drag_steps(view, window, repaint: bool) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    item = window.map_panel.scene.tokens["t7"]
    start = view.mapFromScene(item.scenePos())
    send(view, QEvent.Type.MouseButtonPress, QPointF(start), Qt.MouseButton.LeftButton)
    step = [0]

    def one_step() -> None:
        step[0] += 1
        dx = (step[0] % 40) * CELL * 0.05 * view.transform().m11()
        send(view, QEvent.Type.MouseMove, QPointF(start) + QPointF(dx, 0), Qt.MouseButton.NoButton)
        if repaint:  # paint what the move dirtied, as the event loop would
            QApplication.processEvents()

    result = median_ms(one_step, 200)
    send(view, QEvent.Type.MouseButtonRelease, QPointF(start), Qt.MouseButton.LeftButton)
    return result


def send(view, kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton) -> None:  # type: ignore[no-untyped-def]
    buttons = (
        Qt.MouseButton.LeftButton
        if kind != QEvent.Type.MouseButtonRelease
        else Qt.MouseButton.NoButton
    )
    event = QMouseEvent(
        kind,
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def report(name: str, wall: float, cpu: float) -> None:
    print(f"{name:45s} median {wall:7.2f} ms wall  {cpu:7.2f} ms CPU")


if __name__ == "__main__":
    main()
