"""The drag payload of a token template (palette -> map): its type, name and image id."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData

TOKEN_MIME = "application/x-gm-terminal-token"


@dataclass(frozen=True, slots=True)
class TokenTemplate:
    """What a new token will be: type (player, npc, creature, object), name, image id."""

    type: str
    name: str
    image: str = ""


def encode(template: TokenTemplate) -> QMimeData:
    """Mime data carrying a template (with the name as plain text for other targets)."""
    data = QMimeData()
    payload = {"type": template.type, "name": template.name, "image": template.image}
    data.setData(TOKEN_MIME, QByteArray(json.dumps(payload).encode()))
    data.setText(template.name)
    return data


def decode(data: QMimeData | None) -> TokenTemplate | None:
    """The template in mime data, or None when it carries none."""
    if data is None or not data.hasFormat(TOKEN_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(TOKEN_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict):
        return None
    fields = [payload.get(k, "") for k in ("type", "name", "image")]
    if not all(isinstance(f, str) for f in fields) or not fields[0] or not fields[1]:
        return None
    return TokenTemplate(type=fields[0], name=fields[1], image=fields[2])
