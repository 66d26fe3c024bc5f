"""The GM token kept in the user's config folder: generated once, then reused."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)

TOKEN_FILE = "gm-token"


def kept_gm_token(config_dir: Path) -> str:
    """The token stored in config_dir (created, readable by the user only, on first use)."""
    path = config_dir / TOKEN_FILE
    try:
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        token = ""
    if token:
        return token
    token = secrets.token_urlsafe(24)
    config_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{TOKEN_FILE}.{os.getpid()}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(token + "\n")
    try:
        os.link(partial, path)  # fails if another app created it first: use theirs
    except FileExistsError:
        token = path.read_text(encoding="utf-8").strip() or token
    else:
        log.info("new GM token kept in %s", path)
    finally:
        partial.unlink()
    return token
