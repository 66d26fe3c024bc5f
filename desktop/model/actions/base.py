"""What every action shares: the context it runs in and the base class."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Self

from desktop.campaign.model import Campaign
from desktop.model.actions.fields import from_body
from desktop.model.dice import SYSTEM_RANDOM, RandomSource
from desktop.model.state import TableState

GM = "gm"
PLAYER = "player"


def random_id() -> str:
    """An opaque random id (about 64 bits), never sequential."""
    return secrets.token_urlsafe(8)


@dataclass(slots=True)
class ActionContext:
    """Who acts, the clock, the id generator, and extra reply fields an action leaves behind."""

    actor: str = GM
    clock: Callable[[], float] = time.time
    new_id: Callable[[], str] = random_id
    reply: dict[str, object] = field(default_factory=dict)
    rng: RandomSource = SYSTEM_RANDOM  # dice (seeded in tests)
    display: str | None = None  # the display a player write comes from (None: anonymous)

    @property
    def is_player(self) -> bool:
        return self.actor == PLAYER


class Action:
    """A write: validated from a JSON body, applied as a pure function of the state.

    An action is a frozen dataclass: its fields, with their annotations, say what its body
    holds (see `actions/fields.py`); `check` adds what they cannot say.
    """

    __slots__ = ()

    player_allowed: ClassVar[bool] = False  # may a player (no GM token) ask for it?
    undoable: ClassVar[bool] = True  # does a GM change of this kind enter the undo history?

    @classmethod
    def from_body(cls, body: Mapping[str, object], **path: str) -> Self:
        """The action a JSON body asks for; the path's parameters (`channel`) win over the
        body's fields of that name. Raises InvalidInput naming the field."""
        return from_body(cls, body, **path).check(body)

    def check(self, body: Mapping[str, object]) -> Self:
        """The action itself, or a corrected copy, once the fields are read: the place for
        the rules between fields (InvalidInput naming the field)."""
        return self

    @property
    def label(self) -> str:
        """A short human name for the Edit menu."""
        return type(self).__name__

    def describe(self, campaign: Campaign) -> str:
        """The label with campaign names instead of ids where it helps."""
        return self.label

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        raise NotImplementedError
