"""The app's settings, built once from the command line and the environment."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8765
TOKEN_ENV = "GM_TERMINAL_TOKEN"


@dataclass(frozen=True, slots=True)
class Settings:
    """How to run the app: campaign, network, window, token, state file."""

    campaign_dir: Path | None = None  # None: the built-in sample (or the last one with resume)
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT  # 0 picks a free port
    headless: bool = False
    gm_token: str | None = None  # None: the app uses the token kept in the user's config folder
    state_file: Path | None = None  # None: per campaign in the user's data folder
    resume: bool = False
    mdns: bool = True
