"""The campaign's campaign/handouts/ folder: pictures and short texts, one handout per file."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.handouts import MAX_TEXT
from desktop.campaign.loader import load_campaign

from .conftest import CampaignBuilder


def test_pictures_and_texts_become_handouts_by_name(tmp_path: Path) -> None:
    folder = CampaignBuilder(tmp_path / "camp")
    folder.write("campaign/campaign.yaml", "name: Handout test\n")
    folder.image("campaign/handouts/crew-manifest.png")
    call = "---\ntitle: Mayday From The Tempest\n---\nMAYDAY. Hull breach on deck two.\n"
    folder.write("campaign/handouts/distress_call.md", call)
    folder.write("campaign/handouts/notes.yaml", "not: a handout\n")
    folder.write("campaign/handouts/long.txt", "x" * (MAX_TEXT + 50))
    campaign = load_campaign(folder.root)
    assert list(campaign.handouts) == ["crew-manifest", "distress_call", "long"]
    manifest, call = campaign.handouts["crew-manifest"], campaign.handouts["distress_call"]
    assert manifest.title == "Crew Manifest" and manifest.image is not None
    assert (
        call.title == "Mayday From The Tempest" and call.text == "MAYDAY. Hull breach on deck two."
    )
    assert len(campaign.handouts["long"].text) == MAX_TEXT
    assert any("long.txt" in str(p) and "characters" in str(p) for p in campaign.problems)


def test_a_campaign_without_handouts_has_none(tmp_path: Path) -> None:
    folder = CampaignBuilder(tmp_path / "camp")
    folder.write("campaign/campaign.yaml", "name: Plain\n")
    assert dict(load_campaign(folder.root).handouts) == {}
