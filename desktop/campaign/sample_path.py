"""Where the built-in sample campaign lives (package data, also inside an installed wheel)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from desktop.campaign.problems import CampaignError


def sample_campaign_path() -> Path:
    """The folder of the sample campaign shipped inside the package."""
    folder = files("desktop.campaign").joinpath("sample")
    if not isinstance(folder, Path):
        raise CampaignError("the built-in sample campaign is not available as a folder")
    return folder
