"""A hostile Universal VTT file meets bounded work and clear `FILE: message` refusals
(harden, defect 4): caps on the map's cells, the walls' length, portals and rooms; copies of
one portal are one door; a deck the loader would refuse is never written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli import main
from desktop.mapimport import importer, rooms
from tests.mapimport.test_import_map import MAP_DIR, run
from tests.mapimport.uvtt_files import encoded, uvtt, write_uvtt


def _blank(width: int, height: int) -> bytes:
    return encoded(Image.new("RGB", (width * 4, height * 4)))


def _lines(points: list[list[tuple[float, float]]]) -> list[list[dict[str, float]]]:
    return [[{"x": x, "y": y} for x, y in line] for line in points]


def _refused(campaign: Path, capsys: pytest.CaptureFixture[str], file: Path) -> str:
    status, out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert (status, out) == (1, "")
    assert not (campaign / MAP_DIR).exists()  # nothing half-written
    return err.removeprefix(f"{file}: ").strip()


def test_random_walls_over_the_length_cap_are_refused(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rng = random.Random(1)
    walls = [[(rng.uniform(0, 200), rng.uniform(0, 200)) for _ in range(2)] for _ in range(3000)]
    doc = {**uvtt(_blank(200, 200), ppg=4, size=(200, 200)), "line_of_sight": _lines(walls)}
    message = _refused(campaign, capsys, write_uvtt(tmp_path / "walls.dd2vtt", doc))
    assert message.startswith("walls and portals") and "at most 200,000" in message


def test_a_long_diagonal_wall_is_laid_in_work_linear_in_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checks = [0]
    meets = rooms._meets

    def counted(*points: tuple[float, float]) -> bool:
        checks[0] += 1
        return meets(*points)

    monkeypatch.setattr(rooms, "_meets", counted)
    edges = set(rooms.crossed_edges((0.3, 0.2), (199.7, 198.9), 200, 200))
    assert len(edges) >= 200
    assert checks[0] <= 8 * 400  # a few per row and column crossed, not the box's 80,000


def test_copies_of_one_portal_are_one_door_and_the_deck_checks_clean(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = uvtt()
    portals = doc["portals"]
    assert isinstance(portals, list)
    doc["portals"] = [portals[0]] * 200_000 + portals[1:]
    file = write_uvtt(tmp_path / "copies.dd2vtt", doc)
    status, out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert status == 0, err
    assert "3 rooms, 2 doors" in out
    assert main(["check", str(campaign)]) == 0


@pytest.mark.parametrize(
    ("size", "walls", "expected"),
    [
        ((600, 500), [], "resolution.map_size 600x500 cells: at most 250,000 cells in all"),
        (
            (60, 60),
            [[(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1), (x, y)] for x in range(60)
             for y in range(60)],
            "the walls make 3,600 rooms: at most 2,000",
        ),
    ],
)  # fmt: skip
def test_too_many_cells_or_rooms_are_refused(
    campaign: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    size: tuple[int, int],
    walls: list[list[tuple[float, float]]],
    expected: str,
) -> None:
    doc = {**uvtt(_blank(*size), ppg=4, size=size), "line_of_sight": _lines(walls)}
    doc["portals"] = []
    assert _refused(campaign, capsys, write_uvtt(tmp_path / "big.dd2vtt", doc)) == expected


def test_a_deck_the_loader_would_refuse_is_not_written(
    campaign: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1024)  # the loader's limit, made small
    message = _refused(campaign, capsys, write_uvtt(tmp_path / "hold.uvtt", uvtt()))
    assert message.startswith("the deck would be") and "a campaign file may be" in message
