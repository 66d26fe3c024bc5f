"""campaign/charon.yaml: the ship computer's voice, refusals and topics."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.campaign.voice import DEFAULT_VOICE, Topic
from tests.campaign.conftest import CampaignBuilder


def test_the_sample_has_a_voice() -> None:
    voice = load_campaign(sample_campaign_path()).voice
    assert voice.name == "WREN CORE"  # the name the campaign gives its ship computer
    assert "NO DATA." in voice.refusals
    assert [t.name for t in voice.topics] == ["greeting", "singing", "lien"]


def test_without_the_file_the_default_voice(tmp_path: Path) -> None:
    CampaignBuilder(tmp_path).write("campaign/npcs.yaml", "npcs: []\n")
    campaign = load_campaign(tmp_path)
    assert campaign.voice == DEFAULT_VOICE
    assert campaign.problems == ()


def test_wrong_values_are_problems_and_the_rest_counts(tmp_path: Path) -> None:
    CampaignBuilder(tmp_path).write(
        "campaign/charon.yaml",
        """
        voice:
          name: MOTHER
          uppercase: maybe
          max_facts: 9
        refusals: ["UNABLE TO COMPLY.", {a: 1}]
        topics:
          weather:
            match: rain
            lines: ["NO WEATHER IN VACUUM."]
          broken: [1, 2]
          half:
            match: [x]
        """,
    )
    campaign = load_campaign(tmp_path)
    voice = campaign.voice
    assert (voice.name, voice.uppercase, voice.max_facts) == ("MOTHER", True, 5)
    assert voice.refusals == ("UNABLE TO COMPLY.",)
    assert voice.topics == (Topic("weather", ("rain",), ("NO WEATHER IN VACUUM.",)),)
    lines = [(p.file, p.line) for p in campaign.problems]
    assert len(lines) == 4, campaign.problems
    assert all(file == "campaign/charon.yaml" for file, _ in lines)


def test_a_file_that_is_not_a_mapping_is_a_problem(tmp_path: Path) -> None:
    CampaignBuilder(tmp_path).write("campaign/charon.yaml", "- just\n- a list\n")
    campaign = load_campaign(tmp_path)
    assert campaign.voice == DEFAULT_VOICE
    assert [p.message for p in campaign.problems] == [
        "charon.yaml must be a mapping (voice, refusals, topics)"
    ]
