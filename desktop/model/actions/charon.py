"""The ship computer: mode, dialog, context, and the conversation of each channel."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import Displays, MaxLen, OneOf, Text
from desktop.model.audience import aimed, content_key
from desktop.model.errors import Forbidden, NotFound
from desktop.model.state import CHARON_MODES, CharonEntry, TableState

KEPT_ENTRIES = 500
NOT_LISTENING = "CHARON IS NOT TAKING QUESTIONS NOW"
NOT_ON_CHANNEL = "CHARON IS NOT LISTENING ON THIS CHANNEL"


def check_channel(campaign: Campaign, channel: str) -> str:
    """channel itself if it names one: story, bridge or encounter-<known slug>."""
    if channel in ("story", "bridge"):
        return channel
    if channel.startswith("encounter-") and campaign.location(channel[10:]) is not None:
        return channel
    raise NotFound(f"unknown channel '{channel}'")


def _with_conversation(
    state: TableState, channel: str, entries: tuple[CharonEntry, ...]
) -> TableState:
    conversations = {k: v for k, v in state.charon.conversations.items() if k != channel}
    if entries:
        conversations[channel] = entries[-KEPT_ENTRIES:]
    return replace(state, charon=replace(state.charon, conversations=conversations))


def _with_charon(state: TableState, **changes: Any) -> TableState:
    """state with the ship computer's fields changed (the same object when none changes)."""
    if all(getattr(state.charon, name) == value for name, value in changes.items()):
        return state
    return replace(state, charon=replace(state.charon, **changes))


def without_drafts_for(state: TableState, channel: str, query_ids: set[str]) -> TableState:
    """state without the drafts answering these questions (answered, dismissed or cleared)."""
    drafts = state.charon.drafts.get(channel, ())
    kept = tuple(d for d in drafts if d.query_id not in query_ids)
    if len(kept) == len(drafts):
        return state
    others = {k: v for k, v in state.charon.drafts.items() if k != channel}
    return replace(
        state, charon=replace(state.charon, drafts={**others, channel: kept} if kept else others)
    )


def _question(state: TableState, channel: str, query_id: str) -> CharonEntry:
    for entry in state.charon.conversations.get(channel, ()):
        if entry.id == query_id and entry.role == "player":
            return entry
    raise NotFound(f"unknown question '{query_id}' in channel '{channel}'")


@dataclass(frozen=True, slots=True)
class SetCharonMode(Action):
    """DISPLAY (the computer talks) or QUERY (players may ask)."""

    mode: Annotated[str, OneOf(CHARON_MODES)]

    @property
    def label(self) -> str:
        return f"Ship computer {self.mode.lower()}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        return _with_charon(state, mode=self.mode)


@dataclass(frozen=True, slots=True)
class SetCharonLocation(Action):
    """The ship computer's context path (kept for the GM)."""

    location_path: Annotated[str, MaxLen(1000)]

    @property
    def label(self) -> str:
        return "Ship computer context"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        return _with_charon(state, location_path=self.location_path)


@dataclass(frozen=True, slots=True)
class ToggleDialog(Action):
    """Open, close or flip the ship computer's dialog; players may only close it."""

    player_allowed = True

    open: bool | None = None
    displays: Displays = ()  # opened on these displays only (all without)

    @property
    def label(self) -> str:
        return {True: "Open", False: "Close", None: "Toggle"}[self.open] + " ship computer"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        want = (not state.charon.dialog_open) if self.open is None else self.open
        if want and ctx.is_player:
            raise Forbidden("players may only close the ship computer's dialog")
        targets = aimed(state.targets, "dialog", self.displays if want else ())
        if targets == state.targets:
            return _with_charon(state, dialog_open=want)
        return replace(_with_charon(state, dialog_open=want), targets=targets)


@dataclass(frozen=True, slots=True)
class CharonSend(Action):
    """The ship computer says something (answering a question when in_reply_to names it)."""

    channel: str
    content: Text
    in_reply_to: str = ""
    displays: Displays = ()  # said on these displays only (all without)

    @property
    def label(self) -> str:
        return "Ship computer message"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        check_channel(campaign, self.channel)
        if self.in_reply_to:
            _question(state, self.channel, self.in_reply_to)
        entries = tuple(
            replace(e, pending=False) if e.id == self.in_reply_to and e.pending else e
            for e in state.charon.conversations.get(self.channel, ())
        )
        entry = CharonEntry(ctx.new_id(), "charon", self.content, ctx.clock(), self.in_reply_to)
        ctx.reply["entry_id"] = entry.id
        answered = without_drafts_for(state, self.channel, {self.in_reply_to} - {""})
        said = _with_conversation(answered, self.channel, (*entries, entry))
        if not self.displays:
            return said
        targets = aimed(state.targets, content_key("charon", entry.id), self.displays)
        return replace(said, targets=targets)


@dataclass(frozen=True, slots=True)
class DismissQuestion(Action):
    """Drop a player question without answering it."""

    channel: str
    query_id: str

    @property
    def label(self) -> str:
        return "Dismiss question"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        check_channel(campaign, self.channel)
        _question(state, self.channel, self.query_id)
        entries = state.charon.conversations.get(self.channel, ())
        dropped = without_drafts_for(state, self.channel, {self.query_id})
        return _with_conversation(
            dropped, self.channel, tuple(e for e in entries if e.id != self.query_id)
        )


@dataclass(frozen=True, slots=True)
class ClearConversation(Action):
    """Clear one channel's conversation."""

    channel: str

    @property
    def label(self) -> str:
        return f"Clear {self.channel} conversation"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        check_channel(campaign, self.channel)
        entries = state.charon.conversations.get(self.channel, ())
        if not entries:
            return state
        dropped = without_drafts_for(state, self.channel, {e.id for e in entries})
        return _with_conversation(dropped, self.channel, ())


@dataclass(frozen=True, slots=True)
class SubmitQuestion(Action):
    """A player asks the ship computer (QUERY mode and the active channel only)."""

    player_allowed = True
    undoable = False

    channel: str
    query: Text

    @property
    def label(self) -> str:
        return "Player question"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if ctx.is_player:  # the same answer for a channel that is not there and one not open
            if state.charon.mode != "QUERY":
                raise Forbidden(NOT_LISTENING)
            if self.channel != state.charon_channel:
                raise Forbidden(NOT_ON_CHANNEL)
        check_channel(campaign, self.channel)
        if state.charon.mode != "QUERY":
            raise Forbidden("the ship computer takes no questions now (DISPLAY mode)")
        if self.channel != state.charon_channel:
            raise Forbidden(f"channel '{self.channel}' is not the active one")
        entry = CharonEntry(
            ctx.new_id(), "player", self.query, ctx.clock(), "", True, display=ctx.display or ""
        )
        ctx.reply["query_id"] = entry.id
        entries = state.charon.conversations.get(self.channel, ())
        return _with_conversation(state, self.channel, (*entries, entry))
