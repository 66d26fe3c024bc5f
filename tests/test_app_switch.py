"""Switching campaigns in a running table: each campaign keeps its own state file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.actions.displays import CameraBody
from desktop.model.store import VIEWS, Store
from desktop.paths import default_state_path
from desktop.settings import Settings
from desktop.storage.persistence import StateFile
from desktop.table import Table

SHIP = "hadal_wren"


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    a, b = tmp_path / "campaign-a", tmp_path / "campaign-b"
    shutil.copytree(sample_campaign_path(), a)
    shutil.copytree(sample_campaign_path(), b)
    return a, b


def open_table(folder: Path, settings: Settings) -> Table:
    state_file = StateFile(settings.state_file or default_state_path(folder))
    store = Store(load_campaign(folder), state_file.load())
    state_file.attach(store)
    return Table(settings, folder, store, "t", state_file)


def reveal_a_room(store: Store) -> str:
    store.dispatch(A.SwitchView("ENCOUNTER", SHIP))
    location = store.campaign.location(SHIP)
    assert location is not None and location.map is not None
    room = location.map.decks[0].rooms[0].id
    store.dispatch(A.ToggleRoom(room, True))
    return room


def revealed(store: Store) -> frozenset[str]:
    ship = store.state.locations.get(SHIP)
    return ship.revealed if ship is not None else frozenset()


def test_switching_a_b_a_brings_back_each_table_and_revisions_only_rise(
    folders: tuple[Path, Path],
) -> None:
    a, b = folders
    table = open_table(a, Settings())
    store = table.store
    seen: list[int] = []
    store.subscribe(lambda s: seen.append(s.revision), VIEWS)
    room = reveal_a_room(store)
    for _ in range(5):  # A's saved table is well ahead of B's
        store.dispatch(A.SetHold(True))
        store.dispatch(A.SetHold(False))
    shown = [store.player_frame().revision]  # what the displays saw
    table.switch_campaign(b)
    shown.append(store.player_frame().revision)
    assert table.store is store and table.folder == b
    assert store.state.view_type != "ENCOUNTER" and room not in revealed(store)  # a clean table
    store.dispatch(A.SwitchView("BRIDGE"))
    table.switch_campaign(a)
    shown.append(store.player_frame().revision)
    assert store.state.view_type == "ENCOUNTER" and room in revealed(store)
    table.switch_campaign(b)
    shown.append(store.player_frame().revision)
    assert store.state.view_type == "BRIDGE" and room not in revealed(store)
    assert seen == sorted(set(seen)), "a revision went back or repeated"
    assert shown == sorted(set(shown)), "a display's revision went back or repeated"
    assert table.state_file is not None
    table.state_file.close()


def test_reload_keeps_the_file_and_a_given_state_file_is_shared(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = folders
    table = open_table(a, Settings())
    first = table.state_file
    room = reveal_a_room(table.store)
    table.switch_campaign(a)  # reload
    assert table.state_file is first and room in revealed(table.store)
    assert first is not None
    first.close()
    shared = open_table(a, Settings(state_file=tmp_path / "given.sqlite"))
    room = reveal_a_room(shared.store)
    shared.switch_campaign(b)
    assert room in revealed(shared.store)  # --state: one table for every campaign
    assert shared.state_file is not None
    shared.state_file.close()


def test_a_state_file_in_use_refuses_the_switch_and_keeps_the_table(
    folders: tuple[Path, Path],
) -> None:
    a, b = folders
    table = open_table(a, Settings())
    room = reveal_a_room(table.store)
    holder = StateFile(default_state_path(b))
    try:
        with pytest.raises(ValueError, match="in use by another GM Terminal"):
            table.switch_campaign(b)
        assert table.folder == a and room in revealed(table.store)
        table.store.dispatch(A.SetHold(True))  # still saved to A's file
    finally:
        holder.close()
    assert table.state_file is not None
    table.state_file.close()
    reopened = StateFile(default_state_path(a))
    saved = reopened.load()
    reopened.close()
    assert saved is not None and saved.hold


def test_the_tables_displays_keep_their_names_in_another_campaign(
    folders: tuple[Path, Path],
) -> None:
    """The TV and the tablets are the table's, not the campaign's: switching campaign keeps
    their names, kinds and rotation; a character binding and a camera belong to the campaign
    left behind (its crew, its map) and start afresh."""
    a, b = folders
    table = open_table(a, Settings())
    store = table.store
    crew = store.campaign.crew[0].id
    frame = CameraBody("frame", x=2, y=3, w=8, h=5)
    store.dispatch(A.SetDisplay("tv-display-01", name="Big TV", kind="tv", rotation=180))
    store.dispatch(A.SetDisplay("tablet-display-02", name="Ana", character=crew, camera=frame))
    table.switch_campaign(b)
    tv, tablet = store.state.displays["tv-display-01"], store.state.displays["tablet-display-02"]
    assert (tv.name, tv.kind, tv.rotation) == ("Big TV", "tv", 180)
    assert (tablet.name, tablet.character, tablet.camera.mode) == ("Ana", "", "fit")
    store.dispatch(A.SetDisplay("tv-display-01", name="Bridge TV"))  # B's own from now on
    table.switch_campaign(a)
    assert store.state.displays["tv-display-01"].name == "Big TV"  # A's table as it was
    assert store.state.displays["tablet-display-02"].character == crew
    assert table.state_file is not None
    table.state_file.close()
