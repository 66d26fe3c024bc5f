"""Links never lead the reader out of the campaign folder: each one that would is reported."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.campaign import load_campaign
from desktop.campaign.model import Campaign
from desktop.cli import main

SECRET = "OUTSIDE-SECRET-7Q"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the campaign holding files a campaign might link to."""
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def link(builder, rel: str, target: Path) -> Path:
    path = (builder if isinstance(builder, Path) else builder.root) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)
    return path


def message_text(subject: str) -> str:
    return (
        f'---\ntimestamp: "2183-01-01 10:00:00"\nsubject: {subject}\nfrom: A\nto: B\n'
        f"message_id: {subject}\n---\n{SECRET} body.\n"
    )


def link_problem(rel: str, target: Path) -> str:
    return f"{rel}:0: a link leading outside the campaign folder (to {target}): not read"


def loaded(builder) -> tuple[Campaign, list[str], str]:
    """The campaign, its problems as text, and everything it holds as one text."""
    campaign = load_campaign(builder.root)
    return campaign, [str(p) for p in campaign.problems], repr(replace(campaign, problems=()))


def test_a_linked_sessions_folder_is_not_read(builder, outside) -> None:
    (outside / "s1.md").write_text(f"---\nsession_number: 1\n---\n{SECRET}\n")
    link(builder, "campaign/sessions", outside)
    campaign, problems, everything = loaded(builder)
    assert campaign.sessions == () and SECRET not in everything
    assert problems == [link_problem("campaign/sessions", outside)]


def test_a_linked_session_file_and_a_linked_campaign_folder(builder, outside, tmp_path) -> None:
    (outside / "s1.md").write_text(f"---\nsession_number: 1\n---\n{SECRET}\n")
    link(builder, "campaign/sessions/s1.md", outside / "s1.md")
    campaign, problems, everything = loaded(builder)
    assert campaign.sessions == () and SECRET not in everything
    assert problems == [link_problem("campaign/sessions/s1.md", outside / "s1.md")]
    other = tmp_path / "other"
    (other / "campaign").mkdir(parents=True)
    (other / "campaign/npcs.yaml").write_text(f"npcs:\n  - {{id: n, name: {SECRET}}}\n")
    link(other, "galaxy", outside)
    (other / "campaign/npcs.yaml").rename(other / "npcs.yaml")
    link(other, "campaign/npcs.yaml", other / "npcs.yaml")  # inside: fine
    campaign = load_campaign(other)
    assert [str(p) for p in campaign.problems] == [link_problem("galaxy", outside)]
    assert list(campaign.npcs) == ["n"]


def test_a_linked_campaign_folder_and_people_files(builder, outside, tmp_path) -> None:
    (outside / "npcs.yaml").write_text(f"npcs:\n  - {{id: n, name: {SECRET}}}\n")
    (outside / "crew.yaml").write_text(f"crew:\n  - {{id: c, name: {SECRET}}}\n")
    link(builder, "campaign/npcs.yaml", outside / "npcs.yaml")
    link(builder, "campaign/crew.yaml", outside / "crew.yaml")
    link(builder, "campaign/ship.yaml", outside / "npcs.yaml")
    campaign, problems, everything = loaded(builder)
    assert campaign.npcs == {} and campaign.crew == () and SECRET not in everything
    assert problems == [
        link_problem("campaign/crew.yaml", outside / "crew.yaml"),
        link_problem("campaign/npcs.yaml", outside / "npcs.yaml"),
        link_problem("campaign/ship.yaml", outside / "npcs.yaml"),
    ]
    whole = tmp_path / "whole"
    (whole / "galaxy").mkdir(parents=True)
    link(whole, "campaign", outside)
    campaign = load_campaign(whole)
    assert campaign.npcs == {} and SECRET not in repr(campaign)
    assert [str(p) for p in campaign.problems] == [link_problem("campaign", outside)]


def test_linked_mail_is_not_read(builder, outside) -> None:
    builder.location("st", "Station")
    (outside / "m1.md").write_text(message_text("one"))
    (outside / "inbox").mkdir()
    (outside / "inbox/m2.md").write_text(message_text("two"))
    link(builder, "galaxy/st/comms/messages", outside)
    link(builder, "galaxy/st/comms/ops/inbox", outside / "inbox")
    builder.write("galaxy/st/comms/ops/terminal.yaml", "owner: B\n")
    link(builder, "galaxy/st/comms/ops/sent/A/m3.md", outside / "m1.md")
    campaign, problems, everything = loaded(builder)
    station = campaign.locations["st"]
    assert station.messages == () and SECRET not in everything
    assert station.terminals[0].inbox == () and station.terminals[0].sent == ()
    assert problems == [
        link_problem("galaxy/st/comms/messages", outside),
        link_problem("galaxy/st/comms/ops/inbox", outside / "inbox"),
        link_problem("galaxy/st/comms/ops/sent/A/m3.md", outside / "m1.md"),
    ]


def test_a_linked_terminal_file_and_location_file(builder, outside) -> None:
    (outside / "terminal.yaml").write_text(f"owner: {SECRET}\n")
    (outside / "location.yaml").write_text(f"name: {SECRET}\n")
    builder.location("st", "Station")
    link(builder, "galaxy/st/comms/ops/terminal.yaml", outside / "terminal.yaml")
    link(builder, "galaxy/lab/location.yaml", outside / "location.yaml")
    link(builder, "galaxy/far", outside)  # a location folder that is a link: not walked
    (outside / "deep").mkdir()
    (outside / "deep/location.yaml").write_text(f"name: {SECRET}\n")
    campaign, problems, everything = loaded(builder)
    assert SECRET not in everything
    assert campaign.locations["lab"].name == "lab"  # the folder is there; its file is not read
    assert problems == [
        link_problem("galaxy/far", outside),
        link_problem("galaxy/lab/location.yaml", outside / "location.yaml"),
        link_problem("galaxy/st/comms/ops/terminal.yaml", outside / "terminal.yaml"),
    ]


DECK = (
    "grid: {width: 4, height: 4}\nrooms:\n  - {id: a, name: %s, x: 0, y: 0, width: 2, height: 2}\n"
)


def test_linked_maps_are_not_read(builder, outside) -> None:
    (outside / "deck.yaml").write_text(DECK % SECRET)
    (outside / "deck.png").write_bytes(b"\x89PNG outside")
    (outside / "map").mkdir()
    (outside / "map/plan.yaml").write_text(DECK % SECRET)
    builder.location("one", "One")  # a single map file that is a link
    link(builder, "galaxy/one/map/plan.yaml", outside / "deck.yaml")
    builder.location("two", "Two")  # a map folder that is a link
    link(builder, "galaxy/two/map", outside / "map")
    builder.location("three", "Three")  # a manifest naming a deck in a linked folder
    builder.write(
        "galaxy/three/map/manifest.yaml",
        "name: Three\ntotal_decks: 2\ndecks:\n  - {id: up, name: Up, file: up.yaml, level: 1}\n"
        "  - {id: low, name: Low, file: sub/deck.yaml, level: 2}\n",
    )
    builder.write("galaxy/three/map/up.yaml", DECK % "Up")
    link(builder, "galaxy/three/map/up.png", outside / "deck.png")  # a background leading out
    link(builder, "galaxy/three/map/sub", outside)
    campaign, problems, everything = loaded(builder)
    assert SECRET not in everything and str(outside) not in everything
    three = campaign.locations["three"].map
    assert three is not None and [deck.background for deck in three.decks] == [None, None]
    assert problems == [
        link_problem("galaxy/one/map/plan.yaml", outside / "deck.yaml"),
        link_problem("galaxy/three/map/sub", outside),
        link_problem("galaxy/three/map/up.png", outside / "deck.png"),
        link_problem("galaxy/two/map", outside / "map"),
    ]


def test_linked_portraits_and_token_images(builder, outside) -> None:
    (outside / "face.png").write_bytes(b"\x89PNG outside")
    (outside / "beast.png").write_bytes(b"\x89PNG outside")
    link(builder, "campaign/NPCs/images", outside)
    link(builder, "campaign/crew/face.png", outside / "face.png")
    builder.write("campaign/npcs.yaml", "npcs:\n  - {id: n, portrait: NPCs/images/face.png}\n")
    builder.write("campaign/crew.yaml", "crew:\n  - {id: c, portrait: crew/face.png}\n")
    link(builder, "campaign/tokens/creatures", outside)
    link(builder, "campaign/tokens/objects/crate.png", outside / "beast.png")
    builder.image("campaign/tokens/alien.png")
    link(builder, "campaign/tokens/alias.png", builder.root / "campaign/tokens/alien.png")
    campaign, problems, _everything = loaded(builder)
    assert campaign.npcs["n"].portrait is None and campaign.crew[0].portrait is None
    assert sorted(campaign.token_images) == ["token:alias", "token:alien"]  # inside: fine
    paths = [image.path for image in campaign.token_images.values()]
    assert all(path.is_relative_to(builder.root) for path in paths)
    assert problems == [
        link_problem("campaign/NPCs/images", outside),
        "campaign/crew.yaml:2: crew 'c': 'crew/face.png' leads outside the campaign folder",
        link_problem("campaign/crew/face.png", outside / "face.png"),
        "campaign/npcs.yaml:2: npc 'n': 'NPCs/images/face.png' leads outside the campaign folder",
        link_problem("campaign/tokens/creatures", outside),
        link_problem("campaign/tokens/objects/crate.png", outside / "beast.png"),
    ]


def test_nested_links_inside_then_out(builder, outside) -> None:
    """A link that stays inside leads to a folder holding a link out: that one is named."""
    (outside / "s1.md").write_text(f"---\nsession_number: 1\n---\n{SECRET}\n")
    link(builder, "notes/out", outside)
    link(builder, "campaign/sessions", builder.root / "notes")
    builder.write("notes/s2.md", "---\nsession_number: 2\ntitle: Inside\n---\nFine.\n")
    campaign, problems, everything = loaded(builder)
    assert [s.title for s in campaign.sessions] == ["Inside"] and SECRET not in everything
    assert problems == []
    link(builder, "campaign/tokens", builder.root / "notes/out")
    campaign, problems, everything = loaded(builder)
    assert campaign.token_images == {}
    assert problems == [link_problem("campaign/tokens", outside)]


def test_a_link_loop_is_refused_without_a_traceback(builder) -> None:
    link(builder, "campaign/sessions", builder.root / "campaign/sessions")
    campaign, problems, _everything = loaded(builder)
    assert campaign.sessions == ()
    assert problems == ["campaign/sessions:0: a link that leads back to itself (a loop): not read"]


def test_check_names_each_link_leading_out(builder, outside, capsys) -> None:
    (outside / "s1.md").write_text(f"---\nsession_number: 1\n---\n{SECRET}\n")
    link(builder, "campaign/sessions", outside)
    link(builder, "campaign/tokens/objects", outside)
    assert main(["check", str(builder.root)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed[-3:] == [
        link_problem("campaign/sessions", outside),
        link_problem("campaign/tokens/objects", outside),
        f"2 problems in {builder.root}",
    ]
    assert SECRET not in "\n".join(printed)
