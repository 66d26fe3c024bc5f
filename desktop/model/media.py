"""Opaque ids for what reaches the displays: images and doors, never a path or a real id."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import lru_cache
from pathlib import Path

_SECRET = secrets.token_bytes(32)  # per process: ids mean nothing outside it


def opaque_id(*parts: str, secret: bytes = _SECRET) -> str:
    """A stable-per-process, unguessable id for the joined parts."""
    digest = hmac.new(secret, "\x1f".join(parts).encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:8]).decode().rstrip("=")  # 64 bits, 11 characters


@lru_cache(maxsize=4096)
def media_id(path: Path) -> str:
    """The opaque id of an image file."""
    return opaque_id("media", str(path.resolve()))


def media_url(path: Path | None, media: dict[str, Path]) -> str:
    """`/media/<id>` for an image, recorded in media; "" for none."""
    if path is None:
        return ""
    mid = media_id(path)
    media[mid] = path
    return f"/media/{mid}"
