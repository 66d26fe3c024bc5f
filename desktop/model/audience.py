"""Who sees what: content aimed at some displays, and the audience each display is in.

Content the GM aims at some displays has an entry in `TableState.targets`: its key
(`content_key(kind, id)`: "broadcast:<id>", "portrait:<npc id>", "dialog", "charon:<entry id>",
"handout:<id>", "ping:<id>", ...) -> the ids of the displays that see it. Content without an
entry goes to everyone (API.md "Audiences"). The one test is `visible_to(state, key,
display)`; `for_display(state, display)` is the state with everything that display may not
see taken out, and the projection builds each display's frame from it, so targeted content is
only ever in its displays' bytes. New targeted content: give it a key, set it with
`aimed(state.targets, key, displays)`, and drop it in `for_display` where `visible_to` says no.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from desktop.model.display_state import DisplaySettings
from desktop.model.state import CharonEntry, TableState
from desktop.model.warden import WardenState

EVERYONE = "everyone"  # the audience of anonymous displays and of every untargeted frame
Targets = dict[str, tuple[str, ...]]
T = TypeVar("T")
Audience = tuple[tuple[str, ...], DisplaySettings | None]  # visible targeted keys, settings


def content_key(kind: str, ident: str = "") -> str:
    """The key of one piece of content in `TableState.targets`."""
    return f"{kind}:{ident}" if ident else kind


def visible_to(state: TableState, key: str, display: str | None) -> bool:
    """Whether the display (None: an anonymous one) may see the content of that key."""
    ids = state.targets.get(key)
    return ids is None or (display is not None and display in ids)


def aimed(targets: Targets, key: str, displays: tuple[str, ...]) -> Targets:
    """targets with the content of `key` aimed at `displays` (empty: at everyone)."""
    if not displays:
        if key not in targets:
            return targets
        return {k: v for k, v in targets.items() if k != key}
    return {**targets, key: tuple(dict.fromkeys(displays))}


def pruned(targets: Targets, kind: str, alive: set[str]) -> Targets:
    """targets without the entries of `kind` whose content is gone (not in `alive`)."""
    prefix = f"{kind}:"
    gone = [k for k in targets if k.startswith(prefix) and k[len(prefix) :] not in alive]
    return {k: v for k, v in targets.items() if k not in gone} if gone else targets


def audience(state: TableState, display: str | None) -> Audience | None:
    """What sets the display's frame apart from everyone's (None: nothing, it is everyone's):
    the targeted content it sees and its own settings. Displays with the same audience get the
    same frame."""
    if display is None:
        return None
    settings = state.displays.get(display)
    seen = tuple(k for k, ids in state.targets.items() if display in ids) if state.targets else ()
    if not seen and (settings is None or settings == DisplaySettings()):
        return None
    return seen, settings


def for_display(state: TableState, display: str | None) -> TableState:
    """state without the targeted content the display may not see (the same object when there
    is none)."""
    if not state.targets:
        return _with_sound(state, display)

    def seen(kind: str, ident: str = "") -> bool:
        return visible_to(state, content_key(kind, ident), display)

    charon = state.charon
    conversations = {
        channel: _entries(entries, seen) for channel, entries in charon.conversations.items()
    }
    dialog_open = charon.dialog_open and seen("dialog")
    if dialog_open != charon.dialog_open or any(
        conversations[c] is not charon.conversations[c] for c in conversations
    ):
        charon = replace(charon, dialog_open=dialog_open, conversations=conversations)
    return _with_sound(
        replace(
            state,
            broadcasts=_kept(state.broadcasts, lambda b: seen("broadcast", b.id)),
            portraits=_kept(state.portraits, lambda npc: seen("portrait", npc)),
            charon=charon,
            handouts=_kept(state.handouts, lambda h: seen("handout", h.id)),
            pings=_kept(state.pings, lambda p: seen("ping", p.id)),
            warden=_warden(state.warden, seen),
        ),
        display,
    )


def hears(state: TableState, key: str, display: str | None) -> bool:
    """Whether a display plays a sound: the displays it was aimed at, else the displays the
    GM marked as TVs, else (none marked) every display (API.md "Audiences")."""
    ids = state.targets.get(key)
    if ids is not None:
        return display is not None and display in ids
    tvs = [d for d, s in state.displays.items() if s.kind == "tv"]
    return not tvs or display in tvs


def _with_sound(state: TableState, display: str | None) -> TableState:
    w = state.warden
    if not w.cue and not w.ambient:
        return state
    cue = w.cue if w.cue and hears(state, content_key("sound", w.cue), display) else ""
    ambient = w.ambient if w.ambient and hears(state, content_key("ambient"), display) else ""
    if cue == w.cue and ambient == w.ambient:
        return state
    return replace(state, warden=replace(w, cue=cue, ambient=ambient))


def _warden(w: WardenState, seen: Callable[[str, str], bool]) -> WardenState:
    """The timers and the shown roll the display may see (the private history stays)."""
    timers = {k: t for k, t in w.timers.items() if seen("timer", k)}
    shown = w.shown_roll if w.shown_roll and seen("roll", w.shown_roll) else ""
    if len(timers) == len(w.timers) and shown == w.shown_roll:
        return w
    return replace(w, timers=timers if len(timers) != len(w.timers) else w.timers, shown_roll=shown)


def _kept(items: tuple[T, ...], keep: Callable[[T], bool]) -> tuple[T, ...]:
    found = tuple(item for item in items if keep(item))
    return items if len(found) == len(items) else found


def _entries(
    entries: tuple[CharonEntry, ...], seen: Callable[[str, str], bool]
) -> tuple[CharonEntry, ...]:
    return _kept(entries, lambda e: seen("charon", e.id))
