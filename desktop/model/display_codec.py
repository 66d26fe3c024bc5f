"""The displays' part of the table state (settings, targets, handouts, pings) as JSON-ready
values and back: the state file's `disp` row."""

from __future__ import annotations

from typing import Any

from desktop.model import codec
from desktop.model.display_state import (
    CAMERA_MODES,
    DISPLAY_KINDS,
    ROTATIONS,
    Camera,
    DisplaySettings,
    Handout,
    Ping,
)
from desktop.model.state import TableState

Json = dict[str, Any]


DISPLAY_FIELDS = ("displays", "targets", "handouts", "pings")


def displays_out(s: TableState) -> Json:
    return {
        "displays": {k: _settings_out(v) for k, v in s.displays.items()},
        "targets": {k: list(v) for k, v in s.targets.items()},
        "handouts": [_handout_out(h) for h in s.handouts],
        "pings": [[p.id, p.x, p.y, p.at] for p in s.pings],
    }


def displays_in(meta: Json) -> Json:
    """The TableState fields of displays_out's value (empty ones when the row has none)."""
    return {
        "displays": {
            codec.text(k): _settings_in(v) for k, v in _map(meta.get("displays", {})).items()
        },
        "targets": {k: tuple(codec.texts(v)) for k, v in _map(meta.get("targets", {})).items()},
        "handouts": tuple(_handout_in(v) for v in codec.items(meta.get("handouts", []))),
        "pings": tuple(_ping_in(v) for v in codec.items(meta.get("pings", []))),
    }


def _map(v: object) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise codec.BadRow(f"expected a mapping, found {type(v).__name__}")
    return {str(k): x for k, x in v.items()}


def _settings_out(d: DisplaySettings) -> list[Any]:
    c = d.camera
    camera = [c.mode, c.target, c.x, c.y, c.w, c.h, c.diagonal]
    return [d.name, d.kind, d.character, d.rotation, camera]


def _settings_in(v: object) -> DisplaySettings:
    name, kind, character, rotation, camera = codec.items(v)
    mode, target, x, y, w, h, diagonal = codec.items(camera)
    return DisplaySettings(
        codec.text(name),
        codec.text(kind) and codec.one_of(kind, DISPLAY_KINDS),
        codec.text(character),
        _rotation(rotation),
        Camera(
            codec.one_of(mode, CAMERA_MODES),
            codec.text(target),
            codec.number(x),
            codec.number(y),
            codec.number(w),
            codec.number(h),
            codec.number(diagonal),
        ),
    )


def _handout_out(h: Handout) -> list[Any]:
    return [h.id, h.title, h.text, h.image, h.shown_at, h.clear_after]


def _rotation(v: object) -> int:
    found = codec.whole_number(v)
    if found not in ROTATIONS:
        raise codec.BadRow(f"unknown rotation {found}")
    return found


def _handout_in(v: object) -> Handout:
    i, title, text, image, shown_at, clear_after = codec.items(v)
    return Handout(
        codec.text(i),
        codec.text(title),
        codec.text(text),
        codec.text(image),
        codec.number(shown_at),
        codec.number(clear_after),
    )


def _ping_in(v: object) -> Ping:
    i, x, y, at = codec.items(v)
    return Ping(codec.text(i), codec.whole_number(x), codec.whole_number(y), codec.number(at))
