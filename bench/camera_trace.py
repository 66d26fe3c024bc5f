"""Where a camera move's frames go: a DevTools trace of the player page's camera moves.

The 60-room deck of bench/page_bench.py with the CPU throttled 4x, a GM-frame camera panning
and a follow camera on a token moved 10 times a second (the page_bench runs), recorded with
Chromium's tracing (the Performance panel's categories) and V8's sampling profiler. Prints the
renderer main thread's time per trace event (style, layout, paint, script, ...) and the
script functions with the most self time. Figures only.

Usage: python bench/camera_trace.py [--mode frame|follow|both] [--out trace.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.page_bench import CAMERA_JS, RENDER_JS, _camera_snaps, synthetic_deck  # noqa: E402
from tests.e2e.player_fixtures import CHROMIUM_ARGS, App  # noqa: E402

CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "blink",
    "v8",
    "cc",
]
# What the Performance panel shows as the work of a frame on the main thread.
PIPELINE = {
    "FunctionCall", "EvaluateScript", "TimerFire", "FireAnimationFrame", "EventDispatch",
    "v8.compile", "V8.GC_SCAVENGER", "MinorGC", "MajorGC", "V8.GCScavenger",
    "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "UpdateLayer",
    "UpdateLayerTree", "CompositeLayers", "Commit", "HitTest", "ParseHTML",
    "IntersectionObserverController::computeIntersections",
    "ResizeObserverController::DeliverObservations",
}  # fmt: skip


def main_thread(events: list[dict[str, Any]]) -> tuple[int, int] | None:
    """The (pid, tid) of the page's renderer main thread: the one running its frames."""
    names = {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name"
    }
    busy: Counter[tuple[int, int]] = Counter()
    for e in events:
        key = (e.get("pid", 0), e.get("tid", 0))
        if names.get(key) == "CrRendererMain" and e.get("ph") == "X":
            busy[key] += int(e.get("dur", 0))
    return busy.most_common(1)[0][0] if busy else None


def summary(trace: dict[str, Any] | list[Any], wall_ms: float) -> None:
    """Per trace event: wall time, and the thread's own CPU time (`tdur`: what the machine's
    other load does not change, and what CPU throttling does not stretch)."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    main = main_thread(events)
    wall: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    count: Counter[str] = Counter()
    for e in events:
        name = e.get("name", "")
        if (e.get("pid"), e.get("tid")) != main:
            if name not in ("RasterTask", "DrawFrame"):
                continue
            name = "(other threads) " + name
        elif not (e.get("ph") == "X" and name in PIPELINE):
            continue
        wall[name] += e.get("dur", 0) / 1000
        cpu[name] += e.get("tdur", 0) / 1000
        count[name] += 1
    print(f"  {wall_ms:.0f} ms of wall time; per event: wall ms, CPU ms, count, CPU ms each")
    for name, ms in sorted(cpu.items(), key=lambda kv: -kv[1])[:14]:
        n = count[name]
        print(f"  {name:44s} {wall[name]:8.1f} {ms:8.1f}  x{n:4d}  {ms / n:6.2f}")
    top = [n for n in cpu if not n.startswith("(other")]
    # Nested events (a FunctionCall inside a TimerFire) are counted in both: this is an upper
    # bound of the main thread's CPU, for comparing two runs.
    print(f"  main thread CPU in these events: {sum(cpu[n] for n in top):.0f} ms")


def hot_functions(profile: dict[str, Any], top: int = 14) -> None:
    nodes = {n["id"]: n for n in profile["nodes"]}
    self_us: Counter[str] = Counter()
    deltas = profile.get("timeDeltas", [])
    for sample, dt in zip(profile.get("samples", []), deltas, strict=False):
        frame = nodes[sample]["callFrame"]
        url = frame.get("url", "").rsplit("/", 1)[-1]
        self_us[
            f"{frame['functionName'] or '(anonymous)'} {url}:{frame.get('lineNumber', 0) + 1}"
        ] += dt
    total = sum(self_us.values()) or 1
    for name, us in self_us.most_common(top):
        print(f"  {name:60s} {us / 1000:8.1f} ms  {100 * us / total:5.1f} %")


def run(page: Any, browser: Any, mode: str, out: Path | None) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.evaluate(RENDER_JS, json.dumps(synthetic_deck(0)))
    snaps = _camera_snaps(mode, 30)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 500})
    browser.start_tracing(page=page, categories=CATEGORIES)
    cdp.send("Profiler.start")
    t0 = page.evaluate("performance.now()")
    result = page.evaluate(CAMERA_JS, {"snaps": snaps, "every": 100})
    wall = page.evaluate("performance.now()") - t0
    profile = cdp.send("Profiler.stop")["profile"]
    raw = browser.stop_tracing()
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    if out:
        out.with_name(f"{out.stem}-{mode}{out.suffix}").write_bytes(raw)
    gaps = sorted(result["gaps"])
    print(f"{mode}: {len(gaps)} frames, p50 {gaps[len(gaps) // 2]:.1f} ms a frame (CPU 4x)")
    summary(json.loads(raw), wall)
    print("  script self time (sampled):")
    hot_functions(profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=["frame", "follow", "both"], default="both")
    parser.add_argument("--out", type=Path, help="also write the raw traces (trace-<mode>.json)")
    args = parser.parse_args()
    modes = ["frame", "follow"] if args.mode == "both" else [args.mode]
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp) / "s.sqlite3").start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 1920, "height": 1080})
                page.goto(app.url)
                for mode in modes:
                    run(page, browser, mode, args.out)
                browser.close()
        finally:
            app.stop()


if __name__ == "__main__":
    main()
