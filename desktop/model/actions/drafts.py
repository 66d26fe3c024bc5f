"""The ship computer's drafts: queued for the GM, approved (as written or edited) or rejected.

A draft is GM-only until approved; approving sends it as the ship computer's reply exactly as
CharonSend does (answering its question when that is still there).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.charon import CharonSend, check_channel
from desktop.model.actions.fields import MAX_MESSAGE, Lines, MaxLen, Text, from_body
from desktop.model.errors import NotFound
from desktop.model.state import CharonDraft, TableState

KEPT_DRAFTS = 50  # per channel; the oldest go first
Note = Annotated[str, MaxLen(500), Lines()]


@dataclass(frozen=True, slots=True)
class DraftRequest:
    """What the GM asks a draft from: a prompt and an optional extra context (not an action:
    drafting may wait on a language model; its draft is queued with QueueDraft)."""

    channel: str
    prompt: Text
    context: Annotated[str, MaxLen(MAX_MESSAGE), Lines()] = ""

    @classmethod
    def from_body(cls, body: Mapping[str, object], channel: str) -> DraftRequest:
        """The request a JSON body makes; InvalidInput naming the field."""
        return from_body(cls, body, channel=channel)


def find_draft(state: TableState, channel: str, pending_id: str) -> CharonDraft:
    for draft in state.charon.drafts.get(channel, ()):
        if draft.id == pending_id:
            return draft
    raise NotFound(f"unknown draft '{pending_id}' in channel '{channel}'")


def _with_drafts(state: TableState, channel: str, drafts: tuple[CharonDraft, ...]) -> TableState:
    kept = {k: v for k, v in state.charon.drafts.items() if k != channel}
    if drafts:
        kept[channel] = drafts[-KEPT_DRAFTS:]
    return replace(state, charon=replace(state.charon, drafts=kept))


def _without(state: TableState, channel: str, pending_id: str) -> TableState:
    drafts = state.charon.drafts.get(channel, ())
    return _with_drafts(state, channel, tuple(d for d in drafts if d.id != pending_id))


def _open_question(state: TableState, channel: str, query_id: str) -> bool:
    return any(
        e.id == query_id and e.role == "player" and e.pending
        for e in state.charon.conversations.get(channel, ())
    )


def _drafted(state: TableState, channel: str, query_id: str) -> TableState:
    """The question marked as drafted for: whatever the GM does with its draft, no other."""
    entries = tuple(
        replace(e, drafted=True) if e.id == query_id else e
        for e in state.charon.conversations.get(channel, ())
    )
    conversations = {**state.charon.conversations, channel: entries}
    return replace(state, charon=replace(state.charon, conversations=conversations))


@dataclass(frozen=True, slots=True)
class QueueDraft(Action):
    """A drafted reply joins its channel's queue (from the drafting task, not from HTTP).

    A draft for a question the GM has answered or dismissed meanwhile is dropped."""

    undoable = False

    channel: str
    content: Text
    query_id: str = ""
    note: Note = ""

    @property
    def label(self) -> str:
        return "Ship computer draft"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        check_channel(campaign, self.channel)
        if self.query_id and not _open_question(state, self.channel, self.query_id):
            return state
        draft = CharonDraft(ctx.new_id(), self.query_id, self.content, ctx.clock(), self.note)
        ctx.reply["pending_id"] = draft.id
        drafts = state.charon.drafts.get(self.channel, ())
        if self.query_id:
            state = _drafted(state, self.channel, self.query_id)
        return _with_drafts(state, self.channel, (*drafts, draft))


@dataclass(frozen=True, slots=True)
class ApproveDraft(Action):
    """Send a draft as the ship computer's reply (`content` replaces its text), then drop it."""

    channel: str
    pending_id: str
    content: Text | None = None

    @property
    def label(self) -> str:
        return "Approve ship computer draft"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        check_channel(campaign, self.channel)
        draft = find_draft(state, self.channel, self.pending_id)
        answers = draft.query_id if _open_question(state, self.channel, draft.query_id) else ""
        text = self.content if self.content is not None else draft.content
        sent = CharonSend(self.channel, text, answers).apply(state, campaign, ctx)
        return _without(sent, self.channel, self.pending_id)


@dataclass(frozen=True, slots=True)
class RejectDraft(Action):
    """Throw a draft away (its question stays, awaiting the GM, and is not drafted again)."""

    channel: str
    pending_id: str

    @property
    def label(self) -> str:
        return "Reject ship computer draft"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        check_channel(campaign, self.channel)
        find_draft(state, self.channel, self.pending_id)
        return _without(state, self.channel, self.pending_id)
