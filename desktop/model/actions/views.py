"""What the displays show: the view, the terminal overlay, NPC portraits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Self

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import Displays, OneOf
from desktop.model.actions.places import find_location, fresh_location_state
from desktop.model.audience import aimed, content_key
from desktop.model.errors import Conflict, InvalidInput, NotFound
from desktop.model.state import VIEW_TYPES, TableState, mail_key


@dataclass(frozen=True, slots=True)
class SwitchView(Action):
    """Set the view; ENCOUNTER opens a location as the GM left it."""

    view_type: Annotated[str, OneOf(VIEW_TYPES)]
    location_slug: str = ""

    @property
    def label(self) -> str:
        where = f" {self.location_slug}" if self.location_slug else ""
        return f"Show {self.view_type.lower()}{where}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if self.location_slug:
            find_location(campaign, self.location_slug)
        slug = state.location_slug
        locations = state.locations
        if self.view_type == "ENCOUNTER":
            slug = self.location_slug or state.location_slug
            if not slug:
                raise Conflict("no location open: name one with 'location_slug'")
            location = find_location(campaign, slug)
            if slug not in locations:
                locations = {**locations, slug: fresh_location_state(location)}
        portraits = state.portraits if slug == state.location_slug else ()
        if (
            self.view_type == state.view_type
            and slug == state.location_slug
            and locations is state.locations
            and not state.overlay_location
            and not state.overlay_terminal
        ):
            return state
        return replace(
            state,
            view_type=self.view_type,
            location_slug=slug,
            locations=locations,
            portraits=portraits,
            overlay_location="",
            overlay_terminal="",
            overlay_message="",
        )


@dataclass(frozen=True, slots=True)
class ShowTerminal(Action):
    """Overlay a terminal's mail on the displays (empty slugs hide it)."""

    location_slug: str
    terminal_slug: str

    def check(self, body: Mapping[str, object]) -> Self:
        if bool(self.location_slug) != bool(self.terminal_slug):
            empty = "location_slug" if not self.location_slug else "terminal_slug"
            raise InvalidInput(f"field '{empty}' is empty (both empty hide the terminal)")
        return self

    @property
    def label(self) -> str:
        return f"Show terminal {self.terminal_slug}" if self.terminal_slug else "Hide terminal"

    def describe(self, campaign: Campaign) -> str:
        location = campaign.location(self.location_slug)
        terminal = (
            location.terminal(self.terminal_slug) if location and self.terminal_slug else None
        )
        return f"Show {terminal.name or self.terminal_slug}" if terminal else self.label

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if self.location_slug:
            location = find_location(campaign, self.location_slug)
            if location.terminal(self.terminal_slug) is None:
                raise NotFound(f"unknown terminal '{self.terminal_slug}' at '{self.location_slug}'")
        if (state.overlay_location, state.overlay_terminal) == (
            self.location_slug,
            self.terminal_slug,
        ):
            return state
        return replace(
            state,
            overlay_location=self.location_slug,
            overlay_terminal=self.terminal_slug,
            overlay_message="",
        )


@dataclass(frozen=True, slots=True)
class HideTerminal(Action):
    """Hide the terminal overlay (players may do it)."""

    player_allowed = True

    @property
    def label(self) -> str:
        return "Hide terminal"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if not state.overlay_location and not state.overlay_terminal:
            return state
        return replace(state, overlay_location="", overlay_terminal="", overlay_message="")


@dataclass(frozen=True, slots=True)
class TogglePortrait(Action):
    """Show an NPC's portrait (to `displays` only, when given), or dismiss it when shown."""

    npc_id: str
    displays: Displays = ()

    @property
    def label(self) -> str:
        return f"Toggle portrait {self.npc_id}"

    def describe(self, campaign: Campaign) -> str:
        npc = campaign.npcs.get(self.npc_id)
        return f"Toggle portrait of {npc.name}" if npc else self.label

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if self.npc_id not in campaign.npcs:
            raise NotFound(f"unknown NPC '{self.npc_id}'")
        key = content_key("portrait", self.npc_id)
        if self.npc_id in state.portraits:
            portraits = tuple(p for p in state.portraits if p != self.npc_id)
            return replace(state, portraits=portraits, targets=aimed(state.targets, key, ()))
        portraits = (*state.portraits, self.npc_id)
        targets = aimed(state.targets, key, self.displays)
        return replace(state, portraits=portraits, targets=targets)


@dataclass(frozen=True, slots=True)
class MarkMailRead(Action):
    """A mail of the overlaid terminal was opened on a display: it reads as read everywhere,
    and it is the message every display shows open."""

    message_id: str

    player_allowed = True
    undoable = False

    @property
    def label(self) -> str:
        return "Mark mail read"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        location = campaign.location(state.overlay_location)
        term = location.terminal(state.overlay_terminal) if location else None
        if term is None or all(m.message_id != self.message_id for m in (*term.inbox, *term.sent)):
            raise NotFound("NO SUCH MESSAGE ON THIS TERMINAL")
        key = mail_key(state.overlay_location, self.message_id)
        if key in state.read_mail and state.overlay_message == self.message_id:
            return state
        return replace(state, read_mail=state.read_mail | {key}, overlay_message=self.message_id)
