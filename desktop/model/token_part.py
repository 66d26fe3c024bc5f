"""The tokens players see on the shown deck: a part of the player frame kept token by token.

A token move changes one token: only that token is encoded again, and the part's JSON is the
cached encodings joined. The part's fields and images are built only when someone reads them.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from desktop.campaign.model import Campaign
from desktop.model.media import media_url
from desktop.model.state import LocationState, Token, changed_tokens

Json = dict[str, object]
Media = dict[str, Path]
Entry = tuple[Token, Json, bytes, str, Path | None]  # token, fields, `"id":{...}`, image


class TokenCache:
    """Each token as players see it, with its JSON, made again only when the token changes."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self._entries: dict[str, Entry] = {}

    def entry(self, token: Token) -> Entry:
        hit = self._entries.get(token.id)
        if hit is None or hit[0] is not token:
            hit = self._build(token)
            self._entries[token.id] = hit
        return hit

    def _build(self, token: Token) -> Entry:
        image = self.campaign.token_images.get(token.image)
        path = image.path if image else None
        found: Media = {}
        data: Json = {
            "type": token.type,
            "name": token.name,
            "x": token.x,
            "y": token.y,
            "status": [s for s in token.statuses if s != "hidden"],
            "image_url": media_url(path, found),
            "room_id": token.room_id,
        }
        if token.crew_id:
            data["crew_id"] = token.crew_id  # a bound tablet drags only its member's token
        return token, data, orjson.dumps({token.id: data})[1:-1], next(iter(found), ""), path


class ShownTokens:
    """The `encounter_tokens` part of one frame: its JSON now, its fields and images on demand."""

    __slots__ = ("data", "shown")

    def __init__(self, shown: dict[str, Entry]) -> None:
        self.shown = shown  # never changed once the part exists: frames share it
        self.data = b"".join(
            (b'"encounter_tokens":{', b",".join([e[2] for e in shown.values()]), b"}")
        )

    def fields(self) -> Json:
        return {"encounter_tokens": {tid: e[1] for tid, e in self.shown.items()}}

    def media(self) -> Media:
        return {e[3]: e[4] for e in self.shown.values() if e[4] is not None}


def _visible(token: Token, deck_id: str, revealed: frozenset[str]) -> bool:
    return token.deck_id == deck_id and token.room_id in revealed and "hidden" not in token.statuses


class VisibleTokens:
    """Which tokens of a location players see, worked out again only for those that changed."""

    def __init__(self, cache: TokenCache) -> None:
        self._cache = cache
        self._last: tuple[dict[str, Token], str, frozenset[str]] | None = None
        self._part = ShownTokens({})

    def part(self, lstate: LocationState, deck_id: str) -> ShownTokens:
        """The tokens on deck_id in revealed rooms, not hidden, in the location's order."""
        tokens, revealed, last = lstate.tokens, lstate.revealed, self._last
        if last is not None and last[1] == deck_id and last[2] == revealed:
            if last[0] is tokens:
                return self._part
            shown = self._changed(last[0], tokens, deck_id, revealed)
        else:
            shown = None
        if shown is None:
            entry = self._cache.entry
            shown = {tid: entry(t) for tid, t in tokens.items() if _visible(t, deck_id, revealed)}
        self._last = (tokens, deck_id, revealed)
        if shown is not self._part.shown:
            self._part = ShownTokens(shown)
        return self._part

    def _changed(
        self,
        old: dict[str, Token],
        tokens: dict[str, Token],
        deck_id: str,
        revealed: frozenset[str],
    ) -> dict[str, Entry] | None:
        """The shown tokens with the changed ones updated; None when the order changed."""
        changed = changed_tokens(old, tokens)
        if not changed:
            return None if changed is None else self._part.shown
        shown = dict(self._part.shown)  # the last part keeps its own
        for token in changed:
            if _visible(token, deck_id, revealed):
                if token.id not in shown:
                    return None  # newly seen: its place in the order is needed
                shown[token.id] = self._cache.entry(token)
            else:
                shown.pop(token.id, None)
        return shown
