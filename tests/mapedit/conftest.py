"""A campaign folder with one station to import maps into."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    station = root / "galaxy" / "reach" / "outpost"
    station.mkdir(parents=True)
    (root / "galaxy" / "reach" / "location.yaml").write_text("name: Reach\ntype: system\n")
    (station / "location.yaml").write_text("name: Outpost Nine\ntype: station\n")
    return root
