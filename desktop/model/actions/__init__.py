"""Every write of the table state: one frozen dataclass each (HTTP paths: desktop.net.routes)."""

from __future__ import annotations

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
from desktop.model.actions.displays import PingCell, SetDisplay
from desktop.model.actions.drafts import ApproveDraft, QueueDraft, RejectDraft
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
from desktop.model.actions.handouts import ShowHandout
from desktop.model.actions.markers import RemoveMarker, RenameMarker
from desktop.model.actions.ship import SetShipSystem
from desktop.model.actions.sound import PlaySound, SetAmbient
from desktop.model.actions.starmap import SetShipCourse, SetStarVisibility, ShowStarView
from desktop.model.actions.table import (
    ClearBroadcasts,
    NewSession,
    SendBroadcast,
    SetHold,
    SetPlayerPermissions,
)
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
from desktop.model.actions.warden import (
    ClearAlerts,
    ControlTimer,
    RollDice,
    SetAlert,
    SetAtmosphere,
    SetConditions,
    ShowRoll,
    StartTimer,
)

__all__ = [
    "GM",
    "PLAYER",
    "Action",
    "ActionContext",
    "ApproveDraft",
    "CharonSend",
    "ClearAlerts",
    "ClearBroadcasts",
    "ClearConversation",
    "ClearTokens",
    "Composite",
    "ControlTimer",
    "DismissQuestion",
    "HideTerminal",
    "MarkMailRead",
    "MoveToken",
    "NewSession",
    "PingCell",
    "PlaceToken",
    "PlaySound",
    "QueueDraft",
    "RejectDraft",
    "RemoveMarker",
    "RemoveToken",
    "RenameMarker",
    "RenameToken",
    "ResetLocation",
    "RollDice",
    "SendBroadcast",
    "SetAlert",
    "SetAmbient",
    "SetAtmosphere",
    "SetCharonLocation",
    "SetCharonMode",
    "SetConditions",
    "SetDisplay",
    "SetDoorStatus",
    "SetGauge",
    "SetHold",
    "SetPlayerPermissions",
    "SetRoomDescription",
    "SetRoomStatus",
    "SetRoomVisibility",
    "SetShipCourse",
    "SetShipSystem",
    "SetStarVisibility",
    "ShowHandout",
    "ShowRoll",
    "ShowStarView",
    "ShowTerminal",
    "StartTimer",
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
