"""A change is acknowledged only once it is on disk: a failed save changes nothing."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.errors import NotSaved
from desktop.model.state import TableState
from desktop.model.store import BROADCAST, PERSISTENCE, Store
from desktop.storage.persistence import StateFile
from tests.model.conftest import make_store, open_ship, place
from tests.model.factory import SHIP


def _refusing(store: Store) -> list[str]:
    """A PERSISTENCE subscriber that refuses while the list holds a reason."""
    reasons: list[str] = []

    def save(_state: TableState) -> None:
        if reasons:
            raise NotSaved(reasons[0])

    store.subscribe(save, PERSISTENCE)
    return reasons


def test_a_refused_save_rolls_the_change_back_and_tells_no_display(campaign: Campaign) -> None:
    store = make_store(campaign)
    reasons = _refusing(store)
    told: list[int] = []
    store.subscribe(lambda s: told.append(s.revision), BROADCAST)
    open_ship(store, "r-med")
    before, undo_label, told_before = store.state, store.undo_label, list(told)
    reasons.append("the disk is full")
    with pytest.raises(NotSaved) as refused:
        store.dispatch(A.PlaceToken("player", "Reyes", 6, 3))
    assert refused.value.message == "table not saved: the disk is full"
    assert store.state is before
    assert store.undo_label == undo_label
    assert told == told_before
    with pytest.raises(NotSaved):
        store.undo()
    assert store.state is before and store.undo_label == undo_label
    reasons.clear()
    store.dispatch(A.PlaceToken("player", "Reyes", 6, 3))
    assert store.state.revision == before.revision + 1
    assert told[-1] == store.state.revision


def _fill_up(state_file: StateFile) -> None:
    """No page more for the file: SQLite answers 'database or disk is full'."""
    db = state_file._db  # a test stands in for a full disk
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={pages}")


def test_a_full_file_answers_not_saved_and_the_next_commit_writes_what_is_unsaved(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    statuses: list[str] = []
    state_file.on_status = statuses.append
    open_ship(store, "r-med", "r-bridge")
    _fill_up(state_file)
    saved = store.state
    for n in range(40):
        try:
            store.dispatch(A.SendBroadcast(f"message {n} " + "x" * 2000))
        except NotSaved as exc:
            assert "full" in exc.message
            break
    else:
        pytest.fail("the full file took every change")
    assert statuses and "full" in statuses[-1]
    assert state_file.failure
    refused_at = store.state
    state_file._db.execute("PRAGMA max_page_count=1073741823")  # space is back
    tid = place(store, 6, 3)
    assert statuses[-1] == "" and not state_file.failure
    acknowledged = store.state
    state_file.close()
    state_file = StateFile(path)
    assert state_file.load() == acknowledged
    assert tid in acknowledged.locations[SHIP].tokens
    assert len(acknowledged.broadcasts) == len(refused_at.broadcasts) >= len(saved.broadcasts)
    state_file.close()


def test_closing_on_a_full_disk_keeps_what_was_saved(tmp_path: Path, campaign: Campaign) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    for n in range(30):  # rows in the WAL that the database file has not taken yet
        store.dispatch(A.SendBroadcast(f"message {n} " + "x" * 2000))
    saved = store.state
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size, limit[1]))
    try:
        state_file.close()  # folding the WAL in needs room: it fails, quietly
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
    state_file = StateFile(path)
    assert state_file.load() == saved
    state_file.close()
