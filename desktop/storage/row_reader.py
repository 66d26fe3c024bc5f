"""The state file's rows back into a table state, row by row: one damaged row loses one row.

A row that cannot be read (bad JSON, a value of the wrong kind) is skipped and named in
`Loaded.bad`; everything else is kept. Tokens whose location row is unreadable keep their
place in a location with default reveals (reconcile gives it the map's default deck).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import orjson

from desktop.model import codec, display_codec
from desktop.model.state import CharonEntry, LocationState, TableState, Token, with_revision

UNREADABLE = (ValueError, KeyError, TypeError, IndexError, AttributeError)
ENTRY_PREFIX = "cve:"  # cve:<channel>:<entry id> -> [revision, [seq, entry]]
LEGACY_CONVERSATION = "conv:"  # conv:<channel> -> [revision, [entry, ...]] (older files)


def entry_key(channel: str, entry_id: str) -> str:
    return f"{ENTRY_PREFIX}{channel}:{entry_id}"


@dataclass
class Loaded:
    """What the rows hold: the state (None for a new file) and what could not be read."""

    state: TableState | None
    bad: dict[str, str] = field(default_factory=dict)  # row key -> why it was skipped
    legacy: list[str] = field(default_factory=list)  # rows of an older layout, to rewrite
    entry_seqs: dict[str, int] = field(default_factory=dict)  # entry key -> its order


def _why(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def read_rows(rows: dict[Any, Any]) -> Loaded:
    """The table state in rows (key -> JSON value), skipping what cannot be read."""
    loaded = Loaded(None)
    decoded: dict[str, Any] = {}
    revision = 0
    for key, value in rows.items():
        try:
            row_revision, decoded[str(key)] = orjson.loads(value)
            revision = max(revision, codec.whole_number(row_revision))
        except UNREADABLE as exc:
            decoded.pop(str(key), None)
            loaded.bad[str(key)] = _why(exc)
    if not decoded and "meta" not in loaded.bad:
        return loaded
    locations = _locations(decoded, loaded.bad)
    conversations = _conversations(decoded, loaded)
    broadcasts = _part(decoded, "broadcasts", codec.broadcasts_in, (), loaded.bad)
    audiences = _part(decoded, "aud", codec.audiences_in, {}, loaded.bad)
    default_meta = codec.meta_out(TableState())
    meta = decoded.get("meta", default_meta)
    try:
        state = codec.state_in(meta, revision, locations, broadcasts, conversations)
    except UNREADABLE as exc:
        loaded.bad["meta"] = _why(exc)
        state = codec.state_in(default_meta, revision, locations, broadcasts, conversations)
    drafts = _part(decoded, "drafts", codec.drafts_in, {}, loaded.bad)
    if drafts:
        state = replace(state, charon=replace(state.charon, drafts=drafts))
    shown = _part(decoded, "disp", display_codec.displays_in, {}, loaded.bad)
    loaded.state = with_revision(replace(state, **shown), revision, audiences)
    return loaded


def _part(decoded: dict[str, Any], key: str, read: Any, default: Any, bad: dict[str, str]) -> Any:
    if key not in decoded:
        return default
    try:
        return read(decoded[key])
    except UNREADABLE as exc:
        bad[key] = _why(exc)
        return default


def _locations(decoded: dict[str, Any], bad: dict[str, str]) -> dict[str, LocationState]:
    tokens: dict[str, dict[str, Token]] = {}
    for key, value in decoded.items():
        if key.startswith("tok:"):
            try:
                token = codec.token_in(value)
            except UNREADABLE as exc:
                bad[key] = _why(exc)
                continue
            tokens.setdefault(key[4:].rsplit(":", 1)[0], {})[token.id] = token
    locations: dict[str, LocationState] = {}
    for key, value in decoded.items():
        if key.startswith("loc:"):
            slug = key[4:]
            mine = tokens.pop(slug, {})
            try:
                order = [mine.pop(t) for t in codec.texts(value["order"]) if t in mine]
                locations[slug] = codec.location_in(value, [*order, *mine.values()])
            except UNREADABLE as exc:
                bad[key] = _why(exc)
                locations[slug] = LocationState("", tokens=mine)
    for slug, mine in tokens.items():  # token rows whose location row is missing
        locations[slug] = LocationState("", tokens=mine)
    return locations


def _conversations(decoded: dict[str, Any], loaded: Loaded) -> dict[str, tuple[CharonEntry, ...]]:
    found: dict[str, list[tuple[int, CharonEntry]]] = {}
    for key, value in decoded.items():
        if key.startswith(LEGACY_CONVERSATION):
            loaded.legacy.append(key)
            entries = _part(decoded, key, codec.entries_in, (), loaded.bad)
            found.setdefault(key[len(LEGACY_CONVERSATION) :], []).extend(
                (-len(entries) + n, e) for n, e in enumerate(entries)
            )
        elif key.startswith(ENTRY_PREFIX):
            try:
                seq, data = value
                entry = codec.entry_in(data)
                loaded.entry_seqs[key] = codec.whole_number(seq)
            except UNREADABLE as exc:
                loaded.bad[key] = _why(exc)
                continue
            channel = key[len(ENTRY_PREFIX) :].rsplit(":", 1)[0]
            found.setdefault(channel, []).append((loaded.entry_seqs[key], entry))
    return {
        channel: tuple(e for _seq, e in sorted(items, key=lambda item: item[0]))
        for channel, items in found.items()
    }
