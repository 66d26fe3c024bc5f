"""Countdowns as plain data: an absolute end time, so every display counts on its own clock.

A running timer has `ends_at` (milliseconds since the epoch); a paused one has no end time and
keeps its `remaining_ms` exactly. A timer with phases ("VENTING 2:00", "SEALED 5:00", again)
runs its phases in turn for ever: `ends_at` is the end of the phase `phase`, and whoever reads
it later steps on through the phases (`at`) without being told by the GM. Every function is
pure and takes the time `now` (milliseconds) it works at.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MAX_SECONDS = 7 * 24 * 3600  # a week: longer than any session
MAX_PHASES = 12


@dataclass(frozen=True, slots=True)
class Phase:
    label: str
    ms: int


@dataclass(frozen=True, slots=True)
class Timer:
    """A countdown; `remaining_ms` is exact while paused, the time left at the GM's last
    change while running (count from `ends_at` then)."""

    id: str
    label: str
    ends_at: int | None
    remaining_ms: int
    displays: tuple[str, ...] = ()  # empty: every display
    phases: tuple[Phase, ...] = ()
    phase: int = 0

    @property
    def paused(self) -> bool:
        return self.ends_at is None


def start(
    timer_id: str,
    label: str,
    seconds: int,
    now: int,
    displays: tuple[str, ...] = (),
    phases: tuple[Phase, ...] = (),
) -> Timer:
    """A running timer; with phases, `seconds` is ignored and the first phase starts."""
    length = phases[0].ms if phases else seconds * 1000
    return Timer(timer_id, label, now + length, length, displays, phases, 0)


def at(timer: Timer, now: int) -> Timer:
    """The timer as it stands at `now`: a phased timer steps through the phases that ended."""
    if timer.ends_at is None or not timer.phases or now < timer.ends_at:
        return timer
    cycle = sum(p.ms for p in timer.phases)
    ends_at, phase = timer.ends_at, timer.phase
    ends_at += (now - ends_at) // cycle * cycle  # whole cycles at once
    while ends_at <= now:
        phase = (phase + 1) % len(timer.phases)
        ends_at += timer.phases[phase].ms
    return replace(timer, ends_at=ends_at, remaining_ms=ends_at - now, phase=phase)


def remaining(timer: Timer, now: int) -> int:
    """Milliseconds left at `now` (never below zero)."""
    current = at(timer, now)
    if current.ends_at is None:
        return current.remaining_ms
    return max(0, current.ends_at - now)


def pause(timer: Timer, now: int) -> Timer:
    if timer.paused:
        return timer
    current = at(timer, now)
    return replace(current, ends_at=None, remaining_ms=remaining(current, now))


def resume(timer: Timer, now: int) -> Timer:
    if not timer.paused:
        return timer
    return replace(timer, ends_at=now + timer.remaining_ms)


def add(timer: Timer, seconds: int, now: int) -> Timer:
    """Extend (or, negative, shorten) the time left; it never goes below zero."""
    current = at(timer, now)
    left = max(0, remaining(current, now) + seconds * 1000)
    if current.paused:
        return replace(current, remaining_ms=left)
    return replace(current, ends_at=now + left, remaining_ms=left)


def as_json(timer: Timer) -> dict[str, object]:
    """The snapshot's entry: {id, label, ends_at, remaining_ms, paused} (+ phases)."""
    data: dict[str, object] = {
        "id": timer.id,
        "label": timer.label,
        "ends_at": timer.ends_at,
        "remaining_ms": timer.remaining_ms,
        "paused": timer.paused,
    }
    if timer.phases:
        data["phases"] = [{"label": p.label, "ms": p.ms} for p in timer.phases]
        data["phase"] = timer.phase
    return data
