"""Reading and validating campaign folders (pure Python: no Qt, no aiohttp)."""

from desktop.campaign.loader import load_campaign
from desktop.campaign.problems import CampaignError
from desktop.campaign.sample_path import sample_campaign_path
from desktop.campaign.summary import campaign_counts

__all__ = ["CampaignError", "campaign_counts", "load_campaign", "sample_campaign_path"]
