"""A campaign's panic table (campaign/panic.yaml): what a failed panic check does.

The file is ours (docs/campaign-panic.md): `die` (sides of the panic die, default 20) and
`table`, a list of `{roll: N or [from, to], effect: text, name?: text}`. A failed check looks
its die roll up here; panic_file.py reads the file.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DIE = 20


@dataclass(frozen=True, slots=True)
class PanicEntry:
    low: int
    high: int
    effect: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class PanicTable:
    die: int = DEFAULT_DIE
    entries: tuple[PanicEntry, ...] = ()

    def lookup(self, roll: int) -> PanicEntry | None:
        """The entry whose range holds the roll (the first one, if the file overlaps)."""
        return next((e for e in self.entries if e.low <= roll <= e.high), None)
