"""What the ship computer can quote: the campaign's passages, each read with the table's state.

A Source is what is searched (fixed per campaign); its Passage is what is said about it now:
a heading (a name and its current status) and the sentences of its text. Nothing is made up:
every word of a passage is the campaign's or the table's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.campaign.markdown import plain_text
from desktop.campaign.model import Campaign, Location, Message
from desktop.model.gauges import current_gauge
from desktop.model.names import words
from desktop.model.state import SystemOverride, TableState, mail_key
from desktop.model.wire import system as system_now

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(*]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Source:
    """A passage of the campaign as it is searched."""

    kind: str  # ship, system, location, room, crew, npc, session, mail
    ref: tuple[str, ...]  # what it is about: a system's name, (slug, room id), ...
    words: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage as the computer may quote it now."""

    kind: str
    heading: str
    sentences: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join((self.heading, *self.sentences))


def sentences(text: str) -> tuple[str, ...]:
    """A text cut into sentences (whitespace folded)."""
    flat = " ".join(text.split())
    return tuple(s for s in _SENTENCE_END.split(flat) if s) if flat else ()


def _line(*parts: str) -> str:
    """Parts joined by commas, ending with a full stop (empty parts left out)."""
    said = ", ".join(p.strip() for p in parts if p and p.strip())
    return said if said.endswith((".", "!", "?")) else f"{said}."


def sources(campaign: Campaign) -> tuple[Source, ...]:
    """Every searchable passage of the campaign."""
    return tuple(_sources(campaign))


def _source(kind: str, ref: tuple[str, ...], name: str, *more: str) -> Source:
    """A source whose name counts twice (a question naming a thing finds it before mentions)."""
    return Source(kind, ref, " ".join((name, name, *more)))


def _sources(campaign: Campaign) -> Iterator[Source]:
    ship = campaign.ship
    if ship is not None:
        yield _source("ship", (), ship.name, ship.ship_class, "ship vessel hull armor")
        for s in ship.systems:
            yield _source("system", (s.name,), words(s.name), "system", s.info)
    for location in campaign.locations.values():
        yield _source("location", (location.slug,), location.name, *_place_words(location))
        for room in location.map.rooms.values() if location.map else ():
            yield _source(
                "room", (location.slug, room.id), room.name, location.name, room.description
            )
        for m in location.messages:
            more = (m.sender, m.recipient, "mail message", _body(m))
            yield _source("mail", (location.slug, m.message_id), m.subject, *more)
    for member in campaign.crew:
        yield _source("crew", (member.id,), member.name, member.role, member.char_class, "crew")
    for npc in campaign.npcs.values():
        yield _source("npc", (npc.id,), npc.name, npc.role, npc.faction, npc.location)
    for session in campaign.sessions:
        for index, block in enumerate(session.body):
            if block.kind in ("p", "li", "quote"):
                text = plain_text((block,))
                yield Source("session", (session.file, str(index)), f"{session.title} {text}")


def _place_words(location: Location) -> tuple[str, ...]:
    """A place's name once more (its description is long, and people name it in passing)."""
    return (location.name, location.type, location.description)


def _body(message: Message) -> str:
    return plain_text(message.body)


def passage(source: Source, campaign: Campaign, state: TableState) -> Passage | None:
    """The source as the table has it now; None when the crew may not know it (unseen mail)."""
    reader = _READERS[source.kind]
    return reader(source.ref, campaign, state)


def _ship(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    ship = campaign.ship
    if ship is None:
        return None
    said: list[str] = []
    for gauge in ("hull", "armor"):
        now = current_gauge(state, campaign, gauge)
        if now is not None and now.maximum:
            said.append(f"{gauge.upper()} {now.current}/{now.maximum}.")
    return Passage("ship", " ".join((_line(ship.name, ship.ship_class), *said)))


def _system(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    ship = campaign.ship
    base = next((s for s in ship.systems if s.name == ref[0]), None) if ship else None
    if base is None:
        return None
    now = system_now(base, state.ship.get(base.name, SystemOverride()))
    condition = now["condition"]
    heading = f"{words(base.name).upper()}: {now['status']}"
    if isinstance(condition, int):
        heading += f", CONDITION {condition}%"
    info = now["info"]
    return Passage("system", f"{heading}.", sentences(info) if isinstance(info, str) else ())


def _location(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    location = campaign.location(ref[0])
    if location is None:
        return None
    heading = _line(location.name, words(location.type).upper(), location.status)
    return Passage("location", heading, sentences(location.description))


def _room(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    location = campaign.location(ref[0])
    room = location.map.rooms.get(ref[1]) if location and location.map else None
    if location is None or room is None:
        return None
    kept = state.locations.get(location.slug)
    status = kept.room_status.get(room.id, room.status) if kept else room.status
    heading = f"{room.name}, {location.name}: {status}."
    return Passage("room", heading, sentences(room.description))


def _mail(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    location = campaign.location(ref[0])
    if location is None or mail_key(ref[0], ref[1]) not in state.read_mail:
        return None
    message = next((m for m in location.messages if m.message_id == ref[1]), None)
    if message is None:
        return None
    heading = _line(message.subject, f"FROM {message.sender}", f"TO {message.recipient}")
    return Passage("mail", heading, sentences(_body(message)))


def _crew(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    member = next((m for m in campaign.crew if m.id == ref[0]), None)
    if member is None:
        return None
    status = member.extra.get("status")
    said: list[str] = [f"STATUS {status}."] if isinstance(status, str) and status else []
    health = current_gauge(state, campaign, "health", member.id)
    if health is not None and health.maximum:
        said.append(f"HEALTH {health.current}/{health.maximum}.")
    return Passage("crew", " ".join((_line(member.name, member.role, member.char_class), *said)))


def _npc(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    """An NPC's name, role, faction, whereabouts and status; never the GM's description."""
    npc = campaign.npcs.get(ref[0])
    if npc is None:
        return None
    place = f"LOCATION {npc.location}." if npc.location else ""
    status = f"STATUS {npc.status}." if npc.status else ""
    heading = _line(npc.name, npc.role, npc.faction)
    return Passage("npc", " ".join(filter(None, (heading, place, status))))


def _session(ref: tuple[str, ...], campaign: Campaign, state: TableState) -> Passage | None:
    session = next((s for s in campaign.sessions if s.file == ref[0]), None)
    if session is None or int(ref[1]) >= len(session.body):
        return None
    heading = _line(f"SESSION {session.session_number}", session.title)
    return Passage("session", heading, sentences(plain_text((session.body[int(ref[1])],))))


_READERS = {
    "ship": _ship,
    "system": _system,
    "location": _location,
    "room": _room,
    "mail": _mail,
    "crew": _crew,
    "npc": _npc,
    "session": _session,
}
