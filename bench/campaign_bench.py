"""Campaign loading time: the built-in sample, a generated 200-location, 2,000-room campaign,
two hostile decks: 10,000 rooms on one deck, and 3,000 1x1 rooms stacked on one cell, and a
comms folder of 500 terminals and 5,000 messages.

Run: .venv/bin/python bench/campaign_bench.py [--runs N]
Targets: sample < 200 ms, generated < 2 s, 10,000 rooms < 2 s (median of the runs); for the
hostile decks `gm-terminal check` is also timed in its own process, with its peak memory and
the number of lines it prints (at most 100 problems listed per file, plus a count line).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.campaign import campaign_counts, load_campaign, sample_campaign_path

SYSTEMS, PLANETS_PER_SYSTEM, STATIONS = 10, 4, 150
MAPPED_STATIONS, DECKS, ROOMS_PER_DECK = 100, 2, 10


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def deck_text(deck: int, other: str) -> str:
    """A 10-room deck in a 5x2 layout of 4x4 rooms, doors between neighbours, a lift."""
    lines = ["grid: {width: 20, height: 8, unit_size: 40}", "rooms:"]
    for r in range(ROOMS_PER_DECK):
        x, y = (r % 5) * 4, (r // 5) * 4
        lines.append(f"  - {{id: d{deck}r{r}, name: Room {r}, x: {x}, y: {y}, width: 4, height: 4,")
        lines.append(f"     description: A room of deck {deck}., status: OPERATIONAL}}")
    lines.append("connections:")
    for r in range(ROOMS_PER_DECK - 1):
        kind = "door_type: standard, door_status: CLOSED" if r % 2 else "door_type: airlock"
        lines.append(f"  - {{id: d{deck}c{r}, from: d{deck}r{r}, to: d{deck}r{r + 1}, {kind}}}")
    lines.append("inter_deck_connections:")
    lines.append(
        f"  - {{id: d{deck}lift, from_room: d{deck}r0, to_deck: {other}, "
        f"to_room: {other.replace('deck', 'd')}r0, type: lift, status: OK}}"
    )
    lines.append("terminals:")
    lines.append(
        f"  - {{id: d{deck}t, room: d{deck}r1, position: {{x: 5.5, y: 1}}, "
        "terminal_slug: ops, name: Ops}"
    )
    lines.append("poi:")
    lines.append(
        f"  - {{id: d{deck}p, type: item, room: d{deck}r2, position: {{x: 9, y: 2}}, "
        "name: Cache, hidden: true}"
    )
    return "\n".join(lines) + "\n"


def write_station(folder: Path, index: int) -> None:
    write(folder / "location.yaml", f"name: Station {index}\ntype: station\nstatus: OK\n")
    if index >= MAPPED_STATIONS:
        return
    manifest = ["name: Station", f"total_decks: {DECKS}", "decks:"]
    for deck in range(DECKS):
        other = f"deck{(deck + 1) % DECKS}"
        manifest.append(
            f"  - {{id: deck{deck}, name: Deck {deck}, file: deck{deck}.yaml, level: {deck + 1}}}"
        )
        write(folder / "map" / f"deck{deck}.yaml", deck_text(deck, other))
    write(folder / "map" / "manifest.yaml", "\n".join(manifest) + "\n")
    write(folder / "comms/ops/terminal.yaml", "owner: Ops\nterminal_id: OPS\n")
    for m in range(3):
        write(
            folder / f"comms/messages/{m}.md",
            f'---\ntimestamp: "2183-01-0{m + 1} 10:00:00"\npriority: NORMAL\nsubject: Report {m}\n'
            f"from: Crew\nto: Ops\nmessage_id: s{index}m{m}\n---\nAll **quiet** on deck {m}.\n",
        )


def generate(root: Path) -> Path:
    """A campaign of 200 locations, 100 of them with two 10-room decks (2,000 rooms)."""
    write(
        root / "campaign/npcs.yaml",
        "npcs:\n" + "".join(f"  - {{id: n{i}, name: NPC {i}, role: Crew}}\n" for i in range(50)),
    )
    planets: list[Path] = []
    for s in range(SYSTEMS):
        system = root / "galaxy" / f"system{s:02d}"
        write(system / "location.yaml", f"name: System {s}\ntype: system\n")
        for p in range(PLANETS_PER_SYSTEM):
            planet = system / f"planet{s:02d}{p}"
            write(planet / "location.yaml", f"name: Planet {s}-{p}\ntype: planet\n")
            planets.append(planet)
    for i in range(STATIONS):
        write_station(planets[i % len(planets)] / f"station{i:03d}", i)
    return root


def one_deck(root: Path, rooms: int, stacked: bool) -> Path:
    """A campaign with one station whose single deck holds `rooms` 1x1 rooms: side by side in
    a 100-wide grid, or all stacked on the cell (0, 0)."""
    write(root / "campaign/npcs.yaml", "npcs: []\n")
    write(root / "galaxy/st/location.yaml", "name: Station\ntype: station\n")
    lines = [f"grid: {{width: 100, height: {max(1, rooms // 100)}}}", "rooms:"]
    for i in range(rooms):
        x, y = (0, 0) if stacked else (i % 100, i // 100)
        lines.append(f"  - {{id: r{i}, name: R, x: {x}, y: {y}, width: 1, height: 1}}")
    write(root / "galaxy/st/map/deck.yaml", "\n".join(lines) + "\n")
    return root


def busy_comms(root: Path, terminals: int, messages: int) -> Path:
    """One station whose comms folder has many terminals and messages between their owners."""
    write(root / "campaign/npcs.yaml", "npcs: []\n")
    station = root / "galaxy/st"
    write(station / "location.yaml", "name: Station\ntype: station\n")
    for t in range(terminals):
        write(station / f"comms/t{t}/terminal.yaml", f"owner: Owner {t}\n")
    for i in range(messages):
        write(
            station / f"comms/messages/m{i}.md",
            f'---\ntimestamp: "2183-01-01 10:00:00"\nsubject: S{i}\n'
            f"from: Owner {i % terminals}\nto: Owner {(i + 1) % terminals}\nmessage_id: m{i}\n"
            "---\nHello.\n",
        )
    return root


_CHECK = (
    "import resource, sys\n"
    "from desktop.cli import main\n"
    "status = main(['check', sys.argv[1]])\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(f'peak {peak}', file=sys.stderr)\n"
)


def check_figures(root: Path) -> str:
    """`gm-terminal check` in its own process: wall time, peak memory, lines printed."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHECK, str(root)], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    peak_kb = int(done.stderr.rsplit("peak ", 1)[-1])
    lines = len(done.stdout.splitlines())
    return f"check {seconds:.2f} s, peak memory {peak_kb / 1024:.0f} MB, {lines} lines printed"


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time is what a busy machine distorts less)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def report(label: str, root: Path, runs: int, target_ms: float, check: bool = False) -> None:
    campaign = load_campaign(root)  # warm the file cache once
    counts = campaign_counts(campaign)
    ms, cpu_ms = median_ms(lambda: load_campaign(root), runs)
    verdict = "ok" if ms < target_ms else "OVER TARGET"
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(
        f"{label}: {ms:.1f} ms median of {runs} (CPU {cpu_ms:.1f} ms; "
        f"target < {target_ms:.0f} ms, {verdict})"
    )
    print(f"  {summary}; {len(campaign.problems)} problems")
    if check:
        print(f"  {check_figures(root)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    report("sample campaign", sample_campaign_path(), args.runs, 200)
    with tempfile.TemporaryDirectory() as folder:
        report("generated campaign", generate(Path(folder) / "big"), args.runs, 2000)
        rooms = one_deck(Path(folder) / "rooms", 10_000, stacked=False)
        report("10,000-room deck", rooms, args.runs, 2000, check=True)
        stacked = one_deck(Path(folder) / "stacked", 3_000, stacked=True)
        report("3,000 rooms on one cell", stacked, args.runs, 2000, check=True)
        comms = busy_comms(Path(folder) / "comms", 500, 5_000)
        report("500 terminals, 5,000 messages", comms, args.runs, 2000)


if __name__ == "__main__":
    main()
