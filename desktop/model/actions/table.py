"""The table as a whole: hold, player permissions, a new session, broadcasts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Self

from desktop.campaign.model import PRIORITIES, Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import MAX_NAME, Displays, MaxLen, OneOf, Text
from desktop.model.audience import aimed, content_key, pruned
from desktop.model.errors import InvalidInput
from desktop.model.state import THROUGH_DOORS, TOKEN_TYPES, Broadcast, TableState

KEPT_BROADCASTS = 200


@dataclass(frozen=True, slots=True)
class SetHold(Action):
    """Freeze every display on its last frame, or release it (pushing the latest)."""

    undoable = False

    hold: bool

    @property
    def label(self) -> str:
        return "Hold displays" if self.hold else "Release displays"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        return state if state.hold == self.hold else replace(state, hold=self.hold)


@dataclass(frozen=True, slots=True)
class SetPlayerPermissions(Action):
    """The token types players may move, and the doors a player move may cross.

    Either may be left out (None, ""): it stays as it is; a body needs at least one of them.
    """

    movable_types: Annotated[tuple[str, ...] | None, OneOf(TOKEN_TYPES)] = None
    through_doors: Annotated[str, OneOf(THROUGH_DOORS)] = ""

    def check(self, body: Mapping[str, object]) -> Self:
        if self.movable_types is None and not self.through_doors:
            raise InvalidInput("missing field 'movable_types'")
        return self

    @property
    def label(self) -> str:
        return "Player permissions"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        movable = state.movable_types
        if self.movable_types is not None:
            movable = tuple(t for t in TOKEN_TYPES if t in self.movable_types)
        through = self.through_doors or state.through_doors
        if (movable, through) == (state.movable_types, state.through_doors):
            return state
        return replace(state, movable_types=movable, through_doors=through)


@dataclass(frozen=True, slots=True)
class NewSession(Action):
    """Start the table state clean; the campaign is unchanged and the revision keeps rising."""

    @property
    def label(self) -> str:
        return "New session"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        clean = TableState(revision=state.revision)
        return state if clean == state else clean


@dataclass(frozen=True, slots=True)
class SendBroadcast(Action):
    """A message shown on every display (or only on `displays`)."""

    content: Text
    sender: Annotated[str, MaxLen(MAX_NAME)] = ""
    priority: Annotated[str, OneOf(PRIORITIES)] = "NORMAL"
    displays: Displays = ()

    @property
    def label(self) -> str:
        return "Broadcast"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        message = Broadcast(ctx.new_id(), self.content, self.sender, self.priority, ctx.clock())
        ctx.reply["broadcast_id"] = message.id
        kept = (*state.broadcasts, message)[-KEPT_BROADCASTS:]
        targets = pruned(state.targets, "broadcast", {b.id for b in kept})
        targets = aimed(targets, content_key("broadcast", message.id), self.displays)
        return replace(state, broadcasts=kept, targets=targets)


@dataclass(frozen=True, slots=True)
class ClearBroadcasts(Action):
    """Take every broadcast off the displays (and out of the list): the ticker is empty."""

    @property
    def label(self) -> str:
        return "Clear broadcasts"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if not state.broadcasts:
            return state
        return replace(state, broadcasts=(), targets=pruned(state.targets, "broadcast", set()))
