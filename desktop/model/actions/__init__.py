"""Every write of the table state: one frozen dataclass each, and the HTTP paths they answer."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from desktop.model.actions.base import GM, PLAYER, Action, ActionContext, random_id
from desktop.model.actions.charon import (
    CharonSend,
    ClearConversation,
    DismissQuestion,
    SetCharonLocation,
    SetCharonMode,
    SubmitQuestion,
    ToggleDialog,
)
from desktop.model.actions.composite import Composite
from desktop.model.actions.encounter import (
    ResetLocation,
    SetDoorStatus,
    SetRoomDescription,
    SetRoomStatus,
    SetRoomVisibility,
    SwitchLevel,
    TogglePoi,
    ToggleRoom,
)
from desktop.model.actions.gauges import SetGauge
from desktop.model.actions.markers import RemoveMarker, RenameMarker
from desktop.model.actions.ship import SetShipSystem
from desktop.model.actions.table import NewSession, SendBroadcast, SetHold, SetPlayerPermissions
from desktop.model.actions.tokens import (
    ClearTokens,
    MoveToken,
    PlaceToken,
    RemoveToken,
    RenameToken,
    UpdateTokenStatus,
)
from desktop.model.actions.views import (
    HideTerminal,
    MarkMailRead,
    ShowTerminal,
    SwitchView,
    TogglePortrait,
)

# POST paths of API.md -> action class. `{channel}` is a path parameter: pass it to
# from_body(body, channel=...). Undo and redo are Store methods, not actions.
ACTION_PATHS: Mapping[str, type[Action]] = MappingProxyType(
    {
        "/api/gm/switch-view/": SwitchView,
        "/api/gm/show-terminal/": ShowTerminal,
        "/api/terminal/hide/": HideTerminal,
        "/api/terminal/read/": MarkMailRead,
        "/api/gm/charon/mode/": SetCharonMode,
        "/api/gm/charon/location/": SetCharonLocation,
        "/api/gm/charon/toggle-dialog/": ToggleDialog,
        "/api/gm/encounter/switch-level/": SwitchLevel,
        "/api/gm/encounter/toggle-room/": ToggleRoom,
        "/api/gm/encounter/room-visibility/": SetRoomVisibility,
        "/api/gm/encounter/set-door-status/": SetDoorStatus,
        "/api/gm/encounter/place-token/": PlaceToken,
        "/api/gm/encounter/move-token/": MoveToken,
        "/api/gm/encounter/remove-token/": RemoveToken,
        "/api/gm/encounter/update-token-status/": UpdateTokenStatus,
        "/api/gm/encounter/clear-tokens/": ClearTokens,
        "/api/gm/encounter/toggle-portrait/": TogglePortrait,
        "/api/gm/ship-status/toggle/": SetShipSystem,
        "/api/gm/gauge/": SetGauge,
        "/api/gm/encounter/rename-token/": RenameToken,
        "/api/gm/encounter/set-room-status/": SetRoomStatus,
        "/api/gm/encounter/toggle-poi/": TogglePoi,
        "/api/gm/encounter/room-description/": SetRoomDescription,
        "/api/gm/encounter/rename-poi/": RenameMarker,
        "/api/gm/encounter/remove-poi/": RemoveMarker,
        "/api/gm/encounter/reset-location/": ResetLocation,
        "/api/gm/hold/": SetHold,
        "/api/gm/player-permissions/": SetPlayerPermissions,
        "/api/gm/new-session/": NewSession,
        "/api/gm/broadcast/": SendBroadcast,
        "/api/gm/charon/{channel}/send/": CharonSend,
        "/api/gm/charon/{channel}/dismiss/": DismissQuestion,
        "/api/gm/charon/{channel}/clear/": ClearConversation,
        "/api/charon/{channel}/submit/": SubmitQuestion,
    }
)

__all__ = [
    "ACTION_PATHS",
    "GM",
    "PLAYER",
    "Action",
    "ActionContext",
    "CharonSend",
    "ClearConversation",
    "ClearTokens",
    "Composite",
    "DismissQuestion",
    "HideTerminal",
    "MarkMailRead",
    "MoveToken",
    "NewSession",
    "PlaceToken",
    "RemoveMarker",
    "RemoveToken",
    "RenameMarker",
    "RenameToken",
    "ResetLocation",
    "SendBroadcast",
    "SetCharonLocation",
    "SetCharonMode",
    "SetDoorStatus",
    "SetGauge",
    "SetHold",
    "SetPlayerPermissions",
    "SetRoomDescription",
    "SetRoomStatus",
    "SetRoomVisibility",
    "SetShipSystem",
    "ShowTerminal",
    "SubmitQuestion",
    "SwitchLevel",
    "SwitchView",
    "ToggleDialog",
    "TogglePoi",
    "TogglePortrait",
    "ToggleRoom",
    "UpdateTokenStatus",
    "random_id",
]
