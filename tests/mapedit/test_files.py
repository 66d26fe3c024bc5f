"""An imported deck opened in the editor and saved unchanged reads back the same: its L-shaped
rooms, its doors where their portals were, its picture beside it; `check` stays clean."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.loader import load_campaign
from desktop.cli import main
from desktop.mapedit.files import draft_of, save_draft
from tests.mapimport.uvtt_files import uvtt, write_uvtt


def test_an_imported_deck_survives_the_editor(campaign: Path, tmp_path: Path) -> None:
    file = write_uvtt(tmp_path / "hold.uvtt", uvtt(origin=(2.0, 2.0)))
    assert (
        main(["import-map", str(file), "--campaign", str(campaign), "--location", "outpost"]) == 0
    )
    before = load_campaign(campaign).locations["outpost"]
    assert before.map is not None
    draft = draft_of(before)
    save_draft(draft, campaign / before.path / "map")
    after = load_campaign(campaign)
    assert after.problems == ()
    assert draft_of(after.locations["outpost"]) == draft
    lmap = after.locations["outpost"].map
    assert lmap is not None
    assert [c.position for c in lmap.decks[0].connections] == [
        c.position for c in before.map.decks[0].connections
    ]
    assert lmap.decks[0].background is not None
