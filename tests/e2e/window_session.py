"""A GM session on the sample, gesture by gesture, with what each gesture means.

Each step is a gesture on the real window (through WindowDriver) and the change it intends,
written as actions on a reference Store. After the session the players' snapshot of the app
must equal the reference's: the window did exactly what the GM meant, no more, no less.
The same session is played by scripts/window_rehearsal.py, with a screenshot per step.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from desktop.model import actions as a
from desktop.model.store import Store
from tests.e2e.window_driver import WindowDriver

SHIP, STATION = "hadal_wren", "lantern_station"
Intent = Callable[[Store], None]
Ask = Callable[[str, str], Awaitable[None]]  # (channel, question): a player asks over HTTP


@dataclass(frozen=True)
class Step:
    """One GM gesture (or a player's question) and the change it means."""

    name: str
    gesture: Callable[[WindowDriver], None]
    intent: Intent
    gm_actions: int = 1  # how many GM actions the gesture is (0: the player's own)
    shot: bool = True


def token_id(store: Store, name: str) -> str:
    """The reference store's id of a token, by its name (ids are random per store)."""
    for place in store.state.locations.values():
        for token in place.tokens.values():
            if token.name == name:
                return token.id
    raise KeyError(name)


def _d(*actions: a.Action) -> Intent:
    def run(store: Store) -> None:
        for action in actions:
            store.dispatch(action)

    return run


def _show(slug: str, deck: str) -> Intent:
    return _d(a.Composite((a.SwitchView("ENCOUNTER", slug), a.SwitchLevel(deck, slug)), "Show"))


def _reveal(room: str, slug: str, deck: str) -> Step:
    return Step(
        f"reveal-{room}",
        lambda d: d.reveal(room),
        _d(a.ToggleRoom(room, True, location_slug=slug, deck_id=deck)),
    )


def _door(door: str, status: str, slug: str, deck: str) -> Step:
    return Step(
        f"door-{door}-{status.lower()}",
        lambda d: d.door(door, status.capitalize()),
        _d(a.SetDoorStatus(door, status, location_slug=slug, deck_id=deck)),
    )


def _place(
    name: str, kind: str, image: str, x: int, y: int, slug: str, deck: str, as_: str = ""
) -> Step:
    return Step(
        f"place-{(as_ or name).replace(' ', '-').lower()}",
        lambda d: d.place(name, x, y),
        _d(a.PlaceToken(kind, as_ or name, x, y, image, slug, deck)),
    )


def _move(name: str, x: int, y: int, slug: str, deck: str) -> Step:
    def intent(store: Store) -> None:
        store.dispatch(a.MoveToken(token_id(store, name), x, y, location_slug=slug, deck_id=deck))

    return Step(f"move-{name.split()[-1].lower()}", lambda d: d.move(name, x, y), intent)


def _status(name: str, statuses: tuple[str, ...], entry: str, slug: str) -> Step:
    def intent(store: Store) -> None:
        store.dispatch(a.UpdateTokenStatus(token_id(store, name), statuses, slug))

    return Step(
        f"status-{name.split()[-1].lower()}-{entry.lower()}",
        lambda d: d.token_menu(name, entry),
        intent,
    )


def _look(slug: str) -> Step:
    return Step(f"look-{slug}", lambda d: d.look_at(slug), lambda _s: None, 0, shot=False)


def _deck(deck: str) -> Step:
    return Step(f"deck-{deck}", lambda d: d.deck(deck), lambda _s: None, 0, shot=False)


def _answer(text: str) -> Intent:
    def intent(store: Store) -> None:
        channel = store.state.charon_channel
        entries = store.state.charon.conversations.get(channel, ())
        waiting = next(e.id for e in entries if e.pending)
        store.dispatch(a.CharonSend(channel, text, waiting))

    return intent


def _say(text: str) -> Intent:
    def intent(store: Store) -> None:
        store.dispatch(a.CharonSend(store.state.charon_channel, text, ""))

    return intent


def _deck_one() -> list[Step]:
    s, d1 = SHIP, "deck_1"
    return [
        Step("bridge", lambda d: d.view("BRIDGE"), _d(a.SwitchView("BRIDGE"))),
        Step("standby", lambda d: d.view("STANDBY"), _d(a.SwitchView("STANDBY"))),
        _look(SHIP),
        Step("show-ship", lambda d: d.show_focus(), _show(s, d1)),
        _reveal("airlock", s, d1),
        _reveal("suit_locker", s, d1),
        _reveal("d1_corridor", s, d1),
        _door("door_airlock_inner", "OPEN", s, d1),
        _place("Ines Marlowe", "player", "crew:marlowe", 2, 8, s, d1),
        _place("Rook Adeyemi", "player", "crew:adeyemi", 3, 9, s, d1),
        _place("Dr. Halvard Sunde", "player", "crew:sunde", 5, 8, s, d1),
        _place("Juno Castellane", "player", "crew:castellane", 6, 9, s, d1),
        _place("QUILL", "player", "crew:quill", 9, 8, s, d1),
        _move("Ines Marlowe", 16, 9, s, d1),
        _reveal("crew_quarters", s, d1),
        _door("door_quarters", "LOCKED", s, d1),
        _door("door_medbay", "OPEN", s, d1),
        _reveal("medbay", s, d1),
        _place("Rime crawler", "creature", "token:rime_crawler", 11, 12, s, d1, "Rime crawler 1"),
        _status("Rime crawler 1", ("hidden",), "Hidden", s),
        _status("Rook Adeyemi", ("wounded",), "Wounded", s),
        _move("QUILL", 12, 11, s, d1),
        _status("Rime crawler 1", (), "Hidden", s),
        Step(
            "medbay-hazard",
            lambda d: d.room_menu("medbay", "Hazard"),
            _d(a.SetRoomStatus("medbay", "HAZARD", location_slug=s, deck_id=d1)),
        ),
    ]


def _people_and_messages(ask: Ask) -> list[Step]:
    return [
        Step("portrait-kesh", lambda d: d.portrait("kesh"), _d(a.TogglePortrait("kesh"))),
        Step("portrait-vigil", lambda d: d.portrait("vigil"), _d(a.TogglePortrait("vigil"))),
        Step("dismiss-kesh", lambda d: d.portrait("kesh"), _d(a.TogglePortrait("kesh"))),
        Step(
            "broadcast",
            lambda d: d.broadcast("Docking collar sealed.", "HIGH", "LANTERN CONTROL"),
            _d(a.SendBroadcast("Docking collar sealed.", "LANTERN CONTROL", "HIGH")),
        ),
        Step(
            "terminal-mail",
            lambda d: d.terminal(STATION, "kesh_lab"),
            _d(a.ShowTerminal(STATION, "kesh_lab")),
        ),
        Step("terminal-closed", lambda d: d.terminal(STATION, "kesh_lab"), _d(a.HideTerminal())),
        Step("charon-query", lambda d: d.charon_mode("QUERY"), _d(a.SetCharonMode("QUERY"))),
    ]


def _hold_and_more() -> list[Step]:
    s, d1 = SHIP, "deck_1"
    return [
        Step(
            "charon-answer",
            lambda d: d.charon_answer("One is not crew."),
            _answer("One is not crew."),
        ),
        Step("charon-say", lambda d: d.charon_say("Stay together."), _say("Stay together.")),
        Step("hold", lambda d: d.hold(), _d(a.SetHold(True))),
        _reveal("galley", s, d1),
        _door("door_cabin", "OPEN", s, d1),
        _reveal("captains_cabin", s, d1),
        Step("release", lambda d: d.hold(), _d(a.SetHold(False))),
        _status("Juno Castellane", ("panicked",), "Panicked", s),
        _move("Juno Castellane", 15, 5, s, d1),
        _place("Crate", "object", "token:crate", 20, 5, s, d1),
        Step("bridge-again", lambda d: d.view("BRIDGE"), _d(a.SwitchView("BRIDGE"))),
        Step("encounter-again", lambda d: d.view("ENCOUNTER"), _d(a.SwitchView("ENCOUNTER"))),
    ]


def _deck_two() -> list[Step]:
    s, d2 = SHIP, "deck_2"
    return [
        _deck(d2),
        Step("show-deck-2", lambda d: d.show_focus(), _show(s, d2)),
        _reveal("d2_corridor", s, d2),
        _reveal("engineering", s, d2),
        _door("door_engineering", "CLOSED", s, d2),
        _place("Hollowed", "creature", "token:hollowed", 3, 7, s, d2, "Hollowed 1"),
        _place("Hollowed", "creature", "token:hollowed", 4, 8, s, d2, "Hollowed 2"),
        _status("Hollowed 2", ("dead",), "Dead", s),
        Step(
            "engineering-warning",
            lambda d: d.room_menu("engineering", "Warning"),
            _d(a.SetRoomStatus("engineering", "WARNING", location_slug=s, deck_id=d2)),
        ),
        Step("undo", lambda d: d.w.menus.undo.trigger(), lambda store: _undo(store)),
        _reveal("life_support", s, d2),
        _door("door_life_support", "OPEN", s, d2),
        Step(
            "broadcast-critical",
            lambda d: d.broadcast("Reactor scram in ten minutes.", "CRITICAL"),
            _d(a.SendBroadcast("Reactor scram in ten minutes.", "", "CRITICAL")),
        ),
        Step("portrait-brandt", lambda d: d.portrait("brandt"), _d(a.TogglePortrait("brandt"))),
    ]


def _undo(store: Store) -> None:
    store.undo()


def _station() -> list[Step]:
    st, lantern = STATION, "lantern"
    return [
        _look(STATION),
        Step("show-station", lambda d: d.show_focus(), _show(st, lantern)),
        _reveal("docking_ring", st, lantern),
        _reveal("receiving", st, lantern),
        _door("st_door_decon", "LOCKED", st, lantern),
        _place("Anwen Roe", "npc", "npc:roe", 2, 8, st, lantern),
        _status("Anwen Roe", ("stunned",), "Stunned", st),
    ]


def steps(ask: Ask) -> list[Step]:
    """The whole session, in order (60 GM actions and one player question)."""
    question = Step("player-asks", lambda _d: None, lambda _s: None, 0)
    return [
        *_deck_one(),
        *_people_and_messages(ask),
        question,
        *_hold_and_more(),
        *_deck_two(),
        *_station(),
    ]


QUESTION = "Which six? There are five of us."


async def play(
    driver: WindowDriver, reference: Store, ask: Ask, on_step: Callable[[Step], Awaitable[Any]]
) -> int:
    """Play every step on the window and its intent on the reference; answers the GM actions
    counted. `ask(channel, question)` makes a player ask over HTTP (and on the reference)."""
    count = 0
    for step in steps(ask):
        if step.name == "player-asks":
            channel = reference.state.charon_channel
            await ask(channel, QUESTION)
            reference.dispatch(a.SubmitQuestion(channel, QUESTION), actor="player")
        else:
            step.gesture(driver)
            step.intent(reference)
        count += step.gm_actions
        await driver.settle()
        await on_step(step)
    return count
