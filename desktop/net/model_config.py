"""The GM's language-model endpoint, kept in the user's config folder (never in the campaign).

`charon-model.json` holds the URL, model name and timeout; the key is kept apart, like the GM
token, in `charon-model-key`, readable by the user only.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from desktop.net.chat_model import DEFAULT_TIMEOUT, ModelEndpoint

log = logging.getLogger(__name__)

CONFIG_FILE = "charon-model.json"
KEY_FILE = "charon-model-key"


def load_endpoint(config_dir: Path) -> ModelEndpoint | None:
    """The configured endpoint, or None (none configured, or the file unreadable: logged)."""
    try:
        data = json.loads((config_dir / CONFIG_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ship computer model settings unreadable, none used: %s", exc)
        return None
    if not isinstance(data, dict):
        return None
    url, model = data.get("url"), data.get("model")
    if not isinstance(url, str) or not url or not isinstance(model, str) or not model:
        return None
    timeout = data.get("timeout", DEFAULT_TIMEOUT)
    if not isinstance(timeout, int | float) or not 1 <= timeout <= 300:
        timeout = DEFAULT_TIMEOUT
    return ModelEndpoint(url, model, _read_key(config_dir), float(timeout))


def _read_key(config_dir: Path) -> str:
    try:
        return (config_dir / KEY_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def save_endpoint(config_dir: Path, endpoint: ModelEndpoint | None) -> None:
    """Keep the endpoint (None forgets it and its key); raises OSError when it cannot."""
    config_dir.mkdir(parents=True, exist_ok=True)
    if endpoint is None:
        for name in (CONFIG_FILE, KEY_FILE):
            (config_dir / name).unlink(missing_ok=True)
        return
    data = {"url": endpoint.url, "model": endpoint.model, "timeout": endpoint.timeout}
    _write_private(config_dir / CONFIG_FILE, json.dumps(data, indent=2) + "\n")
    if endpoint.key:
        _write_private(config_dir / KEY_FILE, endpoint.key + "\n")
    else:
        (config_dir / KEY_FILE).unlink(missing_ok=True)


def _write_private(path: Path, text: str) -> None:
    """Write a file readable by the user only, replaced whole (never half written)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(partial, path)
