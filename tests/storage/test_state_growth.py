"""The state file stays small: a conversation is a row per entry, the WAL is checkpointed,
and the file's growth is capped (a change past the cap is not saved, and says why).

The 2,000 questions go through the store, not the HTTP route: a display's questions are
rate-limited there (a few per minute), so 2,000 from one display would mostly be refused
before they reach the state file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.errors import NotSaved
from desktop.storage.persistence import StateFile
from tests.model.conftest import make_store

QUESTION = "Where is the nearest working airlock? " + "x" * 3900  # near the longest allowed
LIMIT = 20 * 1024 * 1024


def _bytes_on_disk(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def test_2000_questions_keep_the_state_file_under_20_mb(tmp_path: Path, campaign: Campaign) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    store.dispatch(A.SetCharonMode("QUERY"))
    largest = 0
    for n in range(2000):
        store.dispatch(A.SubmitQuestion("story", f"{n} {QUESTION}"), actor="player")
        if n % 50 == 0:
            largest = max(largest, _bytes_on_disk(path))
            assert largest < LIMIT, f"{largest} bytes after {n} questions"
    largest = max(largest, _bytes_on_disk(path))
    kept = store.state.charon.conversations["story"]
    state_file.close()
    assert largest < LIMIT
    state_file = StateFile(path)
    assert state_file.load() == store.state  # every kept question is back after a restart
    assert len(kept) == 500
    state_file.close()


def test_a_question_writes_one_small_row(
    tmp_path: Path, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    store.dispatch(A.SetCharonMode("QUERY"))
    for n in range(100):
        store.dispatch(A.SubmitQuestion("story", f"question {n}"), actor="player")
    written: list[tuple[list[tuple[str, bytes]], list[str]]] = []
    write = state_file._write
    monkeypatch.setattr(state_file, "_write", lambda u, d: (written.append((u, d)), write(u, d)))
    store.dispatch(A.SubmitQuestion("story", "one more"), actor="player")
    [(upserts, deletes)] = written
    assert [key for key, _ in upserts] == [f"cve:story:{store.last_reply['query_id']}"]
    assert len(upserts[0][1]) < 200 and deletes == []
    state_file.close()


def test_past_the_size_limit_a_change_is_not_saved_and_says_so(
    tmp_path: Path, campaign: Campaign
) -> None:
    path = tmp_path / "table.sqlite3"
    state_file = StateFile(path, max_bytes=256 * 1024)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    with pytest.raises(NotSaved, match=r"size limit of 0\.25 MB"):
        for n in range(200):
            store.dispatch(A.CharonSend("story", f"{n} {QUESTION}"))
    assert str(path) in state_file.failure
    saved = store.state
    state_file.close()
    state_file = StateFile(path, max_bytes=256 * 1024)
    assert state_file.load() == saved
    state_file.close()
