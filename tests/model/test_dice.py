"""Dice: parsing names the problem, rolls stay in range, an edge keeps the better or worse."""

from __future__ import annotations

import random

import pytest

from desktop.campaign.panic import PanicEntry, PanicTable
from desktop.model.dice import SYSTEM_RANDOM, Dice, DiceError, parse, roll, roll_text
from desktop.model.panic_check import panic_check


@pytest.mark.parametrize(
    ("text", "dice"),
    [
        ("1d100", Dice(1, 100)),
        ("2d10", Dice(2, 10)),
        ("d20", Dice(1, 20)),
        (" 3D6+2 ", Dice(3, 6, 2)),
        ("1d20-1", Dice(1, 20, -1)),
        ("1d20 adv", Dice(1, 20, 0, "advantage")),
        ("1d100 disadvantage", Dice(1, 100, 0, "disadvantage")),
    ],
)
def test_parse(text: str, dice: Dice) -> None:
    assert parse(text) == dice


@pytest.mark.parametrize(
    ("text", "edge", "problem"),
    [
        ("", "", "dice is empty"),
        ("banana", "", "cannot read dice 'banana'"),
        ("0d6", "", "number of dice must be between 1 and 100, not 0"),
        ("101d6", "", "number of dice must be between 1 and 100, not 101"),
        ("1d1", "", "dice sides must be between 2 and 1000, not 1"),
        ("1d6+5000", "", "the added number must be at most 1000, not 5000"),
        ("1d20 sideways", "", "unknown word 'sideways'"),
        ("1d20 adv", "disadvantage", "cannot have advantage and disadvantage at once"),
        ("1d20 adv dis", "", "unexpected words after the dice"),
        ("1d6+1+2", "", "cannot read dice '1d6+1+2'"),
        ("1" * 50 + "d6", "", "longer than 40 characters"),
    ],
)
def test_parse_errors_name_the_problem(text: str, edge: str, problem: str) -> None:
    with pytest.raises(DiceError, match=problem.replace("+", r"\+")):
        parse(text, edge)


def test_rolls_stay_in_range_and_are_reproducible_with_a_seed() -> None:
    dice = parse("3d6+2")
    totals = {roll(dice, random.Random(seed)).total for seed in range(500)}
    assert min(totals) >= 5 and max(totals) <= 20
    assert roll(dice, random.Random(7)) == roll(dice, random.Random(7))
    assert 1 <= roll_text("1d100").total <= 100  # the system source


def test_advantage_keeps_the_better_throw_and_disadvantage_the_worse() -> None:
    for seed in range(50):
        better = roll(parse("1d20 advantage"), random.Random(seed))
        worse = roll(parse("1d20", "disadvantage"), random.Random(seed))
        assert len(better.throws) == 2 and len(worse.throws) == 2
        both = [t.total for t in better.throws]
        assert better.total == max(both)
        assert worse.total == min(both)  # the same seed throws the same two


def test_roll_as_json() -> None:
    rolled = roll(parse("2d10+1"), random.Random(3))
    data = rolled.as_json()
    assert data["dice"] == "2d10+1" and data["edge"] is None
    assert data["total"] == sum(rolled.throws[0].faces) + 1


def test_the_system_source_is_the_operating_systems() -> None:
    assert isinstance(SYSTEM_RANDOM, random.SystemRandom)


class Fixed:
    def __init__(self, *faces: int) -> None:
        self.faces = list(faces)

    def randint(self, a: int, b: int) -> int:
        return self.faces.pop(0)


TABLE = PanicTable(20, (PanicEntry(1, 10, "Shakes", "Jitters"), PanicEntry(11, 20, "Runs")))


def test_panic_passes_when_the_roll_is_higher_than_stress() -> None:
    result = panic_check(5, TABLE, Fixed(6))
    assert result.passed and result.entry is None
    assert result.as_json() == {"stress": 5, "passed": True, "effect": None}


def test_panic_failure_looks_the_roll_up() -> None:
    result = panic_check(5, TABLE, Fixed(5))
    assert not result.passed
    assert result.as_json()["effect"] == {"name": "Jitters", "effect": "Shakes"}
    assert panic_check(15, TABLE, Fixed(12)).entry == TABLE.entries[1]
    assert panic_check(15, None, Fixed(12)).entry is None  # no table: a bare failure
