"""Store throughput on the sample: token moves through dispatch, projection, encoding, commit.

Prints moves per second (wall and CPU), the longest and the 99th-percentile commit, and the
size of the encounter snapshot for the sample's biggest deck with 20 tokens on it. On a shared
machine, --rounds N runs each bench N times and adds the medians (and the load average).

    .venv/bin/python bench/store_bench.py [--moves N] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign, Deck
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.state import TableState
from desktop.model.store import PERSISTENCE, Store
from desktop.storage.persistence import StateFile


def biggest_deck(campaign: Campaign) -> tuple[str, Deck]:
    """The deck with the most rooms (then the largest grid) of any location."""
    decks = [
        (slug, deck)
        for slug, loc in campaign.locations.items()
        if loc.map
        for deck in loc.map.decks
        if deck.grid is not None
    ]
    return max(decks, key=lambda d: (len(d[1].rooms), d[1].grid.width * d[1].grid.height))  # type: ignore[union-attr]


def cells(deck: Deck) -> list[tuple[int, int]]:
    return [
        (x, y)
        for room in deck.rooms
        for x in range(room.x, room.x + room.width)
        for y in range(room.y, room.y + room.height)
    ]


def table(store: Store, slug: str, deck: Deck) -> list[str]:
    """The deck shown, every room revealed, 20 tokens placed; their ids."""
    store.dispatch(A.SwitchView("ENCOUNTER", slug))
    store.dispatch(A.SwitchLevel(deck.id))
    store.dispatch(A.SetRoomVisibility(tuple((r.id, True) for r in deck.rooms)))
    store.dispatch(A.SetPlayerPermissions(through_doors="any"))  # players go anywhere shown
    free = cells(deck)
    step = max(1, len(free) // 20)
    ids = []
    for i in range(20):
        x, y = free[i * step]
        kind = ("player", "npc", "creature", "object")[i % 4]
        store.dispatch(A.PlaceToken(kind, f"Token {i + 1}", x, y))
        ids.append(str(store.last_reply["token_id"]))
    return ids


def timed(
    commit: Callable[[TableState], None], out: list[float], cpu: list[float]
) -> Callable[[TableState], None]:
    def run(state: TableState) -> None:
        started, used = time.perf_counter(), time.thread_time()
        commit(state)
        out.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - used)

    return run


def bench(moves: int, actor: str) -> tuple[float, float]:
    """Run and print one bench; (moves per second wall, moves per second CPU)."""
    campaign = load_campaign(sample_campaign_path())
    slug, deck = biggest_deck(campaign)
    with tempfile.TemporaryDirectory() as folder:
        state_file = StateFile(Path(folder) / "bench.sqlite3")
        store = Store(campaign, state_file.load())
        commits: list[float] = []
        cpu_commits: list[float] = []
        state_file.commit(store.state)
        store.subscribe(timed(state_file.commit, commits, cpu_commits), PERSISTENCE)
        ids = table(store, slug, deck)
        frame = store.player_frame()
        taken = {(t.x, t.y) for t in store.state.locations[slug].tokens.values()}
        targets = [c for c in cells(deck) if c not in taken]
        mover = ids[0]  # a player token: players may move it
        commits.clear()
        cpu_commits.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        for i in range(moves):
            x, y = targets[i % len(targets)]
            store.dispatch(A.MoveToken(mover, x, y), actor=actor)
            store.player_frame()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        state_file.close()
    commits.sort()
    longest, p99 = commits[-1] * 1e3, commits[len(commits) * 99 // 100] * 1e3
    print(f"{actor} moves on {slug}/{deck.id} ({len(deck.rooms)} rooms, 20 tokens):")
    print(f"  {moves / wall:,.0f} moves/s wall, {moves / cpu:,.0f} moves/s CPU ({moves} moves)")
    print(f"  commit: longest {longest:.3f} ms, p99 {p99:.3f} ms (wall)")
    print(f"  commit: longest {max(cpu_commits) * 1e3:.3f} ms of CPU (this thread)")
    print(f"  encounter snapshot: {len(frame.data):,} bytes")
    return moves / wall, moves / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    rates: dict[str, list[tuple[float, float]]] = {"player": [], "gm": []}
    for _ in range(args.rounds):
        for actor, found in rates.items():
            found.append(bench(args.moves, actor))
    if args.rounds > 1:
        load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
        for actor, found in rates.items():
            wall = statistics.median(w for w, _ in found)
            cpu = statistics.median(c for _, c in found)
            print(f"median of {args.rounds} rounds, {actor}: {wall:,.0f} moves/s wall,", end=" ")
            print(f"{cpu:,.0f} moves/s CPU (load average {load})")


if __name__ == "__main__":
    main()
