"""The rows of a table state and back, without a database: RowWriter and read_rows agree."""

from __future__ import annotations

import random

import orjson
import pytest

from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.store import Store
from desktop.storage.row_reader import read_rows
from desktop.storage.state_rows import RowWriter
from tests.model.factory import seeded_ids, ticking_clock
from tests.model.sequences import prelude, run, step_for


def _write(writer: RowWriter, rows: dict[str, bytes], store: Store) -> tuple[int, int]:
    upserts, deletes = writer.changes(store.state)
    for key in deletes:
        rows.pop(key, None)
    rows.update(upserts)
    writer.saved()
    return len(upserts), len(deletes)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_state_of_a_busy_evening_reads_back_from_its_rows(
    campaign: Campaign, seed: int
) -> None:
    store = Store(campaign, clock=ticking_clock(), new_id=seeded_ids(seed))
    writer, rows = RowWriter(), {}
    rng = random.Random(seed)
    for step in prelude(1):
        run(store, step)
    for _ in range(300):
        run(store, step_for(store.state, campaign, rng.randrange(15), rng.randrange(2**32)))
        _write(writer, rows, store)
        loaded = read_rows(dict(rows))
        assert loaded.bad == {}
        assert loaded.state == store.state


def test_a_token_move_writes_one_row_and_a_removal_deletes_one(campaign: Campaign) -> None:
    store = Store(campaign, clock=ticking_clock(), new_id=seeded_ids(1))
    writer, rows = RowWriter(), {}
    for step in prelude(1):
        run(store, step)
    _write(writer, rows, store)
    token_id = next(iter(store.state.locations[store.state.location_slug].tokens))
    store.dispatch(A.MoveToken(token_id, 1, 2))
    upserts, deletes = writer.changes(store.state)
    assert [key for key, _ in upserts] == [f"tok:{store.state.location_slug}:{token_id}"]
    assert deletes == []
    writer.saved()
    store.dispatch(A.RemoveToken(token_id))
    upserts, deletes = writer.changes(store.state)
    assert f"tok:{store.state.location_slug}:{token_id}" in deletes


def test_an_unreadable_row_is_named_and_the_others_are_kept(campaign: Campaign) -> None:
    store = Store(campaign, clock=ticking_clock(), new_id=seeded_ids(1))
    writer, rows = RowWriter(), {}
    for step in prelude(1):
        run(store, step)
    store.dispatch(A.SendBroadcast("Hull breach"))
    _write(writer, rows, store)
    rows["broadcasts"] = b"[1, {not json"
    loaded = read_rows(rows)
    assert set(loaded.bad) == {"broadcasts"}
    assert loaded.state is not None
    assert loaded.state.broadcasts == ()
    assert loaded.state.locations == store.state.locations
    assert orjson.loads(rows["meta"])[0] <= loaded.state.revision
