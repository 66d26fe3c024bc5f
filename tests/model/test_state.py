"""The fast copies of the hot paths are exactly dataclasses.replace."""

from __future__ import annotations

from dataclasses import replace

from desktop.model.state import (
    Broadcast,
    CharonState,
    LocationState,
    SystemOverride,
    TableState,
    Token,
    changed_tokens,
    with_cell,
    with_locations,
    with_revision,
    with_tokens,
)

TOKEN = Token("t1", "npc", "Kade", 3, 4, "upper", "r-med", ("wounded",), "npc:kade")
PLACE = LocationState(
    "upper", frozenset({"r-med"}), {"c-1": "LOCKED"}, {"r-med": "HAZARD"}, frozenset({"p"}), {}
)
STATE = TableState(
    revision=7,
    view_type="ENCOUNTER",
    location_slug="ship",
    locations={"ship": PLACE},
    portraits=("kade",),
    overlay_location="ship",
    overlay_terminal="med-term",
    ship={"engines": SystemOverride("DAMAGED", 10, "Fire")},
    broadcasts=(Broadcast("b1", "Hi", "HQ", "LOW", 1.0),),
    charon=CharonState("QUERY", True, "ship", {}),
    hold=True,
    movable_types=("player", "npc"),
    unplaced=(("ship", TOKEN),),
)


def test_fast_copies_change_only_what_they_name() -> None:
    assert with_revision(STATE, 8) == replace(STATE, revision=8)
    other = {"derelict": PLACE}
    assert with_locations(STATE, other) == replace(STATE, locations=other)
    tokens = {"t1": TOKEN}
    assert with_tokens(PLACE, tokens) == replace(PLACE, tokens=tokens)
    moved = replace(TOKEN, x=5, y=6, deck_id="lower", room_id="r-eng")
    assert with_cell(TOKEN, 5, 6, "lower", "r-eng") == moved


def test_changed_tokens_only_for_the_same_tokens_in_the_same_order() -> None:
    other = replace(TOKEN, id="t2", name="Vale")
    moved = with_cell(TOKEN, 1, 1, "upper", "r-med")
    before = {"t1": TOKEN, "t2": other}
    assert changed_tokens(before, {"t1": moved, "t2": other}) == (moved,)
    assert changed_tokens(before, dict(before)) == ()
    assert changed_tokens(before, {"t2": other, "t1": TOKEN}) is None
    assert changed_tokens(before, {"t1": TOKEN}) is None
