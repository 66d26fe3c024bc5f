"""Saving from the deck editor updates the GM's files in place: comments, key order and keys
the editor does not know survive an edit; `check` stays clean."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.loader import load_campaign
from desktop.cli import main
from desktop.mapedit.editor import MapEditor
from desktop.mapedit.files import draft_of, save_draft
from desktop.mapimport.importer import import_map
from tests.mapimport.uvtt_files import uvtt, write_uvtt

MANIFEST = """\
# The outpost's decks: the lower one floods in act 2.
name: Outpost Nine
total_decks: 1
decks:
  - id: lower
    name: Lower Deck
    file: lower.yaml
    level: 1
    default: true
    gm_notes: floods in act 2  # keep
"""

DECK = """\
# Lower deck, drawn by hand. Rooms are 3 m cells.
grid:
  width: 12
  height: 8
  unit_size: 40
mood: dripping, cold  # not a key the editor knows
rooms:
  # The pump room is where the Hollow sleeps.
  - id: pumps
    name: Pump Room   # renamed in the editor
    x: 1
    y: 1
    width: 3
    height: 3
    gm_secret: the Hollow sleeps under the grating
  - id: store
    name: Store
    x: 4
    y: 1
    width: 2
    height: 3
connections:
  - id: pumps-store
    from: pumps
    to: store
    door_type: standard
    door_status: LOCKED   # the key is in the store
"""


def _write(campaign: Path) -> Path:
    map_dir = campaign / "galaxy" / "reach" / "outpost" / "map"
    map_dir.mkdir()
    (map_dir / "manifest.yaml").write_text(MANIFEST)
    (map_dir / "lower.yaml").write_text(DECK)
    return map_dir


def test_an_edit_keeps_comments_and_unknown_keys(campaign: Path) -> None:
    map_dir = _write(campaign)
    location = load_campaign(campaign).locations["outpost"]
    editor = MapEditor(draft_of(location))
    editor.rename("lower", "pumps", "Flooded Pumps")
    new_room = editor.paint("lower", [(8, 5), (9, 5), (8, 6)])
    save_draft(editor.draft, map_dir)

    deck = (map_dir / "lower.yaml").read_text()
    for kept in (
        "# Lower deck, drawn by hand. Rooms are 3 m cells.",
        "mood: dripping, cold  # not a key the editor knows",
        "  # The pump room is where the Hollow sleeps.",
        "    gm_secret: the Hollow sleeps under the grating",
        "door_status: LOCKED   # the key is in the store",
        "# renamed in the editor",
    ):
        assert kept in deck
    assert "name: Flooded Pumps" in deck and "Pump Room" not in deck
    assert deck.index("grid:") < deck.index("mood:") < deck.index("rooms:")
    assert f"id: {new_room}" in deck and "[8, 5]" in deck
    manifest = (map_dir / "manifest.yaml").read_text()
    assert manifest.startswith("# The outpost's decks: the lower one floods in act 2.\n")
    assert "gm_notes: floods in act 2  # keep" in manifest

    loaded = load_campaign(campaign)
    assert loaded.problems == ()
    assert draft_of(loaded.locations["outpost"]) == editor.draft
    assert main(["check", str(campaign)]) == 0


def test_an_import_extends_the_manifest_in_place(campaign: Path, tmp_path: Path) -> None:
    map_dir = _write(campaign)
    file = write_uvtt(tmp_path / "cargo_hold.uvtt", uvtt())
    import_map(file, campaign, "outpost")
    manifest = (map_dir / "manifest.yaml").read_text()
    assert manifest.startswith("# The outpost's decks: the lower one floods in act 2.\n")
    assert "gm_notes: floods in act 2  # keep" in manifest
    assert "id: cargo-hold" in manifest and "total_decks: 2" in manifest
    assert load_campaign(campaign).problems == ()
