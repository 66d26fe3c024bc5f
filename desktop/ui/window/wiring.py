"""Connects the window's views and menus to the intent router and to each other."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

from desktop.model.actions.displays import SetDisplay
from desktop.model.actions.handouts import ShowHandout
from desktop.ui.map.editor.opener import import_into, new_map_into, open_deck_editor
from desktop.ui.map.focus import Focus
from desktop.ui.map.panel import MapPanel
from desktop.ui.panels.broadcast import BroadcastPanel
from desktop.ui.panels.charon import CharonPanel
from desktop.ui.panels.countdowns import AlertsPanel
from desktop.ui.panels.crew import CrewPanel
from desktop.ui.panels.dice import DicePanel
from desktop.ui.panels.displays import DisplaysPanel
from desktop.ui.panels.location_tree import LocationTree
from desktop.ui.panels.portraits import PortraitPanel
from desktop.ui.panels.ship import ShipPanel
from desktop.ui.panels.soundboard import SoundPanel
from desktop.ui.panels.starmap import StarMapPanel
from desktop.ui.panels.tokens import TokensPanel
from desktop.ui.services import WindowServices
from desktop.ui.window.alert_badge import AlertBadge
from desktop.ui.window.dispatcher import Dispatcher
from desktop.ui.window.handout_drop import HandoutDrop
from desktop.ui.window.help import WindowHelp
from desktop.ui.window.intent_router import IntentRouter
from desktop.ui.window.menus import WindowMenus
from desktop.ui.window.model_dialog import ask_chat_model
from desktop.ui.window.move_question import ask_move_or_copy
from desktop.ui.window.refresher import ViewRefresher
from desktop.ui.window.settings import WindowSettings
from desktop.ui.window.view_switcher import ViewSwitcher


class WiredWindow(Protocol):
    """The parts of the window the wiring connects (the main window is one)."""

    router: IntentRouter
    refresher: ViewRefresher
    focus: Focus
    dispatcher: Dispatcher
    map_panel: MapPanel
    tree: LocationTree
    switcher: ViewSwitcher
    tokens: TokensPanel
    portraits: PortraitPanel
    ship: ShipPanel
    crew: CrewPanel
    dice: DicePanel
    alerts: AlertsPanel
    alert_badge: AlertBadge
    sound: SoundPanel
    broadcast: BroadcastPanel
    displays: DisplaysPanel
    star_map: StarMapPanel
    charon: CharonPanel
    menus: WindowMenus
    help: WindowHelp
    services: WindowServices
    docks: dict[str, QDockWidget]

    def window(self) -> QWidget: ...
    def statusBar(self) -> QStatusBar: ...
    def close(self) -> bool: ...
    def sync(self) -> None: ...
    def ask_campaign_folder(self) -> None: ...
    def reload_campaign(self) -> None: ...
    def confirm_clear_tokens(self) -> None: ...
    def confirm_reset_location(self) -> None: ...
    def confirm_new_session(self) -> None: ...


def wire_intents(w: WiredWindow) -> None:
    """Every `*_requested` signal of the window's views goes to one router method."""
    r = w.router
    w.refresher.refreshed.connect(w.sync)
    HandoutDrop(w.window(), w.dispatcher, w.statusBar())  # kept by the window, its parent

    def stars() -> None:
        w.star_map.sync(w.dispatcher.store.state, w.dispatcher.store.campaign)

    w.refresher.refreshed.connect(stars)
    stars()
    w.focus.changed.connect(w.refresher.schedule)
    w.dispatcher.message_shown.connect(w.statusBar().showMessage)
    # A refused action changes nothing, but toggles the GM clicked must show the truth again.
    w.dispatcher.refused.connect(w.refresher.schedule)
    _wire_map(w)
    w.tree.location_chosen.connect(r.choose_location)
    w.tree.location_show_requested.connect(r.show_location)
    w.tree.terminal_show_requested.connect(r.show_terminal)
    w.tree.terminal_hide_requested.connect(r.hide_terminal)
    w.switcher.view_requested.connect(r.switch_view)
    w.tokens.permissions.permissions_requested.connect(r.permissions)
    w.tokens.permissions.through_doors_requested.connect(r.through_doors)
    w.portraits.toggle_requested.connect(r.toggle_portrait)
    w.tokens.palette_list.placed_clicked.connect(w.map_panel.show_token)

    def ask_move(
        name: str, where: str, on_move: Callable[[], None], on_copy: Callable[[], None]
    ) -> None:
        ask_move_or_copy(w.window(), name, where, on_move, on_copy)

    r.ask_move = ask_move
    w.ship.system_requested.connect(r.ship_system)
    w.ship.gauge_requested.connect(r.gauge)
    w.crew.gauge_requested.connect(r.gauge)
    w.crew.conditions_requested.connect(r.conditions)
    w.dice.roll_requested.connect(r.roll)
    w.dice.panic_requested.connect(r.panic)
    w.dice.show_requested.connect(r.show_roll)
    w.alerts.start_requested.connect(r.start_timer)
    w.alerts.control_requested.connect(r.control_timer)
    w.alerts.preset_requested.connect(r.start_preset)
    w.alerts.alert_requested.connect(r.alert)
    w.alerts.clear_requested.connect(r.clear_alerts)
    w.alert_badge.clicked.connect(r.clear_alerts)
    w.sound.play_requested.connect(r.play_sound)
    w.sound.ambient_requested.connect(r.ambient)

    def send_broadcast(content: str, sender: str, priority: str, display: str) -> None:
        if r.broadcast(content, sender, priority, display):
            w.broadcast.clear_message()

    def charon_say(channel: str, content: str, in_reply_to: str) -> None:
        if r.charon_say(channel, content, in_reply_to):
            w.charon.clear_input()

    def set_display(display: str, body: object) -> None:
        if isinstance(body, dict):
            w.dispatcher.dispatch(SetDisplay.from_body(body, display=display))

    w.broadcast.broadcast_requested.connect(send_broadcast)
    w.broadcast.clear_requested.connect(r.clear_broadcasts)
    w.displays.settings_requested.connect(set_display)

    def show_handout(key: str, displays: object, seconds: int) -> None:
        chosen = (
            tuple(d for d in displays if isinstance(d, str)) if isinstance(displays, list) else ()
        )
        w.dispatcher.dispatch(ShowHandout(key, displays=chosen, clear_after=seconds))

    w.displays.handout_form.show_requested.connect(show_handout)
    w.charon.mode_requested.connect(r.charon_mode)
    w.charon.dialog_requested.connect(r.charon_dialog)
    w.charon.say_requested.connect(charon_say)
    w.charon.dismiss_requested.connect(r.charon_dismiss)
    w.charon.clear_requested.connect(r.charon_clear)
    w.charon.drafts.approve_requested.connect(r.charon_approve)
    w.charon.drafts.reject_requested.connect(r.charon_reject)
    w.charon.draft_requested.connect(w.services.draft_from_prompt)
    w.star_map.visibility_requested.connect(r.star_visibility)
    w.star_map.ship_requested.connect(r.ship_course)
    w.star_map.show_requested.connect(r.show_star_view)
    w.star_map.location_requested.connect(r.choose_location)
    _wire_menus(w)


def _wire_map(w: WiredWindow) -> None:
    r, intents, bar = w.router, w.map_panel.view.intents, w.map_panel.bar
    intents.rooms_visibility_requested.connect(r.rooms_visibility)
    intents.room_status_requested.connect(r.room_status)
    intents.room_atmosphere_requested.connect(r.room_atmosphere)
    intents.room_description_requested.connect(r.room_description)
    intents.door_status_requested.connect(r.door_status)
    intents.poi_visibility_requested.connect(r.poi_visibility)
    intents.marker_rename_requested.connect(r.rename_marker)
    intents.marker_remove_requested.connect(r.remove_marker)
    intents.terminal_show_requested.connect(r.show_focus_terminal)
    intents.token_place_requested.connect(r.place_token)
    intents.token_move_requested.connect(r.move_token)
    intents.token_ladder_requested.connect(r.take_ladder)
    intents.token_status_requested.connect(r.token_status)
    intents.token_rename_requested.connect(r.rename_token)
    intents.token_remove_requested.connect(r.remove_token)
    intents.display_frame_requested.connect(r.display_frame)
    intents.ping_requested.connect(r.ping)
    bar.show_requested.connect(r.show_focus)
    bar.hold_requested.connect(r.hold)


def _wire_menus(w: WiredWindow) -> None:
    m, r, panel = w.menus, w.router, w.map_panel
    m.open.triggered.connect(w.ask_campaign_folder)
    m.reload.triggered.connect(w.reload_campaign)
    m.chat_model.triggered.connect(lambda: ask_chat_model(w.window(), w.services))
    folders = WindowSettings(w.services.settings_path)  # where file choosers open
    m.edit_map.triggered.connect(
        lambda: open_deck_editor(w.map_panel, w.statusBar(), w.reload_campaign)
    )
    m.import_map.triggered.connect(
        lambda: import_into(w.map_panel, w.statusBar(), w.reload_campaign, folders)
    )
    m.new_map.triggered.connect(
        lambda: new_map_into(w.map_panel, w.statusBar(), w.reload_campaign, folders)
    )
    m.quit.triggered.connect(w.close)
    m.undo.triggered.connect(w.dispatcher.undo)
    m.redo.triggered.connect(w.dispatcher.redo)
    m.reveal_all.triggered.connect(lambda: r.all_rooms(True))
    m.hide_all.triggered.connect(lambda: r.all_rooms(False))
    m.clear_tokens.triggered.connect(w.confirm_clear_tokens)
    m.reset_location.triggered.connect(w.confirm_reset_location)
    m.new_session.triggered.connect(w.confirm_new_session)
    m.show_focus.triggered.connect(r.show_focus)
    m.hold.triggered.connect(r.hold)
    m.preview.toggled.connect(panel.set_preview)
    panel.bar.preview_toggled.connect(m.preview.setChecked)
    m.fit.triggered.connect(panel.view.fit)
    m.zoom_in.triggered.connect(lambda: panel.view.zoom_by(1.25))
    m.zoom_out.triggered.connect(lambda: panel.view.zoom_by(0.8))
    for dock in w.docks.values():
        m.docks_menu.addAction(dock.toggleViewAction())
    m.table_ready.triggered.connect(lambda: w.help.show_table_ready())
    m.shortcuts.triggered.connect(w.help.show_shortcuts)
    m.guide.triggered.connect(w.help.show_guide)
