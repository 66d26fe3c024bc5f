"""The Displays dock: one live thumbnail per connected display, drawn from that display's own
frame (camera included), drawn again when that frame changes and only then; its settings
write through the store."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.actions.displays import CameraBody
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow

A, B = "tv-display-01", "tablet-display-02"


@pytest.fixture
def displays() -> list[dict[str, object]]:
    """Two connected displays by id, and an anonymous one."""
    return [
        {"address": "192.168.1.30", "user_agent": "Chrome", "since": 1.0, "revision": 3, "id": A},
        {"address": "192.168.1.31", "user_agent": "Safari", "since": 2.0, "revision": 3, "id": B},
        {"address": "192.168.1.32", "user_agent": "Firefox", "since": 3.0, "revision": 3},
    ]


def _image(window: MainWindow, key: str) -> QImage:
    return window.displays.rows[key].thumb.pixmap().toImage()


def test_one_thumbnail_per_display_drawn_again_when_its_frame_changes(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()
    assert len(panel.rows) == 3
    assert all(not row.thumb.pixmap().isNull() for row in panel.rows.values())
    before_a, before_b = _image(window, A), _image(window, B)
    draws_b = panel.rows[B].draws
    panel.refresh_thumbnails()  # nothing changed: nothing drawn again
    assert panel.rows[A].draws == 1 and panel.rows[B].draws == draws_b

    store.dispatch(a.SetDisplay(A, camera=CameraBody("frame", x=0, y=0, w=4, h=3)))
    panel.refresh_thumbnails()
    assert panel.rows[A].draws == 2 and _image(window, A) != before_a  # A's camera moved
    assert panel.rows[B].draws == draws_b and _image(window, B) == before_b
    assert panel.rows[A].camera.currentText() == "frame"

    # Where aimed content is visible: the row of the display it goes to says so.
    store.dispatch(a.SendBroadcast("Only the TV hears this", displays=(A,)))
    panel.refresh_thumbnails()
    assert "Only the TV hears this" in panel.rows[A].aimed.text()
    assert panel.rows[B].aimed.text() == ""


def test_a_rows_settings_are_dispatched(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()
    row = panel.rows[B]
    row.rotation.setCurrentText("90")
    row.rotation.activated.emit(row.rotation.currentIndex())
    row.character.setCurrentIndex(1)
    row.character.activated.emit(1)
    settings = store.state.displays[B]
    assert settings.rotation == 90 and settings.character == store.campaign.crew[0].id
    panel.refresh_thumbnails()
    assert row.rotation.currentText() == "90"
    row.camera.setCurrentText("frame")  # starts on the rooms the display shows
    row.camera.activated.emit(row.camera.currentIndex())
    camera = store.state.displays[B].camera
    assert camera.mode == "frame" and camera.w > 0 and camera.h > 0


def test_a_campaign_handout_is_shown_to_the_chosen_display(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()
    form = panel.handout_form
    assert form.handout.count() >= 1 and form.show_button.isEnabled()
    form.audience.setCurrentIndex(form.audience.findData(B))
    form.seconds.setValue(20)
    form.show_button.click()
    shown = store.state.handouts[-1]
    assert shown.title == store.campaign.handouts[form.handout.currentData()].title
    assert shown.clear_after == 20 and store.state.targets[f"handout:{shown.id}"] == (B,)
    panel.refresh_thumbnails()
    assert shown.title in panel.rows[B].aimed.text() and panel.rows[A].aimed.text() == ""


def test_a_follow_camera_follows_the_token_chosen_and_a_locked_one_takes_the_screens_size(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """Follow: whom, among the tokens the display sees (the party by default); locked: the
    screen's diagonal (one cell an inch), without moving the view the GM set."""
    deck = next(d for d in store.campaign.locations["hadal_wren"].map.decks if d.id == "deck_1")
    airlock = next(r for r in deck.rooms if r.id == "airlock")
    store.dispatch(a.PlaceToken("player", "Vigil", airlock.x, airlock.y))  # a revealed room
    token = store.last_reply["token_id"]
    panel = window.displays
    panel.set_watched(True)
    panel.refresh_thumbnails()
    row = panel.rows[B]
    window.docks["displays"].raise_()
    row.camera.setCurrentText("follow")
    row.camera.activated.emit(row.camera.currentIndex())
    assert store.state.displays[B].camera.mode == "follow"
    assert store.state.displays[B].camera.target == ""  # the party
    assert not row.follow.isHidden() and row.diagonal.isHidden()
    row.follow.setCurrentIndex(row.follow.findText("Vigil"))
    row.follow.activated.emit(row.follow.currentIndex())
    assert store.state.displays[B].camera.target == token
    panel.refresh_thumbnails()
    assert row.follow.currentText() == "Vigil"

    store.dispatch(a.SetDisplay(B, camera=CameraBody("locked", x=3, y=4)))
    panel.refresh_thumbnails()
    assert row.follow.isHidden() and not row.diagonal.isHidden()
    row.diagonal.setValue(55)
    row.diagonal.editingFinished.emit()
    camera = store.state.displays[B].camera
    assert (camera.mode, camera.x, camera.y, camera.diagonal) == ("locked", 3, 4, 55)
