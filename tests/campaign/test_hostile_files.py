"""Campaign files written to hurt: YAML alias bombs and loops, deep nesting, huge Markdown.

Each gives one clear problem naming the file, the rest of the campaign loads, and the snapshots
the server sends can still be built (no traceback, no exponential memory).
"""

from __future__ import annotations

import pytest

from desktop.campaign import load_campaign
from desktop.campaign.markdown import MAX_BODY_CHARS
from desktop.campaign.yamlfile import MAX_FILE_BYTES
from desktop.model.actions import SwitchView
from desktop.model.store import Store


def laughs(levels: int = 9) -> str:
    """The "billion laughs": nine levels of nine aliases each (9**9 values if expanded)."""
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        name, below = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + below] * 9)}]")
    return "\n".join(lines) + "\n"


def merge_laughs(levels: int = 9) -> str:
    """The same with merge keys: each level merges nine copies of the one below."""
    lines = ["ma: &ma {x: 1, y: 2}"]
    for level in range(1, levels):
        name, below = f"m{chr(97 + level)}", f"m{chr(96 + level)}"
        lines.append(f"{name}: &{name} {{<<: [{', '.join(['*' + below] * 9)}], z{level}: 0}}")
    return "\n".join(lines) + "\n"


def snapshots_build(root) -> None:
    store = Store(load_campaign(root))
    assert store.player_frame().data and store.gm_snapshot()


CREW_OK = "  - {id: ok, name: Okay}\n"


@pytest.mark.parametrize(
    ("rel", "text"),
    [
        ("campaign/crew.yaml", laughs() + "crew:\n  - {id: c, name: C, stress: *i}\n"),
        ("campaign/npcs.yaml", laughs() + "npcs:\n  - {id: n, name: N, notes: *i}\n"),
        ("galaxy/st/location.yaml", laughs() + "name: St\ntype: station\nlore: *i\n"),
        ("campaign/ship.yaml", laughs() + "ship:\n  name: S\n  extra: *i\n"),
    ],
)
def test_alias_bombs_are_refused(builder, rel: str, text: str) -> None:
    builder.location("st", "Station")
    builder.write(rel, text)
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        f"{rel}:0: YAML aliases repeat more than 200,000 values (an alias bomb): not read"
    ]
    snapshots_build(builder.root)


def test_an_alias_bomb_in_a_front_matter(builder) -> None:
    builder.write("campaign/sessions/s1.md", "---\n" + laughs() + "bomb: *i\n---\nText.\n")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "campaign/sessions/s1.md:0: YAML aliases repeat more than 200,000 values (an alias bomb)"
        ": not read"
    ]
    assert campaign.sessions[0].body[0].spans[0].text == "Text."
    snapshots_build(builder.root)


def test_merge_keys_copy_each_key_once(builder) -> None:
    """Nine levels of nine merges: each mapping holds each key once (no 9**9 copies)."""
    builder.write("campaign/npcs.yaml", merge_laughs() + "npcs:\n  - {id: n, name: N, <<: *mi}\n")
    campaign = load_campaign(builder.root)
    assert campaign.problems == ()
    assert dict(campaign.npcs["n"].extra) == {"x": 1, "y": 2, **{f"z{i}": 0 for i in range(1, 9)}}
    snapshots_build(builder.root)


def test_shared_aliases_within_bounds_still_load(builder) -> None:
    builder.write("campaign/npcs.yaml", laughs(4) + "npcs:\n  - {id: n, name: N, notes: *d}\n")
    campaign = load_campaign(builder.root)
    assert campaign.problems == ()
    notes = campaign.npcs["n"].extra["notes"]
    assert len(notes) == 9 and notes[0][0][0][0] == "lol"  # type: ignore[index]
    snapshots_build(builder.root)


@pytest.mark.parametrize(
    "value", ["&x [*x]", "&x {self: *x}", "&x [a, [b, *x]]"], ids=["list", "map", "nested"]
)
def test_alias_loops_are_refused(builder, value: str) -> None:
    builder.write(
        "campaign/npcs.yaml", f"npcs:\n  - {{id: n, name: N, notes: {value}}}\n" + CREW_OK
    )
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "campaign/npcs.yaml:2: a YAML alias refers to a value that holds it (a loop): not read"
    ]
    snapshots_build(builder.root)


@pytest.mark.parametrize("depth", [65, 600, 990])
def test_deep_nesting_is_refused(builder, depth: int) -> None:
    nested = "[" * depth + "]" * depth
    builder.write("campaign/npcs.yaml", f"npcs:\n  - {{id: n, name: N, notes: {nested}}}\n")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "campaign/npcs.yaml:2: YAML nested more than 64 levels deep: not read"
    ]
    snapshots_build(builder.root)


def test_a_huge_markdown_body_is_cut_and_said_so(builder) -> None:
    lines = 400_000
    builder.write("campaign/sessions/s1.md", "---\ntitle: Long\n---\n" + "word\n" * lines)
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        f"campaign/sessions/s1.md:4: the text is longer than {MAX_BODY_CHARS:,} characters:"
        " only the start is shown"
    ]
    (block,) = campaign.sessions[0].body
    text = block.spans[0].text
    assert len(text) <= MAX_BODY_CHARS and text.startswith("word\nword\n")
    assert set(text.split("\n")) == {"word"}


def test_a_file_over_the_size_limit_is_not_read(builder) -> None:
    builder.location("st", "Station")
    padding = "# " + "x" * 1000 + "\n"
    big = "grid: {width: 4, height: 4}\nrooms:\n" + padding * 17_000  # 17 MB
    builder.write("galaxy/st/map/plan.yaml", big + "  - {id: a, x: 0, y: 0, width: 1, height: 1}\n")
    builder.write("campaign/sessions/s1.md", "---\ntitle: Big\n---\n" + padding * 17_000)
    builder.write("campaign/sessions/s2.md", "---\ntitle: Fine\n---\nText.\r\nMore.\r\n")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        f"campaign/sessions/s1.md:0: the file is larger than {MAX_FILE_BYTES >> 20} MB: not read",
        f"galaxy/st/map/plan.yaml:0: the file is larger than {MAX_FILE_BYTES >> 20} MB: not read",
    ]
    assert [s.title for s in campaign.sessions] == ["Fine"]
    assert campaign.sessions[0].body[0].spans[0].text == "Text.\nMore."


def test_aliases_that_multiply_bytes_are_refused(builder) -> None:
    """A 1 MB string aliased 200 times: few values, but 200 MB once sent to every display."""
    systems = "".join(
        f"    s{i}:\n      status: ONLINE\n      condition: 50\n      info: *big\n"
        for i in range(200)
    )
    big = "big: &big " + "X" * 1_000_000 + "\n"
    builder.write("campaign/ship.yaml", big + "ship:\n  name: Wren\n  systems:\n" + systems)
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        "campaign/ship.yaml:0: YAML aliases expand the file to more than 8 times its size"
        " (an alias bomb): not read"
    ]
    assert campaign.ship is None
    store = Store(campaign)
    store.dispatch(SwitchView("BRIDGE"))  # the view that shows the ship's systems
    assert store.state.view_type == "BRIDGE"
    assert len(store.player_frame().data) < 100_000 and store.gm_snapshot()


def test_aliases_repeating_small_values_in_a_small_file_still_load(builder) -> None:
    """Within the bound: a 200-character note aliased 40 times in a small file."""
    notes = "".join(f"  - {{id: n{i}, name: N{i}, notes: *note}}\n" for i in range(40))
    builder.write("campaign/npcs.yaml", "note: &note " + "y" * 200 + "\nnpcs:\n" + notes)
    campaign = load_campaign(builder.root)
    assert campaign.problems == ()
    assert campaign.npcs["n39"].extra["notes"] == "y" * 200
