"""`gm-terminal import-map`: Universal VTT files made a deck of the campaign, and every bad
file refused with a `FILE: message` line (never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from PIL import Image

from desktop.campaign.loader import load_campaign
from desktop.campaign.summary import campaign_counts
from desktop.cli import main
from desktop.model.deck_geometry import deck_geometry
from tests.mapimport.uvtt_files import (
    ROOM_COLOURS,
    encoded,
    header_only_png,
    painted,
    room_of,
    uvtt,
    write_uvtt,
)

MAP_DIR = Path("galaxy/reach/outpost/map")


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    status = main(["import-map", *(str(a) for a in args)])
    out = capsys.readouterr()
    return status, out.out, out.err


def imported(campaign: Path, capsys: pytest.CaptureFixture[str], file: Path) -> str:
    status, out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert status == 0, err
    return out


@pytest.mark.parametrize("version", [0.2, 0.3])
@pytest.mark.parametrize("suffix", [".dd2vtt", ".df2vtt", ".uvtt"])
def test_rooms_doors_and_every_portal_kind(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, version: float, suffix: str
) -> None:
    file = write_uvtt(tmp_path / f"lower-hold{suffix}", uvtt(origin=(-3.0, 5.0), version=version))
    out = imported(campaign, capsys, file)
    assert out.strip().startswith(f"{MAP_DIR.as_posix()}/lower-hold.yaml: 3 rooms, 2 doors")
    assert "kept beside the deck: environment, 1 light, 1 window, 2 portals not doors" in out
    loaded = load_campaign(campaign)
    assert loaded.problems == ()
    deck = loaded.locations["outpost"].map.decks[0]  # type: ignore[union-attr]
    assert [r.name for r in deck.rooms] == ["Room 1", "Room 2", "Room 3"]
    for room in deck.rooms:  # each room holds exactly the cells of one test room
        names = {room_of(cx, cy) for cx, cy in room.cells()}
        assert len(names) == 1 and "" not in names
    shapes = {room_of(*next(room.cells())): room for room in deck.rooms}
    assert shapes["B"].shape and shapes["B"].area == 3 * 6 + 3 * 3  # the L uses cells:
    assert not shapes["A"].shape and (shapes["A"].width, shapes["A"].height) == (4, 6)
    joined = {frozenset((c.from_room, c.to_room)) for c in deck.connections}
    assert joined == {
        frozenset((shapes["A"].id, shapes["B"].id)),
        frozenset((shapes["B"].id, shapes["C"].id)),
    }
    assert all(c.door_type == "standard" for c in deck.connections)
    drawn = deck_geometry(loaded.locations["outpost"].map, deck).doors  # type: ignore[arg-type]
    ends = sorted((d.way.a.x, d.way.a.y, d.way.a.orientation) for d in drawn.values())
    assert ends == [(5.0, 3.5, "v"), (8.0, 2.5, "v")]  # where the portals are, not mid-wall
    assert deck.background is not None and deck.grid is not None
    with Image.open(deck.background) as picture:
        assert picture.size == (12 * 20, 8 * 20) and deck.grid.unit_size == 20
    text = (campaign / MAP_DIR / "lower-hold.yaml").read_text()
    door = yaml.safe_load(text)["connections"][0]
    assert door["position"] == {"x": 5.0, "y": 3.5}  # from its bounds, origin subtracted
    extra = yaml.safe_load((campaign / MAP_DIR / "lower-hold.extra.yaml").read_text())
    assert extra["windows"] == [
        {"bounds": [[9.0, 4.0], [10.0, 4.0]], "closed": False, "freestanding": False}
    ]
    assert extra["lights"][0]["range"] == 4
    counts = campaign_counts(loaded)
    assert (counts["rooms"], counts["doors"], counts["decks"]) == (3, 2, 1)


def test_check_is_clean_and_a_second_import_adds_a_deck(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = write_uvtt(tmp_path / "hold.uvtt", uvtt())
    imported(campaign, capsys, file)
    status, out, err = run(
        capsys,
        file,
        "--campaign",
        campaign,
        "--location",
        "outpost",
        "--name",
        "Upper Hold",
        "--deck",
        "2",
    )
    assert status == 0, err
    assert out.startswith(f"{MAP_DIR.as_posix()}/upper-hold.yaml: 3 rooms")
    assert main(["check", str(campaign)]) == 0
    checked = capsys.readouterr().out
    assert "decks: 2" in checked and "rooms: 6" in checked and "no problems" in checked
    manifest = yaml.safe_load((campaign / MAP_DIR / "manifest.yaml").read_text())
    assert [(d["name"], d["level"]) for d in manifest["decks"]] == [("Hold", 1), ("Upper Hold", 2)]
    status, _out, err = run(
        capsys, file, "--campaign", campaign, "--location", "outpost", "--deck", "2"
    )
    assert status == 1
    assert err == f"{file}: deck level 2 is already deck 'upper-hold' of outpost\n"


def test_a_picture_smaller_than_the_map_is_laid_top_left_with_a_warning(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    small = painted().crop((0, 0, 6 * 20, 4 * 20))
    file = write_uvtt(tmp_path / "small.uvtt", uvtt(encoded(small)))
    status, out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert status == 0 and "3 rooms, 2 doors" in out
    assert err == (
        f"{file}: warning: the picture (120x80 px at 20 px a cell) covers 6x4 cells of the "
        "12x8-cell map: the rest has no picture\n"
    )
    with Image.open(campaign / MAP_DIR / "small.png") as picture:
        assert picture.size == (240, 160)
        assert picture.getpixel((230, 150))[3] == 0  # transparent where the picture ends


def test_a_30000_px_wide_picture_is_scaled_to_8192_px(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wide = Image.new("RGB", (30_000, 200), (10, 20, 30))
    file = write_uvtt(tmp_path / "wide.uvtt", uvtt(encoded(wide), ppg=100, size=(300, 2)))
    out = imported(campaign, capsys, file)
    assert "picture 8100x54 px (27 px a cell)" in out
    with Image.open(campaign / MAP_DIR / "wide.png") as picture:
        assert max(picture.size) <= 8192


BAD = {
    "truncated": (lambda text: text[: len(text) // 2], "the file ends too early (truncated?)"),
    "not json": (
        lambda text: "{" + text,
        "not valid JSON (line 1: Expecting property name enclosed in double quotes)",
    ),
    "a list": (lambda text: "[1, 2]", "not a Universal VTT file (the JSON is not an object)"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_broken_files(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    cut, message = BAD[case]
    file = tmp_path / "broken.dd2vtt"
    file.write_text(cut(json.dumps(uvtt())))
    status, out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert (status, out, err) == (1, "", f"{file}: {message}\n")
    assert not (campaign / MAP_DIR).exists()  # nothing half-written


def _with(**changes: object) -> dict[str, object]:
    doc = uvtt()
    for key, value in changes.items():
        doc[key] = value
    return doc


WRONG = {
    "base64": (_with(image="iVBORw0KGgo!!!"), "the picture is not valid base64 (`image`)"),
    "no picture": (_with(image=""), "the file holds no picture (`image` is missing or empty)"),
    "gif": (_with(image="R0lGODlhAQABAAAAACw="), "the picture is not a PNG, JPEG or WebP image"),
    "no format": (_with(format=None), "not a Universal VTT file (no `format`)"),
    "resolution": (_with(resolution=[1]), "`resolution` is missing or not an object"),
    "map size": (
        _with(resolution={"map_size": {"x": "ten", "y": 4}, "pixels_per_grid": 20}),
        'resolution.map_size must be a point {x, y} of numbers, not {"x": "ten", "y": 4}',
    ),
    "walls": (
        _with(line_of_sight={"x": 1}),
        '`line_of_sight` must be a list of lines, not {"x": 1}',
    ),
    "portal": (
        _with(portals=[{"bounds": [{"x": 1, "y": 1}]}]),
        "portals[0].bounds must be a list of two points",
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_wrong_shapes(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    doc, message = WRONG[case]
    file = write_uvtt(tmp_path / "wrong.uvtt", doc)
    status, out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert (status, out, err) == (1, "", f"{file}: {message}\n")


def test_a_30000_px_square_picture_is_refused_unread(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = write_uvtt(tmp_path / "huge.uvtt", uvtt(header_only_png(30_000, 30_000)))
    status, _out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert status == 1
    assert err == f"{file}: the picture has more than 89 Mpx: too large to import\n"


def test_a_bad_picture_and_an_unknown_location(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cut = encoded(painted())[:300]
    file = write_uvtt(tmp_path / "cut.uvtt", uvtt(cut))
    status, _out, err = run(capsys, file, "--campaign", campaign, "--location", "outpost")
    assert status == 1 and err.startswith(f"{file}: the PNG picture cannot be decoded (")
    good = write_uvtt(tmp_path / "good.uvtt", uvtt())
    status, _out, err = run(capsys, good, "--campaign", campaign, "--location", "nowhere")
    assert (status, err) == (1, f"{good}: no location 'nowhere' in {campaign}\n")
    status, _out, err = run(
        capsys, tmp_path / "gone.uvtt", "--campaign", campaign, "--location", "outpost"
    )
    assert status == 1 and err.startswith(f"{tmp_path / 'gone.uvtt'}: cannot read the file")


def test_colours_stay_in_their_rooms() -> None:
    assert len(set(ROOM_COLOURS.values())) == 3


def test_the_deck_names_its_picture(
    campaign: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`background.image` is read: a picture renamed and named there is still the background;
    one that is not there is a problem of the deck file."""
    imported(campaign, capsys, write_uvtt(tmp_path / "hold.uvtt", uvtt()))
    deck_file = campaign / MAP_DIR / "hold.yaml"
    (campaign / MAP_DIR / "hold.png").rename(campaign / MAP_DIR / "plan.png")
    deck_file.write_text(deck_file.read_text().replace("image: hold.png", "image: plan.png"))
    loaded = load_campaign(campaign)
    lmap = loaded.locations["outpost"].map
    assert loaded.problems == () and lmap is not None
    assert lmap.decks[0].background == (campaign / MAP_DIR / "plan.png").resolve()
    deck_file.write_text(deck_file.read_text().replace("image: plan.png", "image: gone.png"))
    problems = [str(p) for p in load_campaign(campaign).problems]
    assert problems == [f"{MAP_DIR.as_posix()}/hold.yaml:8: background image not found: gone.png"]
