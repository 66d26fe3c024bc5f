"""The Warden's layer of the table state: countdowns, alerts, room atmosphere, crew
conditions and the GM's dice history.

`TableState.warden` holds a `WardenState`; the projection shows timers, alerts, the shown
roll and the atmosphere of revealed rooms, never the private roll history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from desktop.model.timers import Timer

ALERTS: tuple[str, ...] = ("red_alert", "intruder", "hull_breach", "low_power")
# Sounds every display makes itself (Web Audio, no files); campaign files are "file:<id>".
BUILTIN_SOUNDS: tuple[str, ...] = ("klaxon", "alarm", "chime", "sting", "tick")
ATMOSPHERES: tuple[str, ...] = ("dark", "flickering", "smoke", "vacuum")
MAX_ROLLS = 30  # the GM's dice history
MAX_TIMERS = 8
MAX_CONDITIONS = 8


@dataclass(frozen=True, slots=True)
class RollRecord:
    """A roll the GM made: private until `WardenState.shown_roll` names it."""

    id: str
    at: int  # milliseconds since the epoch
    dice: str
    total: int
    throws: tuple[tuple[int, ...], ...]
    kept: int = 0
    crew_id: str = ""
    who: str = ""  # the name the roll was for, as the GM typed it or the crew member's
    panic: bool = False
    stress: int = 0
    effect_name: str = ""
    effect: str = ""

    @property
    def passed(self) -> bool:
        return self.total > self.stress

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "dice": self.dice,
            "total": self.total,
            "throws": [list(t) for t in self.throws],
            "kept": self.kept,
            "for": self.who,
            "panic": None,
        }
        if self.panic:
            effect = {"name": self.effect_name, "effect": self.effect} if self.effect else None
            data["panic"] = {"stress": self.stress, "passed": self.passed, "effect": effect}
        return data


@dataclass(frozen=True, slots=True)
class WardenState:
    timers: dict[str, Timer] = field(default_factory=dict)  # by id, in the order started
    alerts: tuple[str, ...] = ()  # active alerts, in the order raised
    atmosphere: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "slug/room" -> effects
    conditions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # crew id -> conditions
    rolls: tuple[RollRecord, ...] = ()  # the GM's history, oldest first (never projected)
    shown_roll: str = ""  # the id of the roll on the displays ("" none)
    ambient: str = ""  # the sound looping on the displays ("" none)
    cue: str = ""  # the id of the last one-shot sound played ("" none)
    cue_sound: str = ""  # and which sound it was

    def roll(self, roll_id: str) -> RollRecord | None:
        return next((r for r in self.rolls if r.id == roll_id), None)


WARDEN_MAPS: tuple[str, ...] = ("timers", "atmosphere", "conditions")
WARDEN_VALUES: tuple[str, ...] = ("alerts", "rolls", "shown_roll", "ambient")


def member_conditions(
    kept: Mapping[str, tuple[str, ...]], crew_id: str, written: object
) -> list[str]:
    """A crew member's conditions as shown: the GM's (`kept` by crew id), else crew.yaml's."""
    found = kept.get(crew_id)
    if found is not None:
        return list(found)
    if not isinstance(written, list | tuple):
        return []
    return [str(v) for v in written if isinstance(v, str | int | float) and not isinstance(v, bool)]


def sound_name(sound: str) -> str:
    """How a sound key reads: "file:reactor_hum" -> "reactor hum", "klaxon" -> "klaxon"."""
    return sound.removeprefix("file:").replace("_", " ").replace("-", " ")


def without_atmosphere(w: WardenState, location_slug: str) -> WardenState:
    """w without the atmosphere of that location's rooms (the same object when it has none)."""
    prefix = f"{location_slug}/"
    kept = {k: v for k, v in w.atmosphere.items() if not k.startswith(prefix)}
    return w if len(kept) == len(w.atmosphere) else replace(w, atmosphere=kept)


def room_key(location_slug: str, room_id: str) -> str:
    return f"{location_slug}/{room_id}"


def alert_name(alert: str) -> str:
    """How an alert reads: "red_alert" -> "RED ALERT" (campaign alerts as written)."""
    return alert.replace("_", " ").upper() if alert in ALERTS else alert
