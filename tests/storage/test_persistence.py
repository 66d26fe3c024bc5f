"""The state file: a restart (or kill -9) comes back to the last acknowledged change."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.actions.displays import CameraBody
from desktop.model.state import TableState
from desktop.model.store import Store
from desktop.storage.persistence import StateFile, StateFileLocked
from tests.model.conftest import open_ship, place
from tests.model.factory import DERELICT, SHIP, build_campaign, seeded_ids, ticking_clock
from tests.storage.conftest import open_table

from .crash_child import activity

CHILD = Path(__file__).with_name("crash_child.py")


def _busy_table(store: Store) -> None:
    open_ship(store, "r-med", "r-bridge")
    tid = place(store, 6, 3)
    store.dispatch(A.UpdateTokenStatus(tid, ("wounded", "hidden")))
    store.dispatch(A.PlaceToken("creature", "Thing", 1, 1, location_slug=DERELICT))
    store.dispatch(A.SetDoorStatus("c-bridge-corr", "SEALED"))
    store.dispatch(A.SetRoomStatus("r-med", "HAZARD"))
    store.dispatch(A.TogglePoi("p-cache", True))
    store.dispatch(A.SetShipSystem("engines", "DAMAGED", 12, "Fire"))
    store.dispatch(A.SendBroadcast("Hull breach", "HQ", "CRITICAL"))
    store.dispatch(A.SetCharonMode("QUERY"))
    store.dispatch(A.SubmitQuestion(f"encounter-{SHIP}", "Status?"), actor="player")
    store.dispatch(A.CharonSend("story", "Welcome."))
    store.dispatch(A.TogglePortrait("kade"))
    store.dispatch(A.SetPlayerPermissions(("player", "npc")))
    camera = CameraBody("locked", x=2, y=3, diagonal=55)
    store.dispatch(A.SetDisplay("tv-display-1", "Table TV", "tv", "reyes", 90, camera))
    store.dispatch(A.SendBroadcast("Whisper", "Kade", "LOW", ("tv-display-1",)))
    store.dispatch(A.PingCell(6, 3, ("tv-display-1",)))
    store.dispatch(A.SetHold(True))


def test_the_whole_table_survives_a_restart(tmp_path: Path, campaign: Campaign) -> None:
    path = tmp_path / "table.sqlite3"
    state_file, store = open_table(path, campaign)
    _busy_table(store)
    saved = store.state
    state_file.close()
    state_file, store = open_table(path, campaign)
    assert store.state == saved
    assert store.dispatch(A.SetHold(False)).revision == saved.revision + 1
    state_file.close()


def test_the_revision_keeps_rising_across_restarts_and_sessions(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "table.sqlite3"
    state_file, store = open_table(path, campaign)
    open_ship(store, "r-med")
    store.dispatch(A.NewSession())
    revision = store.state.revision
    state_file.close()
    state_file, store = open_table(path, campaign)
    assert store.state.revision == revision
    assert store.state.locations == {}
    state_file.close()


def test_a_change_that_only_deletes_rows_keeps_its_revision(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "table.sqlite3"
    state_file, store = open_table(path, campaign)
    store.dispatch(A.CharonSend("story", "Hello."))
    revision = store.dispatch(A.ClearConversation("story")).revision
    state_file.close()
    state_file, store = open_table(path, campaign)
    assert store.state.revision == revision
    assert store.state.charon.conversations == {}
    state_file.close()


def test_an_unreadable_state_starts_clean(tmp_path: Path, campaign: Campaign) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path)
    state_file.close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO parts VALUES ('meta', x'7b7d')")  # {} : not [revision, payload]
    state_file, store = open_table(path, campaign)
    assert store.state == TableState()
    store.dispatch(A.SwitchView("BRIDGE"))
    state_file.close()
    state_file, store = open_table(path, campaign)
    assert store.state.view_type == "BRIDGE"
    state_file.close()


def test_one_app_per_state_file(tmp_path: Path) -> None:
    path = tmp_path / "table.sqlite3"
    first = StateFile(path)
    with pytest.raises(StateFileLocked, match=r"in use by another GM Terminal.*--state"):
        StateFile(path)
    first.close()
    StateFile(path).close()


def test_wal_mode_and_a_fresh_file_has_no_state(tmp_path: Path) -> None:
    path = tmp_path / "new" / "table.sqlite3"
    state_file = StateFile(path)
    assert state_file.load() is None
    state_file.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_only_what_changed_is_written(tmp_path: Path, campaign: Campaign) -> None:
    state_file, store = open_table(tmp_path / "t.sqlite3", campaign)
    open_ship(store, "r-bridge")
    store.dispatch(A.PlaceToken("creature", "Thing", 1, 1, location_slug=DERELICT))
    tid = place(store, 1, 1)
    written: list[str] = []
    state_file._db.set_trace_callback(written.append)
    store.dispatch(A.MoveToken(tid, 2, 2), actor="player")
    state_file._db.set_trace_callback(None)
    assert len(written) == 1  # one statement, one transaction, one small row
    assert written[0].startswith(f"INSERT OR REPLACE INTO parts VALUES ('tok:{SHIP}:{tid}',")
    assert written[0].count("),(") == 0
    assert state_file.max_commit_seconds > 0
    state_file.close()


def test_the_log_of_changes_stays_small_over_a_long_evening(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "t.sqlite3"
    state_file, store = open_table(path, campaign)
    open_ship(store, "r-bridge")
    tid = place(store, 1, 1)
    for i in range(2500):
        store.dispatch(A.MoveToken(tid, 1 + i % 2, 1), actor="player")
    wal = path.with_name(path.name + "-wal").stat().st_size
    assert wal < 1_500_000  # checkpoints fold it in: its pages are reused, it does not grow
    state_file.close()
    state_file, store = open_table(path, campaign)
    assert store.state.locations[SHIP].tokens[tid].x == 2
    state_file.close()


def test_a_changed_campaign_loses_no_token(tmp_path: Path, campaign: Campaign) -> None:
    path = tmp_path / "t.sqlite3"
    state_file, store = open_table(path, campaign)
    open_ship(store, "r-med")
    tid = place(store, 6, 3)
    store.dispatch(A.SwitchView("ENCOUNTER", DERELICT))
    state_file.close()
    locations = {k: v for k, v in campaign.locations.items() if k != DERELICT}
    lmap = campaign.locations[SHIP].map
    assert lmap is not None
    upper = replace(lmap.decks[1], rooms=tuple(r for r in lmap.decks[1].rooms if r.id != "r-med"))
    locations[SHIP] = replace(
        campaign.locations[SHIP], map=replace(lmap, decks=(lmap.decks[0], upper))
    )
    changed = replace(campaign, locations=locations)
    state_file, store = open_table(path, changed)
    state = store.state
    assert [(s, t.id) for s, t in state.unplaced] == [(SHIP, tid)]
    assert DERELICT in state.locations  # kept, harmless
    assert (state.view_type, state.location_slug) == ("STANDBY", "")
    state_file.close()
    state_file = StateFile(path)
    reloaded = state_file.load()
    assert reloaded is not None and reloaded.unplaced == state.unplaced
    state_file.close()


def _replay(campaign: Campaign, seed: int, revision: int) -> TableState:
    store = Store(campaign, clock=ticking_clock(), new_id=seeded_ids(seed))
    for _ in activity(store, campaign, seed, 100_000):
        if store.state.revision >= revision:
            break
    assert store.state.revision == revision
    return store.state


@pytest.mark.parametrize("seed", [11, 12])
def test_kill_9_loses_nothing_acknowledged(tmp_path: Path, seed: int) -> None:
    root, path = tmp_path / "campaign", tmp_path / "table.sqlite3"
    campaign = build_campaign(root)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(root), str(seed), "1000"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    printed: list[int] = []
    give_up = time.monotonic() + 120
    while len(printed) < 300 and time.monotonic() < give_up:
        line = child.stdout.readline()
        if not line:
            break
        printed.append(int(line))
    child.send_signal(signal.SIGKILL)
    printed += [int(line) for line in child.stdout.read().split()]
    child.stdout.close()
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert len(printed) >= 300
    print(f"killed after {len(printed)} acknowledged steps (of 1001)")
    state_file = StateFile(path)
    reopened = state_file.load()
    state_file.close()
    assert reopened is not None
    assert reopened.revision >= printed[-1]
    assert reopened == _replay(campaign, seed, reopened.revision)
