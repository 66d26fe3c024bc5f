"""The location tree: broken files still make locations, duplicates are reported."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.campaign import campaign_counts, load_campaign


def test_broken_location_yaml_still_makes_a_location_with_children(builder) -> None:
    builder.write("galaxy/sys/location.yaml", "name: Sys\ntype: system\n  bad: indent\n")
    builder.location("sys/moon", "Moon", "moon")
    builder.location("sys/moon/base", "Base", "base")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "galaxy/sys/location.yaml:3: YAML syntax error: mapping values are not allowed in this "
        "context"
    ]
    sys = campaign.locations["sys"]
    assert (sys.name, sys.type, sys.children) == ("sys", "", ("moon",))
    assert campaign.locations["base"].parent == "moon"
    assert campaign_counts(campaign)["locations"] == 3


def test_location_yaml_of_the_wrong_shape(builder) -> None:
    builder.write("galaxy/a/location.yaml", "- just\n- a list\n")
    builder.write("galaxy/b/location.yaml", "")
    builder.write("galaxy/c/location.yaml", "name: [C]\ntype: station\n")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "galaxy/a/location.yaml:1: location.yaml must be a mapping of name, type, status, ...",
        "galaxy/c/location.yaml:1: name must be text, not a list",
    ]
    assert [loc.name for loc in campaign.locations.values()] == ["a", "b", "c"]


def test_duplicate_slugs(builder) -> None:
    builder.location("one/depot", "Depot One")
    builder.location("one", "One", "system")
    builder.location("two", "Two", "system")
    builder.location("two/depot", "Depot Two")
    builder.location("two/depot/shed", "Shed", "room")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "galaxy/two/depot/location.yaml:0: duplicate location slug 'depot' (also "
        "galaxy/one/depot); this one is skipped"
    ]
    assert campaign.locations["depot"].name == "Depot One"
    assert campaign.locations["shed"].parent == "two"  # nearest location above it
    assert campaign.locations["two"].children == ("shed",)


def test_parts_of_a_location_are_not_locations(builder) -> None:
    builder.location("st", "St")
    builder.write("galaxy/st/map/location.yaml", "name: not a location\n")
    builder.write("galaxy/st/comms/location.yaml", "name: not a location\n")
    builder.write("galaxy/.hidden/location.yaml", "name: hidden\n")
    builder.location(
        "map", "A system called map", "system"
    )  # only inside a location is map special
    campaign = load_campaign(builder.root)
    assert sorted(campaign.locations) == ["map", "st"]


def test_unreadable_text(builder) -> None:
    builder.location("a", "A")
    (builder.root / "galaxy/b").mkdir()
    (builder.root / "galaxy/b/location.yaml").write_bytes(b"name: \xff\xfe\n")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == ["galaxy/b/location.yaml:0: not UTF-8 text"]
    assert sorted(campaign.locations) == ["a", "b"]


def test_campaign_yaml_problems(builder) -> None:
    builder.write("campaign.yaml", "- x\n")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "campaign.yaml:1: campaign.yaml must be a mapping with a name"
    ]
    assert campaign.name == "camp"


def test_hidden_files_and_linked_folders_are_skipped(builder, tmp_path) -> None:
    builder.location("a", "A")
    builder.write("galaxy/a/comms/messages/._001.md", "\x00\x05 resource fork")
    builder.write("galaxy/a/map/.plan.yaml", "grid: {width: [\n")
    outside = tmp_path / "elsewhere"
    (outside / "loop").mkdir(parents=True)
    (outside / "loop/location.yaml").write_text("name: Outside\n")
    os.symlink(outside, builder.root / "galaxy/a/linked")
    os.symlink(builder.root / "galaxy", builder.root / "galaxy/a/cycle")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [  # the link inside (a loop) is not walked
        f"galaxy/a/linked:0: a link leading outside the campaign folder (to {outside}): not read"
    ]
    assert list(campaign.locations) == ["a"]
    assert campaign.locations["a"].messages == () and campaign.locations["a"].map is None


def test_unreadable_folder_is_a_problem(builder, monkeypatch) -> None:
    builder.location("a", "A")
    locked = builder.root / "galaxy/b"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # what a folder without read permission does (tests run as root)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("desktop.campaign.folders.os.scandir", scandir)
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "galaxy/b:0: cannot read the folder: Permission denied"
    ]
    assert list(campaign.locations) == ["a"]
