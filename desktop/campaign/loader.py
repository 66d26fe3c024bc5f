"""Reading a whole campaign folder once into immutable campaign objects."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.campaign.charon_file import read_voice
from desktop.campaign.fields import Fields
from desktop.campaign.handouts import read_handouts
from desktop.campaign.images import ImageRef
from desktop.campaign.locations import LocationTree
from desktop.campaign.model import Campaign, frozen_map
from desktop.campaign.panic_file import read_panic
from desktop.campaign.people import read_crew, read_npcs
from desktop.campaign.presets_file import read_presets
from desktop.campaign.problems import CampaignError, ProblemLog
from desktop.campaign.sessions import read_sessions
from desktop.campaign.ship import read_ship
from desktop.campaign.sounds import read_loops, read_sounds
from desktop.campaign.starmap import read_star_map
from desktop.campaign.tokens import read_token_images
from desktop.campaign.yamlfile import YamlMap, read_optional_yaml

logger = logging.getLogger(__name__)

CAMPAIGN_FILE = "campaign.yaml"


def load_campaign(root: Path) -> Campaign:
    """Read every part of the campaign in `root`; content problems land in `problems`.

    Raises CampaignError only when the folder itself is missing or is not a campaign folder
    (it has neither a galaxy/ nor a campaign/ folder).
    """
    root = _check_folder(root)
    log = ProblemLog(root)
    locations, top_level = LocationTree(root, log).read()
    campaign_dir = root / "campaign"
    images = ImageRef(root, log)
    npcs = read_npcs(campaign_dir, images, log)
    crew = read_crew(campaign_dir, images, log)
    panic = read_panic(campaign_dir, log)
    sounds = read_sounds(campaign_dir, log)
    loops = read_loops(campaign_dir, sounds, set(locations), log)
    presets = read_presets(campaign_dir, log)
    star_map = read_star_map(root, locations, log)
    voice = read_voice(campaign_dir, log)
    handouts = frozen_map(read_handouts(root, log))
    campaign = Campaign(
        root=root,
        name=_campaign_name(root, log),
        locations=frozen_map(locations),
        top_level=top_level,
        npcs=frozen_map(npcs),
        crew=crew,
        ship=read_ship(campaign_dir, log),
        sessions=read_sessions(campaign_dir, log),
        token_images=frozen_map(read_token_images(campaign_dir, crew, npcs, log)),
        voice=voice,
        problems=log.sorted(),
        panic=panic,
        sounds=frozen_map(sounds),
        sound_loops=loops,
        presets=presets,
        star_map=star_map,
        handouts=handouts,
    )
    logger.info("read campaign %s: %d problems", root, len(campaign.problems))
    return campaign


def _check_folder(root: Path) -> Path:
    if not root.exists():
        raise CampaignError(f"campaign folder not found: {root}")
    if not root.is_dir():
        raise CampaignError(f"not a folder: {root}")
    if not (root / "galaxy").is_dir() and not (root / "campaign").is_dir():
        raise CampaignError(f"not a campaign folder (no galaxy/ or campaign/ inside): {root}")
    return root.resolve()


# Folder names that say where the campaign is kept, not what it is: the original system kept
# its campaign in `data/`; the parent folder names the campaign better.
GENERIC_FOLDERS = frozenset({"data", "campaign", "campaigns", "content", "src", "assets"})


def _folder_name(root: Path) -> str:
    if root.name.lower() in GENERIC_FOLDERS and root.parent.name:
        return root.parent.name
    return root.name


def _campaign_name(root: Path, log: ProblemLog) -> str:
    """`name` of an optional campaign.yaml beside galaxy/, else the folder's (or, for a folder
    named like `data`, its parent's) name."""
    path = root / CAMPAIGN_FILE
    fallback = _folder_name(root)
    data = read_optional_yaml(path, log)
    if isinstance(data, YamlMap):
        return Fields(data, log.rel(path), log).text("name", fallback) or fallback
    if data is not None:
        log.add(path, 1, "campaign.yaml must be a mapping with a name")
    return fallback
