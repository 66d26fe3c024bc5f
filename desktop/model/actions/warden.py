"""The Warden's writes: dice and panic checks, countdowns, alerts, room atmosphere, conditions.

A roll is private (kept in the GM's history only) until the GM shows it; `displays` aims a
shown roll or a timer at those displays only (audience.py: `roll:<id>`, `timer:<id>`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Literal, Self

from desktop.campaign.model import Campaign
from desktop.model import timers
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import Alias, Custom, MaxLen, OneOf, Range, check_str
from desktop.model.actions.places import place_of
from desktop.model.audience import aimed, content_key
from desktop.model.dice import DiceError, parse, roll
from desktop.model.errors import Conflict, InvalidInput, NotFound
from desktop.model.gauges import crew_member, current_gauge
from desktop.model.panic_check import panic_check
from desktop.model.state import TableState
from desktop.model.timers import MAX_PHASES, MAX_SECONDS, Phase
from desktop.model.warden import (
    ALERTS,
    ATMOSPHERES,
    MAX_CONDITIONS,
    MAX_ROLLS,
    MAX_TIMERS,
    RollRecord,
    alert_name,
    room_key,
)

MAX_DISPLAYS = 64
SHORT = 60  # characters of a condition or an alert of the campaign's own


def _texts(limit: int, most: int) -> Custom:
    def check(value: object, name: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise InvalidInput(f"field '{name}' must be a list")
        if len(value) > most:
            raise InvalidInput(f"field '{name}' has more than {most} entries")
        found = (check_str(item, name, limit).strip() for item in value)
        return tuple(dict.fromkeys(t for t in found if t))

    return Custom(check)


def _phases(value: object, name: str) -> tuple[Phase, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_PHASES:
        raise InvalidInput(f"field '{name}' must be a list of 1 to {MAX_PHASES} phases")
    found = []
    for item in value:
        if not isinstance(item, dict):
            raise InvalidInput(f"field '{name}' must hold {{label, seconds}} objects")
        label = check_str(item.get("label"), f"{name}.label", SHORT).strip()
        seconds = item.get("seconds")
        if isinstance(seconds, bool) or not isinstance(seconds, int):
            raise InvalidInput(f"field '{name}.seconds' must be an integer")
        if not label or not 1 <= seconds <= MAX_SECONDS:
            raise InvalidInput(f"field '{name}' needs a label and 1 to {MAX_SECONDS} seconds")
        found.append(Phase(label, seconds * 1000))
    return tuple(found)


Displays = Annotated[tuple[str, ...], _texts(64, MAX_DISPLAYS)]


def _with(state: TableState, **changes: object) -> TableState:
    return replace(state, warden=replace(state.warden, **changes))  # type: ignore[arg-type]


def _now(ctx: ActionContext) -> int:
    return round(ctx.clock() * 1000)


@dataclass(frozen=True, slots=True)
class RollDice(Action):
    """Roll dice for the GM (private unless `displays`), or a panic check for a crew member."""

    undoable = False  # dice once rolled stay rolled; showing a roll is undoable

    dice: Annotated[str, MaxLen(60)] = ""
    who: Annotated[str, Alias("for"), MaxLen(200)] = ""
    panic: bool = False
    displays: Displays = ()

    def check(self, body: Mapping[str, object]) -> Self:
        if self.panic and not self.who:
            raise InvalidInput("missing field 'for' (the crew member's id for a panic check)")
        if not self.panic and not self.dice:
            raise InvalidInput("missing field 'dice'")
        if not self.panic:
            try:
                parse(self.dice)
            except DiceError as exc:
                raise InvalidInput(f"field 'dice': {exc}") from None
        return self

    @property
    def label(self) -> str:
        return "Panic check" if self.panic else f"Roll {self.dice}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        record = self._panic(state, campaign, ctx) if self.panic else self._roll(campaign, ctx)
        rolls = (*state.warden.rolls, record)[-MAX_ROLLS:]
        ctx.reply.update(roll_id=record.id, result=record.total, roll=record.as_json())
        if not self.displays:
            return _with(state, rolls=rolls)
        targets = aimed(state.targets, content_key("roll", record.id), self.displays)
        return _with(replace(state, targets=targets), rolls=rolls, shown_roll=record.id)

    def _who(self, campaign: Campaign) -> tuple[str, str]:
        member = crew_member(campaign, self.who)
        return (member.id, member.name) if member else ("", self.who)

    def _roll(self, campaign: Campaign, ctx: ActionContext) -> RollRecord:
        rolled = roll(parse(self.dice), ctx.rng)
        crew_id, name = self._who(campaign)
        throws = tuple(t.faces for t in rolled.throws)
        return RollRecord(
            ctx.new_id(), _now(ctx), rolled.dice.text, rolled.total, throws, rolled.kept,
            crew_id, name,
        )  # fmt: skip

    def _panic(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> RollRecord:
        member = crew_member(campaign, self.who)
        if member is None:
            raise NotFound(f"unknown crew member '{self.who}'")
        stress = current_gauge(state, campaign, "stress", member.id)
        result = panic_check(stress.current if stress else 0, campaign.panic, ctx.rng)
        entry = result.entry
        return RollRecord(
            ctx.new_id(), _now(ctx), result.roll.dice.text, result.roll.total,
            tuple(t.faces for t in result.roll.throws), 0, member.id, member.name,
            panic=True, stress=result.stress,
            effect_name=entry.name if entry else "", effect=entry.effect if entry else "",
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ShowRoll(Action):
    """Put one of the GM's rolls on the displays (`shown: false` takes it off)."""

    roll_id: str
    shown: bool = True
    displays: Displays = ()

    @property
    def label(self) -> str:
        return "Show roll" if self.shown else "Hide roll"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if state.warden.roll(self.roll_id) is None:
            raise NotFound(f"unknown roll '{self.roll_id}'")
        current = state.warden.shown_roll
        shown = self.roll_id if self.shown else ("" if current == self.roll_id else current)
        key = content_key("roll", self.roll_id)
        targets = aimed(state.targets, key, self.displays if self.shown else ())
        if shown == current and targets == state.targets:
            return state
        return _with(replace(state, targets=targets), shown_roll=shown)


@dataclass(frozen=True, slots=True)
class StartTimer(Action):
    """A countdown on the displays ("SELF-DESTRUCT", 600), or a cycle of phases."""

    label_text: Annotated[str, Alias("label"), MaxLen(SHORT)]
    seconds: Annotated[int, Range(1, MAX_SECONDS)] | None = None
    phases: Annotated[tuple[Phase, ...], Custom(_phases)] = ()
    displays: Displays = ()

    def check(self, body: Mapping[str, object]) -> Self:
        if not self.label_text.strip():
            raise InvalidInput("field 'label' needs a visible character")
        if self.seconds is None and not self.phases:
            raise InvalidInput("missing field 'seconds'")
        return replace(self, label_text=self.label_text.strip())

    @property
    def label(self) -> str:
        return f"Start {self.label_text}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if len(state.warden.timers) >= MAX_TIMERS:
            raise Conflict(f"at most {MAX_TIMERS} timers run at once: cancel one first")
        timer_id = ctx.new_id()
        timer = timers.start(
            timer_id, self.label_text, self.seconds or 0, _now(ctx), self.displays, self.phases
        )
        ctx.reply["timer_id"] = timer_id
        targets = aimed(state.targets, content_key("timer", timer_id), self.displays)
        return _with(
            replace(state, targets=targets), timers={**state.warden.timers, timer_id: timer}
        )


@dataclass(frozen=True, slots=True)
class ControlTimer(Action):
    """Pause, resume, extend (`add` with seconds, negative to shorten) or cancel a timer."""

    timer_id: str
    action: Literal["pause", "resume", "add", "cancel"]
    seconds: Annotated[int, Range(-MAX_SECONDS, MAX_SECONDS)] = 0

    def check(self, body: Mapping[str, object]) -> Self:
        if self.action == "add" and not self.seconds:
            raise InvalidInput("missing field 'seconds' (the seconds to add)")
        return self

    @property
    def label(self) -> str:
        return f"{self.action.capitalize()} timer"

    def describe(self, campaign: Campaign) -> str:
        return self.label

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        timer = state.warden.timers.get(self.timer_id)
        if timer is None:
            raise NotFound(f"unknown timer '{self.timer_id}'")
        found = dict(state.warden.timers)
        now = _now(ctx)
        if self.action == "cancel":
            del found[self.timer_id]
            targets = aimed(state.targets, content_key("timer", self.timer_id), ())
            return _with(replace(state, targets=targets), timers=found)
        elif self.action == "pause":
            found[self.timer_id] = timers.pause(timer, now)
        elif self.action == "resume":
            found[self.timer_id] = timers.resume(timer, now)
        else:
            found[self.timer_id] = timers.add(timer, self.seconds, now)
        return state if found == state.warden.timers else _with(state, timers=found)


def _alert_id(text: str) -> str:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    return key if key in ALERTS else text.strip()


@dataclass(frozen=True, slots=True)
class SetAlert(Action):
    """Raise (or, `active: false`, clear) a ship-wide alert: red_alert, intruder, hull_breach,
    low_power, or the campaign's own words."""

    alert: Annotated[str, MaxLen(SHORT)]
    active: bool = True

    def check(self, body: Mapping[str, object]) -> Self:
        if not self.alert.strip():
            raise InvalidInput("field 'alert' needs a visible character")
        return replace(self, alert=_alert_id(self.alert))

    @property
    def label(self) -> str:
        return f"{'Raise' if self.active else 'Clear'} {alert_name(self.alert)}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        alerts = state.warden.alerts
        if self.active and self.alert not in alerts:
            return _with(state, alerts=(*alerts, self.alert))
        if not self.active and self.alert in alerts:
            return _with(state, alerts=tuple(a for a in alerts if a != self.alert))
        return state


@dataclass(frozen=True, slots=True)
class ClearAlerts(Action):
    """Stand down: every alert cleared."""

    @property
    def label(self) -> str:
        return "Clear alerts"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        return _with(state, alerts=()) if state.warden.alerts else state


@dataclass(frozen=True, slots=True)
class SetAtmosphere(Action):
    """A room's atmosphere (dark, flickering, smoke, vacuum; none: clear), beside its status."""

    room_id: str
    effects: Annotated[tuple[str, ...], OneOf(ATMOSPHERES)]
    location_slug: str = ""

    @property
    def label(self) -> str:
        return f"Atmosphere of {self.room_id}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = place_of(state, campaign, self.location_slug)
        if place.map is None or self.room_id not in place.map.rooms:
            raise NotFound(f"unknown room '{self.room_id}' at '{place.slug}'")
        key = room_key(place.slug, self.room_id)
        air = {k: v for k, v in state.warden.atmosphere.items() if k != key}
        effects = tuple(e for e in ATMOSPHERES if e in self.effects)  # one order, no repeats
        if effects:
            air[key] = effects
        return state if air == state.warden.atmosphere else _with(state, atmosphere=air)


@dataclass(frozen=True, slots=True)
class SetConditions(Action):
    """A crew member's conditions ("Hearing things", "Broken arm"), replacing crew.yaml's."""

    crew_id: str
    conditions: Annotated[tuple[str, ...], _texts(SHORT, MAX_CONDITIONS)]

    @property
    def label(self) -> str:
        return "Set conditions"

    def describe(self, campaign: Campaign) -> str:
        member = crew_member(campaign, self.crew_id)
        return f"Set {member.name}'s conditions" if member else self.label

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if crew_member(campaign, self.crew_id) is None:
            raise NotFound(f"unknown crew member '{self.crew_id}'")
        found = {**state.warden.conditions, self.crew_id: self.conditions}
        return state if found == state.warden.conditions else _with(state, conditions=found)


WARDEN_ACTIONS: tuple[type[Action], ...] = (
    RollDice,
    ShowRoll,
    StartTimer,
    ControlTimer,
    SetAlert,
    ClearAlerts,
    SetAtmosphere,
    SetConditions,
)
