"""The Warden's layer of the state file: countdowns, alerts, atmosphere, conditions, rolls.

Saved inside the state's `meta` part under "warden". A saved value this version cannot read
gives an empty layer rather than costing the rest of the table (the timers' `ends_at` is
absolute, so a restart finds every countdown where the clock has it).
"""

from __future__ import annotations

import logging
from typing import Any

from desktop.model.timers import Phase, Timer
from desktop.model.warden import RollRecord, WardenState

logger = logging.getLogger(__name__)
Json = dict[str, Any]


class BadRow(ValueError):
    """A saved value of the wrong kind."""


def whole_number(v: object) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise BadRow(f"expected a whole number, found {type(v).__name__}")
    return v


def texts(v: object) -> list[str]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise BadRow("expected a list of texts")
    return v


def warden_out(w: WardenState) -> Json:
    return {
        "timers": [_timer_out(t) for t in w.timers.values()],
        "alerts": list(w.alerts),
        "atmosphere": {k: list(v) for k, v in w.atmosphere.items()},
        "conditions": {k: list(v) for k, v in w.conditions.items()},
        "rolls": [_roll_out(r) for r in w.rolls],
        "shown_roll": w.shown_roll,
        "sound": [w.ambient, w.cue, w.cue_sound],
    }


def warden_in(data: object) -> WardenState:
    if data is None:
        return WardenState()
    try:
        return _warden_in(data)
    except (BadRow, KeyError, TypeError, ValueError) as error:
        logger.warning("saved countdowns, alerts and rolls not readable, left out: %s", error)
        return WardenState()


def _warden_in(data: object) -> WardenState:
    if not isinstance(data, dict):
        raise BadRow("expected a mapping")
    timers = [_timer_in(t) for t in data["timers"]]
    return WardenState(
        timers={t.id: t for t in timers},
        alerts=tuple(texts(data["alerts"])),
        atmosphere=_text_lists(data["atmosphere"]),
        conditions=_text_lists(data["conditions"]),
        rolls=tuple(_roll_in(r) for r in data["rolls"]),
        shown_roll=texts([data["shown_roll"]])[0],
        **dict(
            zip(
                ("ambient", "cue", "cue_sound"), texts(data.get("sound", ["", "", ""])), strict=True
            )
        ),
    )


def _text_lists(v: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(v, dict):
        raise BadRow("expected a mapping")
    return {texts([k])[0]: tuple(texts(items)) for k, items in v.items()}


def _timer_out(t: Timer) -> Json:
    phases = [[p.label, p.ms] for p in t.phases]
    return {
        "id": t.id,
        "label": t.label,
        "ends_at": t.ends_at,
        "remaining_ms": t.remaining_ms,
        "displays": list(t.displays),
        "phases": phases,
        "phase": t.phase,
    }


def _timer_in(v: Json) -> Timer:
    ends_at = v["ends_at"]
    return Timer(
        texts([v["id"]])[0],
        texts([v["label"]])[0],
        None if ends_at is None else whole_number(ends_at),
        whole_number(v["remaining_ms"]),
        tuple(texts(v["displays"])),
        tuple(Phase(texts([p[0]])[0], whole_number(p[1])) for p in v["phases"]),
        whole_number(v["phase"]),
    )


def _roll_out(r: RollRecord) -> list[object]:
    return [
        r.id,
        r.at,
        r.dice,
        r.total,
        [list(t) for t in r.throws],
        r.kept,
        r.crew_id,
        r.who,
        r.panic,
        r.stress,
        r.effect_name,
        r.effect,
    ]


def _roll_in(v: list[Any]) -> RollRecord:
    rid, at, dice, total, throws, kept, crew_id, who, panic, stress, name, effect = v
    if not isinstance(panic, bool):
        raise BadRow("expected true or false")
    rid, dice, crew_id, who, name, effect = texts([rid, dice, crew_id, who, name, effect])
    faces = tuple(tuple(whole_number(f) for f in t) for t in throws)
    numbers = [whole_number(n) for n in (at, total, kept, stress)]
    return RollRecord(
        rid,
        numbers[0],
        dice,
        numbers[1],
        faces,
        numbers[2],
        crew_id,
        who,
        panic,
        numbers[3],
        name,
        effect,
    )
