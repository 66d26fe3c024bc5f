"""What `gm-terminal check` counts in a campaign."""

from __future__ import annotations

from desktop.campaign.model import Campaign

COUNT_NAMES: tuple[str, ...] = (
    "locations",
    "maps",
    "decks",
    "rooms",
    "doors",
    "terminals",
    "messages",
    "npcs",
    "star systems",
)


def campaign_counts(campaign: Campaign) -> dict[str, int]:
    """The counts of CAMPAIGN-FORMAT.md, in COUNT_NAMES order.

    locations: folders with a location.yaml (broken ones included); maps: locations with a
    map (a deck with a grid); decks: deck files; rooms; doors: connections with a door_type
    plus older doors; terminals: comms terminals; messages: mail (each message once); npcs;
    star systems: entries of `systems:` in galaxy/star_map.yaml.
    """
    counts = dict.fromkeys(COUNT_NAMES, 0)
    counts["locations"] = len(campaign.locations)
    counts["npcs"] = len(campaign.npcs)
    galaxy = campaign.star_map.galaxy
    counts["star systems"] = len(galaxy.systems) if galaxy else 0
    for location in campaign.locations.values():
        counts["terminals"] += len(location.terminals)
        counts["messages"] += len(location.messages)
        if location.map is None:
            continue
        counts["maps"] += location.has_map
        for deck in location.map.decks:
            counts["decks"] += 1
            counts["rooms"] += len(deck.rooms)
            counts["doors"] += sum(connection.has_door for connection in deck.connections)
    return counts
