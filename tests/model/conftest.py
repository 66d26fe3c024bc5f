"""Model test fixtures: the object-built campaign, seeded stores, snapshot schema checks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from desktop.campaign.model import Campaign
from desktop.model.actions import PlaceToken, SwitchView, ToggleRoom
from desktop.model.state import Token
from desktop.model.store import VIEWS, Store

from .factory import SHIP, build_campaign, seeded_ids, ticking_clock

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "snapshot.schema.json"
_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
PLAYER_VALIDATOR = jsonschema.Draft202012Validator(
    {"$ref": "#/$defs/player_snapshot", "$defs": _SCHEMA["$defs"]}
)
GM_VALIDATOR = jsonschema.Draft202012Validator(
    {"$ref": "#/$defs/gm_snapshot", "$defs": _SCHEMA["$defs"]}
)


def check_player(snapshot: Any) -> None:
    """Fail the test when a player snapshot does not follow docs/snapshot.schema.json."""
    PLAYER_VALIDATOR.validate(json.loads(json.dumps(snapshot)))


def check_gm(snapshot: Any) -> None:
    GM_VALIDATOR.validate(json.loads(json.dumps(snapshot)))


def make_store(campaign: Campaign, seed: int = 1, validate: bool = True, **kwargs: Any) -> Store:
    """A store with seeded ids and clock; validates both snapshots after every change."""
    store = Store(campaign, clock=ticking_clock(), new_id=seeded_ids(seed), **kwargs)
    if validate:

        def check(_state: object) -> None:
            check_player(store.player_frame().snapshot)
            check_gm(store.gm_snapshot())

        store.subscribe(check, VIEWS)
        check_player(store.player_frame().snapshot)
    return store


@pytest.fixture(scope="session")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    return build_campaign(tmp_path_factory.mktemp("campaign"))


@pytest.fixture
def store(campaign: Campaign) -> Iterator[Store]:
    yield make_store(campaign)


def open_ship(store: Store, *rooms: str) -> None:
    """Show the two-deck ship in ENCOUNTER and reveal the given rooms."""
    store.dispatch(SwitchView("ENCOUNTER", SHIP))
    for room in rooms:
        store.dispatch(ToggleRoom(room, True))


def place(
    store: Store, x: int, y: int, kind: str = "player", name: str = "Reyes", **kw: Any
) -> str:
    """Place a token as the GM; its id."""
    store.dispatch(PlaceToken(kind, name, x, y, **kw))
    token_id = store.last_reply["token_id"]
    assert isinstance(token_id, str)
    return token_id


def token(store: Store, token_id: str, slug: str = SHIP) -> Token:
    return store.state.locations[slug].tokens[token_id]
