"""The GM snapshot: the player snapshot's field names, unfiltered, plus what only the GM uses."""

from __future__ import annotations

from desktop.campaign.model import Campaign
from desktop.model import wire
from desktop.model.actions.places import location_state
from desktop.model.deckmap import gm_map
from desktop.model.projection import SCHEMA, Json, Media, Projector
from desktop.model.starview import star_map_part
from desktop.model.state import TableState


def gm_view(projector: Projector, state: TableState) -> Json:
    """Everything at the table (docs/snapshot.md, "GM snapshot")."""
    media: Media = {}
    campaign = projector.campaign
    snap: Json = {"schema": SCHEMA, "revision": state.revision}
    snap.update(projector.common(state).fields())
    snap["location_slug"] = state.location_slug
    snap.update(projector.bridge(state).fields())
    snap.update(star_map_part(campaign, state.star, state.star.view, gm=True))
    snap.update(projector.warden(state).fields())
    air = state.warden.atmosphere
    snap["rolls"] = [r.as_json() for r in reversed(state.warden.rolls)]  # newest first
    snap["room_atmosphere"] = {k: list(v) for k, v in air.items()}
    location = campaign.location(state.location_slug)
    if location is not None:
        lstate = location_state(state, location)
        deck = projector.deck_of(location, lstate)
        snap.update(projector.place(location, deck))
        has_map = deck is not None and deck.grid is not None
        snap["encounter_map"] = gm_map(location, deck, lstate) if deck and has_map else None
        snap["encounter_room_visibility"] = {r: True for r in sorted(lstate.revealed)}
        snap["encounter_door_status"] = dict(lstate.door_status)
        every_room = dict.fromkeys(lstate.revealed | {r.id for r in deck.rooms} if deck else ())
        snap["encounter_room_atmosphere"] = wire.atmosphere(location.slug, every_room, air)
        snap["encounter_tokens"] = {
            t.id: {
                **projector.token(t, media),
                "deck_id": t.deck_id,
                "hidden": t.hidden,
                "image": t.image,
            }
            for t in lstate.tokens.values()
        }
    snap["encounter_npc_data"] = {
        n.id: {
            **wire.npc_public(n, media),
            "faction": n.faction,
            "location": n.location,
            "status": n.status,
            "description": n.description,
        }
        for n in campaign.npcs.values()
    }
    snap.update(
        hold=state.hold,
        through_doors=state.through_doors,
        charon_location_path=state.charon.location_path,
        charon_conversations={
            c: [wire.entry(e) for e in es] for c, es in state.charon.conversations.items()
        },
        unplaced=[{"location_slug": s, "id": t.id, "name": t.name} for s, t in state.unplaced],
    )
    return snap


def gm_snapshot(state: TableState, campaign: Campaign) -> Json:
    """The GM snapshot of a state."""
    return gm_view(Projector(campaign), state)
