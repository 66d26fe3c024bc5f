"""Several actions as one gesture: one dispatch, one revision, one broadcast, one undo step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.errors import InvalidInput
from desktop.model.state import TableState


@dataclass(frozen=True, slots=True)
class Composite(Action):
    """Apply `parts` in order as one change; a refused part refuses the whole (state unchanged).

    The parts run on the state the previous ones left, so a later part may rely on an earlier
    one (show a location, then choose its deck). Players may ask for it only when they may
    ask for every part; it enters the undo history when any part would.
    """

    parts: tuple[Action, ...]
    name: str = ""  # the label of the gesture ("" joins the parts' labels)

    def __post_init__(self) -> None:
        if not self.parts:
            raise InvalidInput("a composite action needs at least one part")

    @classmethod
    def from_body(cls, body: Mapping[str, object], **path: str) -> Self:
        raise InvalidInput("a composite action is built by the GM window, not read from a body")

    @property
    def player_allowed(self) -> bool:  # type: ignore[override]
        return all(part.player_allowed for part in self.parts)

    @property
    def undoable(self) -> bool:  # type: ignore[override]
        return any(part.undoable for part in self.parts)

    @property
    def label(self) -> str:
        return self.name or ", ".join(part.label for part in self.parts)

    def describe(self, campaign: Campaign) -> str:
        return self.name or ", ".join(part.describe(campaign) for part in self.parts)

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        # Each part is a pure function of the state: raising from any part leaves the store's
        # state as it was, since nothing is committed before the last part returns.
        for part in self.parts:
            state = part.apply(state, campaign, ctx)
        return state
