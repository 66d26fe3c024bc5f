"""A picture or a text dropped onto the GM window: offered as a handout (to all, or a display),
kept in the campaign's handouts folder and shown like a campaign handout; bad files refused."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow
from tests.ui.map.gestures import drop_on

TV, TABLET = "tv-bridge-01", "tablet-okafor"


@pytest.fixture
def campaign(tmp_path: Path) -> Campaign:
    """A copy of the sample campaign: a shown handout is written into its folder."""
    root = tmp_path / "campaign-copy"
    shutil.copytree(sample_campaign_path(), root)
    return load_campaign(root)


def _files(*paths: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def _drop(qtbot: QtBot, window: MainWindow, data: QMimeData) -> QDialog:
    gc.collect()  # the window's drop watcher is kept by the window alone
    viewport = window.map_panel.view.viewport()  # over the map: it passes files on
    entered, moved = drop_on(viewport, QPointF(viewport.rect().center()), data)
    assert entered and moved
    qtbot.waitUntil(lambda: window.findChild(QDialog, "HandoutDropDialog") is not None)
    dialog = window.findChild(QDialog, "HandoutDropDialog")
    assert isinstance(dialog, QDialog)
    return dialog


def _show(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert isinstance(buttons, QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _snapshot(store: Store, display: str) -> dict[str, object]:
    line = store.player_frame(display).data.decode()
    snapshot: dict[str, object] = json.loads(line)
    return snapshot


def test_a_dropped_picture_is_shown_to_the_chosen_display_only(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    store.dispatch(a.SetDisplay.from_body({"name": "Bridge TV"}, display=TV))
    store.dispatch(a.SetDisplay.from_body({"name": "Okafor's tablet"}, display=TABLET))
    picture = tmp_path / "Derelict deck plan.png"
    Image.new("RGB", (40, 30), "teal").save(picture)
    dialog = _drop(qtbot, window, _files(picture))
    combo = dialog.audience  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(TABLET))
    _show(dialog)
    qtbot.waitUntil(lambda: len(store.state.handouts) == 1)
    shown = store.state.handouts[0]
    assert shown.title == "Derelict Deck Plan"
    kept = Path(store.campaign.root) / "campaign" / "handouts" / f"{shown.image}.png"
    assert kept.read_bytes() == picture.read_bytes()  # survives a restart: in the campaign
    assert store.campaign.handouts[shown.image].image == kept.resolve()
    seen = _snapshot(store, TABLET)["handouts"]
    assert isinstance(seen, list) and seen[0]["title"] == "Derelict Deck Plan"
    url = seen[0]["image_url"]
    assert url and store.media(url.strip("/").rsplit("/", 1)[-1], TABLET) == kept.resolve()
    assert "Derelict" not in store.player_frame(TV).data.decode()  # the TV never gets it
    assert store.media(url.strip("/").rsplit("/", 1)[-1], TV) is None
    # Read again from disk (a restart), the handout is still the campaign's.
    assert shown.image in load_campaign(store.campaign.root).handouts


def test_a_dropped_text_is_shown_to_every_display(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    note = tmp_path / "captains_log.txt"
    note.write_text("Day 41. The hull sings at night.", encoding="utf-8")
    _show(_drop(qtbot, window, _files(note)))
    qtbot.waitUntil(lambda: len(store.state.handouts) == 1)
    assert "The hull sings at night." in store.player_frame(TV).data.decode()


def test_a_file_that_is_not_its_kind_is_refused_with_the_reason(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    fake = tmp_path / "not-a-picture.png"
    fake.write_bytes(b"<html>surprise</html>")
    _show(_drop(qtbot, window, _files(fake)))
    qtbot.waitUntil(lambda: "not a readable PNG picture" in window.statusBar().currentMessage())
    assert not store.state.handouts
    assert not (Path(store.campaign.root) / "campaign" / "handouts" / "not-a-picture.png").exists()


def test_other_files_are_not_taken(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.4")
    viewport = window.map_panel.view.viewport()
    assert drop_on(viewport, QPointF(viewport.rect().center()), _files(other)) == (False, False)
