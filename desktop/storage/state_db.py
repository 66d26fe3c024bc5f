"""Opening the state file: the app's lock, SQLite's settings, and one-line refusals.

Whatever is wrong with the file or its folder (a folder in its place, not SQLite, read-only,
in use) becomes a StateFileError whose message names the file and the way out (`--state`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path

log = logging.getLogger(__name__)

MAX_BYTES = 16 * 1024 * 1024  # the state file never grows past this (SQLite: "full")
WAL_LIMIT = 4 * 1024 * 1024  # a checkpointed WAL is cut back to this
WAY_OUT = "choose another file with --state"


class StateFileError(Exception):
    """The state file cannot be used; the message is one line for the GM."""


class StateFileLocked(StateFileError):
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
                f"close it or {WAY_OUT}"
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
    try:
        _refuse_foreign(db, path)
    except BaseException:
        db.close()
        raise
    db.execute("PRAGMA page_size=1024")  # a new file only: a token row rewrites one small page
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    _hold_exclusively(db)
    return db


def _refuse_foreign(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a SQLite file with tables and none of ours before anything writes to it (the
    journal mode and our table would change another program's file)."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    names = [str(row[0]) for row in rows]
    if names and "parts" not in names:
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        raise StateFileError(
            f"{path} is another program's SQLite file (tables: {shown}), not a GM Terminal "
            f"state file; it was left untouched: {WAY_OUT}"
        )


def _hold_exclusively(db: sqlite3.Connection) -> None:
    """Keep SQLite's file locks for as long as the file is open: a commit then makes no locking
    system calls. Only this app writes the file (see _Lock); if some other program has it open
    right now, stay with ordinary locking rather than fail."""
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
    db.execute("PRAGMA busy_timeout=200")
    try:
        db.execute("BEGIN EXCLUSIVE")  # takes the locks, which exclusive mode then keeps
        db.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if db.in_transaction:
            db.execute("ROLLBACK")
        if _code(exc) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise  # not another program: a file that cannot be written, said as such
        log.warning("another program has the state file open: ordinary locking")
        db.execute("PRAGMA locking_mode=NORMAL")
    db.execute("PRAGMA busy_timeout=5000")


def open_database(path: Path, max_bytes: int = MAX_BYTES) -> tuple[_Lock, sqlite3.Connection]:
    """The app's lock on path and a connection set up for the state file (StateFileError)."""
    if path.is_dir():
        raise StateFileError(f"the state file {path} is a folder; {WAY_OUT}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _Lock(path)
    except OSError as exc:
        raise StateFileError(
            f"cannot write the state file {path} ({exc.strerror or exc}: is its folder "
            f"read-only?); {WAY_OUT}"
        ) from None
    try:
        _check_writable(path)
        db = connect_state(path, max_bytes)
    except sqlite3.Error as exc:
        lock.release()
        raise StateFileError(_problem(path, exc)) from None
    except StateFileError:
        lock.release()
        raise
    return lock, db


def _check_writable(path: Path) -> None:
    """Refuse a state file this process cannot write before SQLite opens it (SQLite would
    leave read-only -wal and -shm files beside it). A read-only -shm (or empty -wal) that an
    earlier run left is removed: it holds nothing, and no other GM Terminal uses the file
    (the caller holds _Lock). Anything else that cannot be written is named."""
    if not _writable(path):
        raise StateFileError(
            f"cannot write the state file {path} (read-only); make it writable or {WAY_OUT}"
        )
    for side in _sidecars(path):
        if _writable(side):
            continue
        if side.name.endswith("-shm") or side.stat().st_size == 0:
            try:
                side.unlink()
                log.warning("removed %s: an earlier run left it read-only", side)
                continue
            except OSError:
                pass
        raise StateFileError(_not_writable(path, side))


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _writable(path: Path) -> bool:
    """True when path can be opened for writing, or does not exist."""
    try:
        os.close(os.open(path, os.O_RDWR))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _not_writable(path: Path, side: Path) -> str:
    return (
        f"cannot write {side} beside the state file {path} (read-only); make it writable or "
        f"remove it, or {WAY_OUT}"
    )


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0)) & 0xFF


def connect_state(path: Path, max_bytes: int = MAX_BYTES) -> sqlite3.Connection:
    """A connection to the state file with its table, its settings and its size limit."""
    db = _connect(path)
    db.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints run in the background
    db.execute(f"PRAGMA journal_size_limit={WAL_LIMIT}")
    db.execute(
        "CREATE TABLE IF NOT EXISTS parts (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
        " WITHOUT ROWID"  # one B-tree: a small change touches one page
    )
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={max_bytes // page_size}")
    return db


def _problem(path: Path, exc: sqlite3.Error) -> str:
    code = _code(exc)
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return f"{path} is not a state file this app can read ({exc}); move it away or {WAY_OUT}"
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        for side in _sidecars(path):
            if not _writable(side):
                return _not_writable(path, side)
        return f"cannot write the state file {path} ({exc}); {WAY_OUT}"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"the state file {path} is locked by another program; close it or {WAY_OUT}"
    return f"cannot open the state file {path} ({exc}); {WAY_OUT}"
