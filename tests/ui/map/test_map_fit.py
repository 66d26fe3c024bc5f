"""Fitting the map: a deck of one tiny room is shown no closer than the wheel may zoom."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.view import MAX_SCALE
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings


def one_cell_campaign(root: Path, rooms: int) -> Path:
    """A station whose only deck is `rooms` rooms stacked on one cell."""
    (root / "campaign").mkdir(parents=True)
    place = root / "galaxy" / "pod"
    (place / "map").mkdir(parents=True)
    (place / "location.yaml").write_text("name: Escape Pod\ntype: station\n")
    lines = ["grid: {width: 4, height: 4}", "rooms:"]
    lines += [
        f"  - {{id: r{i}, name: Pod {i}, x: 1, y: 1, width: 1, height: 1}}" for i in range(rooms)
    ]
    (place / "map" / "pod.yaml").write_text("\n".join(lines) + "\n")
    return root


def test_fit_never_zooms_past_the_wheels_limit(
    qtbot: QtBot, tmp_path: Path, services: WindowServices
) -> None:
    campaign = load_campaign(one_cell_campaign(tmp_path / "camp", 300))
    store = Store(campaign)
    store.dispatch(a.SwitchView("ENCOUNTER", "pod"))
    WindowSettings(services.settings_path).remember_table_ready_shown()
    window = MainWindow(store, services)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.focus.set("pod", None)
    view = window.map_panel.view
    qtbot.waitUntil(lambda: "r0" in window.map_panel.scene.rooms)
    view.fit()
    assert view.transform().m11() <= MAX_SCALE + 1e-9
    window.displays.timer.stop()
    window.close()
