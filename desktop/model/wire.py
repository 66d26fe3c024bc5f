"""Campaign content in its wire shape: Markdown blocks, mail, the ship, crew, sessions, NPCs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.campaign.model import (
    Block,
    Campaign,
    CrewMember,
    Message,
    Npc,
    SessionLog,
    Ship,
    ShipSystem,
    Terminal,
)
from desktop.model import timers
from desktop.model.display_state import Camera, Handout
from desktop.model.gauges import with_current
from desktop.model.media import media_url
from desktop.model.names import shown_name
from desktop.model.state import Broadcast, CharonEntry, SystemOverride, gauge_key, mail_key
from desktop.model.warden import WardenState, alert_name, member_conditions, room_key

Json = dict[str, object]


def plain(value: object) -> object:
    """value as JSON types only (YAML may hold dates and other objects)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)


def blocks(body: tuple[Block, ...]) -> list[Json]:
    """A Markdown body as structure: the page sets textContent, never HTML."""
    return [
        {
            "kind": b.kind,
            "spans": [{"text": s.text, "marks": list(s.marks), "href": s.href} for s in b.spans],
            "ordered": b.ordered,
            "depth": b.depth,
        }
        for b in body
    ]


def mail(message: Message) -> Json:
    """One mail message."""
    return {
        "id": message.message_id,
        "timestamp": message.timestamp,
        "priority": message.priority,
        "subject": message.subject,
        "from": message.sender,
        "to": message.recipient,
        "read": message.read,
        "conversation_id": message.conversation_id,
        "in_reply_to": message.in_reply_to,
        "body": blocks(message.body),
    }


def terminal(term: Terminal) -> Json:
    """A terminal with its mail."""
    return {
        "slug": term.slug,
        "name": shown_name(term.name, term.slug, term.terminal_id),
        "owner": term.owner,
        "access_level": term.access_level,
        "inbox": [mail(m) for m in term.inbox],
        "sent": [mail(m) for m in term.sent],
    }


def with_read(term: Json, location_slug: str, read_mail: frozenset[str]) -> Json:
    """A terminal's wire shape with the mail opened on a display marked read."""

    def box(name: str) -> list[Json]:
        mails: list[Json] = term[name]  # type: ignore[assignment]
        return [
            {**m, "read": True} if mail_key(location_slug, str(m["id"])) in read_mail else m
            for m in mails
        ]

    return {**term, "inbox": box("inbox"), "sent": box("sent")}


def system(base: ShipSystem, o: SystemOverride) -> Json:
    """One ship system as players see it: under a status the GM set, only what the GM gave
    (the campaign's condition and text describe the campaign's status)."""
    if o.status is None:
        condition: int | None = base.condition if o.condition is None else o.condition
        info: str | None = base.info if o.info is None else o.info
        return {"status": base.status, "condition": condition, "info": info}
    return {"status": o.status, "condition": o.condition, "info": o.info}


def ship(vessel: Ship, overrides: Mapping[str, SystemOverride], gauges: Mapping[str, int]) -> Json:
    """The ship with the GM's overrides (systems, hull, armor) merged over ship.yaml."""
    none = SystemOverride()
    systems: Json = {s.name: system(s, overrides.get(s.name, none)) for s in vessel.systems}
    return {
        "name": vessel.name,
        "class": vessel.ship_class,
        "crew_count": vessel.crew_count,
        "crew_capacity": vessel.crew_capacity,
        "hull": {"current": gauges.get("hull", vessel.hull[0]), "max": vessel.hull[1]},
        "armor": {"current": gauges.get("armor", vessel.armor[0]), "max": vessel.armor[1]},
        "systems": systems,
    }


def crew_member(
    member: CrewMember,
    media: dict[str, Path],
    gauges: Mapping[str, int] | None = None,
    conditions: Mapping[str, tuple[str, ...]] | None = None,
) -> Json:
    """A crew dossier, with the GM's vitals (health, stress, wounds, minimum stress,
    conditions) over the campaign's."""
    found = gauges or {}

    def vital(name: str) -> object:
        return with_current(plain(member.extra.get(name)), found.get(gauge_key(name, member.id)))

    return {
        "id": member.id,
        "name": shown_name(member.name, member.id),
        "role": member.role,
        "class": member.char_class,
        "portrait_url": media_url(member.portrait, media),
        "stats": plain(member.stats),
        "saves": plain(member.saves),
        "stress": with_current(plain(member.stress), found.get(gauge_key("stress", member.id))),
        "health": with_current(plain(member.health), found.get(gauge_key("health", member.id))),
        "wounds": vital("wounds"),
        "min_stress": vital("min_stress"),
        "conditions": member_conditions(
            conditions or {}, member.id, member.extra.get("conditions")
        ),
    }


def session(log: SessionLog) -> Json:
    """A session log."""
    return {
        "session_number": log.session_number,
        "date": log.date,
        "title": log.title,
        "body": blocks(log.body),
    }


def npc_public(npc: Npc, media: dict[str, Path]) -> Json:
    """What players may know of a shown NPC: no description, no notes."""
    return {
        "id": npc.id,
        "name": shown_name(npc.name, npc.id),
        "role": npc.role,
        "portrait_url": media_url(npc.portrait, media),
    }


def broadcast(message: Broadcast) -> Json:
    """A broadcast message."""
    return {
        "id": message.id,
        "content": message.content,
        "sender": message.sender,
        "priority": message.priority,
        "timestamp": message.timestamp,
    }


def entry(item: CharonEntry) -> Json:
    """One line of a ship-computer conversation."""
    return {
        "id": item.id,
        "role": item.role,
        "content": item.content,
        "timestamp": item.timestamp,
        "in_reply_to": item.in_reply_to,
        "pending": item.pending,
    }


def camera(c: Camera) -> Json:
    """A display's camera: its mode and what the mode needs, in cells."""
    return {
        "mode": c.mode,
        "target": c.target,
        "x": c.x,
        "y": c.y,
        "w": c.w,
        "h": c.h,
        "diagonal": c.diagonal,
    }


def warden(w: WardenState, campaign: Campaign, media: dict[str, Path]) -> Json:
    """The player snapshot's countdowns, alerts, shown roll and sound (a campaign sound file
    under an opaque media id, served only while the snapshot names it)."""
    shown = w.roll(w.shown_roll) if w.shown_roll else None
    cue = sound(w.cue_sound, campaign, media) if w.cue else None
    return {
        "timers": [timers.as_json(t) for t in w.timers.values()],
        "alerts": [{"id": a, "name": alert_name(a)} for a in w.alerts],
        "roll": shown.as_json() if shown else None,
        "sound": {
            "ambient": sound(w.ambient, campaign, media) if w.ambient else None,
            "cue": {**cue, "id": w.cue} if cue else None,
        },
    }


def sound(key: str, campaign: Campaign, media: dict[str, Path]) -> Json | None:
    """{name, builtin, url}: a built-in sound by name, or a campaign file's /media/ url."""
    if not key.startswith("file:"):
        return {"name": key, "builtin": key, "url": ""}
    found = campaign.sounds.get(key.removeprefix("file:"))
    if found is None:
        return None
    return {"name": found.name, "builtin": "", "url": media_url(found.path, media)}


def atmosphere(
    slug: str, visible: Mapping[str, object], air: Mapping[str, tuple[str, ...]]
) -> dict[str, list[str]]:
    """The atmosphere of the revealed rooms of a deck: {room_id: [effects]}."""
    if not air:
        return {}
    found = ((room, air.get(room_key(slug, room))) for room in visible)
    return {room: list(effects) for room, effects in found if effects}


def handout(h: Handout, campaign: Campaign, media: dict[str, Path]) -> Json:
    """A handout shown: its picture as an opaque /media/ id, never a file name."""
    found = campaign.handouts.get(h.image) if h.image else None
    return {
        "id": h.id,
        "title": h.title,
        "text": h.text,
        "image_url": media_url(found.image if found else None, media),
        "clear_after": h.clear_after,
    }
