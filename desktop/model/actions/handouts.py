"""Handouts: a picture or a short text shown to every display, or only to some."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Self

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import MAX_MESSAGE, Displays, Lines, MaxLen, Name, Range
from desktop.model.audience import aimed, content_key, pruned
from desktop.model.display_state import Handout
from desktop.model.errors import InvalidInput, NotFound
from desktop.model.state import TableState

KEPT_HANDOUTS = 50  # the history a display can reopen


@dataclass(frozen=True, slots=True)
class ShowHandout(Action):
    """A handout of the campaign's handouts/ folder (`handout`, its key), or one written now
    (`title` and `text`), shown on `displays` (all without); a TV clears it after
    `clear_after` seconds (0: on a tap)."""

    handout: str = ""
    title: Name | None = None
    text: Annotated[str, MaxLen(MAX_MESSAGE), Lines()] = ""
    displays: Displays = ()
    clear_after: Annotated[int, Range(0, 3600)] = 0

    def check(self, body: Mapping[str, object]) -> Self:
        if not self.handout and not (self.title and self.text.strip()):
            raise InvalidInput("missing field 'handout' (or a 'title' and a 'text')")
        return self

    @property
    def label(self) -> str:
        return f"Show handout {self.title or self.handout}"

    def describe(self, campaign: Campaign) -> str:
        found = campaign.handouts.get(self.handout)
        return f"Show handout {found.title}" if found else self.label

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        title, text, image = self.title or "", self.text, ""
        if self.handout:
            found = campaign.handouts.get(self.handout)
            if found is None:
                raise NotFound(f"unknown handout '{self.handout}'")
            title, text = title or found.title, text or found.text
            image = found.key if found.image is not None else ""
        shown = Handout(ctx.new_id(), title, text, image, ctx.clock(), float(self.clear_after))
        kept = (*state.handouts, shown)[-KEPT_HANDOUTS:]
        targets = pruned(state.targets, "handout", {h.id for h in kept})
        targets = aimed(targets, content_key("handout", shown.id), self.displays)
        ctx.reply["handout_id"] = shown.id
        return replace(state, handouts=kept, targets=targets)
