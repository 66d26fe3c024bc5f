"""What the GM window needs from outside, handed over by the composition root as plain values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _no_displays() -> list[dict[str, object]]:
    return []


def _no_qr(_text: str) -> bytes:
    return b""


def _ignore_path(_path: Path) -> None:
    return None


def _ignore() -> None:
    return None


def _no_drafts(_channel: str, _prompt: str) -> None:
    return None


@dataclass(frozen=True, slots=True)
class WindowServices:
    """Plain values and callables the window uses; it never talks to the server itself."""

    player_url: str = ""
    mdns_name: str = ""
    gm_token: str = ""
    # Connected displays: dicts with address, user_agent, since (epoch seconds), revision.
    displays: Callable[[], list[dict[str, object]]] = _no_displays
    # PNG bytes of a QR code for a text (the player URL).
    qr_png: Callable[[str], bytes] = _no_qr
    # Open another campaign folder; the composition root swaps the store's campaign.
    open_campaign: Callable[[Path], None] = _ignore_path
    # Re-read the current campaign folder from disk.
    reload_campaign: Callable[[], None] = _ignore
    # Ask the ship computer for a draft from the GM's prompt on a channel; it is queued in the
    # table state when done (by the language model if one is set, else offline).
    draft_from_prompt: Callable[[str, str], None] = _no_drafts
    # Where window geometry and recent campaigns are remembered; None: the user's settings.
    settings_path: Path | None = None
