"""The Store: the one place the table state changes, with undo, subscribers and the frame."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.campaign.model import Campaign
from desktop.model.actions.base import GM, PLAYER, Action, ActionContext, random_id
from desktop.model.audience import EVERYONE, Audience, for_display
from desktop.model.audience import audience as audience_of
from desktop.model.dice import SYSTEM_RANDOM, RandomSource
from desktop.model.errors import Conflict, Forbidden, NotSaved
from desktop.model.gm_projection import gm_view
from desktop.model.history import Patch, apply_patch, diff
from desktop.model.projection import (
    Piece,
    Projector,
    frame_bytes,
    frame_media,
    frame_snapshot,
)
from desktop.model.reconcile import reconcile
from desktop.model.state import TableState, with_revision
from desktop.model.token_part import ShownTokens

log = logging.getLogger(__name__)

PERSISTENCE = 0
BROADCAST = 1
VIEWS = 2
UNDO_LIMIT = 200
MAX_SEEN = 1024  # displays whose last frame is remembered (the oldest is forgotten first)
AUDIENCE_BLOCK = 100  # player revisions reserved by one write of the audiences' revisions
ON_HOLD = "STAND BY \u2014 DISPLAYS ON HOLD"  # a player write while the GM holds the displays

Subscriber = Callable[[TableState], None]


class Frame:
    """The player snapshot encoded once (one line of JSON), and the images it refers to.

    `snapshot` and `media` are put together when first read; `snapshot` shares its parts with
    the projection's caches: read it, never change it.
    """

    __slots__ = ("_media", "_parts", "_snapshot", "data", "parts_data", "revision")

    def __init__(self, revision: int, parts: Sequence[Piece], data: Sequence[bytes]) -> None:
        self.revision = revision
        self.parts_data = data
        self.data = frame_bytes(revision, data)
        self._parts = parts
        self._snapshot: dict[str, object] | None = None
        self._media: dict[str, Path] | None = None

    @property
    def snapshot(self) -> dict[str, object]:
        if self._snapshot is None:
            self._snapshot = frame_snapshot(self.revision, self._parts)
        return self._snapshot

    @property
    def media(self) -> dict[str, Path]:
        if self._media is None:
            self._media = frame_media(self._parts)
        return self._media


class Store:
    """Holds the table state; only dispatch, undo, redo and replace_campaign change it."""

    def __init__(
        self,
        campaign: Campaign,
        state: TableState | None = None,
        *,
        clock: Callable[[], float] = time.time,
        new_id: Callable[[], str] = random_id,
        rng: RandomSource = SYSTEM_RANDOM,
    ) -> None:
        self._campaign = campaign
        self._state = reconcile(state, campaign) if state is not None else TableState()
        self._projector = Projector(campaign)
        self._clock = clock
        self._new_id = new_id
        self._rng = rng
        self._subscribers: list[tuple[int, int, Subscriber]] = []
        self._seq = 0
        self._undo: list[Patch] = []
        self._redo: list[Patch] = []
        self._frame: Frame | None = None
        self._frame_revision = -1
        self._frame_data: list[bytes] = []
        self._audiences = dict(self._state.audience_revisions)  # audience -> frames it got
        self._seen: dict[str, _Seen] = {}  # display id -> the frame it was last given
        self._shared: dict[tuple[int, Audience | None], Frame] = {}  # frames of audiences
        self.last_reply: dict[str, object] = {}

    @property
    def state(self) -> TableState:
        return self._state

    @property
    def campaign(self) -> Campaign:
        return self._campaign

    # --- changing the state ---------------------------------------------------------------------

    def dispatch(self, action: Action, actor: str = GM, display: str | None = None) -> TableState:
        """Apply an action; on a change: revision + 1, undo entry (GM), subscribers notified.
        `display`: the display a player write comes from (its settings may limit it).

        Raises a DomainError and changes nothing when the action is refused. Extra reply
        fields the action produced (e.g. `token_id`) are left in `last_reply`.
        """
        self.last_reply = {}
        if actor not in (GM, PLAYER):
            raise ValueError(f"unknown actor {actor!r}")
        if actor == PLAYER and not action.player_allowed:
            raise Forbidden(f"players may not do this ({action.label})")
        if actor == PLAYER and self._state.hold:
            raise Conflict(ON_HOLD)  # every player write changes what the displays show
        ctx = ActionContext(actor, self._clock, self._new_id, rng=self._rng, display=display)
        before = self._state
        after = action.apply(before, self._campaign, ctx)
        self.last_reply = ctx.reply
        if after is before:
            return before
        patch = None
        if actor == GM and action.undoable:
            changes = diff(before, after, self._campaign)
            if not changes:
                return before
            patch = Patch(action.describe(self._campaign), changes)
        new = self._commit(after)  # NotSaved: nothing changed, not even the undo history
        if patch is not None:
            self._undo.append(patch)
            if len(self._undo) > UNDO_LIMIT:
                del self._undo[:-UNDO_LIMIT]
            if self._redo:
                self._redo.clear()
        return new

    def undo(self) -> TableState:
        """Apply the inverse of the GM's last change as a new change (Conflict: impossible)."""
        return self._step(self._undo, self._redo, undo=True)

    def redo(self) -> TableState:
        """Apply again the change undone last (Conflict: impossible)."""
        return self._step(self._redo, self._undo, undo=False)

    def _step(self, source: list[Patch], target: list[Patch], undo: bool) -> TableState:
        self.last_reply = {}
        word = "undo" if undo else "redo"
        if not source:
            raise Conflict(f"nothing to {word}")
        patch = source.pop()
        try:
            after = apply_patch(self._state, patch, undo, self._campaign)
        except Conflict as exc:
            raise Conflict(f"cannot {word} '{patch.label}': {exc.message}") from None
        before = self._state
        changes = diff(before, after, self._campaign) if after is not before else ()
        if not changes:
            target.append(patch)
            return before
        # The way back is what this step did, which may differ from the patch where something
        # else changed since (a token the GM placed and a player moved): undo then redo, or
        # redo then undo, gives back the same state.
        back = tuple((key, new, old) for key, old, new in changes) if undo else changes
        try:
            new_state = self._commit(after)
        except NotSaved:
            source.append(patch)
            raise
        target.append(Patch(patch.label, back))
        return new_state

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def replace_campaign(self, campaign: Campaign, state: TableState | None = None) -> TableState:
        """Switch to a reloaded campaign: the state is reconciled, undo history dropped.

        With `state` (another campaign's saved table) that state replaces the current one; the
        revision still only rises: max(current, saved) + 1.
        """
        if state is None:
            reconciled = reconcile(self._state, campaign, self._campaign)
            new = self._save(reconciled, self._state.revision)
        else:
            top = max(self._state.revision, state.revision)
            saved = state.audience_revisions  # what displays saw only rises, as the revision
            self._audiences = {
                k: max(self._audiences.get(k, 0), saved.get(k, 0))
                for k in {*self._audiences, *saved}
            }
            new = self._save(reconcile(state, campaign), top)
            self._frame, self._frame_revision, self._frame_data = None, -1, []  # another table
            self._seen = {}
        self._campaign = campaign
        self._projector = Projector(campaign)
        self._undo.clear()
        self._redo.clear()
        return self._publish(new, freeze=state is None)

    def _commit(self, after: TableState) -> TableState:
        """The change saved (NotSaved: refused, nothing changed), then told to the others."""
        return self._publish(self._save(after, self._state.revision))

    def _save(self, after: TableState, revision: int) -> TableState:
        """after at revision + 1, once every PERSISTENCE subscriber took it: any of them can
        refuse (NotSaved), and then the state stays as it was and no one else is told."""
        new = with_revision(after, revision + 1, self._reserved())
        for order, _seq, callback in list(self._subscribers):
            if order != PERSISTENCE:
                break
            try:
                callback(new)
            except NotSaved:
                raise
            except Exception as exc:
                log.exception("saving revision %d failed", new.revision)
                raise NotSaved(str(exc) or type(exc).__name__) from exc
        return new

    def _reserved(self) -> dict[str, int]:
        """The audiences' revisions to save: at least one above each count, so the one frame
        that may go out before the next change is covered; raised a block at a time, so the
        state file writes them rarely. After a restart each count starts from here."""
        saved = self._state.audience_revisions
        for audience, count in self._audiences.items():
            if saved.get(audience, 0) <= count:
                return {**saved, **{k: n + AUDIENCE_BLOCK for k, n in self._audiences.items()}}
        return saved

    def _publish(self, new: TableState, freeze: bool = True) -> TableState:
        if freeze and new.hold and not self._state.hold:
            self.player_frame()  # the frame players keep while hold is on
        self._state = new
        for order, _seq, callback in list(self._subscribers):
            if order == PERSISTENCE:
                continue
            try:
                callback(new)
            except Exception:
                log.exception("subscriber %r failed at revision %d", callback, new.revision)
        return new

    # --- watching it ----------------------------------------------------------------------------

    def subscribe(self, callback: Subscriber, order: int) -> Callable[[], None]:
        """Call callback(state) after every change, by order (PERSISTENCE, BROADCAST, VIEWS)."""
        self._seq += 1
        entry = (order, self._seq, callback)
        self._subscribers.append(entry)
        self._subscribers.sort(key=lambda e: (e[0], e[1]))

        def unsubscribe() -> None:
            if entry in self._subscribers:
                self._subscribers.remove(entry)

        return unsubscribe

    def player_frame(self, display: str | None = None) -> Frame:
        """The player snapshot of a display (None: an anonymous one), encoded once per visible
        change and shared by the displays of one audience; frozen while hold is on.

        Its revision counts the frames players got (API.md "Audiences"), not the store's
        changes: a change players cannot see never moves it. Everyone's count is saved ahead
        (_reserved), so after a restart the next frame has a revision above any seen. A display
        with content of its own (audience.py) is at everyone's count plus its own: one more
        each time only its own content changed, so what others were shown never moves it.
        """
        everyone = self._everyone_frame()
        if display is None:
            return everyone
        state, seen = self._state, self._seen.get(display)
        if seen is not None and (seen.state_revision == state.revision or state.hold):
            return seen.frame
        if state.hold:  # a display new while hold is on gets the frame everyone keeps
            return everyone
        found = audience_of(state, display)
        key = f"display:{display}"
        own = self._audiences.get(key, 0)
        if found is None and not own:
            frame, data = everyone, self._frame_data
        else:
            if found is not None and key not in self._audiences:  # saved ahead from now on
                self._audiences = {**self._audiences, key: own}
            parts = self._display_parts(state, display, found)
            data = [p.data for p in parts]
            if seen is not None and seen.data == data:
                frame = seen.frame
            else:
                if seen is not None and seen.everyone is everyone:  # only its own changed
                    own += 1
                    self._audiences = {**self._audiences, key: own}
                frame = self._shared_frame(everyone.revision + own, found, parts, data)
        if len(self._seen) >= MAX_SEEN and display not in self._seen:
            del self._seen[next(iter(self._seen))]
        self._seen[display] = _Seen(state.revision, everyone, frame, data)
        return frame

    def _display_parts(
        self, state: TableState, display: str, found: Audience | None
    ) -> list[Piece]:
        shown = for_display(state, display)
        name = "|".join(found[0]) if found is not None else ""
        parts = self._projector.player_parts(shown, name)
        settings = state.displays.get(display)
        if settings is not None:
            seen = next((p.shown for p in parts if isinstance(p, ShownTokens)), {})
            parts.append(self._projector.display(display, settings, state, seen))
        return parts

    def _shared_frame(
        self, revision: int, found: Audience | None, parts: list[Piece], data: list[bytes]
    ) -> Frame:
        """One frame for the displays of one audience at one revision."""
        key = (revision, found)
        frame = self._shared.get(key)
        if frame is None or frame.parts_data != data:
            if len(self._shared) >= MAX_SEEN:
                self._shared.clear()
            frame = self._shared[key] = Frame(revision, parts, data)
        return frame

    def _everyone_frame(self) -> Frame:
        state, frame = self._state, self._frame
        if frame is not None and (self._frame_revision == state.revision or state.hold):
            return frame
        parts = self._projector.player_parts(for_display(state, None))
        self._frame_revision = state.revision
        data = [p.data for p in parts]
        if frame is not None and data == self._frame_data:  # item by item: identity first
            return frame
        self._frame_data = data
        revision = self._audiences.get(EVERYONE, 0) + 1  # a new frame for this audience
        self._audiences = {**self._audiences, EVERYONE: revision}
        self._frame = Frame(revision, parts, data)
        return self._frame

    def gm_snapshot(self) -> dict[str, object]:
        """Everything, unfiltered (player field names), plus hold and the undo labels."""
        snapshot = gm_view(self._projector, self._state)
        snapshot["player_revision"] = self.player_frame().revision
        snapshot["undo_label"] = self.undo_label or ""
        snapshot["redo_label"] = self.redo_label or ""
        return snapshot

    def media(self, media_id: str, display: str | None = None) -> Path | None:
        """An image the display's current frame refers to, by its opaque id."""
        return self.player_frame(display).media.get(media_id)


class _Seen:
    """The frame a display was last given, and what it was made from."""

    __slots__ = ("data", "everyone", "frame", "state_revision")

    def __init__(self, state_revision: int, everyone: Frame, frame: Frame, data: list[bytes]):
        self.state_revision = state_revision
        self.everyone = everyone
        self.frame = frame
        self.data = data
