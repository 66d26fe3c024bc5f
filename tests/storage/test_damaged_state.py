"""One damaged row loses one row: the rest of the table is kept, the damaged file kept aside."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import orjson
import pytest

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.store import Store
from desktop.storage.persistence import StateFile, StateFileError
from tests.model.conftest import open_ship, place
from tests.model.factory import SHIP
from tests.storage.conftest import open_table


def _table(path: Path, campaign: Campaign) -> tuple[Store, list[str]]:
    """A saved table with three tokens, reveals, a broadcast and a conversation."""
    state_file, store = open_table(path, campaign)
    open_ship(store, "r-med", "r-bridge")
    tokens = [place(store, 6, 3), place(store, 7, 3, name="Kade"), place(store, 6, 4, name="Ng")]
    store.dispatch(A.SendBroadcast("Hull breach"))
    store.dispatch(A.CharonSend("story", "Welcome."))
    state_file.close()
    return store, tokens


def _damaged(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.glob("*.damaged-*") if not p.name.endswith("-wal"))


@pytest.mark.parametrize(
    "value",
    [
        b"[3, [not json",  # bad JSON
        orjson.dumps([3, ["id", "player", "Reyes", "six", 3, "d", "r", [], ""]]),  # wrong kind
        orjson.dumps([3, ["id", "dragon", "Reyes", 6, 3, "d", "r", [], ""]]),  # unknown type
    ],
)
def test_a_damaged_token_row_loses_that_token_only(
    tmp_path: Path, campaign: Campaign, value: bytes
) -> None:
    path = tmp_path / "table.sqlite3"
    saved, tokens = _table(path, campaign)
    broken = f"tok:{SHIP}:{tokens[1]}"
    with sqlite3.connect(path) as db:
        db.execute("UPDATE parts SET value = ? WHERE key = ?", (value, broken))
    state_file, store = open_table(path, campaign)
    assert len(state_file.notices) == 1
    notice = state_file.notices[0]
    assert broken in notice and str(path) in notice and ".damaged-" in notice
    kept = store.state.locations[SHIP]
    assert list(kept.tokens) == [tokens[0], tokens[2]]
    assert kept.revealed == saved.state.locations[SHIP].revealed
    assert store.state.view_type == "ENCOUNTER"
    assert store.state.broadcasts == saved.state.broadcasts
    assert store.state.charon.conversations == saved.state.charon.conversations
    assert store.state.revision >= saved.state.revision - 1  # at most the lost row's revision
    [aside] = _damaged(path)
    with sqlite3.connect(aside) as db:  # the copy still holds the row as it was
        assert db.execute("SELECT value FROM parts WHERE key = ?", (broken,)).fetchone() == (value,)
    state_file.close()
    state_file, again = open_table(path, campaign)  # repaired: nothing more to report
    assert state_file.notices == [] and again.state == store.state
    state_file.close()


def test_a_damaged_meta_row_keeps_tokens_and_conversations(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "table.sqlite3"
    saved, tokens = _table(path, campaign)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE parts SET value = x'00ff' WHERE key = 'meta'")
    state_file, store = open_table(path, campaign)
    assert "meta" in state_file.notices[0]
    assert list(store.state.locations[SHIP].tokens) == tokens
    assert store.state.charon.conversations == saved.state.charon.conversations
    state_file.close()


def test_a_damaged_page_keeps_every_row_that_can_be_read(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "table.sqlite3"
    state_file, store = open_table(path, campaign)
    open_ship(store, "r-med")
    for n in range(300):
        store.dispatch(A.CharonSend("story", f"line {n} " + "x" * 100))
    saved = store.state
    state_file.close()
    pages = path.stat().st_size // 1024
    with path.open("r+b") as raw:
        raw.seek((pages // 2) * 1024)
        raw.write(random.Random(7).randbytes(1024))
    state_file, store = open_table(path, campaign)
    assert "damaged" in state_file.notices[0] and ".damaged-" in state_file.notices[0]
    assert store.state.locations[SHIP].revealed == saved.locations[SHIP].revealed
    lines = store.state.charon.conversations["story"]
    assert 150 < len(lines) < 300  # the lines on the damaged page are lost, no more
    assert [e.content for e in lines] == sorted((e.content for e in lines), key=_line_number)
    assert len(_damaged(path)) == 1
    state_file.close()
    state_file, again = open_table(path, campaign)
    assert state_file.notices == [] and again.state.charon.conversations["story"] == lines
    state_file.close()


def _line_number(content: str) -> int:
    return int(content.split()[1])


def _refusal(path: Path) -> str:
    with pytest.raises(StateFileError) as refused:
        StateFile(path)
    message = str(refused.value)
    assert "\n" not in message and str(path) in message and "--state" in message
    return message


def test_random_bytes_or_a_folder_are_refused_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(random.Random(3).randbytes(8192))
    assert "not a state file" in _refusal(junk)
    assert junk.read_bytes() == random.Random(3).randbytes(8192)  # untouched
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    assert "is a folder" in _refusal(folder)


def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO notes (text) VALUES ('keep me')")
    db.close()
    before = other.read_bytes()
    message = _refusal(other)
    assert "another program's SQLite file" in message and "notes" in message
    assert other.read_bytes() == before
    assert not other.with_name(other.name + "-wal").exists()
    with sqlite3.connect(other) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master")]
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    db.close()
    assert tables == ["notes"] and journal == "delete"
