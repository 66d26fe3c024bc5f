"""NPCs, crew, ship, sessions and token images: portraits stay inside the campaign folder."""

from __future__ import annotations

import os

import pytest

from desktop.campaign import load_campaign


def npcs_with_portrait(builder, portrait: str) -> list[str]:
    builder.write(
        "campaign/npcs.yaml", f"npcs:\n  - id: n\n    name: N\n    portrait: {portrait}\n"
    )
    return [str(p) for p in load_campaign(builder.root).problems]


@pytest.mark.parametrize(
    "written",
    [
        "campaign/NPCs/images/n.png",  # relative to the campaign folder
        "NPCs/images/n.png",  # relative to campaign/
        "/data/campaign/NPCs/images/n.png",  # the old system's URL
        "/data/NPCs/images/n.png",
        "/data/camp/campaign/NPCs/images/n%2Epng",  # with the folder's name, URL-encoded
    ],
)
def test_portrait_forms(builder, written: str) -> None:
    image = builder.image("campaign/NPCs/images/n.png")
    assert npcs_with_portrait(builder, written) == []
    assert load_campaign(builder.root).npcs["n"].portrait == image.resolve()


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("NPCs/images/missing.png", "image file not found: NPCs/images/missing.png"),
        ("../outside.png", "'../outside.png' is outside the campaign folder"),
        ("/data/../../outside.png", "'/data/../../outside.png' is outside the campaign folder"),
        ("/etc/passwd", "'/etc/passwd' is outside the campaign folder"),
        ("http://example.com/a.png", "'http://example.com/a.png' is a URL, not an image file"),
    ],
)
def test_bad_portraits_are_problems(builder, written: str, why: str) -> None:
    (builder.root.parent / "outside.png").write_bytes(b"x")
    problems = npcs_with_portrait(builder, written)
    assert len(problems) == 1
    assert problems[0].startswith(f"campaign/npcs.yaml:4: npc 'n': {why}")
    assert load_campaign(builder.root).npcs["n"].portrait is None


def test_symlink_leading_out_is_refused(builder) -> None:
    outside = builder.root.parent / "secret.png"
    outside.write_bytes(b"x")
    os.symlink(outside, builder.root / "campaign" / "link.png")
    assert npcs_with_portrait(builder, "link.png") == [
        f"campaign/link.png:0: a link leading outside the campaign folder (to {outside}): not read",
        "campaign/npcs.yaml:4: npc 'n': 'link.png' leads outside the campaign folder",
    ]


def test_npc_problems(builder) -> None:
    builder.write(
        "campaign/npcs.yaml",
        """
        npcs:
          - id: a
            name: A
          - id: a
            name: A again
          - name: nobody
          - id: b
            role: [x]
        """,
    )
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        "campaign/npcs.yaml:4: npc 'a': duplicate npc id 'a'",
        "campaign/npcs.yaml:6: npcs: missing id",
        "campaign/npcs.yaml:8: npc 'b': role must be text, not a list",
    ]
    npcs = load_campaign(builder.root).npcs
    assert list(npcs) == ["a", "b"] and npcs["b"].name == "b"


def test_files_of_the_wrong_shape(builder) -> None:
    builder.write("campaign/npcs.yaml", "- a\n")
    builder.write("campaign/crew.yaml", "crew: {a: 1}\n")
    builder.write("campaign/ship.yaml", "name: no ship key\n")
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        "campaign/crew.yaml:1: crew must be a list, not a mapping",
        "campaign/npcs.yaml:1: expected a mapping with a 'npcs' list",
        "campaign/ship.yaml:1: expected a mapping with a 'ship' mapping",
    ]
    campaign = load_campaign(builder.root)
    assert campaign.npcs == {} and campaign.crew == () and campaign.ship is None


def test_ship_problems(builder) -> None:
    builder.write(
        "campaign/ship.yaml",
        """
        ship:
          name: Tern
          crew_count: many
          hull: {current: 3, max: ten}
          systems:
            engines: {status: EXPLODED, condition: 50}
            sensors: broken
        """,
    )
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        "campaign/ship.yaml:3: ship: crew_count must be a whole number, not 'many'",
        "campaign/ship.yaml:4: ship hull: max must be a whole number, not 'ten'",
        "campaign/ship.yaml:6: system 'engines': status 'EXPLODED' is not one of ONLINE, "
        "STRESSED, DAMAGED, CRITICAL, OFFLINE",
        "campaign/ship.yaml:7: system 'sensors' must be a mapping",
    ]
    ship = load_campaign(builder.root).ship
    assert ship is not None and ship.hull == (3, 0)
    assert [(s.name, s.status) for s in ship.systems] == [("engines", "ONLINE")]


def test_crew_portrait_missing(builder) -> None:
    builder.write("campaign/crew.yaml", "crew:\n  - id: a\n    name: A\n    portrait: a.png\n")
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        "campaign/crew.yaml:4: crew 'a': image file not found: a.png"
    ]


def test_session_without_front_matter(builder) -> None:
    builder.write("campaign/sessions/session_07.md", "# Notes\n")
    builder.write("campaign/sessions/session_08.md", "---\nsession_number: eight\n---\nx\n")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "campaign/sessions/session_07.md:1: no front matter: a session log starts with a --- "
        "block of YAML",
        "campaign/sessions/session_08.md:2: session_number must be a whole number, not 'eight'",
    ]
    assert [s.title for s in campaign.sessions] == ["session 07", "session 08"]


def test_token_image_names_and_clashes(builder) -> None:
    builder.image("campaign/tokens/rime_crawler.png")
    builder.image("campaign/tokens/objects/rime_crawler.svg")
    builder.image("campaign/tokens/objects/cargo-crate.svg")
    builder.write("campaign/tokens/readme.txt", "not an image")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "campaign/tokens/objects/rime_crawler.svg:0: another token image is also named "
        "'rime_crawler'"
    ]
    images = campaign.token_images
    assert sorted(images) == ["token:cargo-crate", "token:rime_crawler"]
    assert images["token:rime_crawler"].name == "Rime crawler"
    assert images["token:cargo-crate"].kind == "object"
