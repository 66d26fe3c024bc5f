"""Who is on the map already: placed characters, and distinct names for creature copies."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.campaign.model import Campaign
from desktop.model.state import TableState, Token
from desktop.ui.map.token_mime import TokenTemplate


@dataclass(frozen=True, slots=True)
class Placed:
    """A token of a template: where it is and a human line saying so."""

    location_slug: str
    token: Token
    where: str  # "Hadal Wren · Command deck · Bridge"
    room: str  # "Bridge" (the room's name, else the location's)
    place: str = ""  # "Hadal Wren" (the location's name)


def is_person(campaign: Campaign, template: TokenTemplate) -> bool:
    """A crew member or NPC of the campaign (one of a kind), not a generic template."""
    if template.type == "player":
        return any(m.name == template.name for m in campaign.crew)
    if template.type == "npc":
        return any(n.name == template.name for n in campaign.npcs.values())
    return False


class PlacedIndex:
    """The first token of each image and of each (type, name) on the table: one pass over the
    tokens, then a lookup per template (a palette of many templates stays cheap)."""

    def __init__(self, state: TableState, campaign: Campaign) -> None:
        self._campaign = campaign
        self._by_image: dict[str, tuple[str, Token]] = {}
        self._by_name: dict[tuple[str, str], tuple[str, Token]] = {}
        for slug, loc in state.locations.items():
            for token in loc.tokens.values():
                if token.room_id:
                    if token.image:
                        self._by_image.setdefault(token.image, (slug, token))
                    self._by_name.setdefault((token.type, token.name), (slug, token))

    def find(self, template: TokenTemplate) -> Placed | None:
        """Where a token of the template is (its image decides, else its type and name)."""
        found = self._by_image.get(template.image) if template.image else None
        if found is None:
            found = self._by_name.get((template.type, template.name))
            if found is not None and template.image and found[1].image:
                found = None  # a token with another picture is someone else of the same name
        if found is None:
            return None
        slug, token = found
        where = _where(self._campaign, slug, token)
        return Placed(slug, token, " · ".join(where), where[-1], where[0])


def placed(state: TableState, campaign: Campaign, template: TokenTemplate) -> Placed | None:
    """Where a token of this template is on the table (None: nowhere)."""
    return PlacedIndex(state, campaign).find(template)


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


def numbered_name(base: str, names: Iterable[str]) -> str:
    """`base N` with N one above the highest number already used after base (from 1)."""
    pattern = re.compile(rf"^{re.escape(base)} (\d+)$")
    used = [int(m.group(1)) for name in names if (m := pattern.match(name))]
    return f"{base} {max(used, default=0) + 1}"


def creature_name(state: TableState, slug: str, base: str) -> str:
    """A distinct name for a new creature copy at a location: Hollowed 1, Hollowed 2, …"""
    loc = state.locations.get(slug)
    return numbered_name(base, [t.name for t in loc.tokens.values()] if loc else [])
