"""The table state as rows of the state file: which rows a change touches, and back.

Rows: `meta` (view, ship overrides, ship computer, hold, ...), `loc:<slug>` (reveals, doors,
statuses and the order of its tokens), `tok:<slug>:<id>` (one per token), `broadcasts`,
`cve:<channel>:<id>` (one per ship-computer entry, with its place in the conversation), `disp`
(the displays: settings, targeted content, handouts, pings), `drafts` (the ship computer's
drafts awaiting the GM, every channel's). Each
value is `[revision, payload]` in JSON: the state's revision is the highest of its rows, so a
token move writes a single small row and a question one more. Reading: row_reader.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from operator import attrgetter

import orjson

from desktop.model import codec, display_codec
from desktop.model.state import CharonEntry, LocationState, TableState, changed_tokens
from desktop.storage.row_reader import Loaded, entry_key

log = logging.getLogger(__name__)

Row = tuple[str, bytes]
_meta_parts = attrgetter(  # what the meta row holds (codec.meta_out)
    "view_type",
    "location_slug",
    "portraits",
    "overlay_location",
    "overlay_terminal",
    "ship",
    "charon.mode",
    "charon.dialog_open",
    "charon.location_path",
    "hold",
    "movable_types",
    "unplaced",
    "read_mail",
    "overlay_message",
    "through_doors",
)

_display_parts = attrgetter(*display_codec.DISPLAY_FIELDS)  # what the disp row holds


def _row(key: str, revision: int, payload: object) -> Row:
    return key, orjson.dumps([revision, payload])


class RowWriter:
    """Works out the rows to write (and delete) for each new state, from the last one written."""

    def __init__(self, loaded: Loaded | None = None) -> None:
        self.written = loaded.state if loaded else None
        self._meta_parts: tuple[object, ...] | None = None
        self._pending: tuple[TableState, tuple[object, ...]] | None = None
        self._legacy = list(loaded.legacy) if loaded else []  # rewritten as entry rows
        self._seqs = dict(loaded.entry_seqs) if loaded else {}  # entry key -> its order
        self._next_seq = max(self._seqs.values(), default=0) + 1
        if self._legacy and self.written is not None:
            self.written = replace(
                self.written, charon=replace(self.written.charon, conversations={})
            )

    def changes(self, state: TableState) -> tuple[list[Row], list[str]]:
        """The rows to write for state; the writer moves on to it only at saved()."""
        old, rev = self.written, state.revision
        upserts: list[Row] = []
        deletes: list[str] = []
        if old is None or old.locations is not state.locations:
            old_locations = old.locations if old else {}
            for slug, ls in state.locations.items():
                if old_locations.get(slug) is not ls:
                    _location_rows(slug, old_locations.get(slug), ls, rev, upserts, deletes)
            for slug, gone in old_locations.items():
                if slug not in state.locations:
                    deletes.append(f"loc:{slug}")
                    deletes += [f"tok:{slug}:{t}" for t in gone.tokens]
        if old is None or old.broadcasts is not state.broadcasts:
            upserts.append(_row("broadcasts", rev, codec.broadcasts_out(state.broadcasts)))
        convs = state.charon.conversations
        if old is None or old.charon.conversations is not convs:
            old_convs = old.charon.conversations if old else {}
            for channel, entries in convs.items():
                if old_convs.get(channel) is not entries:
                    self._entry_rows(channel, old_convs.get(channel, ()), entries, rev, upserts)
            for channel, was in old_convs.items():
                kept = {e.id for e in convs.get(channel, ())}
                deletes += [entry_key(channel, e.id) for e in was if e.id not in kept]
        if old is None or old.charon.drafts is not state.charon.drafts:
            upserts.append(_row("drafts", rev, codec.drafts_out(state.charon.drafts)))
        deletes += self._legacy
        if old is None or old.audience_revisions is not state.audience_revisions:
            upserts.append(_row("aud", rev, state.audience_revisions))
        shown = _display_parts(state)
        if old is None or _display_parts(old) != shown:  # identity, then equality
            upserts.append(_row("disp", rev, display_codec.displays_out(state)))
        meta = _meta_parts(state)
        if meta != self._meta_parts or not upserts:  # some row must carry the revision
            upserts.append(_row("meta", rev, codec.meta_out(state)))
        self._pending = (state, meta)
        return upserts, deletes

    def saved(self) -> None:
        """The rows of the last changes() are on disk: later changes start from there."""
        if self._pending is not None:
            self.written, self._meta_parts = self._pending  # meta: identity, then equality
            self._pending = None
            self._legacy = []

    def _entry_rows(
        self,
        channel: str,
        old: tuple[CharonEntry, ...],
        new: tuple[CharonEntry, ...],
        rev: int,
        upserts: list[Row],
    ) -> None:
        """A row per new or changed entry: a question writes one row, whatever came before."""
        before = {e.id: e for e in old}
        for entry in new:
            if before.get(entry.id) is not entry:
                key = entry_key(channel, entry.id)
                seq = self._seqs.get(key)
                if seq is None:  # a new entry comes after every other
                    seq = self._seqs[key] = self._next_seq
                    self._next_seq += 1
                upserts.append(_row(key, rev, [seq, codec.entry_out(entry)]))


def _location_rows(
    slug: str,
    old: LocationState | None,
    new: LocationState,
    rev: int,
    upserts: list[Row],
    deletes: list[str],
) -> None:
    """A location is a row of its own plus one row per token: a move writes one token."""
    if old is not None and old.tokens is not new.tokens:
        changed = changed_tokens(old.tokens, new.tokens)  # the same tokens, in the same order?
    else:
        changed = () if old is not None else None
    same = (
        changed is not None
        and old is not None
        and old.deck_id == new.deck_id
        and old.revealed is new.revealed
        and old.door_status is new.door_status
        and old.room_status is new.room_status
        and old.revealed_pois is new.revealed_pois
        and old.hidden_pois is new.hidden_pois
        and old.hidden_descriptions is new.hidden_descriptions
        and old.marker_names is new.marker_names
        and old.removed_markers is new.removed_markers
    )
    if not same:
        upserts.append(_row(f"loc:{slug}", rev, codec.location_out(new)))
    if changed is None:
        old_tokens = old.tokens if old else {}
        changed = tuple([t for tid, t in new.tokens.items() if old_tokens.get(tid) is not t])
        deletes += [f"tok:{slug}:{t}" for t in old_tokens if t not in new.tokens]
    for token in changed:
        upserts.append(_row(f"tok:{slug}:{token.id}", rev, codec.token_out(token)))
