"""The real app restarted on its state file: a countdown's end and a paused one's remaining
time come back exactly, and a private roll stays private."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.player_fixtures import App

pytestmark = pytest.mark.e2e


def test_timers_survive_a_restart(tmp_path: Path) -> None:
    app = App(tmp_path / "state.sqlite3").start()
    try:
        running = app.gm("/api/gm/timers/", {"label": "SELF-DESTRUCT", "seconds": 600})
        held = app.gm("/api/gm/timers/", {"label": "O2 RESERVE", "seconds": 2700})["timer_id"]
        app.gm(f"/api/gm/timers/{held}/", {"action": "pause"})
        app.gm("/api/gm/roll/", {"dice": "3d6"})
        before = app.get("/api/active-view/")["timers"]
    finally:
        assert app.stop() == 0
    again = App(tmp_path / "state.sqlite3").start()
    try:
        after = again.get("/api/active-view/")
        assert after["timers"] == before
        assert [t["id"] for t in after["timers"]] == [running["timer_id"], held]
        assert after["timers"][1]["ends_at"] is None and after["roll"] is None
        gm = again.get("/api/active-view/?role=gm")
        assert gm["rolls"][0]["dice"] == "3d6"
    finally:
        assert again.stop() == 0
