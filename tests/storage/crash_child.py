"""Run reproducible table activity on a state file, printing each acknowledged revision.

Usage: crash_child.py STATE_FILE CAMPAIGN_DIR SEED COUNT. A revision is printed only after
dispatch returned, i.e. after the state file committed it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.factory import build_campaign, seeded_ids, ticking_clock
from model.sequences import prelude, run, step_for

from desktop.campaign.model import Campaign
from desktop.model.store import Store
from desktop.storage.persistence import StateFile


def activity(store: Store, campaign: Campaign, seed: int, count: int):  # type: ignore[no-untyped-def]
    """Yield after every step: the same steps for the same seed."""
    rng = random.Random(seed)
    for step in prelude(1):
        run(store, step)
    yield
    for _ in range(count):
        run(store, step_for(store.state, campaign, rng.randrange(15), rng.randrange(2**32)))
        yield


def main() -> None:
    state_path, root, seed, count = (
        sys.argv[1],
        Path(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    campaign = build_campaign(root)
    state_file = StateFile(Path(state_path))
    store = Store(campaign, state_file.load(), clock=ticking_clock(), new_id=seeded_ids(seed))
    state_file.attach(store)
    out = sys.stdout
    for _ in activity(store, campaign, seed, count):
        out.write(f"{store.state.revision}\n")
        out.flush()


if __name__ == "__main__":
    main()
