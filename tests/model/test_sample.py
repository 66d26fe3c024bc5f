"""The built-in sample campaign through the store: random activity keeps every rule."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.state import TOKEN_STATUSES, TOKEN_TYPES, TableState
from desktop.model.store import Store

from .conftest import check_gm, check_player, make_store
from .sequences import Step, run
from .test_properties import check_secrets, check_tokens


class Sample:
    """The sample campaign, with a short repr for hypothesis' reports."""

    def __init__(self) -> None:
        self.campaign = load_campaign(sample_campaign_path())
        self.mapped = [loc.slug for loc in self.campaign.locations.values() if loc.has_map]

    def __repr__(self) -> str:
        return "Sample()"


@pytest.fixture(scope="module")
def sample() -> Sample:
    return Sample()


def test_the_sample_loads_without_problems(sample: Sample) -> None:
    assert sample.campaign.problems == ()
    assert len(sample.mapped) >= 2


def _step(sample: Sample, state: TableState, kind: int, seed: int) -> Step:
    r = random.Random(seed)
    campaign: Campaign = sample.campaign
    slug = state.location_slug if state.location_slug and r.random() < 0.8 else ""
    slug = slug or r.choice(sample.mapped)
    lmap = campaign.locations[slug].map
    assert lmap is not None
    deck = r.choice(lmap.decks)
    room = r.choice(deck.rooms)
    cell = (r.randrange(room.x, room.x + room.width), r.randrange(room.y, room.y + room.height))
    tokens = [t for ls in state.locations.values() for t in ls.tokens.values()]
    tid = r.choice(tokens).id if tokens else "none"
    choices: list[Step] = [
        (A.SwitchView(r.choice(["ENCOUNTER", "ENCOUNTER", "BRIDGE", "STANDBY"]), slug), "gm"),
        (A.SwitchLevel(deck.id, None, slug), "gm"),
        (A.ToggleRoom(room.id, r.random() < 0.7, location_slug=slug), "gm"),
        (A.PlaceToken(r.choice(TOKEN_TYPES), "Tok", *cell, "", slug, deck.id), "gm"),
        (A.MoveToken(tid, *cell), r.choice(["gm", "player"])),
        (A.UpdateTokenStatus(tid, tuple(s for s in TOKEN_STATUSES if r.random() < 0.3)), "gm"),
        (A.TogglePortrait(r.choice(list(campaign.npcs))), "gm"),
        (A.SetHold(r.random() < 0.3), "gm"),
        ("undo", "gm"),
    ]
    doors = [c.id for c in deck.connections if c.has_door]
    if doors:
        choices.append((A.SetDoorStatus(r.choice(doors), "OPEN", location_slug=slug), "gm"))
    hidden = [p.id for p in (*deck.pois, *deck.terminals) if p.hidden]
    if hidden:
        choices.append((A.TogglePoi(r.choice(hidden), None, location_slug=slug), "gm"))
    return choices[kind % len(choices)]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 2**32)), min_size=1, max_size=50))
def test_random_activity_on_the_sample(sample: Sample, steps: list[tuple[int, int]]) -> None:
    store: Store = make_store(sample.campaign, validate=False)
    shown: dict[int, TableState] = {}  # a frame's revision -> the state it shows
    for index, (kind, seed) in enumerate(steps):
        before = store.state
        if not run(store, _step(sample, before, kind, seed)):
            assert store.state is before
        after = store.state
        assert after.revision - before.revision in (0, 1)
        frame = store.player_frame()
        shown.setdefault(frame.revision, before if after.hold and not before.hold else after)
        check_tokens(after, sample.campaign)
        check_secrets(shown[frame.revision], sample.campaign, frame.data.decode(), names=False)
        if index % 10 == 9:
            check_player(frame.snapshot)
            check_gm(store.gm_snapshot())
