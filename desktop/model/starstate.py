"""What the GM did with the star map: things hidden or revealed, the ship, the view shown."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StarState:
    """The star map at the table (keys are the star map's, see desktop/campaign/starmodel.py)."""

    hidden: frozenset[str] = frozenset()  # things the GM hid (the campaign shows them)
    revealed: frozenset[str] = frozenset()  # things the campaign hides that the GM showed
    ship_at: str = ""  # the key of the system, body or satellite where the ship is ("" none)
    course: tuple[str, ...] = ()  # system keys the ship's course runs through, in order
    view: str = ""  # the view shown to players: "" the galaxy, else a system or orbit map key
    shows: int = 0  # times the GM pressed "Show to players" (the displays fly there each time)

    def visible(self, key: str, hidden: bool) -> bool:
        """Whether players see a thing the campaign starts `hidden` (or not)."""
        return key in self.revealed if hidden else key not in self.hidden
