"""An action's JSON body, read from its dataclass fields: one place, one error format.

Each field of an action's dataclass is read from the body under its name (or its `Alias`).
A field without a default is required (`missing field 'x'`); one with a default takes it when
the body leaves the field out or sends null. Extra fields are ignored. The annotation decides
the check, and every refusal is an `InvalidInput` naming the field:

- `str`: at most 200 characters (`MaxLen(n)`), no control characters or bidi overrides (a
  newline only with `Lines()`); `Visible(refusal)` refuses one that shows nothing. `Name` and
  `Text` are the usual names and message bodies.
- `int` (a boolean is no integer), optionally within `Range(low, high)`; `bool` (true or false).
- `OneOf(values)` (or a `Literal[...]`): a string out of a fixed set; on `tuple[str, ...]` a
  list of them (duplicates dropped, in the set's order).
- `tuple[tuple[str, bool], ...]`: an object of id -> true/false, as sorted pairs.
- `Custom(check)`: the field's own reader, for shapes the above do not cover.
- `Displays`: a list of display ids (API.md "Displays"), duplicates dropped, in order.
- `float` (a finite number); a frozen dataclass: an object read the same way, field by field.

What the annotations cannot say goes in the action's `check` hook (see `Action.check`).
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import NoneType, UnionType
from typing import Annotated, Literal, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from desktop.model.display_state import is_display_id
from desktop.model.errors import InvalidInput

MAX_NAME = 200
MAX_MESSAGE = 4000
MAX_ID = 200

# Characters that reorder the text around them on a display (bidi embeddings and overrides,
# isolates): a name could show the players something else than it holds.
_BIDI = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Letters and symbols that draw nothing (fillers); with spaces and format characters they are
# blank for "must not be empty".
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


@dataclass(frozen=True, slots=True)
class MaxLen:
    """A string of at most `limit` characters (MAX_ID without it)."""

    limit: int


@dataclass(frozen=True, slots=True)
class Lines:
    """A string that may hold newlines (message bodies)."""


@dataclass(frozen=True, slots=True)
class Visible:
    """A string with a visible character (else `field 'x' <refusal>`), stripped if `strip`."""

    refusal: str
    strip: bool = False


@dataclass(frozen=True, slots=True)
class Range:
    """An integer from low to high, both included."""

    low: int
    high: int


@dataclass(frozen=True, slots=True)
class OneOf:
    """A string out of `allowed` (a list of them on a tuple field)."""

    allowed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Custom:
    """A field read by its own function: (the body's value, the field's name) -> the value."""

    check: Callable[[object, str], object]


@dataclass(frozen=True, slots=True)
class Alias:
    """The body's name of a field whose attribute is named otherwise."""

    wire: str


@dataclass(frozen=True, slots=True)
class DisplayIdList:
    """A list of display ids."""


Displays = Annotated[tuple[str, ...], DisplayIdList()]
Name = Annotated[str, MaxLen(MAX_NAME), Visible("needs a visible character", strip=True)]
Text = Annotated[str, MaxLen(MAX_MESSAGE), Lines(), Visible("must not be empty")]

_T = TypeVar("_T")
Check = Callable[[object, str], object]  # (the body's value, the field's name) -> the value


def check_str(value: object, name: str, max_len: int = MAX_ID, lines: bool = False) -> str:
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


def shown_text(value: str) -> str:
    """value without what check_str refuses in a text of lines (a tab becomes a space): for
    text the app composes from campaign files, such as the ship computer's drafts."""
    value = value.replace("\t", " ")
    return "".join(
        c for c in value if c == "\n" or not (c in _BIDI or unicodedata.category(c) == "Cc")
    )


def is_blank(value: str) -> bool:
    """True when value shows nothing: spaces, zero-width and other format characters only."""
    return all(
        char.isspace() or char in _FILLERS or unicodedata.category(char) in _BLANK_CATEGORIES
        for char in value
    )


def check_enum(value: str, name: str, allowed: tuple[str, ...]) -> str:
    """value itself if it is one of allowed."""
    if value not in allowed:
        raise InvalidInput(f"field '{name}' must be one of {', '.join(allowed)} (got '{value}')")
    return value


def _check_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"field '{name}' must be an integer")
    return value


def _check_bool(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"field '{name}' must be true or false")
    return value


def _first(marks: tuple[object, ...], kind: type[object]) -> object | None:
    return next((mark for mark in marks if isinstance(mark, kind)), None)


def _str_check(marks: tuple[object, ...]) -> Check:
    size, visible, one_of = _first(marks, MaxLen), _first(marks, Visible), _first(marks, OneOf)
    limit = size.limit if isinstance(size, MaxLen) else MAX_ID
    lines = _first(marks, Lines) is not None

    def check(value: object, name: str) -> str:
        text = check_str(value, name, limit, lines)
        if isinstance(visible, Visible):
            if is_blank(text):
                raise InvalidInput(f"field '{name}' {visible.refusal}")
            text = text.strip() if visible.strip else text
        return check_enum(text, name, one_of.allowed) if isinstance(one_of, OneOf) else text

    return check


def _int_check(marks: tuple[object, ...]) -> Check:
    bounds = _first(marks, Range)

    def check(value: object, name: str) -> int:
        number = _check_int(value, name)
        if isinstance(bounds, Range) and not bounds.low <= number <= bounds.high:
            raise InvalidInput(f"field '{name}' must be between {bounds.low} and {bounds.high}")
        return number

    return check


def _enum_list_check(marks: tuple[object, ...]) -> Check:
    one_of = _first(marks, OneOf)
    assert isinstance(one_of, OneOf), "a tuple[str, ...] field needs OneOf(...)"
    allowed = one_of.allowed

    def check(value: object, name: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise InvalidInput(f"field '{name}' must be a list")
        chosen = set()
        for item in value:
            if not isinstance(item, str):
                raise InvalidInput(f"field '{name}' must be a list of strings")
            chosen.add(check_enum(item, name, allowed))
        return tuple(a for a in allowed if a in chosen)

    return check


def _bool_map_check(value: object, name: str) -> tuple[tuple[str, bool], ...]:
    if not isinstance(value, dict):
        raise InvalidInput(f"field '{name}' must be an object of id: true/false")
    pairs = []
    for key, flag in value.items():
        if not isinstance(key, str) or len(key) > MAX_ID:
            raise InvalidInput(f"field '{name}' has a bad id")
        pairs.append((key, _check_bool(flag, f"{name}.{key}")))
    return tuple(sorted(pairs))


def _display_list_check(value: object, name: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidInput(f"field '{name}' must be a list of display ids")
    for item in value:
        if not is_display_id(item):
            raise InvalidInput(
                f"field '{name}' holds a bad display id (6 to 64 of A-Z a-z 0-9 _ -)"
            )
    return tuple(dict.fromkeys(value))


def _check_float(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(f"field '{name}' must be a number")
    return float(value)


def _object_check(kind: type) -> Check:
    def check(value: object, name: str) -> object:
        if not isinstance(value, dict):
            raise InvalidInput(f"field '{name}' must be an object")
        make: Callable[..., object] = kind
        return make(**read_body(kind, value))

    return check


def _unpack(hint: object) -> tuple[object, tuple[object, ...]]:
    """The plain type of an annotation and its marks (Optional and Literal unwrapped)."""
    marks: tuple[object, ...] = ()
    if get_origin(hint) is Annotated:
        hint, *extra = get_args(hint)
        marks = tuple(extra)
    if get_origin(hint) in (Union, UnionType):
        (inner,) = (arg for arg in get_args(hint) if arg is not NoneType)
        hint, more = _unpack(inner)
        marks += more
    if get_origin(hint) is Literal:
        return str, (*marks, OneOf(tuple(get_args(hint))))
    return hint, marks


def _check_of(hint: object) -> Check:
    kind, marks = _unpack(hint)
    custom = _first(marks, Custom)
    if isinstance(custom, Custom):
        return custom.check
    if kind is str:
        return _str_check(marks)
    if kind is int:
        return _int_check(marks)
    if kind is bool:
        return _check_bool
    if kind is float:
        return _check_float
    if kind == tuple[str, ...]:
        if _first(marks, DisplayIdList) is not None:
            return _display_list_check
        return _enum_list_check(marks)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _object_check(kind)
    if kind == tuple[tuple[str, bool], ...]:
        return _bool_map_check
    raise TypeError(f"no body reader for fields of type {hint!r}")


@dataclass(frozen=True, slots=True)
class _Field:
    attr: str
    wire: str
    check: Check
    default: Callable[[], object] | None  # None: required


def _field(field: dataclasses.Field[object], hint: object) -> _Field:
    default: Callable[[], object] | None = None
    if field.default_factory is not dataclasses.MISSING:
        default = field.default_factory
    elif field.default is not dataclasses.MISSING:
        default = lambda value=field.default: value  # noqa: E731
    alias = _first(_unpack(hint)[1], Alias)
    wire = alias.wire if isinstance(alias, Alias) else field.name
    return _Field(field.name, wire, _check_of(hint), default)


@cache
def _fields(cls: type) -> tuple[_Field, ...]:
    hints = get_type_hints(cls, include_extras=True)
    return tuple(_field(f, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def from_body(cls: Callable[..., _T], body: Mapping[str, object], **path: str) -> _T:
    """The dataclass `cls` a JSON body asks for; the path's parameters (`channel`) win over
    the body's fields of that name. Raises InvalidInput naming the field."""
    return cls(**read_body(cast(type, cls), {**body, **path} if path else body))


def read_body(cls: type, body: Mapping[str, object]) -> dict[str, object]:
    """The keyword arguments of the dataclass `cls` that `body` asks for, each checked."""
    values: dict[str, object] = {}
    for field in _fields(cls):
        value = body.get(field.wire)
        if value is not None:
            values[field.attr] = field.check(value, field.wire)
        elif field.default is None:
            raise InvalidInput(f"missing field '{field.wire}'")
        else:
            values[field.attr] = field.default()
    return values
