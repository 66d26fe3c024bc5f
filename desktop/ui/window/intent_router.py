"""Turns the views' intents into actions: the only module that builds actions for the window."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject

from desktop.campaign.presets import TimerPreset
from desktop.model import actions as a
from desktop.model.errors import DomainError
from desktop.model.timers import Phase
from desktop.ui.map.arrival import arrival_cell
from desktop.ui.map.focus import Focus, deck_for
from desktop.ui.map.placement import Placed, creature_name, is_person, placed
from desktop.ui.map.token_mime import TokenTemplate
from desktop.ui.window.dispatcher import INFO_TIMEOUT_MS, Dispatcher

MoveQuestion = Callable[[str, str, Callable[[], None], Callable[[], None]], None]


class IntentRouter(QObject):
    """One method per intent; encounter writes carry the focus's location and deck."""

    def __init__(self, dispatcher: Dispatcher, focus: Focus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dispatcher = dispatcher
        self.focus = focus
        # Asks the GM (name, where, on_move, on_copy) when a placed character is dropped again.
        self.ask_move: MoveQuestion | None = None

    @property
    def _where(self) -> dict[str, str]:
        return {"location_slug": self.focus.location_slug, "deck_id": self.focus.deck_id}

    def _do(self, action: a.Action) -> bool:
        return self.dispatcher.dispatch(action)

    # --- views and focus -------------------------------------------------------------------

    def switch_view(self, view: str) -> None:
        """A view button: ENCOUNTER brings the players back to the place and deck they last
        saw (the GM's focus only when they never saw one; showing it is `show_focus`)."""
        if view == "ENCOUNTER" and not self.dispatcher.store.state.location_slug:
            self.show_focus()
        else:
            self._do(a.SwitchView(view))

    def show_focus(self) -> None:
        """Show the GM's focus to the players: its location and its deck, one undo step."""
        slug, deck = self.focus.location_slug, self.focus.deck_id
        if not slug:
            self._do(a.SwitchView("ENCOUNTER"))
            return
        location = self.dispatcher.store.campaign.location(slug)
        parts: tuple[a.Action, ...] = (a.SwitchView("ENCOUNTER", slug),)
        if deck:
            parts += (a.SwitchLevel(deck, location_slug=slug),)
        name = f"Show {location.name if location else slug}"
        self._do(a.Composite(parts, name))

    def choose_location(self, slug: str) -> None:
        store = self.dispatcher.store
        self.focus.set(slug, deck_for(store.state, store.campaign, slug))

    def show_location(self, slug: str) -> None:
        self.choose_location(slug)
        self.show_focus()

    def hold(self, on: bool) -> None:
        self._do(a.SetHold(on))

    # --- the map ---------------------------------------------------------------------------

    def rooms_visibility(self, wanted: Mapping[str, bool]) -> None:
        if len(wanted) == 1:
            ((room_id, visible),) = wanted.items()
            self._do(a.ToggleRoom(room_id, visible, **self._where))
        elif wanted:
            self._do(a.SetRoomVisibility(tuple(sorted(wanted.items())), **self._where))

    def all_rooms(self, visible: bool) -> None:
        """Reveal or hide every room of the focused deck."""
        location = self.dispatcher.store.campaign.location(self.focus.location_slug)
        deck = location.map.deck(self.focus.deck_id) if location and location.map else None
        if deck is not None and deck.rooms:
            self._do(a.SetRoomVisibility(tuple((r.id, visible) for r in deck.rooms), **self._where))

    def room_status(self, room_id: str, status: str) -> None:
        self._do(a.SetRoomStatus(room_id, status, **self._where))

    def room_description(self, room_id: str, shown: bool) -> None:
        self._do(a.SetRoomDescription(room_id, shown, **self._where))

    def door_status(self, door_id: str, status: str) -> None:
        self._do(a.SetDoorStatus(door_id, status, **self._where))

    def poi_visibility(self, poi_id: str, visible: bool) -> None:
        self._do(a.TogglePoi(poi_id, visible, **self._where))

    def rename_marker(self, poi_id: str, name: str) -> None:
        self._do(a.RenameMarker(poi_id, name, **self._where))

    def remove_marker(self, poi_id: str) -> None:
        self._do(a.RemoveMarker(poi_id, **self._where))

    def show_terminal(self, location_slug: str, terminal_slug: str) -> None:
        self._do(a.ShowTerminal(location_slug, terminal_slug))

    def show_focus_terminal(self, terminal_slug: str) -> None:
        self.show_terminal(self.focus.location_slug, terminal_slug)

    def hide_terminal(self) -> None:
        self._do(a.HideTerminal())

    # --- tokens ----------------------------------------------------------------------------

    def place_token(self, template: TokenTemplate, x: int, y: int) -> None:
        """A palette drop: a character already on the map asks to move instead; creature
        copies get distinct names (Hollowed 1, Hollowed 2)."""
        store = self.dispatcher.store
        if is_person(store.campaign, template) and self.ask_move is not None:
            at = placed(store.state, store.campaign, template)
            if at is not None:
                where = (self.focus.location_slug, self.focus.deck_id)
                self.ask_move(
                    template.name,
                    at.where,
                    lambda: self._move_here(at, template, x, y, *where),
                    lambda: self._place(template, x, y, *where),
                )
                return
        self._place(template, x, y, self.focus.location_slug, self.focus.deck_id)

    def _place(self, template: TokenTemplate, x: int, y: int, slug: str, deck: str) -> None:
        name = template.name
        if template.type == "creature":
            name = creature_name(self.dispatcher.store.state, slug, name)
        self._do(a.PlaceToken(template.type, name, x, y, template.image, slug, deck))

    def _move_here(
        self, at: Placed, template: TokenTemplate, x: int, y: int, slug: str, deck: str
    ) -> None:
        """One action: a move on the same location, else remove there and place here."""
        loc = self.dispatcher.store.state.locations.get(at.location_slug)
        if loc is None or at.token.id not in loc.tokens:  # gone meanwhile: place it anew
            self._place(template, x, y, slug, deck)
        elif at.location_slug == slug:
            self._do(a.MoveToken(at.token.id, x, y, deck_id=deck, location_slug=slug))
        else:
            token = at.token
            place = a.PlaceToken(token.type, token.name, x, y, token.image, slug, deck)
            remove = a.RemoveToken(token.id, at.location_slug)
            self._do(a.Composite((remove, place), f"Move {token.name} here"))

    def move_token(self, token_id: str, x: int, y: int) -> None:
        self._do(a.MoveToken(token_id, x, y, **self._where))

    def take_ladder(self, token_id: str, deck_id: str, room_id: str) -> None:
        store, slug = self.dispatcher.store, self.focus.location_slug
        location = store.campaign.location(slug)
        room = location.map.rooms.get(room_id) if location and location.map else None
        cell = arrival_cell(room, deck_id, store.state.locations.get(slug)) if room else None
        if cell is None:
            self.dispatcher.message_shown.emit("No free cell on the other side", INFO_TIMEOUT_MS)
            return
        self._do(a.MoveToken(token_id, cell[0], cell[1], deck_id=deck_id, location_slug=slug))

    def token_status(self, token_id: str, statuses: tuple[str, ...]) -> None:
        self._do(a.UpdateTokenStatus(token_id, statuses, self.focus.location_slug))

    def rename_token(self, token_id: str, name: str) -> None:
        self._do(a.RenameToken(token_id, name, self.focus.location_slug))

    def remove_token(self, token_id: str) -> None:
        self._do(a.RemoveToken(token_id, self.focus.location_slug))

    def display_frame(self, display: str, rect: tuple[float, float, float, float]) -> None:
        """The display's camera becomes this GM frame (cells of the deck it shows)."""
        x, y, w, h = rect
        camera = {"mode": "frame", "x": x, "y": y, "w": w, "h": h}
        self._do(a.SetDisplay.from_body({"camera": camera}, display=display))

    def ping(self, x: int, y: int, displays: tuple[str, ...]) -> None:
        """A ring pulses on a cell of the shown deck, on these displays (all: none named)."""
        self._do(a.PingCell(x, y, displays=displays))

    def clear_tokens(self) -> None:
        self._do(a.ClearTokens(**self._where))

    def reset_location(self) -> None:
        self._do(a.ResetLocation(self.focus.location_slug))

    def new_session(self) -> None:
        self._do(a.NewSession())

    def permissions(self, movable: tuple[str, ...]) -> None:
        self._do(a.SetPlayerPermissions(tuple(movable)))

    def through_doors(self, rule: str) -> None:
        self._do(a.SetPlayerPermissions(None, rule))

    # --- people, ship, messages ------------------------------------------------------------

    def toggle_portrait(self, npc_id: str, display: str = "") -> None:
        self._do(a.TogglePortrait(npc_id, (display,) if display else ()))

    def ship_system(self, system: str, status: str, condition: int, info: str) -> None:
        self._do(a.SetShipSystem(system, status, condition, info))

    def gauge(self, gauge: str, value: int, crew_id: str) -> None:
        self._do(a.SetGauge(gauge, value, crew_id))

    def conditions(self, crew_id: str, conditions: list[str]) -> None:
        self._do(a.SetConditions(crew_id, tuple(conditions)))

    # --- the Warden's layer ----------------------------------------------------------------

    def roll(self, dice: str, who: str) -> None:
        self._do_body(a.RollDice, {"dice": dice, "for": who})

    def panic(self, crew_id: str) -> None:
        self._do(a.RollDice(who=crew_id, panic=True))

    def show_roll(self, roll_id: str, shown: bool, display: str) -> None:
        self._do(a.ShowRoll(roll_id, shown, (display,) if display else ()))

    def start_timer(self, label: str, seconds: int, display: str = "") -> None:
        body = {"label": label, "seconds": seconds, "displays": [display] if display else []}
        self._do_body(a.StartTimer, body)

    def start_preset(self, preset: TimerPreset, display: str = "") -> None:
        phases = tuple(Phase(name, seconds * 1000) for name, seconds in preset.phases)
        shown = (display,) if display else ()
        self._do(a.StartTimer(preset.label, preset.seconds or None, phases, shown))

    def control_timer(self, timer_id: str, action: str, seconds: int) -> None:
        self._do_body(a.ControlTimer, {"timer_id": timer_id, "action": action, "seconds": seconds})

    def alert(self, alert: str, active: bool) -> None:
        self._do_body(a.SetAlert, {"alert": alert, "active": active})

    def clear_alerts(self) -> None:
        self._do(a.ClearAlerts())

    def room_atmosphere(self, room_id: str, effects: tuple[str, ...]) -> None:
        slug = self.focus.location_slug
        self._do(a.SetAtmosphere(room_id, tuple(effects), location_slug=slug))

    def play_sound(self, sound: str, display: str) -> None:
        self._do(a.PlaySound(sound, (display,) if display else ()))

    def ambient(self, sound: str, display: str) -> None:
        self._do(a.SetAmbient(sound, (display,) if display else ()))

    def _do_body(self, action_type: type[a.Action], body: dict[str, object]) -> bool:
        """An action read from a body as the HTTP API reads it (its checks and messages)."""
        try:
            action = action_type.from_body(body)
        except DomainError as exc:
            self.dispatcher.refuse(exc.message)
            return False
        return self._do(action)

    def broadcast(self, content: str, sender: str, priority: str, display: str = "") -> bool:
        shown = (display,) if display else ()
        return self._do(a.SendBroadcast(content, sender, priority, shown))

    def clear_broadcasts(self) -> None:
        self._do(a.ClearBroadcasts())

    def star_visibility(self, key: str, visible: bool) -> None:
        self._do(a.SetStarVisibility(key, visible))

    def ship_course(self, at: str, to: str) -> None:
        self._do(a.SetShipCourse(at, to))

    def show_star_view(self, view: str) -> None:
        self._do(a.ShowStarView(view))

    def charon_mode(self, mode: str) -> None:
        self._do(a.SetCharonMode(mode))

    def charon_dialog(self, open_: bool) -> None:
        self._do(a.ToggleDialog(open_))

    def charon_say(self, channel: str, content: str, in_reply_to: str) -> bool:
        return self._do(a.CharonSend(channel, content, in_reply_to))

    def charon_dismiss(self, channel: str, question_id: str) -> None:
        self._do(a.DismissQuestion(channel, question_id))

    def charon_clear(self, channel: str) -> None:
        self._do(a.ClearConversation(channel))

    def charon_approve(self, channel: str, draft_id: str, edited: str) -> None:
        """Send a draft; `edited` ("" for none) replaces its text."""
        self._do(a.ApproveDraft(channel, draft_id, edited or None))

    def charon_reject(self, channel: str, draft_id: str) -> None:
        self._do(a.RejectDraft(channel, draft_id))
