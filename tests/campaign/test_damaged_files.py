"""A damaged campaign never crashes anything: the loader reports it, and the table runs on it.

Seeded random damage to one file of the sample at a time (cut short, a value of the wrong
kind, a line lost or doubled, stray bytes, a tab in YAML): loading returns a campaign (never
raises), every problem names a file of the folder, and the store then opens every mapped
place, reveals it and places a token there, encoding the player and GM snapshots each time.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.campaign import load_campaign, sample_campaign_path
from desktop.campaign.model import Campaign
from desktop.model import actions as a
from desktop.model.errors import DomainError
from desktop.model.store import Store

SEED = 2611
CASES = 80
WRONG_VALUES = ("[]", "{}", "-1", "null", "'x'", "99999999999999999999", "true", '""', "[1, 2")


def cut_short(text: bytes, rng: random.Random) -> bytes:
    return text[: rng.randrange(len(text) + 1)]


def wrong_value(text: bytes, rng: random.Random) -> bytes:
    lines = text.split(b"\n")
    valued = [i for i, line in enumerate(lines) if b": " in line]
    if not valued:
        return cut_short(text, rng)
    i = rng.choice(valued)
    key = lines[i].split(b": ", 1)[0]
    lines[i] = key + b": " + rng.choice(WRONG_VALUES).encode()
    return b"\n".join(lines)


def lose_a_line(text: bytes, rng: random.Random) -> bytes:
    lines = text.split(b"\n")
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def double_a_line(text: bytes, rng: random.Random) -> bytes:
    lines = text.split(b"\n")
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return b"\n".join(lines)


def stray_bytes(text: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(text) + 1)
    junk = rng.choice((b"\xff\xfe", b"\t", b"\x00", b"{{", b"---\n", b": :", b"\xc3("))
    return text[:at] + junk + text[at:]


DAMAGE: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    cut_short,
    wrong_value,
    lose_a_line,
    double_a_line,
    stray_bytes,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("damaged") / "campaign"
    shutil.copytree(sample_campaign_path(), copy)
    return copy


def run_table_on(campaign: Campaign) -> None:
    """Open, reveal and populate every mapped place; encode both snapshots each time."""
    store = Store(campaign)
    for location in campaign.locations.values():
        try:
            store.dispatch(a.SwitchView("ENCOUNTER", location.slug))
            deck = location.map.decks[0] if location.map and location.map.decks else None
            if deck is not None and deck.rooms:
                store.dispatch(a.SetRoomVisibility(tuple((r.id, True) for r in deck.rooms)))
                room = deck.rooms[0]
                store.dispatch(a.PlaceToken("creature", "it", room.x, room.y))
        except DomainError:
            pass  # refused with a reason (a room without cells): fine, nothing changed
        assert store.player_frame().data.startswith(b"{")
        assert store.gm_snapshot()["revision"] == store.state.revision


@pytest.mark.parametrize("case", range(CASES))
def test_a_damaged_file_is_reported_and_the_table_still_runs(folder: Path, case: int) -> None:
    rng = random.Random(SEED * 1000 + case)
    kind = ".yaml" if rng.random() < 0.7 else ".md"  # YAML carries the maps: damaged more
    target = rng.choice(sorted(folder.rglob(f"*{kind}")))
    original = target.read_bytes()
    damage = rng.choice(DAMAGE)
    try:
        target.write_bytes(damage(original, rng))
        campaign = load_campaign(folder)
        for problem in campaign.problems:
            name = str(problem).split(":", 1)[0]
            assert (folder / name).exists(), f"a problem names no file of the folder: {problem}"
        run_table_on(campaign)
    finally:
        target.write_bytes(original)
