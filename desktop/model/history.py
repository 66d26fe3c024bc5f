"""Undo and redo as changes: a patch lists what a GM change altered, item by item.

Undo sets each item back to its value before the change, as a new change. An item that
something else changed since (a player moved the token, say) is left alone if it already has
the old value, and otherwise makes the whole undo impossible (Conflict).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any

from desktop.campaign.model import Campaign
from desktop.model.actions.places import fresh_location_state
from desktop.model.errors import Conflict
from desktop.model.state import LocationState, TableState, Token, changed_tokens
from desktop.model.warden import WARDEN_MAPS, WARDEN_VALUES, WardenState

Key = tuple[str, ...]
Change = tuple[Key, object, object]  # key, value before, value after

_TOP: tuple[str, ...] = ("view_type", "location_slug", "portraits", "broadcasts", "hold")
_TOP += ("movable_types", "unplaced", "overlay_location", "overlay_terminal", "read_mail")
_TOP += ("through_doors", "gauges", "overlay_message", "star")
_TOP += ("displays", "handouts")
_top = attrgetter(*_TOP)
_TOP_MAPS: tuple[str, ...] = ("targets",)  # mappings undone key by key
_CHARON = ("mode", "dialog_open", "location_path")
_LOC_SETS = {
    "room": "revealed",
    "poi": "revealed_pois",
    "poih": "hidden_pois",
    "desc": "hidden_descriptions",
    "mgone": "removed_markers",
}
_LOC_MAPS = {"door": "door_status", "rstat": "room_status", "mname": "marker_names"}


@dataclass(frozen=True, slots=True)
class Patch:
    """One GM change: its label and its changes."""

    label: str
    changes: tuple[Change, ...]


def _dict_diff(key: Key, before: Mapping[str, object], after: Mapping[str, object]) -> list[Change]:
    """Changes of a mapping, each under key + (its key,)."""
    if before is after:
        return []
    return [
        ((*key, k), old, new)
        for k in sorted(before.keys() | after.keys())  # one order whatever the hash seed
        if (old := before.get(k)) is not (new := after.get(k)) and old != new
    ]


def _set_diff(key: Key, before: frozenset[str], after: frozenset[str]) -> list[Change]:
    """Changes of a set, each under key + (its item,): True when in the set."""
    if before is after:
        return []
    return [((*key, item), item in before, item in after) for item in before ^ after]


def _token_diff(slug: str, old: dict[str, Token], new: dict[str, Token]) -> list[Change]:
    changed = changed_tokens(old, new)  # the same tokens in the same order: only look at those
    if changed is None:
        return _dict_diff(("tok", slug), old, new)
    return [(("tok", slug, t.id), was, t) for t in changed if (was := old[t.id]) != t]


def _loc_diff(slug: str, old: LocationState, new: LocationState) -> list[Change]:
    changes: list[Change] = []
    if old.deck_id != new.deck_id:
        changes.append((("deck", slug), old.deck_id, new.deck_id))
    for kind, name in _LOC_SETS.items():
        before, after = getattr(old, name), getattr(new, name)
        if before is not after:
            changes += _set_diff((kind, slug), before, after)
    if old.door_status is not new.door_status:
        changes += _dict_diff(("door", slug), old.door_status, new.door_status)
    if old.room_status is not new.room_status:
        changes += _dict_diff(("rstat", slug), old.room_status, new.room_status)
    if old.tokens is not new.tokens:
        changes += _token_diff(slug, old.tokens, new.tokens)
    if old.marker_names is not new.marker_names:
        changes += _dict_diff(("mname", slug), old.marker_names, new.marker_names)
    return changes


def diff(before: TableState, after: TableState, campaign: Campaign) -> tuple[Change, ...]:
    """Every item that differs between two states (the revision aside)."""
    changes: list[Change] = []
    olds, news = _top(before), _top(after)
    if olds != news:  # item by item: identity first, then equality
        for name, old, new in zip(_TOP, olds, news, strict=True):
            if old is not new and old != new:
                changes.append(((name,), old, new))
    if before.charon is not after.charon:
        for name in _CHARON:
            old, new = getattr(before.charon, name), getattr(after.charon, name)
            if old != new:
                changes.append((("charon", name), old, new))
        bc, ac = before.charon.conversations, after.charon.conversations
        changes += _dict_diff(("conv",), bc, ac)
        changes += _dict_diff(("drft",), before.charon.drafts, after.charon.drafts)
    if before.ship is not after.ship:
        changes += _dict_diff(("sys",), before.ship, after.ship)
    for name in _TOP_MAPS:
        changes += _dict_diff((name,), getattr(before, name), getattr(after, name))
    if before.warden is not after.warden:
        changes += _warden_diff(before.warden, after.warden)
    if before.locations is not after.locations:
        for slug in before.locations.keys() | after.locations.keys():
            old_ls, new_ls = before.locations.get(slug), after.locations.get(slug)
            if old_ls is new_ls:
                continue
            if (old_ls is None) != (new_ls is None):
                changes.append((("locx", slug), old_ls is not None, new_ls is not None))
            old_ls = old_ls or _fresh(campaign, slug)
            new_ls = new_ls or _fresh(campaign, slug)
            changes += _loc_diff(slug, old_ls, new_ls)
    return tuple(changes)


def _warden_diff(before: WardenState, after: WardenState) -> list[Change]:
    """Timers, atmosphere and conditions item by item; alerts and the shown roll whole."""
    changes: list[Change] = []
    for name in WARDEN_MAPS:
        changes += _dict_diff(("w", name), getattr(before, name), getattr(after, name))
    for name in WARDEN_VALUES:
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            changes.append((("w", name), old, new))
    return changes


def _fresh(campaign: Campaign, slug: str) -> LocationState:
    location = campaign.location(slug)
    return fresh_location_state(location) if location else LocationState(deck_id="")


_GROUPS = (("x", "y", "deck_id", "room_id"), ("type", "name", "image"), ("statuses",))


def _group(token: Token, names: tuple[str, ...]) -> tuple[object, ...]:
    return tuple(getattr(token, n) for n in names)


def _token(value: object) -> Token | None:
    assert value is None or isinstance(value, Token)
    return value


def revert_token(current: Token | None, target: Token | None, expected: Token | None) -> object:
    """The token after setting it from `expected` to `target`, where it is `current` now."""
    if expected is None:  # it did not exist: re-create it unless it exists again
        return current if current is not None else target
    if target is None:  # it was created: remove it, wherever it went since
        return None
    if current is None:
        raise Conflict(f"token '{target.name}' was removed since")
    result = current
    for names in _GROUPS:
        want, was, now = _group(target, names), _group(expected, names), _group(current, names)
        if want == was or now == want:
            continue
        if now != was:
            raise Conflict(f"token '{target.name}' changed since")
        changes: dict[str, Any] = dict(zip(names, want, strict=True))
        result = replace(result, **changes)
    return result


def _describe(key: Key) -> str:
    names = {"room": "room", "door": "door", "rstat": "room status", "poi": "point of interest"}
    names |= {"poih": "point of interest", "desc": "description of room"}
    names |= {"mname": "marker", "mgone": "marker"}
    if key[0] in names:
        return f"{names[key[0]]} '{key[2]}'"
    if key[0] == "conv":
        return f"the {key[1]} conversation"
    if key[0] == "drft":
        return f"the {key[1]} drafts"
    if key[0] == "locx":
        return f"location '{key[1]}'"
    if key[0] == "w":
        return " ".join(key[1:]).replace("_", " ")
    if key[0] == "sys":
        return f"ship system '{key[1]}'"
    return " ".join(key).replace("_", " ")


def apply_patch(state: TableState, patch: Patch, undo: bool, campaign: Campaign) -> TableState:
    """state with the patch undone (or redone); the same object when nothing is left to do."""
    work = _Work(state, campaign)
    for key, before, after in patch.changes:
        target, expected = (before, after) if undo else (after, before)
        current = work.get(key)
        if key[0] == "tok":
            new = revert_token(_token(current), _token(target), _token(expected))
            if new is not current:
                work.set(key, new)
        elif current == expected:
            work.set(key, target)
        elif current != target:
            raise Conflict(f"{_describe(key)} changed since")
    return work.build()


@dataclass(slots=True)
class _LocWork:
    """A mutable copy of one location's state."""

    deck_id: str
    revealed: set[str]
    revealed_pois: set[str]
    door_status: dict[str, str]
    room_status: dict[str, str]
    tokens: dict[str, Token]
    hidden_pois: set[str]
    hidden_descriptions: set[str]
    marker_names: dict[str, str]
    removed_markers: set[str]

    def freeze(self) -> LocationState:
        _check_cells(self.tokens)
        return LocationState(
            self.deck_id,
            frozenset(self.revealed),
            self.door_status,
            self.room_status,
            frozenset(self.revealed_pois),
            self.tokens,
            frozenset(self.hidden_pois),
            frozenset(self.hidden_descriptions),
            self.marker_names,
            frozenset(self.removed_markers),
        )


class _Work:
    """Working copies of the parts of a state an undo touches."""

    def __init__(self, state: TableState, campaign: Campaign) -> None:
        self.state = state
        self.campaign = campaign
        self.top: dict[str, Any] = {}
        self.charon: dict[str, Any] = {}
        self.convs: dict[str, Any] | None = None
        self.drafts: dict[str, Any] | None = None
        self.ship: dict[str, Any] | None = None
        self.locs: dict[str, _LocWork] = {}
        self.exists: dict[str, bool] = {}
        self.warden: dict[str, Any] = {}
        self.top_maps: dict[str, Any] = {}

    def _loc(self, slug: str) -> _LocWork:
        if slug not in self.locs:
            ls = self.state.locations.get(slug) or _fresh(self.campaign, slug)
            self.locs[slug] = _LocWork(
                ls.deck_id,
                set(ls.revealed),
                set(ls.revealed_pois),
                dict(ls.door_status),
                dict(ls.room_status),
                dict(ls.tokens),
                set(ls.hidden_pois),
                set(ls.hidden_descriptions),
                dict(ls.marker_names),
                set(ls.removed_markers),
            )
        return self.locs[slug]

    def _mapping(self, key: Key) -> dict[str, Any]:
        if key[0] in _TOP_MAPS:
            if key[0] not in self.top_maps:
                self.top_maps[key[0]] = dict(getattr(self.state, key[0]))
            mapping: dict[str, Any] = self.top_maps[key[0]]
            return mapping
        if key[0] == "w":
            if key[1] not in self.warden:
                self.warden[key[1]] = dict(getattr(self.state.warden, key[1]))
            layer: dict[str, Any] = self.warden[key[1]]
            return layer
        if key[0] == "conv":
            if self.convs is None:
                self.convs = dict(self.state.charon.conversations)
            return self.convs
        if key[0] == "drft":
            if self.drafts is None:
                self.drafts = dict(self.state.charon.drafts)
            return self.drafts
        if key[0] == "sys":
            if self.ship is None:
                self.ship = dict(self.state.ship)
            return self.ship
        loc = self._loc(key[1])
        found: dict[str, Any] = getattr(loc, _LOC_MAPS.get(key[0], "tokens"))
        return found

    def _set_of(self, key: Key) -> set[str]:
        found: set[str] = getattr(self._loc(key[1]), _LOC_SETS[key[0]])
        return found

    def get(self, key: Key) -> object:
        kind = key[0]
        if kind in _TOP:
            return self.top.get(kind, getattr(self.state, kind))
        if kind == "charon":
            return self.charon.get(key[1], getattr(self.state.charon, key[1]))
        if kind == "locx":
            return self.exists.get(key[1], key[1] in self.state.locations)
        if kind == "deck":
            return self._loc(key[1]).deck_id
        if kind == "w" and len(key) == 2:
            return self.warden.get(key[1], getattr(self.state.warden, key[1]))
        if kind in _LOC_SETS:
            return key[2] in self._set_of(key)
        return self._mapping(key).get(key[-1])

    def set(self, key: Key, value: Any) -> None:
        kind = key[0]
        if kind in _TOP:
            self.top[kind] = value
        elif kind == "charon":
            self.charon[key[1]] = value
        elif kind == "locx":
            self.exists[key[1]] = value
        elif kind == "deck":
            self._loc(key[1]).deck_id = value
        elif kind == "w" and len(key) == 2:
            self.warden[key[1]] = value
        elif kind in _LOC_SETS:
            items = self._set_of(key)
            (items.add if value else items.discard)(key[2])
        elif value is None:
            self._mapping(key).pop(key[-1], None)
        else:
            self._mapping(key)[key[-1]] = value

    def build(self) -> TableState:
        state = self.state
        if self.top:
            state = replace(state, **self.top)
        if self.charon or self.convs is not None or self.drafts is not None:
            convs = self.convs if self.convs is not None else state.charon.conversations
            drafts = self.drafts if self.drafts is not None else state.charon.drafts
            charon = replace(state.charon, conversations=convs, drafts=drafts, **self.charon)
            state = replace(state, charon=charon)
        if self.ship is not None:
            state = replace(state, ship=self.ship)
        if self.warden:
            state = replace(state, warden=replace(state.warden, **self.warden))
        if self.top_maps:
            state = replace(state, **self.top_maps)
        if self.locs or self.exists:
            locations = dict(state.locations)
            for slug, loc in self.locs.items():
                locations[slug] = loc.freeze()
            for slug, exists in self.exists.items():
                if not exists:
                    gone = locations.pop(slug, None)
                    if gone is not None and gone != _fresh(self.campaign, slug):
                        raise Conflict(f"location '{slug}' changed since")
                elif slug not in locations:
                    locations[slug] = _fresh(self.campaign, slug)
            state = replace(state, locations=locations)
        return state


def _check_cells(tokens: dict[str, Token]) -> None:
    seen: set[tuple[str, int, int]] = set()
    for token in tokens.values():
        cell = (token.deck_id, token.x, token.y)
        if cell in seen and token.room_id:
            raise Conflict(f"cell ({token.x}, {token.y}) is taken now")
        seen.add(cell)
