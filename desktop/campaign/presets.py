"""The countdowns and alerts a campaign's GM reaches for (campaign/warden.yaml), as objects;
presets_file.py reads them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimerPreset:
    label: str
    seconds: int = 0  # a plain countdown; 0 with phases
    phases: tuple[tuple[str, int], ...] = ()  # (label, seconds), repeating


@dataclass(frozen=True, slots=True)
class Presets:
    timers: tuple[TimerPreset, ...] = ()
    alerts: tuple[str, ...] = ()  # the campaign's own alerts
