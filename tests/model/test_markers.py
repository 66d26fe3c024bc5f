"""The GM renames or removes a marker: players read the new name, a removed one is never sent."""

from __future__ import annotations

import pytest

from desktop.model import actions as A
from desktop.model import codec
from desktop.model.errors import Conflict, InvalidInput, NotFound
from desktop.model.store import Store

from .conftest import open_ship
from .factory import SHIP


def _pois(store: Store) -> dict[str, str]:
    frame = store.player_frame().snapshot["encounter_map"]
    return {p["id"]: p["name"] for p in frame["pois"]}  # type: ignore[index]


def _terminals(store: Store) -> dict[str, str]:
    frame = store.player_frame().snapshot["encounter_map"]
    return {t["id"]: t["name"] for t in frame["terminals"]}  # type: ignore[index]


def test_a_renamed_marker_reaches_players_by_its_new_name(store: Store) -> None:
    open_ship(store, "r-med")
    assert _pois(store) == {"p-kit": "Med Kit"}
    store.dispatch(A.RenameMarker("p-kit", "First aid"))
    assert _pois(store) == {"p-kit": "First aid"}
    assert b'"Med Kit"' not in store.player_frame().data
    store.dispatch(A.RenameMarker("t-med", "Doctor's desk"))
    assert _terminals(store) == {"t-med": "Doctor's desk"}
    assert store.undo_label == "Rename Med Console to Doctor's desk"
    store.dispatch(A.RenameMarker("p-kit", "Med Kit"))  # its own name again: no override
    assert store.state.locations[SHIP].marker_names == {"t-med": "Doctor's desk"}


def test_a_removed_marker_is_never_sent_and_undo_brings_it_back(store: Store) -> None:
    open_ship(store, "r-med")
    store.dispatch(A.RemoveMarker("p-kit"))
    assert _pois(store) == {}
    assert b"Med Kit" not in store.player_frame().data
    gm_pois = store.gm_snapshot()["encounter_map"]["pois"]  # type: ignore[index]
    assert "p-kit" not in [p["id"] for p in gm_pois]
    before = store.state
    assert store.dispatch(A.RemoveMarker("p-kit")) is before
    with pytest.raises(Conflict, match="removed"):
        store.dispatch(A.RenameMarker("p-kit", "x"))
    assert store.undo_label == "Remove Med Kit"
    store.undo()
    assert _pois(store) == {"p-kit": "Med Kit"}
    store.redo()
    assert _pois(store) == {}
    store.dispatch(A.ResetLocation())
    assert _pois(store) == {}  # reset hides the rooms again
    assert store.state.locations[SHIP].removed_markers == frozenset()


def test_refusals_name_the_problem_and_change_nothing(store: Store) -> None:
    open_ship(store)
    before = store.state
    with pytest.raises(NotFound, match="unknown point of interest 'p-none'"):
        store.dispatch(A.RenameMarker("p-none", "x"))
    with pytest.raises(NotFound, match="unknown deck"):
        store.dispatch(A.RemoveMarker("p-kit", deck_id="nowhere"))
    with pytest.raises(InvalidInput, match="'name'"):
        A.RenameMarker.from_body({"poi_id": "p-kit", "name": "   "})
    assert store.state is before


def test_names_and_removals_are_kept_in_the_state_file_format(store: Store) -> None:
    open_ship(store)
    store.dispatch(A.RenameMarker("p-kit", "First aid"))
    store.dispatch(A.RemoveMarker("p-gold"))
    ls = store.state.locations[SHIP]
    back = codec.location_in(codec.location_out(ls), list(ls.tokens.values()))
    assert back == ls
    old = {
        k: v
        for k, v in codec.location_out(ls).items()
        if k not in ("marker_names", "removed_markers")
    }
    assert codec.location_in(old, []).marker_names == {}
