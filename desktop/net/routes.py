"""The write paths of API.md: each POST path and the action it builds from the body.

Adding a write: its action (a frozen dataclass with `apply`, in desktop/model/actions/), then
one line here. `{channel}` is a path parameter: it reaches the action as its `channel` field.
Undo and redo are Store methods, not actions (see writes.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from desktop.model import actions as A

WRITE_PATHS: Mapping[str, type[A.Action]] = MappingProxyType(
    {
        "/api/gm/switch-view/": A.SwitchView,
        "/api/gm/show-terminal/": A.ShowTerminal,
        "/api/terminal/hide/": A.HideTerminal,
        "/api/terminal/read/": A.MarkMailRead,
        "/api/gm/charon/mode/": A.SetCharonMode,
        "/api/gm/charon/location/": A.SetCharonLocation,
        "/api/gm/charon/toggle-dialog/": A.ToggleDialog,
        "/api/gm/encounter/switch-level/": A.SwitchLevel,
        "/api/gm/encounter/toggle-room/": A.ToggleRoom,
        "/api/gm/encounter/room-visibility/": A.SetRoomVisibility,
        "/api/gm/encounter/set-door-status/": A.SetDoorStatus,
        "/api/gm/encounter/place-token/": A.PlaceToken,
        "/api/gm/encounter/move-token/": A.MoveToken,
        "/api/gm/encounter/remove-token/": A.RemoveToken,
        "/api/gm/encounter/update-token-status/": A.UpdateTokenStatus,
        "/api/gm/encounter/clear-tokens/": A.ClearTokens,
        "/api/gm/encounter/toggle-portrait/": A.TogglePortrait,
        "/api/gm/ship-status/toggle/": A.SetShipSystem,
        "/api/gm/gauge/": A.SetGauge,
        "/api/gm/encounter/rename-token/": A.RenameToken,
        "/api/gm/encounter/set-room-status/": A.SetRoomStatus,
        "/api/gm/encounter/toggle-poi/": A.TogglePoi,
        "/api/gm/encounter/room-description/": A.SetRoomDescription,
        "/api/gm/encounter/rename-poi/": A.RenameMarker,
        "/api/gm/encounter/remove-poi/": A.RemoveMarker,
        "/api/gm/encounter/reset-location/": A.ResetLocation,
        "/api/gm/hold/": A.SetHold,
        "/api/gm/player-permissions/": A.SetPlayerPermissions,
        "/api/gm/new-session/": A.NewSession,
        "/api/gm/broadcast/": A.SendBroadcast,
        "/api/gm/broadcast/clear/": A.ClearBroadcasts,
        "/api/gm/charon/{channel}/send/": A.CharonSend,
        "/api/gm/charon/{channel}/dismiss/": A.DismissQuestion,
        "/api/gm/charon/{channel}/clear/": A.ClearConversation,
        "/api/gm/charon/{channel}/approve/": A.ApproveDraft,
        "/api/gm/charon/{channel}/reject/": A.RejectDraft,
        "/api/charon/{channel}/submit/": A.SubmitQuestion,
        "/api/gm/star-map/visibility/": A.SetStarVisibility,
        "/api/gm/star-map/ship/": A.SetShipCourse,
        "/api/gm/star-map/show/": A.ShowStarView,
        "/api/gm/roll/": A.RollDice,
        "/api/gm/roll/show/": A.ShowRoll,
        "/api/gm/timers/": A.StartTimer,
        "/api/gm/timers/{timer_id}/": A.ControlTimer,
        "/api/gm/alert/": A.SetAlert,
        "/api/gm/alert/clear/": A.ClearAlerts,
        "/api/gm/encounter/room-atmosphere/": A.SetAtmosphere,
        "/api/gm/crew/conditions/": A.SetConditions,
        "/api/gm/sound/play/": A.PlaySound,
        "/api/gm/sound/ambient/": A.SetAmbient,
        "/api/gm/displays/{display}/": A.SetDisplay,
        "/api/gm/ping/": A.PingCell,
        "/api/gm/handouts/show/": A.ShowHandout,
    }
)
