"""A panic check: a die (d20 unless the campaign's table says otherwise) against stress.

The check passes when the roll is higher than the character's current stress; a failure
looks the roll up in the campaign's panic table (none: the failure has no listed effect).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.campaign.panic import DEFAULT_DIE, PanicEntry, PanicTable
from desktop.model.dice import Dice, RandomSource, Roll, roll


@dataclass(frozen=True, slots=True)
class PanicResult:
    roll: Roll
    stress: int
    entry: PanicEntry | None  # the failure's effect; None on a pass or with no table entry

    @property
    def passed(self) -> bool:
        return self.roll.total > self.stress

    def as_json(self) -> dict[str, object]:
        effect = None
        if self.entry is not None:
            effect = {"name": self.entry.name, "effect": self.entry.effect}
        return {"stress": self.stress, "passed": self.passed, "effect": effect}


def panic_check(stress: int, table: PanicTable | None, rng: RandomSource) -> PanicResult:
    die = table.die if table is not None else DEFAULT_DIE
    rolled = roll(Dice(1, die), rng)
    passed = rolled.total > stress
    entry = None if passed or table is None else table.lookup(rolled.total)
    return PanicResult(rolled, stress, entry)
