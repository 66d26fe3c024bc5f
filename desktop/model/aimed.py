"""What is aimed at one display only, in words the GM reads (the Displays dock shows it)."""

from __future__ import annotations

from desktop.campaign.model import Campaign
from desktop.model.state import TableState

SHORT = 32  # characters of a message shown

WORDS = {  # kinds of content whose own name is not kept here
    "dialog": "the ship computer's dialog",
    "charon": "a ship computer message",
    "ping": "a ping",
    "roll": "a roll",
    "timer": "a timer",
    "sound": "a sound",
    "ambient": "the ambient sound",
}


def aimed_at(state: TableState, campaign: Campaign, display: str) -> list[str]:
    """The content only some displays see that this one does, one phrase each."""
    return [_words(state, campaign, key) for key, ids in state.targets.items() if display in ids]


def _words(state: TableState, campaign: Campaign, key: str) -> str:
    kind, _, ident = key.partition(":")
    if kind == "broadcast":
        found = next((b.content for b in state.broadcasts if b.id == ident), "")
        return f"broadcast \u201c{_short(found)}\u201d"
    if kind == "portrait":
        npc = campaign.npcs.get(ident)
        return f"portrait of {npc.name if npc else ident}"
    if kind == "handout":
        title = next((h.title for h in state.handouts if h.id == ident), "")
        return f"handout \u201c{_short(title)}\u201d"
    return WORDS.get(kind, kind)


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHORT else line[: SHORT - 1] + "\u2026"


def display_name(state: TableState, display: str) -> str:
    """A display as the GM named it (never its id)."""
    settings = state.displays.get(display)
    return settings.name if settings is not None and settings.name else "an unnamed display"


def where_seen(state: TableState, key: str) -> str:
    """Where the content of `key` is visible, in words: "on Tablet Ana only" (names, never
    ids), or "" when every display sees it."""
    ids = state.targets.get(key)
    if ids is None:
        return ""
    names = [display_name(state, d) for d in ids]
    listed = names[0] if len(names) < 2 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"on {listed} only"


def asked_from(state: TableState, campaign: Campaign | None, display: str) -> str:
    """The display a question came from, by name, with its character when bound:
    "Tablet Ana (Marlowe)"; "" for an anonymous display."""
    if not display:
        return ""
    settings = state.displays.get(display)
    bound = settings.character if settings is not None else ""
    crew = next((c.name for c in campaign.crew if c.id == bound), "") if campaign else ""
    name = display_name(state, display)
    return f"{name} ({crew})" if crew else name
