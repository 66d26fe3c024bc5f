"""The command line: `check` in a subprocess, settings from flags, --version."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.campaign import campaign_counts, load_campaign, sample_campaign_path
from desktop.cli import parse_settings
from desktop.settings import Settings


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def counts_printed(stdout: str) -> dict[str, int]:
    pairs = (line.split(": ", 1) for line in stdout.splitlines()[:9])
    return {name: int(value) for name, value in pairs}


def break_campaign(root: Path, location_yaml: Path, deck_file: Path) -> tuple[str, str]:
    """Break one location.yaml (line 2) and one connection (line 4 of the deck)."""
    location_yaml.write_text("name: Broken\ntype: [station\n", encoding="utf-8")
    deck_file.write_text(
        "grid: {width: 4, height: 4}\nrooms:\n  - {id: a, x: 0, y: 0, width: 2, height: 2}\n"
        "connections:\n  - {id: c9, from: a, to: nowhere, door_type: standard}\n",
        encoding="utf-8",
    )
    return location_yaml.relative_to(root).as_posix(), deck_file.relative_to(root).as_posix()


def test_check_reports_both_problems_and_still_counts_the_rest(
    full_campaign: Path, tmp_path: Path
) -> None:
    earth = full_campaign / "galaxy/sol/earth/location.yaml"  # orbital and lab live below it
    lab_map = full_campaign / "galaxy/sol/earth/orbital/lab/map/lab.yaml"
    location_file, deck_file = break_campaign(full_campaign, earth, lab_map)
    result = run("check", str(full_campaign), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert f"{location_file}:3: YAML syntax error: did not find expected ',' or ']'" in lines
    assert f"{deck_file}:5: connection 'c9': to 'nowhere' is not a room of deck 'lab'" in lines
    assert counts_printed(result.stdout) == {
        "locations": 8,
        "maps": 2,
        "decks": 5,
        "rooms": 6,
        "doors": 4,
        "terminals": 3,
        "messages": 4,
        "npcs": 3,
        "star systems": 0,
    }
    assert lines[-1].startswith("2 problems")


def add_bad_connection(root: Path, deck_file: str, room: str) -> int:
    """Insert a connection to an unknown room under `connections:`; returns its line."""
    path = root / deck_file
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("connections:")) + 1
    indent = lines[at][: lines[at].index("-")]
    lines.insert(at, f"{indent}- {{id: zz_bad, from: {room}, to: nowhere}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def test_check_on_a_broken_copy_of_the_sample(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(sample_campaign_path(), root)
    campaign = load_campaign(root)
    baseline = campaign_counts(campaign)
    parent = next(loc for loc in campaign.locations.values() if loc.children)
    broken = root / parent.path / "location.yaml"
    broken.write_text("name: Broken\ntype: [station\n", encoding="utf-8")
    decks = [d for loc in campaign.locations.values() if loc.map for d in loc.map.decks]
    deck = next(d for d in decks if d.connections)
    line = add_bad_connection(root, deck.file, deck.rooms[0].id)
    result = run("check", str(root), cwd=tmp_path)
    assert result.returncode == 1
    assert counts_printed(result.stdout) == baseline  # nothing else is lost
    lines = result.stdout.splitlines()
    assert (
        f"{parent.path}/location.yaml:3: YAML syntax error: did not find expected ',' or ']'"
        in lines
    )
    assert (
        f"{deck.file}:{line}: connection 'zz_bad': to 'nowhere' is not a room of deck {deck.id!r}"
        in lines
    )


def test_check_default_is_the_built_in_sample(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    expected = campaign_counts(load_campaign(sample_campaign_path()))
    assert counts_printed(result.stdout) == expected
    assert result.returncode == (1 if load_campaign(sample_campaign_path()).problems else 0)


def test_check_missing_folder(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"gm-terminal check: campaign folder not found: {tmp_path / 'nowhere'}"
    )
    assert result.stdout == ""


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"gm-terminal {__version__}")


@pytest.mark.parametrize(
    ("flags", "named"),
    [(["--port", "http"], "--port"), (["--port", "70000"], "--port"), (["--bogus"], "--bogus")],
)
def test_bad_flags_are_one_line_errors(tmp_path: Path, flags: list[str], named: str) -> None:
    result = run(*flags, cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert named in line


def test_settings_from_flags() -> None:
    settings = parse_settings(
        [
            "camp",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--headless",
            "--gm-token",
            "s3cret",
            "--state",
            "t.db",
            "--resume",
            "--no-mdns",
        ],
        {},
    )
    assert settings == Settings(
        campaign_dir=Path("camp"),
        host="127.0.0.1",
        port=0,
        headless=True,
        gm_token="s3cret",
        state_file=Path("t.db"),
        resume=True,
        mdns=False,
    )


def test_settings_defaults_and_token_from_environment() -> None:
    assert parse_settings([], {}) == Settings()
    assert Settings().host == "0.0.0.0" and Settings().port == 8765 and Settings().mdns
    assert parse_settings([], {"GM_TERMINAL_TOKEN": "env"}).gm_token == "env"
    assert parse_settings(["--gm-token", "flag"], {"GM_TERMINAL_TOKEN": "env"}).gm_token == "flag"
