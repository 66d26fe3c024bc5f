"""GM map labels kept apart as the displays keep them: a token's name as wide as its row leaves
it; marker names moved (above their glyph, or down a line at a time) until none covers another
name or another marker's glyph."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF

from desktop.ui.map.items.marker import MarkerItem
from desktop.ui.map.items.token import TokenItem
from desktop.ui.map.picture.shapes import CELL

MAX_LABEL_CELLS = 4.0  # a lone token's name may take this many cells
LABEL_GAP = 0.25  # cells kept free between two names on a row


def spread_token_labels(tokens: Mapping[str, TokenItem]) -> None:
    """Each token's name may take half the way to the next token on its row, either side."""
    rows: dict[int, list[int]] = {}
    for item in tokens.values():
        rows.setdefault(item.shape_data.y, []).append(item.shape_data.x)
    for item in tokens.values():
        x = item.shape_data.x
        apart = [abs(o - x) for o in rows[item.shape_data.y] if o != x]
        room = min([*apart, MAX_LABEL_CELLS])
        item.set_label_width((room - LABEL_GAP) * CELL)


def separate_marker_labels(
    markers: Mapping[str, MarkerItem], tokens: Mapping[str, TokenItem]
) -> None:
    """Marker names moved until none covers another name, another marker's glyph or a token
    (its disc and its name)."""
    items = sorted(markers.values(), key=lambda m: (m.pos().y(), m.pos().x()))
    glyphs: list[tuple[MarkerItem | None, QRectF]] = [
        (m, m.mapRectToScene(m.glyph_rect())) for m in items
    ]
    for t in tokens.values():
        glyphs += [
            (None, t.mapRectToScene(t.disc_rect())),
            (None, t.mapRectToScene(t.label_rect())),
        ]
    placed: list[QRectF] = []
    for item in items:
        item.set_label_shift(0.0)
        base = item.mapRectToScene(item.label_rect())
        line = base.height() + 1
        above = -(base.top() - item.pos().y()) - item.glyph_rect().height() / 2 - base.height()
        shifts = [0.0, above, *(n * line for n in (1, 2, 3, 4)), above - line, above - 2 * line]
        boxes = [(shift, base.translated(QPointF(0, shift))) for shift in shifts]
        apart = [(s, b) for s, b in boxes if not any(b.intersects(p) for p in placed)]
        clear = [
            (s, b)
            for s, b in apart
            if not any(g is not item and b.intersects(r) for g, r in glyphs)
        ]
        # Clear of everything; else at least of every other name (a name may lie over a
        # token's disc before it lies over another name); else the last place tried.
        shift, box = (clear or apart or boxes)[0 if clear or apart else -1]
        item.set_label_shift(shift)
        placed.append(box)
