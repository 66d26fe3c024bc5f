"""A read-only mapping for campaign objects, which never change after loading."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def frozen_map(items: Mapping[K, V] | None = None) -> Mapping[K, V]:
    """A read-only view of a fresh dict (campaign objects never change after loading)."""
    return MappingProxyType(dict(items or {}))
