"""GM window fixtures: the sample campaign, a real Store, services handed over as plain values."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
import segno
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings

PLAYER_URL = "http://192.168.1.20:8765/"
SHIP = "hadal_wren"


def qr_png(text: str) -> bytes:
    buf = io.BytesIO()
    segno.make(text).save(buf, kind="png", scale=6)
    return buf.getvalue()


@pytest.fixture(autouse=True)
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """The asyncio loop on Qt's, as the app runs it (desktop/app.py): what the window queues on
    the loop (the refresher's re-sync after a change) runs while a test waits on Qt."""
    # The loop counts as running while the test drives Qt, as qasync's run_forever makes it.
    # Not qasync's already_running=True: its stop() calls QApplication.exit(), after which
    # every nested QEventLoop (qtbot's waits) returns at once.
    loop = qasync.QEventLoop(qapp)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        asyncio.events._set_running_loop(None)
        loop.close()


@pytest.fixture(scope="session")
def campaign() -> Campaign:
    return load_campaign(sample_campaign_path())


@pytest.fixture
def store(campaign: Campaign) -> Store:
    """The ship shown in ENCOUNTER on its command deck, airlock and corridor revealed."""
    s = Store(campaign)
    s.dispatch(a.SwitchView("ENCOUNTER", SHIP))
    s.dispatch(
        a.SetRoomVisibility((("airlock", True), ("suit_locker", True), ("d1_corridor", True)))
    )
    return s


@pytest.fixture
def displays() -> list[dict[str, object]]:
    return []


@pytest.fixture
def services(tmp_path: Path, displays: list[dict[str, object]]) -> WindowServices:
    opened: list[Path] = []
    return WindowServices(
        player_url=PLAYER_URL,
        mdns_name="gm-terminal.local",
        gm_token="gm-secret-token",
        displays=lambda: list(displays),
        qr_png=qr_png,
        open_campaign=opened.append,
        settings_path=tmp_path / "settings.ini",
    )


@pytest.fixture
def window(qtbot: QtBot, store: Store, services: WindowServices) -> Iterator[MainWindow]:
    # Not the first start: the "Get the table ready" panel would take the keyboard (test_help).
    WindowSettings(services.settings_path).remember_table_ready_shown()
    w = MainWindow(store, services)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.focus.set(SHIP, "deck_1")
    qtbot.waitUntil(lambda: "airlock" in w.map_panel.scene.rooms)
    yield w
    w.displays.timer.stop()
    w.close()
    w.deleteLater()
