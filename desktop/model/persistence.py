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

from desktop.model.errors import NotSaved
from desktop.model.state import TableState
from desktop.model.state_rows import RowWriter, state_from_rows
from desktop.model.store import PERSISTENCE, Store

log = logging.getLogger(__name__)

CHECKPOINT_EVERY = 1000  # commits between background checkpoints of the WAL
_UPSERT = "INSERT OR REPLACE INTO parts VALUES (?,?)"


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
    db.execute("PRAGMA page_size=1024")  # a new file only: a token row rewrites one small page
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    _hold_exclusively(db)
    return db


def _hold_exclusively(db: sqlite3.Connection) -> None:
    """Keep SQLite's file locks for as long as the file is open: a commit then makes no locking
    system calls. Only this app writes the file (see _Lock); if some other program has it open
    right now, stay with ordinary locking rather than fail."""
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
    db.execute("PRAGMA busy_timeout=200")
    try:
        db.execute("BEGIN EXCLUSIVE")  # takes the locks, which exclusive mode then keeps
        db.execute("COMMIT")
    except sqlite3.OperationalError:
        if db.in_transaction:
            db.execute("ROLLBACK")
        log.warning("another program has the state file open: ordinary locking")
        db.execute("PRAGMA locking_mode=NORMAL")
    db.execute("PRAGMA busy_timeout=5000")


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
                "CREATE TABLE IF NOT EXISTS parts (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
                " WITHOUT ROWID"  # one B-tree: a small change touches one page
            )
        except sqlite3.Error:
            self._lock.release()
            raise
        self._rows = RowWriter(None)
        self._unsubscribe: Callable[[], None] | None = None
        self._since_checkpoint = 0
        self._checkpointer: threading.Thread | None = None
        self._db_lock = threading.Lock()
        self.commits = 0
        self.max_commit_seconds = 0.0
        self.failure = ""  # why the last commit failed ("" when it was saved)
        self.on_status: Callable[[str], None] | None = None  # told failure, then "" once saved

    def load(self) -> TableState | None:
        """The saved table state, or None for a new file (or one of an older format)."""
        rows = dict(self._db.execute("SELECT key, value FROM parts").fetchall())
        try:
            state = state_from_rows(rows)
        except (ValueError, KeyError, TypeError, IndexError):
            log.exception(
                "%s holds no table state this version can read: starting clean", self.path
            )
            self._db.execute("DELETE FROM parts")
            state = None
        self._rows = RowWriter(state)
        return state

    def attach(self, store: Store) -> None:
        """Commit the store's state now, then every change of it (subscribed at PERSISTENCE)."""
        self.commit(store.state)
        self._unsubscribe = store.subscribe(self.commit, PERSISTENCE)

    def commit(self, state: TableState) -> None:
        """Write the parts that changed since the last commit, in one transaction.

        NotSaved when the file refuses them: the rows stay unsaved, so the next commit
        writes them again (with whatever else changed) from what is on disk.
        """
        started = time.perf_counter()
        upserts, deletes = self._rows.changes(state)
        try:
            with self._db_lock:  # a background checkpoint may hold the connection
                self._write(upserts, deletes)
        except sqlite3.Error as exc:
            self._report(self._reason(exc))
            raise NotSaved(self.failure) from None
        self._rows.saved()
        if self.failure:
            self._report("")
        self.commits += 1
        self.max_commit_seconds = max(self.max_commit_seconds, time.perf_counter() - started)
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            self._checkpoint_in_background()

    def _write(self, upserts: list[tuple[str, bytes]], deletes: list[str]) -> None:
        if len(upserts) == 1 and not deletes:  # a token move: one row
            self._db.execute(_UPSERT, upserts[0])
        elif deletes or len(upserts) > 400:
            self._write_with_deletes(upserts, deletes)
        else:  # one statement is one transaction: no BEGIN/COMMIT round trips
            sql = "INSERT OR REPLACE INTO parts VALUES " + ",".join(["(?,?)"] * len(upserts))
            self._db.execute(sql, [v for row in upserts for v in row])

    def _reason(self, exc: sqlite3.Error) -> str:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code == sqlite3.SQLITE_FULL:
            return f"the disk holding {self.path} is full"
        if code == sqlite3.SQLITE_IOERR:
            return f"cannot write {self.path} (the disk may be full: {exc})"
        return f"cannot write {self.path}: {exc}"

    def _report(self, failure: str) -> None:
        """Note a failed save (or "" once saving works again) and tell on_status."""
        if failure and failure != self.failure:
            log.error("table not saved: %s", failure)
        elif not failure:
            log.warning("the table is saved again in %s", self.path)
        self.failure = failure
        if self.on_status is not None:
            self.on_status(failure)

    def _write_with_deletes(self, upserts: list[tuple[str, bytes]], deletes: list[str]) -> None:
        db = self._db
        db.execute("BEGIN")
        try:
            db.executemany(_UPSERT, upserts)
            db.executemany("DELETE FROM parts WHERE key = ?", [(k,) for k in deletes])
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (a full disk)
                db.execute("ROLLBACK")
            raise

    def _checkpoint_in_background(self) -> None:
        if self._checkpointer is not None and self._checkpointer.is_alive():
            return
        self._since_checkpoint = 0
        self._checkpointer = threading.Thread(
            target=self._checkpoint, name="state-checkpoint", daemon=True
        )
        self._checkpointer.start()

    def _checkpoint(self) -> None:
        """Copy committed pages from the WAL into the database (on a worker thread)."""
        try:
            with self._db_lock:
                self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            log.exception("background checkpoint of %s failed", self.path)

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
