"""Names as players read them: the campaign's own, never an id standing in for one."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s_\-.:/]+")


def words(ident: str) -> str:
    """An id or kind as plain words: "gas_giant" -> "gas giant"."""
    return " ".join(w for w in _SEPARATORS.split(ident) if w)


def humanise(ident: str) -> str:
    """An id or slug as words: "bridge_terminal" -> "Bridge Terminal"."""
    words = [w for w in _SEPARATORS.split(ident) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def shown_name(name: str, *idents: str) -> str:
    """The campaign's name; where the campaign gave none (the loader then falls back on an
    id or slug), that id made readable."""
    if name and name not in idents:
        return name
    return humanise(name or next((i for i in idents if i), ""))


def counted(n: int, noun: str, plural: str = "") -> str:
    """A count with its noun in the right number: "1 window", "2 windows", "2 mice" (given)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
