"""Where the app keeps its files: config (token, last campaign), table states, the log file."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import platformdirs

from desktop.campaign.sample_path import sample_campaign_path
from desktop.settings import Settings

log = logging.getLogger(__name__)

APP_NAME = "gm-terminal"
LAST_CAMPAIGN = "last-campaign"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def log_path() -> Path:
    """The log file: warnings and every crash's traceback."""
    return Path(platformdirs.user_log_dir(APP_NAME)) / f"{APP_NAME}.log"


def default_state_path(campaign_dir: Path) -> Path:
    """The campaign's table-state file in the user's data folder."""
    resolved = campaign_dir.resolve()
    name = re.sub(r"[^a-z0-9]+", "-", resolved.name.lower()).strip("-") or "campaign"
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:10]
    return Path(platformdirs.user_data_dir(APP_NAME)) / "tables" / f"{name}-{digest}.sqlite"


def campaign_folder(settings: Settings) -> Path:
    """The folder named on the command line, else the last one (--resume), else the sample."""
    if settings.campaign_dir is not None:
        return settings.campaign_dir
    if settings.resume:
        try:
            last = Path((config_dir() / LAST_CAMPAIGN).read_text(encoding="utf-8").strip())
        except OSError:
            last = None
        if last is not None and last.is_dir():
            return last
    return sample_campaign_path()


def remember_campaign(folder: Path) -> None:
    try:
        config_dir().mkdir(parents=True, exist_ok=True)
        (config_dir() / LAST_CAMPAIGN).write_text(str(folder.resolve()), encoding="utf-8")
    except OSError as exc:
        log.warning("could not remember the campaign: %s", exc)
