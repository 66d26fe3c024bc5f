"""A campaign's sounds as objects (sounds.py reads them; no file access here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SoundFile:
    id: str  # the file name without its suffix
    name: str
    path: Path


@dataclass(frozen=True, slots=True)
class SoundLoop:
    """An ambient loop the GM window offers at a location (or one of its rooms)."""

    sound: str  # a SoundFile id
    location: str
    room: str = ""
