"""The state file: SQLite (WAL), one row per part, each change committed before the reply."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desktop.model.errors import NotSaved
from desktop.model.state import TableState
from desktop.model.store import PERSISTENCE, Store
from desktop.storage.row_reader import Loaded, read_rows
from desktop.storage.state_db import (
    MAX_BYTES,
    StateFileError,
    StateFileLocked,
    connect_state,
    open_database,
)
from desktop.storage.state_rows import RowWriter

__all__ = ["StateFile", "StateFileError", "StateFileLocked"]

log = logging.getLogger(__name__)

CHECKPOINT_EVERY = 1000  # commits between background checkpoints of the WAL
CHECKPOINT_BYTES = 1024 * 1024  # or bytes of rows written since the last one
_UPSERT = "INSERT OR REPLACE INTO parts VALUES (?,?)"


class StateFile:
    """The table state on disk; attach() makes it commit every change of a Store."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes  # the file's size limit: past it a change is not saved
        self._lock, self._db = open_database(self.path, max_bytes)
        self._rows = RowWriter()
        self._unsubscribe: Callable[[], None] | None = None
        self._since_checkpoint = 0
        self._bytes_since_checkpoint = 0
        self._checkpointer: threading.Thread | None = None
        self._db_lock = threading.Lock()
        self.commits = 0
        self.max_commit_seconds = 0.0
        self.failure = ""  # why the last commit failed ("" when it was saved)
        self.on_status: Callable[[str], None] | None = None  # told failure, then "" once saved
        self.notices: list[str] = []  # what load() skipped and where the damaged file is kept

    def load(self) -> TableState | None:
        """The saved table state (None for a new file), read row by row.

        Rows that cannot be read are skipped and named in `notices`; the rest is kept. Before
        the file is repaired it is copied aside (`<name>.damaged-<time>`).
        """
        rows, damage = self._read_all()
        loaded = read_rows(rows)
        if damage or loaded.bad:
            self._repair(rows, loaded, damage)
        self._rows = RowWriter(loaded)
        return loaded.state

    def _read_all(self) -> tuple[dict[object, object], str]:
        """Every row that can be read; a damaged page stops a scan, so read from both ends."""
        rows: dict[object, object] = {}
        try:
            for key, value in self._db.execute("SELECT key, value FROM parts ORDER BY key"):
                rows[key] = value
            return rows, ""
        except sqlite3.DatabaseError as exc:
            damage = str(exc)
        try:
            for key, value in self._db.execute("SELECT key, value FROM parts ORDER BY key DESC"):
                if key in rows:
                    break
                rows[key] = value
        except sqlite3.DatabaseError:
            pass
        return rows, damage

    def _repair(self, rows: dict[object, object], loaded: Loaded, damage: str) -> None:
        aside = self._copy_aside()
        skipped = ", ".join(sorted(loaded.bad)[:5]) + (" ..." if len(loaded.bad) > 5 else "")
        what = f"{len(loaded.bad)} unreadable row(s) skipped ({skipped})" if loaded.bad else ""
        if damage:
            what = "; ".join(filter(None, [f"damaged ({damage}): kept what could be read", what]))
        self.notices.append(f"{self.path}: {what}; the file as it was is kept as {aside}")
        for notice in self.notices:
            log.warning("%s", notice)
        good = [(k, v) for k, v in rows.items() if str(k) not in loaded.bad]
        if damage:  # a fresh file with what could be read
            self._db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = connect_state(self.path, self.max_bytes)
            self._db.executemany(_UPSERT, good)
        else:
            self._db.executemany("DELETE FROM parts WHERE key = ?", [(k,) for k in loaded.bad])

    def _copy_aside(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        for suffix in ("", "-wal"):
            source = Path(f"{self.path}{suffix}")
            if source.exists() and source.stat().st_size:
                shutil.copy2(source, f"{aside}{suffix}")
        return aside

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
        for _key, value in upserts:
            self._bytes_since_checkpoint += len(value)
        if (
            self._since_checkpoint >= CHECKPOINT_EVERY
            or self._bytes_since_checkpoint >= CHECKPOINT_BYTES
        ):
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
        if code == sqlite3.SQLITE_FULL and self._near_limit():
            return (
                f"{self.path} reached its size limit of {self.max_bytes / 2**20:g} MB "
                "(clear old ship-computer conversations or start a new session)"
            )
        if code == sqlite3.SQLITE_FULL:
            return f"the disk holding {self.path} is full"
        if code == sqlite3.SQLITE_IOERR:
            return f"cannot write {self.path} (the disk may be full: {exc})"
        return f"cannot write {self.path}: {exc}"

    def _near_limit(self) -> bool:
        pages, most = (
            self._db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_count", "max_page_count")
        )
        return bool(pages >= most - 64)

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
        self._since_checkpoint = self._bytes_since_checkpoint = 0
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
        except sqlite3.Error as exc:  # a full disk: the WAL keeps what was saved
            log.warning("could not fold the WAL into %s: %s", self.path, exc)
        finally:
            self._db.close()
            self._lock.release()
