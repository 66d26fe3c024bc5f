"""Readers for the fields of a JSON body: each raises InvalidInput naming the field."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from desktop.model.errors import InvalidInput

MAX_NAME = 200
MAX_MESSAGE = 4000
MAX_ID = 200

_MISSING = object()

# Characters that reorder the text around them on a display (bidi embeddings and overrides,
# isolates): a name could show the players something else than it holds.
_BIDI = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Letters and symbols that draw nothing (fillers); with spaces and format characters they are
# blank for "must not be empty".
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def _get(body: Mapping[str, object], name: str) -> object:
    value = body.get(name, _MISSING)
    if value is _MISSING or value is None:
        raise InvalidInput(f"missing field '{name}'")
    return value


def req_str(
    body: Mapping[str, object], name: str, max_len: int = MAX_ID, *, lines: bool = False
) -> str:
    """A required string of at most max_len characters (see _check_str)."""
    return _check_str(_get(body, name), name, max_len, lines)


def opt_str(
    body: Mapping[str, object],
    name: str,
    max_len: int = MAX_ID,
    default: str = "",
    *,
    lines: bool = False,
) -> str:
    """An optional string (absent or null: the default)."""
    value = body.get(name)
    if value is None:
        return default
    return _check_str(value, name, max_len, lines)


def _check_str(value: object, name: str, max_len: int, lines: bool = False) -> str:
    """value if it is a string of at most max_len characters without control characters (a
    newline only where `lines`) or bidi overrides; every text field passes here."""
    if not isinstance(value, str):
        raise InvalidInput(f"field '{name}' must be a string")
    if len(value) > max_len:
        raise InvalidInput(f"field '{name}' is too long (at most {max_len} characters)")
    for char in value:
        if char in _BIDI or (unicodedata.category(char) == "Cc" and not (lines and char == "\n")):
            code = f"U+{ord(char):04X}"
            raise InvalidInput(f"field '{name}' must not hold control characters (found {code})")
    return value


def is_blank(value: str) -> bool:
    """True when value shows nothing: spaces, zero-width and other format characters only."""
    return all(
        char.isspace() or char in _FILLERS or unicodedata.category(char) in _BLANK_CATEGORIES
        for char in value
    )


def req_text(body: Mapping[str, object], name: str, max_len: int = MAX_MESSAGE) -> str:
    """A required text of one or more lines with a visible character."""
    value = req_str(body, name, max_len, lines=True)
    if is_blank(value):
        raise InvalidInput(f"field '{name}' must not be empty")
    return value


def req_name(body: Mapping[str, object], name: str, max_len: int = MAX_NAME) -> str:
    """A required one-line name with a visible character, without its outer spaces."""
    value = req_str(body, name, max_len)
    if is_blank(value):
        raise InvalidInput(f"field '{name}' needs a visible character")
    return value.strip()


def req_int(body: Mapping[str, object], name: str) -> int:
    """A required integer (booleans are not integers)."""
    return _check_int(_get(body, name), name)


def opt_int(body: Mapping[str, object], name: str) -> int | None:
    """An optional integer."""
    value = body.get(name)
    return None if value is None else _check_int(value, name)


def _check_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"field '{name}' must be an integer")
    return value


def req_bool(body: Mapping[str, object], name: str) -> bool:
    """A required boolean (true or false, not 0 or 1)."""
    return _check_bool(_get(body, name), name)


def opt_bool(body: Mapping[str, object], name: str) -> bool | None:
    """An optional boolean."""
    value = body.get(name)
    return None if value is None else _check_bool(value, name)


def _check_bool(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"field '{name}' must be true or false")
    return value


def req_enum(body: Mapping[str, object], name: str, allowed: tuple[str, ...]) -> str:
    """A required string out of allowed."""
    return check_enum(req_str(body, name), name, allowed)


def opt_enum(body: Mapping[str, object], name: str, allowed: tuple[str, ...], default: str) -> str:
    """An optional string out of allowed."""
    value = body.get(name)
    return default if value is None else check_enum(_check_str(value, name, MAX_ID), name, allowed)


def check_enum(value: str, name: str, allowed: tuple[str, ...]) -> str:
    """value itself if it is one of allowed."""
    if value not in allowed:
        raise InvalidInput(f"field '{name}' must be one of {', '.join(allowed)} (got '{value}')")
    return value


def req_enum_list(
    body: Mapping[str, object], name: str, allowed: tuple[str, ...]
) -> tuple[str, ...]:
    """A required list of strings out of allowed: duplicates dropped, in allowed's order."""
    value = _get(body, name)
    if not isinstance(value, list):
        raise InvalidInput(f"field '{name}' must be a list")
    chosen = set()
    for item in value:
        if not isinstance(item, str):
            raise InvalidInput(f"field '{name}' must be a list of strings")
        chosen.add(check_enum(item, name, allowed))
    return tuple(a for a in allowed if a in chosen)


def req_bool_map(body: Mapping[str, object], name: str) -> tuple[tuple[str, bool], ...]:
    """A required object of id -> boolean, as sorted pairs."""
    value = _get(body, name)
    if not isinstance(value, dict):
        raise InvalidInput(f"field '{name}' must be an object of id: true/false")
    pairs = []
    for key, flag in value.items():
        if not isinstance(key, str) or len(key) > MAX_ID:
            raise InvalidInput(f"field '{name}' has a bad id")
        pairs.append((key, _check_bool(flag, f"{name}.{key}")))
    return tuple(sorted(pairs))
