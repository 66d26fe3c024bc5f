"""campaign/warden.yaml (countdown presets, the campaign's alerts) and campaign/sounds/ with
sounds.yaml: read into objects, problems as FILE:LINE."""

from __future__ import annotations

from desktop.campaign import load_campaign
from desktop.campaign.presets import TimerPreset
from desktop.campaign.sample_path import sample_campaign_path


def problems(builder) -> list[str]:
    return [str(p) for p in load_campaign(builder.root).problems]


def test_presets_are_read_and_bad_entries_named(builder) -> None:
    builder.write(
        "campaign/warden.yaml",
        "timers:\n"
        "  - {label: SELF-DESTRUCT, seconds: 600}\n"
        "  - label: CYCLE\n"
        "    phases:\n"
        "      - {label: VENT, seconds: 30}\n"
        "      - {label: SEAL, seconds: 10}\n"
        "  - {label: BROKEN, seconds: 0}\n"  # line 7
        "  - {seconds: 5}\n"  # line 8
        "alerts: [REACTOR SCRAM, 5, REACTOR SCRAM]\n",  # line 9
    )
    found = load_campaign(builder.root).presets
    assert found.timers == (
        TimerPreset("SELF-DESTRUCT", 600),
        TimerPreset("CYCLE", 0, (("VENT", 30), ("SEAL", 10))),
    )
    assert found.alerts == ("REACTOR SCRAM",)
    assert problems(builder) == [
        "campaign/warden.yaml:7: timer: seconds must be at least 1, not 0",
        "campaign/warden.yaml:8: timer: missing label",
        "campaign/warden.yaml:9: an alert is a text of 1 to 60 characters",
    ]


def test_sounds_and_their_loops(builder) -> None:
    (builder.root / "campaign" / "sounds").mkdir()
    (builder.root / "campaign" / "sounds" / "hum.ogg").write_bytes(b"OggS")
    (builder.root / "campaign" / "sounds" / "notes.txt").write_text("not a sound")
    builder.write(
        "campaign/sounds.yaml",
        "loops:\n  - {sound: hum.ogg, location: nowhere}\n  - {sound: buzz, location: x}\n",
    )
    campaign = load_campaign(builder.root)
    assert list(campaign.sounds) == ["hum"] and campaign.sounds["hum"].name == "Hum"
    assert campaign.sound_loops == ()
    assert problems(builder) == [
        "campaign/sounds.yaml:2: loop: unknown location 'nowhere'",
        "campaign/sounds.yaml:3: loop: no sound 'buzz' in campaign/sounds/",
    ]


def test_the_sample_has_a_countdown_scenario_and_sounds() -> None:
    campaign = load_campaign(sample_campaign_path())
    labels = [t.label for t in campaign.presets.timers]
    assert "STATION SCUTTLE" in labels and any(t.phases for t in campaign.presets.timers)
    assert campaign.presets.alerts and campaign.sounds and campaign.sound_loops
