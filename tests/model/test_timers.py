"""Timers as data: an absolute end, paused time kept exact, phases that step on their own."""

from __future__ import annotations

from desktop.model import timers
from desktop.model.timers import Phase

NOW = 1_700_000_000_000


def test_start_pause_resume_keeps_the_remaining_time_exact() -> None:
    timer = timers.start("t1", "SELF-DESTRUCT", 600, NOW)
    assert timer.ends_at == NOW + 600_000 and not timer.paused
    paused = timers.pause(timer, NOW + 123_457)
    assert paused.ends_at is None and paused.paused
    assert paused.remaining_ms == 600_000 - 123_457
    assert timers.remaining(paused, NOW + 999_999) == 600_000 - 123_457  # time stands still
    resumed = timers.resume(paused, NOW + 500_000)
    assert resumed.ends_at == NOW + 500_000 + 600_000 - 123_457
    assert timers.pause(paused, NOW) is paused and timers.resume(timer, NOW) is timer


def test_add_extends_and_shortens_never_below_zero() -> None:
    timer = timers.start("t1", "O2", 60, NOW)
    assert timers.add(timer, 30, NOW + 10_000).ends_at == NOW + 90_000
    assert timers.add(timer, -100, NOW).ends_at == NOW
    paused = timers.pause(timer, NOW + 1000)
    assert timers.add(paused, 5, NOW + 50_000).remaining_ms == 64_000
    assert timers.remaining(timer, NOW + 120_000) == 0


def test_phases_step_on_and_repeat() -> None:
    phases = (Phase("VENTING", 2000), Phase("SEALED", 5000))
    timer = timers.start("t1", "REACTOR", 0, NOW, phases=phases)
    assert timer.ends_at == NOW + 2000 and timer.phase == 0
    later = timers.at(timer, NOW + 2000)
    assert (later.phase, later.ends_at) == (1, NOW + 7000)
    much_later = timers.at(timer, NOW + 7000 * 1000 + 2500)  # a thousand cycles on
    assert (much_later.phase, much_later.ends_at) == (1, NOW + 7000 * 1000 + 7000)
    paused = timers.pause(timer, NOW + 3000)
    assert (paused.phase, paused.remaining_ms) == (1, 4000)


def test_as_json_matches_the_snapshot_field() -> None:
    timer = timers.start("t1", "SELF-DESTRUCT", 10, NOW)
    assert timers.as_json(timer) == {
        "id": "t1",
        "label": "SELF-DESTRUCT",
        "ends_at": NOW + 10_000,
        "remaining_ms": 10_000,
        "paused": False,
    }
    paused = timers.as_json(timers.pause(timer, NOW + 1))
    assert paused["ends_at"] is None and paused["paused"] is True and paused["remaining_ms"] == 9999
