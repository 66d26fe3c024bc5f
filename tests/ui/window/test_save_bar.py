"""A change the state file could not take shows a red "Table not saved" bar in the window."""

from __future__ import annotations

import resource
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.settings import Settings
from desktop.storage.persistence import StateFile
from desktop.table import Table
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.save_bar import SaveFailureBar, add_save_bar


@pytest.fixture
def state_file(tmp_path: Path, store: Store) -> Iterator[StateFile]:
    saved = StateFile(tmp_path / "table.sqlite3")
    saved.load()
    saved.attach(store)
    yield saved
    saved.close()


def _no_file_may_grow(path: Path) -> tuple[int, int]:
    """A file-size limit at the state file's size (what a full disk does to SQLite)."""
    before = resource.getrlimit(resource.RLIMIT_FSIZE)
    sizes = [p.stat().st_size for p in path.parent.iterdir()]
    resource.setrlimit(resource.RLIMIT_FSIZE, (max(sizes), before[1]))
    return before


def test_a_failed_save_shows_the_red_bar_until_saving_works_again(
    qtbot: QtBot, window: MainWindow, store: Store, state_file: StateFile, tmp_path: Path
) -> None:
    table = Table(Settings(), tmp_path, store, "t", state_file)
    bar = add_save_bar(window)
    table.watch_saving(bar.show_status)
    assert window.findChild(SaveFailureBar) is bar and not bar.isVisible()
    revision = store.state.revision
    limit = _no_file_may_grow(state_file.path)
    try:
        window.map_panel.bar.hold_button.click()  # the GM's gesture, through the window
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
    qtbot.waitUntil(bar.isVisible)
    assert bar.label.text().startswith("Table not saved: ")
    qtbot.waitUntil(lambda: bar.label.width() > window.width() // 2)  # across the window
    assert str(state_file.path) in bar.label.text()
    assert "table not saved" in window.statusBar().currentMessage()
    assert store.state.revision == revision and not store.state.hold
    store.dispatch(a.SendBroadcast("Saved again"))
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert store.state.revision == revision + 1
