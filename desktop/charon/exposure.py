"""What of a draft the players have not seen: the names it uses of rooms not revealed, NPCs
not on any display, mail not opened. The GM may send them (that is why drafts wait for the
GM), but sees them first."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.campaign.model import Campaign
from desktop.model.state import TableState, mail_key


def gm_only(text: str, campaign: Campaign, state: TableState) -> tuple[str, ...]:
    """What the text names that players have not seen, as the GM reads it (no repeats)."""
    said = _folded(text)
    found = (*_rooms(said, campaign, state), *_npcs(said, campaign, state))
    return tuple(dict.fromkeys((*found, *_mail(said, campaign, state))))


_WORD = re.compile(r"\w+")


def _folded(text: str) -> str:
    """The text's words, lower case, one space apart and around (a name matches whole words)."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _names(said: str, name: str) -> bool:
    words = _folded(name)
    return bool(words.strip()) and words in said


def _rooms(said: str, campaign: Campaign, state: TableState) -> Iterator[str]:
    hidden: dict[str, bool] = {}
    for location in campaign.locations.values():
        kept = state.locations.get(location.slug)
        revealed = kept.revealed if kept else frozenset()
        for room in location.map.rooms.values() if location.map else ():
            seen = room.id in revealed or not hidden.get(room.name, True)
            hidden[room.name] = not seen
    yield from (f"{name} (not revealed)" for name, h in hidden.items() if h and _names(said, name))


def _npcs(said: str, campaign: Campaign, state: TableState) -> Iterator[str]:
    for npc in campaign.npcs.values():
        if _names(said, npc.name) and not _npc_seen(npc.id, npc.name, state):
            yield f"{npc.name} (not seen by the players)"


def _npc_seen(npc_id: str, name: str, state: TableState) -> bool:
    """On a display now: a portrait shown, or a token of theirs in a revealed room."""
    if npc_id in state.portraits:
        return True
    return any(
        token.name == name and not token.hidden and token.room_id in kept.revealed
        for kept in state.locations.values()
        for token in kept.tokens.values()
    )


def _mail(said: str, campaign: Campaign, state: TableState) -> Iterator[str]:
    for location in campaign.locations.values():
        for m in location.messages:
            opened = mail_key(location.slug, m.message_id) in state.read_mail
            if not opened and _names(said, m.subject):
                yield f"mail “{m.subject}” (not opened)"
