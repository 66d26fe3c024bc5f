"""Photograph the star map on a TV and a tablet at its three levels, to look at.

    .venv/bin/python scripts/star_map_shots.py [CAMPAIGN_DIR] OUTDIR

Starts the app headless on the campaign (default: the sample), puts the ship somewhere with a
course, opens the BRIDGE's MAP tab on a TV (Chromium 1920x1080, software WebGL) and a tablet
(1024x768, touch), and for the galaxy, the first system map and the first orbit map the GM
shows writes `tv-<level>.png` and `tablet-<level>.png` into OUTDIR, then `tablet-<level>-info.png`
after a tap on a name (the info panel open). Prints, per picture, how many names are shown, how
many of them overlap another and how many meet a panel over the map (their boxes, in pixels).
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright
from rehearsal_table import Table

ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--ignore-gpu-blocklist",
]
MAP = ".br-map .starmap"
SAMPLE = Path(__file__).resolve().parents[1] / "desktop" / "campaign" / "sample"


def views(table: Table) -> list[tuple[str, str]]:
    """(level, view) of the galaxy, the first system map and the first orbit map."""
    part = table.get("/api/active-view/?role=gm")["star_map"]
    found = [("galaxy", "")]
    found += [("system", f"system:{k}") for k in list(part["systems"])[:1]]
    found += [("orbit", f"orbit:{k}") for k in list(part["orbits"])[:1]]
    return found


def place_ship(table: Table) -> None:
    galaxy = table.get("/api/active-view/?role=gm")["star_map"]["galaxy"]
    routes = galaxy["routes"]
    if routes:
        table.gm("/api/gm/star-map/ship/", {"at": routes[0]["from"], "to": routes[-1]["to"]})


def meet(a: list[float], b: list[float]) -> bool:
    return (
        a[0] < b[0] + b[2] - 1
        and b[0] < a[0] + a[2] - 1
        and a[1] < b[1] + b[3] - 1
        and (b[1] < a[1] + a[3] - 1)
    )


def overlaps(page: Page) -> tuple[int, int, int]:
    """Names shown, pairs of them overlapping, names meeting a panel (info, crumbs)."""
    box = "n => { const r = n.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }"
    boxes: list[Any] = page.eval_on_selector_all(
        f"{MAP} .sm-label:not([hidden]) .sm-name",
        f"ns => ns.filter(n => n.offsetParent && getComputedStyle(n).visibility !== 'hidden')"
        f".map({box})",
    )
    panels: list[Any] = page.eval_on_selector_all(
        f"{MAP} .sm-info:not([hidden]), {MAP} .sm-crumbs", f"ps => ps.map({box})"
    )
    hits = sum(1 for a, b in itertools.combinations(boxes, 2) if meet(a, b))
    return len(boxes), hits, sum(1 for a in boxes for p in panels if meet(a, p))


def photo(page: Page, path: Path) -> None:
    page.screenshot(path=str(path))
    shown, hits, under = overlaps(page)
    print(f"{path.name}: {shown} names, {hits} overlapping pairs, {under} under a panel")


def shoot(table: Table, outdir: Path) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        pages = {}
        for name, size, touch in (("tv", (1920, 1080), False), ("tablet", (1024, 768), True)):
            context = browser.new_context(
                viewport={"width": size[0], "height": size[1]}, has_touch=touch
            )
            pages[name] = context.new_page()
            pages[name].goto(table.url)
        for level, view in views(table):
            table.gm("/api/gm/star-map/show/", {"view": view})
            for name, page in pages.items():
                page.wait_for_function(
                    "(l) => { const m = document.querySelector('.br-map .starmap');"
                    " return m && m.dataset.level === l && !m.dataset.flying &&"
                    " window.__starmap && window.__starmap.frames > 5; }",
                    arg=level,
                    timeout=30_000,
                )
                page.wait_for_timeout(2500)  # the flight ends and a few frames are drawn
                photo(page, outdir / f"{name}-{level}.png")
            tablet = pages["tablet"]
            label = tablet.locator(f"{MAP} .sm-label:not([hidden]):not(.sm-crowded) .sm-name")
            label.nth(label.count() // 2).tap()
            tablet.wait_for_timeout(2500)  # a drill-down's flight, or the info panel alone
            photo(tablet, outdir / f"tablet-{level}-info.png")
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("campaign", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    table = Table(args.campaign, args.outdir)
    try:
        table.gm("/api/gm/new-session/")
        table.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
        place_ship(table)
        shoot(table, args.outdir)
    finally:
        table.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
