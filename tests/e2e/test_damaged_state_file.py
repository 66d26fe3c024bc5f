"""The app with a damaged or unusable state file: it starts (saying what it skipped) or
refuses with one line naming the file and `--state`, never a traceback."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_headless import GIVE_UP, app_env, get_json, post_json, start, stop

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
