"""Links out of the campaign (harden, defect 5): `import-map` never writes through a `map`
folder that leads outside it, and `check` reports a linked token folder leading out."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.mapimport.test_import_map import MAP_DIR, run
from tests.mapimport.uvtt_files import uvtt, write_uvtt


def test_import_refuses_a_map_folder_linked_outside(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (campaign / MAP_DIR).symlink_to(outside, target_is_directory=True)
    file = write_uvtt(tmp_path / "hold.uvtt", uvtt())
    status, out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    expected = f"{MAP_DIR.as_posix()} is a link leading outside the campaign folder"
    assert (status, out, err) == (1, "", f"{file}: {expected}\n")
    assert list(outside.iterdir()) == []  # nothing written out there


def test_check_reports_a_token_folder_linked_outside(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ghoul.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    tokens = campaign / "campaign" / "tokens"
    tokens.mkdir(parents=True)
    (tokens / "beasts").symlink_to(outside, target_is_directory=True)
    assert main(["check", str(campaign)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        f"campaign/tokens/beasts:0: a link leading outside the campaign folder (to {outside}):"
        " not read"
    ) in lines
