"""A layout saved by an earlier run, restored in a real X window (Xvfb, no window manager) at
1440x900 and 1366x768: whole place names in the campaign tree, whole dock tab titles, a dock
separator wide enough to grab. Runs tests/ui/window/test_restored_layout.py on that screen: the
window tests under the offscreen platform never restore a saved layout on a real screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed"),
]
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from window_rehearsal import start_xvfb  # noqa: E402


@pytest.mark.parametrize("size", ["1440x900", "1366x768"])
def test_a_restored_layout_reads_whole_on_a_real_screen(tmp_path: Path, size: str) -> None:
    xvfb, display = start_xvfb(size)
    try:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-k",
                f"{size} or separator",
                "tests/ui/window/test_restored_layout.py",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(5)
    assert run.returncode == 0, run.stdout + run.stderr
    assert " passed" in run.stdout
