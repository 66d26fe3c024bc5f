"""Sound on the displays: one-shot cues and an ambient loop, built in (synthesised by each
display) or from the campaign's sounds/ folder. Without `displays` a sound goes to the
displays marked as TVs (every display when none is): audience.hears."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import MaxLen
from desktop.model.actions.warden import Displays
from desktop.model.audience import aimed, content_key
from desktop.model.errors import NotFound
from desktop.model.state import TableState
from desktop.model.warden import BUILTIN_SOUNDS, sound_name


def _check_sound(sound: str, campaign: Campaign) -> None:
    if sound in BUILTIN_SOUNDS or sound.removeprefix("file:") in campaign.sounds:
        return
    raise NotFound(f"unknown sound '{sound}' (built in: {', '.join(BUILTIN_SOUNDS)})")


def _key(sound: str, campaign: Campaign) -> str:
    """A campaign file may be named without its `file:` prefix."""
    return sound if sound in BUILTIN_SOUNDS or sound.startswith("file:") else f"file:{sound}"


@dataclass(frozen=True, slots=True)
class PlaySound(Action):
    """Play a sound once on the displays."""

    undoable = False  # a sound once heard cannot be taken back

    sound: Annotated[str, MaxLen(120)]
    displays: Displays = ()

    @property
    def label(self) -> str:
        return f"Play {sound_name(self.sound)}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        key = _key(self.sound, campaign)
        _check_sound(key, campaign)
        cue = ctx.new_id()
        ctx.reply["cue_id"] = cue
        targets = aimed(state.targets, content_key("sound", cue), self.displays)
        if state.warden.cue:
            targets = aimed(targets, content_key("sound", state.warden.cue), ())
        warden = replace(state.warden, cue=cue, cue_sound=key)
        return replace(state, targets=targets, warden=warden)


@dataclass(frozen=True, slots=True)
class SetAmbient(Action):
    """Loop a sound on the displays (an empty `sound` stops the loop)."""

    sound: Annotated[str, MaxLen(120)] = ""
    displays: Displays = ()

    @property
    def label(self) -> str:
        return f"Ambient {sound_name(self.sound)}" if self.sound else "Stop ambient sound"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        key = _key(self.sound, campaign) if self.sound else ""
        if key:
            _check_sound(key, campaign)
        targets = aimed(state.targets, content_key("ambient"), self.displays if key else ())
        if key == state.warden.ambient and targets == state.targets:
            return state
        return replace(state, targets=targets, warden=replace(state.warden, ambient=key))
