"""What a player sees, measured in the real page: visible text, boxes on screen, tap targets.
Shared by the table-ready tests (each returns plain data; the tests assert)."""

from __future__ import annotations

from typing import Any

from tests.e2e.player_fixtures import WAIT_MS, App, wait_revision

# Visible text nodes (HTML and SVG) whose text reads as a placeholder of a missing value.
PLACEHOLDERS_JS = r"""() => {
  const bad = /\[object Object\]|\bundefined\b|\bNaN\b|\bnull\b/;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || !n.textContent.trim() || p.closest("script, noscript, style")) continue;
    if (!p.checkVisibility({ visibilityProperty: true })) continue;
    if (bad.test(n.textContent)) found.push(n.textContent.trim());
  }
  return found;
}"""

# Every visible element of `selector`'s subtree that lies (partly) outside the viewport.
OUTSIDE_JS = r"""(selector) => {
  const W = window.innerWidth, H = window.innerHeight, out = [];
  for (const e of document.querySelectorAll(selector)) {
    if (!e.checkVisibility({ visibilityProperty: true })) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5) {
      const where = [r.left, r.top, r.right, r.bottom].map(Math.round).join(",");
      const text = (e.textContent || "").trim().slice(0, 30);
      out.push(`${e.tagName}.${e.getAttribute("class")} ${where} "${text}"`);
    }
  }
  return out;
}"""

# Screen boxes [left, top, right, bottom] of the visible elements matching a selector.
BOXES_JS = r"""(selector) => [...document.querySelectorAll(selector)]
  .filter((e) => e.checkVisibility({ visibilityProperty: true }))
  .filter((e) => e.textContent || e.tagName !== "text")
  .map((e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom, (e.textContent || "").trim()];
  })
  .filter((b) => b[2] - b[0] > 0 && b[3] - b[1] > 0)"""

# The on-screen font size (px) of visible SVG texts matching a selector: [size, text].
FONT_PX_JS = r"""(selector) => [...document.querySelectorAll(selector)]
  .filter((t) => t.textContent.trim() && t.checkVisibility({ visibilityProperty: true }))
  .map((t) => [
    parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, t.textContent.trim(),
  ])"""

# The map holds still: no fit animation, no token gliding or arriving.
MAP_SETTLED_JS = r"""() => {
  const map = document.querySelector("#view-encounter svg.map");
  const arriving = document.querySelector(".token.fresh, .room.fresh, .portrait.entering");
  const still = document.getAnimations().every(
    (a) => a.playState !== "running" || a.effect.getTiming().iterations === Infinity);
  return map && !map.dataset.fitting && !arriving && still;
}"""


def overlap(a: list[Any], b: list[Any], slack: float = 0.5) -> bool:
    """Two [left, top, right, bottom, ...] boxes share more than `slack` pixels each way."""
    return (
        a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack
    )


def boxes(page: Any, selector: str) -> list[list[Any]]:
    return list(page.evaluate(BOXES_JS, selector))


def settle(page: Any, app: App) -> None:
    """Until the page drew the latest frame and its map stopped moving."""
    wait_revision(page, int(app.get("/api/active-view/")["revision"]))
    page.wait_for_function(MAP_SETTLED_JS, timeout=WAIT_MS)


def placeholders(page: Any) -> list[str]:
    return list(page.evaluate(PLACEHOLDERS_JS))
