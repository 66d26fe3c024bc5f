"""Storage test fixtures: the model's object-built campaign, and a store on a state file."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.model import Campaign
from desktop.model.store import Store
from desktop.storage.persistence import StateFile
from tests.model.conftest import campaign, make_store

__all__ = ["campaign", "open_table"]


def open_table(path: Path, campaign: Campaign) -> tuple[StateFile, Store]:
    """A store on the state file at path (the table it holds, else a fresh one), attached."""
    state_file = StateFile(path)
    store = make_store(campaign, validate=False, state=state_file.load())
    state_file.attach(store)
    return state_file, store
