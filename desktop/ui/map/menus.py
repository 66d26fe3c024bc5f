"""Context menus of map items; every entry emits an intent, none writes state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from desktop.campaign.model import DOOR_STATUSES, ROOM_STATUSES
from desktop.model.state import TOKEN_STATUSES
from desktop.model.warden import ATMOSPHERES
from desktop.ui.look.menu_text import menu_text
from desktop.ui.map.intents import MapIntents
from desktop.ui.map.items.door import DOOR_LABELS, DoorItem
from desktop.ui.map.items.marker import MarkerItem
from desktop.ui.map.items.room import RoomItem
from desktop.ui.map.items.token import TokenItem
from desktop.ui.map.picture.shapes import LinkShape, MapPicture


def _menu(parent: QWidget, title: str) -> QMenu:
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    # A disabled, bold first entry: Fusion draws addSection() titles as bare separators.
    header = menu.addAction(menu_text(title))
    header.setEnabled(False)
    font = header.font()
    font.setBold(True)
    header.setFont(font)
    menu.addSeparator()
    return menu


def room_menu(parent: QWidget, item: RoomItem, intents: MapIntents) -> QMenu:
    """Reveal or hide the room and its description; set its runtime status (a fire starts)."""
    shape = item.shape_data
    menu = _menu(parent, shape.name)
    _visibility(
        menu,
        shape.revealed,
        lambda shown: intents.rooms_visibility_requested.emit({shape.id: shown}),
    )
    if shape.has_description:
        shown = shape.description_shown
        words = "Hide description from players" if shown else "Show description to players"
        describe = menu.addAction(words)
        describe.triggered.connect(
            lambda: intents.room_description_requested.emit(shape.id, not shown)
        )
    statuses = {status: status.capitalize() for status in ROOM_STATUSES}
    _choices(
        menu.addMenu("Room status"),
        statuses,
        shape.status,
        _emit_to(intents.room_status_requested, shape.id),
    )
    air = menu.addMenu("Atmosphere")
    normal = air.addAction("Normal (clear)")
    normal.setCheckable(True)
    normal.setChecked(not shape.atmosphere)
    normal.triggered.connect(lambda _=False: intents.room_atmosphere_requested.emit(shape.id, ()))
    air.addSeparator()
    for effect in ATMOSPHERES:
        action = air.addAction(effect.capitalize())
        action.setCheckable(True)
        action.setChecked(effect in shape.atmosphere)
        others = tuple(e for e in shape.atmosphere if e != effect)
        chosen = others if effect in shape.atmosphere else (*others, effect)
        action.triggered.connect(
            lambda _=False, c=chosen: intents.room_atmosphere_requested.emit(shape.id, c)
        )
    return menu


def door_menu(parent: QWidget, item: DoorItem, intents: MapIntents) -> QMenu | None:
    """The five door statuses, the current one checked; passages have no menu."""
    shape = item.shape_data
    if item.is_passage:
        return None
    menu = _menu(parent, shape.name or shape.type.replace("_", " ").capitalize())
    statuses = {status: DOOR_LABELS[status] for status in DOOR_STATUSES}
    _choices(menu, statuses, shape.status, _emit_to(intents.door_status_requested, shape.id))
    return menu


def _choices(
    menu: QMenu, labels: dict[str, str], current: str, choose: Callable[[str], None]
) -> None:
    """One checkable action per value (the current one checked); a click chooses its value."""
    for value, label in labels.items():
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(value == current)
        action.triggered.connect(lambda _=False, v=value: choose(v))


def _emit_to(signal: SignalInstance, item_id: str) -> Callable[[str], None]:
    return lambda value: signal.emit(item_id, value)


def marker_menu(parent: QWidget, item: MarkerItem, intents: MapIntents) -> QMenu:
    """Show or hide any terminal or POI for players, show a terminal's mail, rename, remove."""
    shape = item.shape_data
    menu = _menu(parent, shape.name)
    _visibility(
        menu,
        not shape.concealed,
        lambda shown: intents.poi_visibility_requested.emit(shape.id, shown),
    )
    if shape.kind == "terminal" and shape.terminal_slug:
        show = menu.addAction("Show terminal on displays")
        show.triggered.connect(lambda: intents.terminal_show_requested.emit(shape.terminal_slug))
    menu.addSeparator()
    _rename(
        menu,
        parent,
        "Rename marker",
        shape.name,
        _emit_to(intents.marker_rename_requested, shape.id),
    )
    remove = menu.addAction("Remove from map")
    remove.setToolTip("Undo (Ctrl+Z) or Reset location brings it back")
    remove.triggered.connect(lambda: intents.marker_remove_requested.emit(shape.id))
    return menu


def token_menu(parent: QWidget, item: TokenItem, picture: MapPicture, intents: MapIntents) -> QMenu:
    """Statuses, rename, ladders out of the token's room, remove."""
    shape = item.shape_data
    menu = _menu(parent, shape.name)
    for status in TOKEN_STATUSES:
        action = menu.addAction(status.capitalize())
        action.setCheckable(True)
        action.setChecked(status in shape.statuses)
        action.triggered.connect(
            lambda checked, s=status: intents.token_status_requested.emit(
                shape.id, _toggled(shape.statuses, s, checked)
            )
        )
    menu.addSeparator()
    _rename(
        menu, parent, "Rename token", shape.name, _emit_to(intents.token_rename_requested, shape.id)
    )
    for link in _links_in(picture, shape.room_id):
        take = menu.addAction(menu_text(f"Take {link.type} to {link.to_deck_name}"))
        take.triggered.connect(
            lambda _=False, k=link: intents.token_ladder_requested.emit(
                shape.id, k.to_deck, k.to_room
            )
        )
    menu.addSeparator()
    remove = menu.addAction("Remove token")
    remove.triggered.connect(lambda: intents.token_remove_requested.emit(shape.id))
    return menu


def add_ping(menu: QMenu, cell: tuple[int, int], picture: MapPicture, intents: MapIntents) -> None:
    """ "Ping here" on the deck the displays show: a ring pulses on this cell, on every
    display or (the submenu) on one display, by name."""
    if not picture.on_displays:
        return
    x, y = cell
    menu.addSeparator()
    ping = menu.addAction("Ping here")
    ping.triggered.connect(lambda: intents.ping_requested.emit(x, y, ()))
    if not picture.displays:
        return
    one = menu.addMenu("Ping here on")
    for display, name in sorted(picture.displays.items(), key=lambda d: d[1].lower()):
        action = one.addAction(menu_text(name))
        action.triggered.connect(lambda _=False, d=display: intents.ping_requested.emit(x, y, (d,)))


def floor_menu(
    parent: QWidget, cell: tuple[int, int], picture: MapPicture, intents: MapIntents
) -> QMenu | None:
    """The empty floor's menu: only the ping, on the deck the displays show."""
    x, y = cell
    if not picture.on_displays or not (0 <= x < picture.width and 0 <= y < picture.height):
        return None
    menu = _menu(parent, f"Cell {cell[0]}, {cell[1]}")
    add_ping(menu, cell, picture, intents)
    return menu


def _visibility(menu: QMenu, shown: bool, set_shown: Callable[[bool], None]) -> None:
    """ "Hide from players" for what they see, "Reveal to players" for what they do not."""
    action = menu.addAction("Hide from players" if shown else "Reveal to players")
    action.triggered.connect(lambda: set_shown(not shown))


def _rename(
    menu: QMenu, parent: QWidget, title: str, name: str, answer: Callable[[str], None]
) -> None:
    """A "Rename…" entry that asks for the new name."""
    rename = menu.addAction("Rename…")
    rename.triggered.connect(lambda: _ask_text(parent, title, name, answer))


def _toggled(statuses: tuple[str, ...], status: str, on: bool) -> tuple[str, ...]:
    wanted = (set(statuses) | {status}) if on else (set(statuses) - {status})
    return tuple(s for s in TOKEN_STATUSES if s in wanted)


def _links_in(picture: MapPicture, room_id: str) -> list[LinkShape]:
    return [k for k in picture.links.values() if k.room_id == room_id and k.to_deck]


def _ask_text(parent: QWidget, title: str, name: str, answer: Callable[[str], None]) -> None:
    # open(), never exec(): a nested loop inside the asyncio loop hangs (PITFALLS.md).
    dialog = QInputDialog(parent)
    dialog.setObjectName("RenameDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText("Name")
    dialog.setTextValue(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.textValueSelected.connect(lambda text: answer(text.strip()) if text.strip() else None)
    dialog.open()
