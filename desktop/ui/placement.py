"""Who is on the map already: placed characters, and distinct names for creature copies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.campaign.model import Campaign
from desktop.model.state import TableState, Token
from desktop.ui.token_mime import TokenTemplate

PEOPLE_KINDS = ("player", "npc")


@dataclass(frozen=True, slots=True)
class Placed:
    """A token of a template: where it is and a human line saying so."""

    location_slug: str
    token: Token
    where: str  # "Hadal Wren · Command deck · Bridge"
    room: str  # "Bridge" (the room's name, else the location's)


def is_person(campaign: Campaign, template: TokenTemplate) -> bool:
    """A crew member or NPC of the campaign (one of a kind), not a generic template."""
    if template.type == "player":
        return any(m.name == template.name for m in campaign.crew)
    if template.type == "npc":
        return any(n.name == template.name for n in campaign.npcs.values())
    return False


def _matches(token: Token, template: TokenTemplate) -> bool:
    if template.image and token.image:
        return token.image == template.image
    return (token.type, token.name) == (template.type, template.name)


def placed(state: TableState, campaign: Campaign, template: TokenTemplate) -> Iterator[Placed]:
    """The tokens of a template on any location, with where they are."""
    for slug, loc in state.locations.items():
        for token in loc.tokens.values():
            if token.room_id and _matches(token, template):
                where = _where(campaign, slug, token)
                yield Placed(slug, token, " · ".join(where), where[-1])


def _where(campaign: Campaign, slug: str, token: Token) -> list[str]:
    location = campaign.location(slug)
    if location is None or location.map is None:
        return [slug]
    parts = [location.name]
    deck = location.map.deck(token.deck_id)
    if deck is not None and len(location.map.decks) > 1:
        parts.append(deck.name)
    room = location.map.rooms.get(token.room_id)
    if room is not None:
        parts.append(room.name)
    return parts


def numbered_name(base: str, names: Iterator[str] | list[str]) -> str:
    """`base N` with N one above the highest number already used after base (from 1)."""
    pattern = re.compile(rf"^{re.escape(base)} (\d+)$")
    used = [int(m.group(1)) for name in names if (m := pattern.match(name))]
    return f"{base} {max(used, default=0) + 1}"


def creature_name(state: TableState, slug: str, base: str) -> str:
    """A distinct name for a new creature copy at a location: Hollowed 1, Hollowed 2, …"""
    loc = state.locations.get(slug)
    return numbered_name(base, [t.name for t in loc.tokens.values()] if loc else [])
