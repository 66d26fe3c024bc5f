"""The search library says nothing on the console at startup (no DEBUG/INFO lines)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import logging
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
from desktop.charon.search import Index
Index(["engines stressed", "hull breach"]).scores(["hull"])
"""


def test_building_the_index_prints_nothing() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stderr == "" and done.stdout == ""
