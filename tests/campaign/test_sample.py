"""The built-in sample campaign loads cleanly and is big enough to show everything."""

from __future__ import annotations

from desktop.campaign import campaign_counts, load_campaign, sample_campaign_path


def test_sample_loads_without_problems() -> None:
    campaign = load_campaign(sample_campaign_path())
    assert [str(p) for p in campaign.problems] == []
    counts = campaign_counts(campaign)
    assert counts["decks"] >= 3
    assert counts["rooms"] >= 20
    assert counts["doors"] >= 10
