"""campaign/panic.yaml: read into a table; problems as FILE:LINE."""

from __future__ import annotations

from desktop.campaign import load_campaign
from desktop.campaign.panic import PanicEntry
from desktop.campaign.sample_path import sample_campaign_path


def problems(builder, text: str) -> list[str]:
    builder.write("campaign/panic.yaml", text)
    return [str(p) for p in load_campaign(builder.root).problems]


def test_a_table_is_read_in_roll_order(builder) -> None:
    text = (
        "die: 10\ntable:\n  - roll: [4, 10]\n    effect: Runs\n"
        "  - {roll: [1, 3], effect: Shakes, name: Jitters}\n"
    )
    assert problems(builder, text) == []
    table = load_campaign(builder.root).panic
    assert table is not None and table.die == 10
    assert table.entries == (PanicEntry(1, 3, "Shakes", "Jitters"), PanicEntry(4, 10, "Runs"))
    assert table.lookup(7) == table.entries[1]


def test_no_file_means_no_table(builder) -> None:
    builder.write("campaign/crew.yaml", "crew: []\n")
    assert load_campaign(builder.root).panic is None


def test_problems_name_file_and_line(builder) -> None:
    text = (
        "table:\n"
        "  - roll: [1, 12]\n"  # line 2
        "    effect: A\n"
        "  - roll: [10, 19]\n"  # line 4: overlaps 10-12
        "    effect: B\n"
        "  - roll: 25\n"  # line 6: the die has 20 faces
        "    effect: C\n"
        "  - roll: high\n"  # line 8
        "    effect: D\n"
        "  - roll: 20\n"  # line 10: no effect
    )
    assert problems(builder, text) == [
        "campaign/panic.yaml:1: panic: no entry for roll 20",
        "campaign/panic.yaml:4: panic: roll 10-12 is also in line 2",
        "campaign/panic.yaml:6: roll 25 is outside 1-20 (the panic die)",
        "campaign/panic.yaml:8: roll must be a number or [from, to], not 'high'",
        "campaign/panic.yaml:10: missing effect",
    ]


def test_a_file_without_a_table_is_a_problem(builder) -> None:
    assert problems(builder, "rows: []\n") == [
        "campaign/panic.yaml:1: expected a mapping with a 'table' list"
    ]


def test_the_sample_ships_a_whole_table() -> None:
    campaign = load_campaign(sample_campaign_path())
    assert campaign.panic is not None
    assert {face for e in campaign.panic.entries for face in range(e.low, e.high + 1)} == set(
        range(1, 21)
    )
    assert not [p for p in campaign.problems if "panic" in p.file]
