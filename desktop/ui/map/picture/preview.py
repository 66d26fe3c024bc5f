"""The player snapshot the preview draws: the real frame when the focus is live, else the
projection of the table as it would be if the GM showed the focus now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop.campaign.model import Campaign
from desktop.model.actions.places import fresh_location_state
from desktop.model.projection import Projector
from desktop.model.store import Store

Resolver = Callable[[str], Path | None]


class _Projectors:
    """One Projector for the campaign the store has now: its caches outlive a preview."""

    def __init__(self) -> None:
        self._projector: Projector | None = None

    def of(self, campaign: Campaign) -> Projector:
        if self._projector is None or self._projector.campaign is not campaign:
            self._projector = Projector(campaign)
        return self._projector


_PROJECTORS = _Projectors()


def preview_snapshot(
    store: Store, location_slug: str, deck_id: str
) -> tuple[dict[str, object], Resolver]:
    """(player snapshot, media-id resolver) for the focus."""
    state, campaign = store.state, store.campaign
    loc = state.locations.get(location_slug)
    live = (
        state.view_type == "ENCOUNTER"
        and state.location_slug == location_slug
        and loc is not None
        and loc.deck_id == deck_id
    )
    if live and not state.hold:
        frame = store.player_frame()
        return frame.snapshot, frame.media.get
    location = campaign.location(location_slug)
    if location is None:
        return {}, lambda _id: None
    base = loc if loc is not None else fresh_location_state(location)
    shown = replace(
        state,
        view_type="ENCOUNTER",
        location_slug=location_slug,
        hold=False,
        locations={**state.locations, location_slug: replace(base, deck_id=deck_id)},
    )
    snapshot, media = _PROJECTORS.of(campaign).player(shown)
    return snapshot, media.get
