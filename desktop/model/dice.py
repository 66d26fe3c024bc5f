"""Dice for the GM: `1d100`, `2d10`, `1d20+3`, `NdM-K`, and advantage / disadvantage.

Pure: parsing needs nothing, rolling takes the random source it is given (a seeded
`random.Random` in tests; `random.SystemRandom`, backed by `secrets`' source, at the table).
Advantage rolls the whole expression twice and keeps the better total; disadvantage keeps
the worse. A bad expression raises `DiceError` with a message that names the problem.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Literal, Protocol

Edge = Literal["", "advantage", "disadvantage"]
EDGES: tuple[str, ...] = ("advantage", "disadvantage")

MAX_DICE = 100  # dice in one expression
MAX_SIDES = 1000
MAX_BONUS = 1000
MAX_TEXT = 40

_EXPR = re.compile(r"^(\d*)d(\d+)(?:([+-])(\d+))?$")
_EDGE_WORDS: dict[str, Edge] = {
    "adv": "advantage",
    "advantage": "advantage",
    "dis": "disadvantage",
    "disadv": "disadvantage",
    "disadvantage": "disadvantage",
}

SYSTEM_RANDOM = random.SystemRandom()  # draws from os.urandom, as `secrets` does


class DiceError(ValueError):
    """A dice expression that cannot be rolled; str() names the problem."""


class RandomSource(Protocol):
    def randint(self, a: int, b: int) -> int: ...


@dataclass(frozen=True, slots=True)
class Dice:
    """`count` dice of `sides` sides plus `bonus` (negative for a malus), with an edge."""

    count: int
    sides: int
    bonus: int = 0
    edge: Edge = ""

    @property
    def text(self) -> str:
        """The expression written the way the GM reads it: "2d10+1 advantage"."""
        sign = f"{self.bonus:+d}" if self.bonus else ""
        suffix = f" {self.edge}" if self.edge else ""
        return f"{self.count}d{self.sides}{sign}{suffix}"

    @property
    def lowest(self) -> int:
        return self.count + self.bonus

    @property
    def highest(self) -> int:
        return self.count * self.sides + self.bonus


@dataclass(frozen=True, slots=True)
class Throw:
    """One throw of the dice: each die's face and the total with the bonus."""

    faces: tuple[int, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Roll:
    """A rolled expression: the throws made (two with an edge) and the one kept."""

    dice: Dice
    throws: tuple[Throw, ...]
    kept: int  # index into throws

    @property
    def total(self) -> int:
        return self.throws[self.kept].total

    def as_json(self) -> dict[str, object]:
        return {
            "dice": self.dice.text,
            "total": self.total,
            "throws": [{"faces": list(t.faces), "total": t.total} for t in self.throws],
            "kept": self.kept,
            "edge": self.dice.edge or None,
        }


def parse(text: str, edge: str = "") -> Dice:
    """The dice of an expression such as "1d100", "d20", "3d6+2", "1d20 advantage".

    `edge` ("advantage"/"disadvantage", or empty) may also be given apart; the expression may
    carry it as a last word ("adv", "dis" too). Letter case and spaces around are ignored.
    """
    if not isinstance(text, str):
        raise DiceError("dice must be text such as '1d100' or '2d10+1'")
    words = text.strip().lower().split()
    if not words:
        raise DiceError("dice is empty: write it like '1d100', '2d10' or '1d20+2'")
    if len(text) > MAX_TEXT:
        raise DiceError(f"dice expression longer than {MAX_TEXT} characters")
    found_edge = _edge_of(words[1:], edge)
    return _dice_of(words[0], found_edge)


def _edge_of(rest: list[str], edge: str) -> Edge:
    if len(rest) > 1:
        raise DiceError(f"unexpected words after the dice: {' '.join(rest)!r}")
    named = {_edge_word(word) for word in rest}
    if edge:
        named.add(_edge_word(edge))
    if len(named) > 1:
        raise DiceError("dice cannot have advantage and disadvantage at once")
    return named.pop() if named else ""


def _edge_word(word: str) -> Edge:
    found = _EDGE_WORDS.get(word.strip().lower())
    if found is None:
        raise DiceError(f"unknown word {word!r}: use 'advantage' or 'disadvantage'")
    return found


def _dice_of(word: str, edge: Edge) -> Dice:
    match = _EXPR.match(word)
    if match is None:
        raise DiceError(f"cannot read dice {word!r}: write it like '1d100', '2d10' or '1d20+2'")
    count_text, sides_text, sign, bonus_text = match.groups()
    count = int(count_text) if count_text else 1
    sides = int(sides_text)
    bonus = int(bonus_text or 0) * (-1 if sign == "-" else 1)
    if not 1 <= count <= MAX_DICE:
        raise DiceError(f"number of dice must be between 1 and {MAX_DICE}, not {count}")
    if not 2 <= sides <= MAX_SIDES:
        raise DiceError(f"dice sides must be between 2 and {MAX_SIDES}, not {sides}")
    if abs(bonus) > MAX_BONUS:
        raise DiceError(f"the added number must be at most {MAX_BONUS}, not {abs(bonus)}")
    return Dice(count, sides, bonus, edge)


def throw(dice: Dice, rng: RandomSource) -> Throw:
    faces = tuple(rng.randint(1, dice.sides) for _ in range(dice.count))
    return Throw(faces, sum(faces) + dice.bonus)


def roll(dice: Dice, rng: RandomSource = SYSTEM_RANDOM) -> Roll:
    """Roll the dice; with an edge, twice, keeping the better (or worse) total."""
    if not dice.edge:
        return Roll(dice, (throw(dice, rng),), 0)
    first, second = throw(dice, rng), throw(dice, rng)
    better = 0 if first.total >= second.total else 1
    kept = better if dice.edge == "advantage" else 1 - better
    return Roll(dice, (first, second), kept)


def roll_text(text: str, edge: str = "", rng: RandomSource = SYSTEM_RANDOM) -> Roll:
    """parse() then roll()."""
    return roll(parse(text, edge), rng)
