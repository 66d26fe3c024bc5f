"""The displays as the GM sees them: the connected streams with the settings the table keeps.

`GET /api/gm/displays/` (API.md "Displays"): one entry per connected stream (anonymous ones
with `id: null`), then every display the table knows settings of that is not connected now
(`connected_since: null`).
"""

from __future__ import annotations

from desktop.model import wire
from desktop.model.display_state import DisplaySettings
from desktop.model.state import TableState
from desktop.net.sse import DisplayInfo

_DEFAULT = DisplaySettings()


def display_entry(
    display: str | None, settings: DisplaySettings, info: DisplayInfo | None
) -> dict[str, object]:
    """One display: its settings, and its connection when it has one."""
    return {
        "id": display,
        "name": settings.name,
        "kind": settings.kind or (info.kind if info else "") or "tablet",
        "character": settings.character or None,
        "rotation": settings.rotation,
        "camera": wire.camera(settings.camera),
        "address": info.address if info else "",
        "user_agent": info.user_agent if info else "",
        "connected_since": info.connected_since if info else None,
        "last_revision": info.last_revision if info else -1,
        "role": info.role if info else "player",
    }


def display_list(state: TableState, connected: list[DisplayInfo]) -> list[dict[str, object]]:
    """Every connected display, then the known ones not connected."""
    found = [
        display_entry(
            info.display,
            state.displays.get(info.display, _DEFAULT) if info.display else _DEFAULT,
            info,
        )
        for info in connected
    ]
    online = {info.display for info in connected}
    found += [
        display_entry(display, settings, None)
        for display, settings in state.displays.items()
        if display not in online
    ]
    return found
