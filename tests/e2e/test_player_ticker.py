"""The broadcast ticker on the TV, in real Chromium, while the Warden's strip (an alert and a
countdown) is up: on the bridge and the map it stays one line in the top bar, a longer message
scrolling through that line (so it is still read whole), and on no view does it slide under the
strip (a stage rehearsal's TV showed a long message wrapping to a second line under it)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player_fixtures import WAIT_MS, App, Guard, mapped_location, open_page
from tests.e2e.test_player_walk_r2 import overlaps

pytestmark = pytest.mark.e2e

LONG = (
    "Hull breach on the lower deck: all hands to the aft lifeboats, seal bulkheads four "
    "through nine and wait for the Warden's word before anyone opens a single hatch."
)

# How many lines each shown log entry's text takes on the screen.
LINES = """() => [...document.querySelectorAll('#broadcast-log .bl-text')]
  .filter((t) => t.getBoundingClientRect().height > 0)
  .map((t) => { const r = document.createRange(); r.selectNodeContents(t);
    const box = t.getBoundingClientRect();
    const rows = [...r.getClientRects()].filter((c) => c.bottom > box.top && c.top < box.bottom);
    return new Set(rows.map((c) => Math.round(c.top))).size; })"""

# The shown ticker message is read whole: it fits its line, or it scrolls by exactly what does
# not fit (its layout width: the transform does not change it).
READ_WHOLE = """() => {
  const shown = [...document.querySelectorAll('#broadcast-log .bl-text')]
    .filter((t) => t.getBoundingClientRect().height > 0);
  const t = shown[shown.length - 1], line = t.firstElementChild;
  const over = line.offsetWidth - t.clientWidth;
  if (over <= 1) return true;
  const shift = parseFloat(getComputedStyle(t).getPropertyValue('--shift'));
  return line.getAnimations().length > 0 && Math.abs(shift + over) < 1;
}"""


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1080p", "768p"])
def test_the_ticker_stays_one_line_clear_of_the_wardens_strip(
    app: App, browser: Any, guards: list[Guard], size: tuple[int, int]
) -> None:
    app.gm("/api/gm/new-session/")
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    app.gm("/api/gm/broadcast/", {"content": LONG, "sender": "Captain", "priority": "HIGH"})
    app.gm("/api/gm/alert/", {"alert": "red_alert"})
    app.gm("/api/gm/timers/", {"label": "REACTOR SCRAM", "seconds": 900})
    page = open_page(browser, app, "", size[0], size[1], guards)  # the message: in the log
    expect(page.locator(".countdown")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator(".alert-name")).to_be_visible(timeout=WAIT_MS)
    deck = mapped_location(app)
    for view in ("BRIDGE", "ENCOUNTER", "STANDBY"):
        app.gm("/api/gm/switch-view/", {"view_type": view, "location_slug": deck.slug})
        expect(page.locator("body")).to_have_attribute("data-view", view, timeout=WAIT_MS)
        item = page.locator("#broadcast-log .bl-item").last
        expect(item).to_be_visible(timeout=WAIT_MS)
        expect(item).to_contain_text("Hull breach")
        assert overlaps(page, "#broadcast-log .bl-item", "#warden-strip") == [], view
        if view != "STANDBY":  # the stand-by screen lists a few messages, whole
            assert page.evaluate(LINES) == [1], f"the ticker wraps on {view}"
            assert page.evaluate(READ_WHOLE), f"the ticker's message is cut short on {view}"
