"""The state file: SQLite (WAL), one row per part, each change committed before the reply."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from desktop.model import codec
from desktop.model.state import LocationState, TableState
from desktop.model.store import PERSISTENCE, Store

log = logging.getLogger(__name__)

CHECKPOINT_EVERY = 500  # commits between background checkpoints of the WAL


class StateFileLocked(Exception):
    """Another running app holds this state file."""


class _Lock:
    """An exclusive lock on `<file>.lock`, held while the app runs."""

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock_fd(self._fd)
        except OSError:
            os.close(self._fd)
            holder = self.path.read_text(encoding="utf-8", errors="replace").strip()
            who = f" (process {holder})" if holder else ""
            raise StateFileLocked(
                f"the state file {path} is in use by another GM Terminal{who}; "
                "close it or choose another file with --state"
            ) from None
        os.ftruncate(self._fd, 0)
        os.write(self._fd, str(os.getpid()).encode())

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # closing releases the lock
            self._fd = -1


if sys.platform == "win32":
    import msvcrt

    def _lock_fd(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


class StateFile:
    """The table state on disk; attach() makes it commit every change of a Store."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _Lock(self.path)
        try:
            self._db = _connect(self.path)
            self._db.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints run in the background
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS rows (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
            )
        except sqlite3.Error:
            self._lock.release()
            raise
        self._written: TableState | None = None
        self._meta_cache: tuple[tuple[object, ...], dict[str, Any]] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._since_checkpoint = 0
        self._checkpointer: threading.Thread | None = None
        self.commits = 0
        self.max_commit_seconds = 0.0

    def load(self) -> TableState | None:
        """The saved table state, or None for a new file."""
        rows = dict(self._db.execute("SELECT key, value FROM rows").fetchall())
        if "meta" not in rows:
            return None
        locations, conversations, tokens = {}, {}, {}
        for key, value in rows.items():
            kind, _, name = key.partition(":")
            if kind == "loc":
                locations[name] = orjson.loads(value)
            elif kind == "tok":
                tokens[name] = codec.token_in(orjson.loads(value))
            elif kind == "conv":
                conversations[name] = codec.entries_in(orjson.loads(value))
        broadcasts = codec.broadcasts_in(orjson.loads(rows.get("broadcasts", b"[]")))
        states = {
            slug: codec.location_in(data, [tokens.pop(f"{slug}:{t}") for t in data["order"]])
            for slug, data in locations.items()
        }
        if tokens:
            log.warning("%d token rows without their location in %s", len(tokens), self.path)
        state = codec.state_in(orjson.loads(rows["meta"]), states, broadcasts, conversations)
        self._written = state
        return state

    def attach(self, store: Store) -> None:
        """Commit the store's state now, then every change of it (subscribed at PERSISTENCE)."""
        self.commit(store.state)
        self._unsubscribe = store.subscribe(self.commit, PERSISTENCE)

    def commit(self, state: TableState) -> None:
        """Write the parts that changed since the last commit, in one transaction."""
        started = time.perf_counter()
        upserts, deletes = self._changes(state)
        if deletes or len(upserts) > 400:
            self._write_with_deletes(upserts, deletes)
        else:  # one statement is one transaction: no BEGIN/COMMIT round trips
            sql = "INSERT OR REPLACE INTO rows VALUES " + ",".join(["(?,?)"] * len(upserts))
            self._db.execute(sql, [v for row in upserts for v in row])
        self._written = state
        self.commits += 1
        self.max_commit_seconds = max(self.max_commit_seconds, time.perf_counter() - started)
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            self._checkpoint_in_background()

    def _write_with_deletes(self, upserts: list[tuple[str, bytes]], deletes: list[str]) -> None:
        db = self._db
        db.execute("BEGIN")
        try:
            db.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?)", upserts)
            db.executemany("DELETE FROM rows WHERE key = ?", [(k,) for k in deletes])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _changes(self, state: TableState) -> tuple[list[tuple[str, bytes]], list[str]]:
        old = self._written
        upserts: list[tuple[str, bytes]] = [("meta", self._meta(state))]
        deletes: list[str] = []
        old_locations = old.locations if old else {}
        if old is None or old.locations is not state.locations:
            for slug, ls in state.locations.items():
                if old_locations.get(slug) is not ls:
                    self._location_rows(slug, old_locations.get(slug), ls, upserts, deletes)
            for slug, gone in old_locations.items():
                if slug not in state.locations:
                    deletes.append(f"loc:{slug}")
                    deletes += [f"tok:{slug}:{t}" for t in gone.tokens]
        if old is None or old.broadcasts is not state.broadcasts:
            upserts.append(("broadcasts", orjson.dumps(codec.broadcasts_out(state.broadcasts))))
        convs = state.charon.conversations
        old_convs: dict[str, Any] = old.charon.conversations if old else {}
        for channel, entries in convs.items():
            if old_convs.get(channel) is not entries:
                upserts.append((f"conv:{channel}", orjson.dumps(codec.entries_out(entries))))
        deletes += [f"conv:{c}" for c in old_convs if c not in convs]
        return upserts, deletes

    def _meta(self, state: TableState) -> bytes:
        """The meta row; between changes of its parts only the revision differs."""
        parts: tuple[object, ...] = (
            state.view_type,
            state.location_slug,
            state.portraits,
            state.overlay_location,
            state.overlay_terminal,
            state.ship,
            state.charon,
            state.hold,
            state.movable_types,
            state.unplaced,
        )
        cached = self._meta_cache
        if cached is None or any(a is not b for a, b in zip(cached[0], parts, strict=True)):
            cached = (parts, codec.meta_out(state))
            self._meta_cache = cached
        return orjson.dumps({**cached[1], "revision": state.revision})

    @staticmethod
    def _location_rows(
        slug: str,
        old: LocationState | None,
        new: LocationState,
        upserts: list[tuple[str, bytes]],
        deletes: list[str],
    ) -> None:
        """A location is a row of its own plus one row per token: a move writes one token."""
        same = (
            old is not None
            and old.deck_id == new.deck_id
            and old.revealed is new.revealed
            and old.door_status is new.door_status
            and old.room_status is new.room_status
            and old.revealed_pois is new.revealed_pois
            and (old.tokens is new.tokens or old.tokens.keys() == new.tokens.keys())
        )
        if not same:
            upserts.append((f"loc:{slug}", orjson.dumps(codec.location_out(new))))
        old_tokens = old.tokens if old else {}
        if old is not None and old.tokens is new.tokens:
            return
        for tid, token in new.tokens.items():
            if old_tokens.get(tid) is not token:
                upserts.append((f"tok:{slug}:{tid}", orjson.dumps(codec.token_out(token))))
        deletes += [f"tok:{slug}:{t}" for t in old_tokens if t not in new.tokens]

    def _checkpoint_in_background(self) -> None:
        if self._checkpointer is not None and self._checkpointer.is_alive():
            return
        self._since_checkpoint = 0
        self._checkpointer = threading.Thread(
            target=_checkpoint, args=(self.path,), name="state-checkpoint", daemon=True
        )
        self._checkpointer.start()

    def close(self) -> None:
        """Stop committing, fold the WAL into the file, release the lock."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._checkpointer is not None:
            self._checkpointer.join()
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()
        finally:
            self._lock.release()


def _checkpoint(path: Path) -> None:
    """Copy committed pages from the WAL into the database (a worker thread; never blocks)."""
    try:
        db = _connect(path)
        try:
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            db.close()
    except sqlite3.Error:
        log.exception("background checkpoint of %s failed", path)
