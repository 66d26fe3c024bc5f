"""Problems in maps are reported as FILE:LINE: message, and the rest of the map still loads."""

from __future__ import annotations

from desktop.campaign import load_campaign

MAP = "galaxy/s/map"


def problems(builder) -> list[str]:
    return [str(p) for p in load_campaign(builder.root).problems]


def station(builder, decks: dict[str, str], manifest: str | None = None):
    builder.location("s", "S")
    if manifest is not None:
        builder.write(f"{MAP}/manifest.yaml", manifest)
    for name, text in decks.items():
        builder.write(f"{MAP}/{name}.yaml", text)
    return builder


def test_bad_yaml_syntax_in_a_deck(builder) -> None:
    station(builder, {"plan": "grid: {width: 4, height: 4}\nrooms:\n  - {id: a, x: 0\n"})
    assert problems(builder) == [
        f"{MAP}/plan.yaml:4: YAML syntax error: did not find expected ',' or '}}'"
    ]
    location = load_campaign(builder.root).locations["s"]
    assert location.map is not None and location.map.decks[0].grid is None


def test_wrong_types(builder) -> None:
    station(
        builder,
        {
            "plan": """
            grid: {width: wide, height: 4}
            rooms:
              - {id: a, x: 0, y: 0, width: 2, height: 2}
              - {id: b, x: 2.5, y: 0, width: 2, height: true}
              - just a string
            terminals: not a list
            """
        },
    )
    assert problems(builder) == [
        f"{MAP}/plan.yaml:1: grid: width must be a whole number, not 'wide'",
        f"{MAP}/plan.yaml:4: room 'b': x must be a whole number, not 2.5",
        f"{MAP}/plan.yaml:4: room 'b': height must be a whole number, not True",
        f"{MAP}/plan.yaml:5: rooms entry must be a mapping, not 'just a string'",
        f"{MAP}/plan.yaml:6: terminals must be a list, not 'not a list'",
    ]


def test_rooms_outside_the_grid_and_overlapping(builder) -> None:
    station(
        builder,
        {
            "plan": """
            grid: {width: 10, height: 5}
            rooms:
              - {id: a, x: 0, y: 0, width: 4, height: 4}
              - {id: b, x: 8, y: 0, width: 4, height: 2}
              - {id: c, x: 3, y: 3, width: 2, height: 2}
              - {id: d, x: 0, y: -1, width: 0, height: 1}
            """
        },
    )
    assert problems(builder) == [
        f"{MAP}/plan.yaml:4: room 'b': outside the 10x5 grid (x 8, y 0, 4x2)",
        f"{MAP}/plan.yaml:5: room 'c' overlaps room 'a'",
        f"{MAP}/plan.yaml:6: room 'd': width must be at least 1, not 0",
    ]


def test_unknown_rooms_statuses_and_types(builder) -> None:
    station(
        builder,
        {
            "plan": """
            grid: {width: 10, height: 5}
            rooms:
              - {id: a, x: 0, y: 0, width: 4, height: 4, status: BURNING}
              - {id: b, x: 4, y: 0, width: 4, height: 4}
            connections:
              - {id: c1, from: a, to: nowhere, door_type: standard}
              - {id: c2, from: a, to: b, door_type: portcullis, door_status: AJAR}
              - {id: c3, from: a, to: b, door_type: Airlock, door_status: open}
            doors:
              - {id: old, type: standard, room_a: ghost, room_b: b}
            terminals:
              - {id: t, room: attic, position: {x: 1, y: 1}}
            poi:
              - {id: p, type: treasure, room: a, position: {x: 1, y: 1}, name: P}
            """
        },
    )
    assert problems(builder) == [
        f"{MAP}/plan.yaml:3: room 'a': status 'BURNING' is not one of OPERATIONAL, WARNING, "
        "HAZARD, OFFLINE",
        f"{MAP}/plan.yaml:6: connection 'c1': to 'nowhere' is not a room of deck 'plan'",
        f"{MAP}/plan.yaml:7: connection 'c2': door_type 'portcullis' is not one of standard, "
        "airlock, blast_door, emergency",
        f"{MAP}/plan.yaml:7: connection 'c2': door_status 'AJAR' is not one of OPEN, CLOSED, "
        "LOCKED, SEALED, DAMAGED",
        f"{MAP}/plan.yaml:10: door 'old': room_a 'ghost' is not a room of deck 'plan'",
        f"{MAP}/plan.yaml:12: terminal 't': room 'attic' is not a room of deck 'plan'",
        f"{MAP}/plan.yaml:14: point of interest 'p': type 'treasure' is not one of objective, "
        "item, hazard, npc, player",
    ]
    the_map = load_campaign(builder.root).locations["s"].map
    assert the_map is not None
    assert set(the_map.connections) == {"c2", "c3"}  # c1 and old lead nowhere
    assert the_map.connections["c3"].door_type == "airlock"  # letter case is forgiven
    assert the_map.connections["c3"].door_status == "OPEN"
    assert the_map.rooms["a"].status == "OPERATIONAL"


def test_missing_ids_and_positions(builder) -> None:
    station(
        builder,
        {
            "plan": """
            grid: {width: 10, height: 5}
            rooms:
              - {name: no id, x: 0, y: 0, width: 4, height: 4}
              - {id: a, x: 0, y: 0, width: 4, height: 4}
            terminals:
              - {id: t, room: a}
            poi:
              - {id: p, type: item, room: a, position: {x: 1}}
            """
        },
    )
    assert problems(builder) == [
        f"{MAP}/plan.yaml:3: room: missing id",
        f"{MAP}/plan.yaml:6: terminal 't': missing position",
        f"{MAP}/plan.yaml:6: terminal 't': terminal_slug 't' names no terminal in comms/",
        f"{MAP}/plan.yaml:8: point of interest 'p': position needs x and y",
    ]
    terminal = load_campaign(builder.root).locations["s"].map.terminals["t"]  # type: ignore[union-attr]
    assert (terminal.x, terminal.y) == (2.0, 2.0)  # the room's centre


MANIFEST = """
name: S
total_decks: 3
decks:
  - {id: one, name: One, file: one.yaml, level: 1}
  - {id: two, name: Two, file: two.yaml, level: 2}
  - {id: gone, name: Gone, file: gone.yaml, level: 3}
"""


def test_duplicate_ids_across_decks(builder) -> None:
    station(
        builder,
        {
            "one": """
            grid: {width: 10, height: 5}
            rooms:
              - {id: a, x: 0, y: 0, width: 4, height: 4}
              - {id: b, x: 4, y: 0, width: 4, height: 4}
            connections:
              - {id: c, from: a, to: b}
            poi:
              - {id: p, type: item, room: a, position: {x: 1, y: 1}, name: P}
            """,
            "two": """
            grid: {width: 10, height: 5}
            rooms:
              - {id: a, x: 0, y: 0, width: 4, height: 4}
              - {id: z, x: 4, y: 0, width: 4, height: 4}
              - {id: z, x: 8, y: 0, width: 1, height: 1}
            connections:
              - {id: c, from: z, to: z}
            poi:
              - {id: p, type: item, room: z, position: {x: 5, y: 1}, name: P}
            """,
        },
        MANIFEST,
    )
    one = f"{MAP}/one.yaml"
    two = f"{MAP}/two.yaml"
    assert problems(builder) == [
        f"{MAP}/manifest.yaml:6: deck file not found: gone.yaml",
        f"{two}:3: duplicate room id 'a' (first at {one}:3)",
        f"{two}:5: duplicate room id 'z' (first at {two}:4)",
        f"{two}:7: duplicate connection id 'c' (first at {one}:6)",
        f"{two}:9: duplicate point of interest id 'p' (first at {one}:8)",
    ]
    the_map = load_campaign(builder.root).locations["s"].map
    assert the_map is not None
    assert the_map.rooms["a"].deck_id == "one"
    assert [d.id for d in the_map.decks] == ["one", "two"]
    assert [r.id for r in the_map.decks[1].rooms] == ["z"]


def test_manifest_problems(builder) -> None:
    station(
        builder,
        {"one": "grid: {width: 2, height: 2}\n", "stray": "grid: {width: 2, height: 2}\n"},
        """
        name: S
        total_decks: 4
        decks:
          - {id: one, file: one.yaml, level: 1, default: true}
          - {id: one, file: one.yaml}
          - {file: two.yaml}
          - {id: up, file: ../../location.yaml}
        """,
    )
    manifest = f"{MAP}/manifest.yaml"
    assert problems(builder) == [
        f"{manifest}:3: deck file stray.yaml is not listed in decks",
        f"{manifest}:5: deck 'one' is listed twice",
        f"{manifest}:6: deck: missing id",
        f"{manifest}:7: deck 'up': deck file '../../location.yaml' is outside the map folder",
    ]


def test_manifest_total_and_levels(builder) -> None:
    station(
        builder,
        {"a": "grid: {width: 2, height: 2}\n", "b": "grid: {width: 2, height: 2}\n"},
        """
        name: S
        total_decks: 3
        decks:
          - {id: a, file: a.yaml, level: 1, default: true}
          - {id: b, file: b.yaml, level: 1, default: true}
        """,
    )
    manifest = f"{MAP}/manifest.yaml"
    assert problems(builder) == [
        f"{manifest}:2: total_decks is 3 but 2 decks are listed",
        f"{manifest}:5: deck 'b': 'a' is already the default deck",
        f"{manifest}:5: deck 'b': level 1 is also deck 'a'",
    ]
    the_map = load_campaign(builder.root).locations["s"].map
    assert the_map is not None and the_map.default_deck_id == "a"
    assert [d.default for d in the_map.decks] == [True, False]


def test_inter_deck_links_to_unknown_decks_and_rooms(builder) -> None:
    station(
        builder,
        {
            "one": """
            grid: {width: 10, height: 5}
            rooms:
              - {id: a, x: 0, y: 0, width: 4, height: 4}
            inter_deck_connections:
              - {id: l1, from_room: a, to_deck: two, to_room: b, type: ladder, status: OK}
              - {id: l2, from_room: a, to_deck: nine, to_room: b, type: ladder, status: OK}
              - {id: l3, from_room: a, to_deck: two, to_room: ghost, type: ladder, status: OK}
              - {id: l4, from_room: a, to_deck: gone, to_room: x, type: ladder, status: OK}
              - {id: l5, from_room: q, to_deck: two, to_room: b, type: ladder, status: OK}
            """,
            "two": """
            grid: {width: 10, height: 5}
            rooms:
              - {id: b, x: 0, y: 0, width: 4, height: 4}
            """,
        },
        MANIFEST,
    )
    one = f"{MAP}/one.yaml"
    assert problems(builder) == [
        f"{MAP}/manifest.yaml:6: deck file not found: gone.yaml",
        f"{one}:6: inter-deck connection 'l2': to_deck 'nine' is not a deck here",
        f"{one}:7: inter-deck connection 'l3': to_room 'ghost' is not a room of deck 'two'",
        f"{one}:9: inter-deck connection 'l5': from_room 'q' is not a room of deck 'one'",
    ]


def test_several_map_files_without_manifest(builder) -> None:
    station(builder, {"a": "grid: {width: 2, height: 2}\n", "b": "grid: {width: 2, height: 2}\n"})
    assert problems(builder) == [
        f"{MAP}:0: several map files (a.yaml, b.yaml) but no manifest.yaml listing them"
    ]
    the_map = load_campaign(builder.root).locations["s"].map
    assert the_map is not None and [d.id for d in the_map.decks] == ["a", "b"]


def test_rooms_without_grid_and_non_mapping_deck(builder) -> None:
    station(
        builder,
        {"a": "rooms:\n  - {id: r, x: 0, y: 0, width: 1, height: 1}\n", "b": "- 1\n- 2\n"},
        "name: S\ndecks:\n  - {id: a, file: a.yaml}\n  - {id: b, file: b.yaml}\n",
    )
    assert problems(builder) == [
        f"{MAP}/a.yaml:1: rooms without a grid: the deck shows no map until it has one",
        f"{MAP}/b.yaml:1: a deck file must be a mapping of grid, rooms, connections, ...",
    ]
    location = load_campaign(builder.root).locations["s"]
    assert not location.has_map


def test_manifest_without_decks(builder) -> None:
    station(builder, {"a": "grid: {width: 2, height: 2}\n"}, "name: S\n")
    assert problems(builder) == [
        f"{MAP}/manifest.yaml:1: missing decks",
        f"{MAP}/manifest.yaml:1: deck file a.yaml is not listed in decks",
    ]
    assert load_campaign(builder.root).locations["s"].map is None
