"""Campaign YAML updated in place (ruamel.yaml's round trip): what the deck editor and map import
own in a file is written into the file the GM keeps; everything else in it — comments, key
order, keys they do not know — stays as it was. The campaign reader stays PyYAML
(desktop/campaign/yamlfile.py, with its guards): this module only writes.

A Spec names the keys a writer owns at one level of a file: a key absent from the new data is
removed, a key not in the Spec is the GM's and never touched. A key's value is replaced whole
(None), merged as a mapping (a Spec), or, for a list of records with ids, merged record by
record (Records: matched by id, gone ones removed, new ones added, in the new order)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from desktop.mapimport.yamlout import write_atomically, yaml_text


@dataclass(frozen=True, slots=True)
class Records:
    """A list of mappings with an `id`, each merged by its Spec."""

    spec: Spec


Spec = Mapping[str, "Spec | Records | None"]


def _keys(*names: str) -> Spec:
    return dict.fromkeys(names)


POINT = _keys("x", "y")
ROOM = _keys("id", "name", "x", "y", "width", "height", "cells", "status", "description")
DOOR: Spec = {**_keys("id", "from", "to", "door_type", "door_status"), "position": POINT}
LINK = _keys("id", "from_room", "to_deck", "to_room", "type", "status")
TERMINAL: Spec = {
    **_keys("id", "room"),
    "position": POINT,
    **_keys("terminal_slug", "name", "hidden"),
}
POI: Spec = {**_keys("id", "type", "room"), "position": POINT, **_keys("name", "hidden")}
# What the deck editor writes in a deck file; older `doors` are written as connections.
DECK: Spec = {
    "grid": _keys("width", "height", "unit_size"),
    "rooms": Records(ROOM),
    "connections": Records(DOOR),
    "doors": None,
    "inter_deck_connections": Records(LINK),
    "terminals": Records(TERMINAL),
    "poi": Records(POI),
}
MANIFEST: Spec = {
    **_keys("name", "total_decks"),
    "decks": Records(_keys("id", "name", "file", "level", "default")),
}


def update_file(path: Path, data: Mapping[str, object], spec: Spec, header: str = "") -> None:
    """`data` written into the file at `path` as `spec` says; a new file (or one that is not
    a YAML mapping) is written whole, after `header` as comment lines."""
    old = _read(path)
    if old is None:
        write_atomically(path, yaml_text(dict(data), header).encode())
        return
    tree, indent, offset = old
    _merge(tree, data, spec)
    out = io.StringIO()
    _writer(indent, offset).dump(tree, out)
    write_atomically(path, out.getvalue().encode())


def read_value(path: Path, key: str) -> object:
    """One top-level value of a YAML file (None when there is none to read)."""
    old = _read(path)
    return old[0].get(key) if old is not None else None


def _read(path: Path) -> tuple[CommentedMap, int, int] | None:
    try:
        text = path.read_text(encoding="utf-8")
        tree, indent, offset = load_yaml_guess_indent(text)
    except (OSError, UnicodeDecodeError, YAMLError):
        return None
    if not isinstance(tree, CommentedMap):
        return None
    return tree, indent or 2, offset or 0


def _writer(indent: int, offset: int) -> YAML:
    writer = YAML()  # round trip
    writer.preserve_quotes = True
    writer.width = 4096  # never refold the GM's long lines
    writer.indent(mapping=indent, sequence=max(indent, offset + 2), offset=offset)
    return writer


def _merge(old: CommentedMap, new: Mapping[str, object], spec: Spec) -> None:
    for key, sub in spec.items():
        if key not in new:
            old.pop(key, None)
            continue
        value, current = new[key], old.get(key)
        if isinstance(sub, Records) and isinstance(current, CommentedSeq):
            _records(current, _list(value), sub.spec)
        elif isinstance(sub, Mapping) and isinstance(current, CommentedMap):
            _merge(current, _map(value), sub)
        elif key not in old or current != value:
            _put(old, key, _fresh(value), spec)


def _put(old: CommentedMap, key: str, value: object, spec: Spec) -> None:
    """The key set; a new key goes after the keys the spec lists before it."""
    if key in old:
        old[key] = value
        return
    order = list(spec)
    before = set(order[: order.index(key)])
    position = 0
    for index, existing in enumerate(old):
        if existing in before:
            position = index + 1
    old.insert(position, key, value)


def _records(old: CommentedSeq, new: list[Mapping[str, object]], spec: Spec) -> None:
    wanted = [item.get("id") for item in new]
    for index in reversed(range(len(old))):
        item = old[index]
        if not isinstance(item, CommentedMap) or item.get("id") not in wanted:
            del old[index]
    kept = {item.get("id"): item for item in old}
    for item in new:
        found = kept.get(item.get("id"))
        if found is None:
            old.append(_fresh(item))
        else:
            _merge(found, item, spec)
    rank = {item_id: n for n, item_id in enumerate(wanted)}
    if [item.get("id") for item in old] != wanted:
        old.sort(key=lambda item: rank[item.get("id")])


def _fresh(value: object) -> object:
    """Plain data as ruamel's nodes: mappings block style, short lists of numbers inline."""
    if isinstance(value, Mapping):
        fresh = CommentedMap()
        for key, item in value.items():
            fresh[key] = _fresh(item)
        return fresh
    if isinstance(value, list | tuple):
        seq = CommentedSeq(_fresh(item) for item in value)
        if len(value) <= 4 and all(isinstance(v, int | float) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value


def _list(value: object) -> list[Mapping[str, object]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _map(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}
