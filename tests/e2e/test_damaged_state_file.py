"""The app with a damaged or unusable state file: it starts (saying what it skipped) or
refuses with one line naming the file and `--state`, never a traceback."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_headless import (
    GIVE_UP,
    app_env,
    close_output,
    get_json,
    post_json,
    start,
    stop,
)

pytestmark = pytest.mark.e2e


def _refused(tmp: Path, state: Path, prefix: tuple[str, ...] = ()) -> str:
    command = [*prefix, sys.executable, "-m", "desktop", "--headless", "--no-mdns"]
    command += ["--host", "127.0.0.1", "--port", "0", "--state", str(state)]
    done = subprocess.run(
        command,
        env=app_env(tmp),
        capture_output=True,
        text=True,
        timeout=GIVE_UP,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert done.returncode == 1, done
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(state) in lines[0] and "--state" in lines[0], lines
    assert done.stdout == ""
    return lines[0]


def test_random_bytes_a_folder_and_a_locked_file_are_refused_in_one_line(
    tmp_path: Path,
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(random.Random(5).randbytes(4096))
    assert "not a state file" in _refused(tmp_path, junk)
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    assert "is a folder" in _refused(tmp_path, folder)
    locked = tmp_path / "locked.sqlite3"
    other = sqlite3.connect(locked, isolation_level=None)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN EXCLUSIVE")  # another program holds SQLite's lock
    try:
        assert "locked" in _refused(tmp_path, locked)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.close()
    before = other.read_bytes()
    assert "another program's SQLite file" in _refused(tmp_path, other)
    assert other.read_bytes() == before


def test_a_read_only_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    state = folder / "table.sqlite3"
    if os.geteuid() == 0:  # root writes anywhere: a read-only mount in a namespace of its own
        script = f"mount --bind -o ro '{folder}' '{folder}' && exec \"$@\""
        prefix: tuple[str, ...] = ("unshare", "--mount", "--propagation", "private")
        prefix += ("sh", "-c", script, "sh")
    else:
        folder.chmod(0o555)
        prefix = ()
    assert "read-only" in _refused(tmp_path, state, prefix)


def test_a_damaged_row_is_skipped_said_and_kept_aside(tmp_path: Path) -> None:
    state = tmp_path / "table.sqlite3"
    args = ("--host", "127.0.0.1", "--port", "0", "--state", str(state))
    app = start(tmp_path, *args)
    post_json(app.url + "api/gm/switch-view/", {"view_type": "BRIDGE"})
    post_json(app.url + "api/gm/broadcast/", {"content": "Hull breach"})
    assert stop(app) == 0
    with sqlite3.connect(state) as db:
        db.execute("UPDATE parts SET value = x'5b332c' WHERE key = 'broadcasts'")
    app = start(tmp_path, *args)
    try:
        said = [line for line in app.lines if "broadcasts" in line]
        assert said and ".damaged-" in said[0] and str(state) in said[0], app.lines
        assert "Traceback" not in "".join(app.lines)
        snapshot = get_json(app.url + "api/active-view/")
        assert snapshot["view_type"] == "BRIDGE" and snapshot["broadcasts"] == []
        assert list(tmp_path.glob("table.sqlite3.damaged-*"))
    finally:
        assert stop(app) == 0


def _without_file_powers() -> tuple[str, ...]:
    """A prefix that runs the app unable to write a file its mode forbids (root's capabilities
    to ignore file modes dropped); as another user, nothing is needed."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop the capabilities that let root")
    caps = "-dac_override,-dac_read_search,-fowner,-chown"
    return ("setpriv", "--inh-caps=-all", f"--bounding-set={caps}")


def _sidecar(state: Path, suffix: str) -> Path:
    return state.with_name(state.name + suffix)


def _saved_broadcast(tmp_path: Path, state: Path, *, kill: bool = False) -> list[str]:
    """Run the app once with a broadcast (killed: its WAL is not folded in); its args."""
    args = ("--host", "127.0.0.1", "--port", "0", "--state", str(state))
    app = start(tmp_path, *args)
    post_json(app.url + "api/gm/broadcast/", {"content": "Hull breach"})
    if kill:
        app.process.kill()
        app.process.wait(GIVE_UP)
        close_output(app.process)
    else:
        assert stop(app) == 0
    return list(args)


def test_a_read_only_state_file_is_refused_and_leaves_no_read_only_files(
    tmp_path: Path,
) -> None:
    prefix = _without_file_powers()
    state = tmp_path / "table.sqlite3"
    args = _saved_broadcast(tmp_path, state)
    state.chmod(0o444)
    line = _refused(tmp_path, state, prefix)
    assert "read-only" in line and "make it writable" in line, line
    assert not _sidecar(state, "-shm").exists() and not _sidecar(state, "-wal").exists()
    state.chmod(0o644)
    app = start(tmp_path, *args, prefix=prefix)
    try:
        assert get_json(app.url + "api/active-view/")["broadcasts"]
    finally:
        assert stop(app) == 0


def test_a_stale_read_only_shm_left_by_an_earlier_run_is_cleared(tmp_path: Path) -> None:
    """What an earlier run on a read-only file left (SQLite gives -shm and -wal its mode)."""
    prefix = _without_file_powers()
    state = tmp_path / "table.sqlite3"
    args = _saved_broadcast(tmp_path, state)
    shm, wal = _sidecar(state, "-shm"), _sidecar(state, "-wal")
    shm.write_bytes(bytes(32768))
    wal.write_bytes(b"")
    shm.chmod(0o444)
    wal.chmod(0o444)
    app = start(tmp_path, *args, prefix=prefix)
    try:
        said = "".join(app.lines)
        assert "another program" not in said and "readonly" not in said, said
        post_json(app.url + "api/gm/broadcast/", {"content": "Second"})
        assert len(get_json(app.url + "api/active-view/")["broadcasts"]) == 2  # type: ignore[arg-type]
    finally:
        assert stop(app) == 0
    app = start(tmp_path, *args, prefix=prefix)  # and the next run too
    try:
        assert len(get_json(app.url + "api/active-view/")["broadcasts"]) == 2  # type: ignore[arg-type]
    finally:
        assert stop(app) == 0


def test_a_read_only_wal_with_saved_changes_is_named(tmp_path: Path) -> None:
    prefix = _without_file_powers()
    state = tmp_path / "table.sqlite3"
    _saved_broadcast(tmp_path, state, kill=True)
    wal = _sidecar(state, "-wal")
    assert wal.stat().st_size > 0
    wal.chmod(0o444)
    line = _refused(tmp_path, state, prefix)
    assert f"cannot write {wal} beside the state file {state}" in line, line
    assert "make it writable or remove it" in line
