"""What the GM window needs from outside, handed over by the composition root as plain values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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
class ModelChoice:
    """The language model the ship computer drafts with: an OpenAI-compatible chat endpoint."""

    url: str
    model: str
    key: str = field(default="", repr=False)
    timeout: float = 20.0


def _no_model() -> ModelChoice | None:
    return None


def _keep_nothing(_choice: ModelChoice | None) -> str:
    return "model settings cannot be kept here"


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
    # The language model configured now (None: offline drafts), and keeping another one (None:
    # forget it); keeping answers "" or why it failed.
    chat_model: Callable[[], ModelChoice | None] = _no_model
    keep_chat_model: Callable[[ModelChoice | None], str] = _keep_nothing
    # Where window geometry and recent campaigns are remembered; None: the user's settings.
    settings_path: Path | None = None
