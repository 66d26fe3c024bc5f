"""The GM window opens any damaged campaign and shows every place of it, never a traceback."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.campaign import load_campaign, sample_campaign_path
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from tests.campaign.test_damaged_files import DAMAGE, SEED

CASES = 12


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("damaged-ui") / "campaign"
    shutil.copytree(sample_campaign_path(), copy)
    return copy


@pytest.mark.parametrize("case", range(CASES))
def test_the_window_shows_every_place_of_a_damaged_campaign(
    qtbot: QtBot, folder: Path, tmp_path: Path, case: int
) -> None:
    rng = random.Random(SEED * 7 + case)
    target = rng.choice(sorted(folder.rglob("*.yaml")))
    original = target.read_bytes()
    try:
        target.write_bytes(rng.choice(DAMAGE)(original, rng))
        campaign = load_campaign(folder)
    finally:
        target.write_bytes(original)
    window = MainWindow(Store(campaign), WindowServices(settings_path=tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    problems = window.docks["problems"]
    assert problems.isVisible() == bool(campaign.problems)
    for location in campaign.locations.values():
        decks = location.map.decks if location.map else ()
        for deck_id in [d.id for d in decks] or [""]:
            window.focus.set(location.slug, deck_id)
            window.refresher.flush()
            QApplication.processEvents()
    window.displays.timer.stop()
    window.close()
