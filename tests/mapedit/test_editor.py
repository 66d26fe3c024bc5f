"""The deck editor's model: edits, their undo and redo, and edits refused with a reason."""

from __future__ import annotations

import pytest

from desktop.mapedit.draft import MapDraft
from desktop.mapedit.editor import EditError, MapEditor


def rect(x: int, y: int, w: int, h: int) -> list[tuple[int, int]]:
    return [(cx, cy) for cx in range(x, x + w) for cy in range(y, y + h)]


def test_edits_undo_and_redo() -> None:
    editor = MapEditor(MapDraft("Tug"))
    deck = editor.add_deck("Lower", 10, 6)
    a = editor.paint(deck, rect(0, 0, 3, 3))
    b = editor.paint(deck, rect(3, 0, 3, 3))
    door = editor.connect(deck, a, b)
    marker = editor.mark(deck, (1, 1), "Cache", hidden=True)
    editor.move_room(deck, b, 0, 2)
    assert editor.draft.deck(deck).room(b).cells == frozenset(rect(3, 2, 3, 3))  # type: ignore[union-attr]
    before = editor.draft
    editor.delete(deck, a)  # its door and marker go with it
    assert [d.id for d in editor.draft.deck(deck).doors] == []
    assert [m.id for m in editor.draft.deck(deck).markers] == []
    assert editor.undo() and editor.draft == before
    assert editor.redo() and editor.draft.deck(deck).room(a) is None
    assert {door, marker} <= before.ids()


def test_refused_edits_say_why_and_change_nothing() -> None:
    editor = MapEditor(MapDraft("Tug"))
    deck = editor.add_deck("Lower", 10, 6)
    a = editor.paint(deck, rect(0, 0, 2, 2))
    b = editor.paint(deck, rect(4, 0, 2, 2))
    before = editor.draft
    with pytest.raises(EditError, match="would cover another room"):
        editor.move_room(deck, a, 3, 0)
    with pytest.raises(EditError, match="would leave the deck"):
        editor.move_room(deck, b, 5, 0)
    with pytest.raises(EditError, match="a marker goes in a room"):
        editor.mark(deck, (9, 5), "Nothing here")
    with pytest.raises(EditError, match="another deck"):
        editor.link(deck, a, deck, b)
    with pytest.raises(EditError, match="level 1 already has a deck"):
        editor.add_deck("Again", 4, 4, level=1)
    assert editor.draft == before


def test_a_ladder_goes_when_its_far_room_goes() -> None:
    editor = MapEditor(MapDraft("Tug"))
    lower, upper = editor.add_deck("Lower", 6, 6), editor.add_deck("Upper", 6, 6)
    a = editor.paint(lower, rect(0, 0, 2, 2))
    b = editor.paint(upper, rect(0, 0, 2, 2))
    editor.link(lower, a, upper, b, "lift")
    editor.erase(upper, rect(0, 0, 2, 2))
    assert editor.draft.deck(lower).links == ()
