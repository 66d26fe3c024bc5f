"""What the GM asks for on the map: signals the window turns into actions."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class MapIntents(QObject):
    """The map's `*_requested` signals; the map never writes state itself."""

    # {room_id: visible}; one entry for a single room
    rooms_visibility_requested = Signal(object)
    room_status_requested = Signal(str, str)  # room id, status
    room_atmosphere_requested = Signal(str, object)  # room id, tuple of effects
    room_description_requested = Signal(str, bool)  # room id, shown to players
    door_status_requested = Signal(str, str)  # connection id, status
    poi_visibility_requested = Signal(str, bool)  # poi or terminal id, visible
    marker_rename_requested = Signal(str, str)  # poi or terminal id, new name
    marker_remove_requested = Signal(str)  # poi or terminal id
    terminal_show_requested = Signal(str)  # terminal slug at the focus location
    token_place_requested = Signal(object, int, int)  # TokenTemplate, cell x, cell y
    token_move_requested = Signal(str, int, int)  # token id, cell x, cell y (same deck)
    token_ladder_requested = Signal(str, str, str)  # token id, far deck id, far room id
    token_status_requested = Signal(str, object)  # token id, tuple of statuses
    token_rename_requested = Signal(str, str)  # token id, new name
    token_remove_requested = Signal(str)  # token id
    display_frame_requested = Signal(str, object)  # display id, (x, y, w, h) in cells
    ping_requested = Signal(int, int, object)  # cell x, cell y, tuple of display ids (() all)
