"""The GM's star-map writes: hide or reveal a thing, place the ship and its course, show a view."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Annotated

from desktop.campaign.model import Campaign
from desktop.campaign.starmodel import StarMap
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import MaxLen
from desktop.model.errors import Conflict, NotFound
from desktop.model.starview import StarView
from desktop.model.state import TableState

Key = Annotated[str, MaxLen(400)]


def star_things(star_map: StarMap) -> dict[str, tuple[str, bool]]:
    """Every thing of the star map: key -> (name, hidden at the start)."""
    found: dict[str, tuple[str, bool]] = {}
    galaxy = star_map.galaxy
    if galaxy is not None:
        found.update((s.key, (s.name, s.hidden)) for s in galaxy.systems)
        found.update((n.key, (n.name, n.hidden)) for n in galaxy.nebulae)
        names = {s.key: s.name for s in galaxy.systems}
        for r in galaxy.routes:
            found[r.key] = (f"route {names[r.source]} - {names[r.target]}", r.hidden)
    for system in star_map.systems.values():
        found.update((b.key, (b.name, b.hidden)) for b in system.bodies)
    for orbit in star_map.orbits.values():
        found.update((s.key, (s.name, s.hidden)) for s in orbit.satellites)
        found.update((s.key, (s.name, s.hidden)) for s in orbit.sites)
    return found


def _thing(campaign: Campaign, key: str) -> tuple[str, bool]:
    found = star_things(campaign.star_map).get(key)
    if found is None:
        raise NotFound(f"unknown star-map thing '{key}'")
    return found


@dataclass(frozen=True, slots=True)
class SetStarVisibility(Action):
    """Show a star-map thing to players, or hide it (and what is only reached through it)."""

    key: Key
    visible: bool

    @property
    def label(self) -> str:
        return f"{'Reveal' if self.visible else 'Hide'} {self.key}"

    def describe(self, campaign: Campaign) -> str:
        name = star_things(campaign.star_map).get(self.key, (self.key, False))[0]
        return f"{'Reveal' if self.visible else 'Hide'} {name} on the star map"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        _name, hidden = _thing(campaign, self.key)
        star = state.star
        if hidden:  # the campaign hides it: showing it is a reveal
            revealed = star.revealed | {self.key} if self.visible else star.revealed - {self.key}
            new = replace(star, revealed=revealed)
        else:
            hid = star.hidden - {self.key} if self.visible else star.hidden | {self.key}
            new = replace(star, hidden=hid)
        return state if new == star else replace(state, star=new)


@dataclass(frozen=True, slots=True)
class SetShipCourse(Action):
    """Where the ship is on the star map ("" nowhere) and the system it heads for ("" none);
    the course follows the galaxy's routes (the fewest jumps), else runs straight."""

    at: Key = ""
    to: Key = ""

    @property
    def label(self) -> str:
        return "Set the ship's position and course"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        for key in (self.at, self.to):
            if key:
                _thing(campaign, key)
        course = _course(campaign.star_map, self.at, self.to) if self.to else ()
        new = replace(state.star, ship_at=self.at, course=course)
        return state if new == state.star else replace(state, star=new)


def _system_of(star_map: StarMap, key: str) -> str:
    """The galaxy system a thing belongs to (a body's or moon's through its system map)."""
    galaxy = star_map.galaxy
    systems = galaxy.systems if galaxy else ()
    if any(s.key == key for s in systems):
        return key
    folder = key.split("/", 1)[0]
    return next((s.key for s in systems if s.system_map == folder), "")


def _course(star_map: StarMap, at: str, to: str) -> tuple[str, ...]:
    start, goal = _system_of(star_map, at), _system_of(star_map, to) or to
    galaxy = star_map.galaxy
    if not start or galaxy is None or start == goal:
        return (goal,)
    links: dict[str, list[str]] = {}
    for route in galaxy.routes:
        links.setdefault(route.source, []).append(route.target)
        links.setdefault(route.target, []).append(route.source)
    came: dict[str, str] = {start: ""}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for there in links.get(here, ()):
            if there not in came:
                came[there] = here
                queue.append(there)
    if goal not in came:
        return (start, goal)
    path = [goal]
    while came[path[-1]]:
        path.append(came[path[-1]])
    return tuple(reversed(path))


@dataclass(frozen=True, slots=True)
class ShowStarView(Action):
    """Put a star-map view in front on the displays: "" the galaxy, `system:<key>` or
    `orbit:<key>`; the displays fly their camera there (again, each time it is sent)."""

    view: Key = ""

    @property
    def label(self) -> str:
        return "Show the star map view"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        level, _, key = self.view.partition(":")
        star_map = campaign.star_map
        known = {"system": star_map.systems, "orbit": star_map.orbits}.get(level)
        if self.view and (known is None or key not in known):
            raise NotFound(f"unknown star-map view '{self.view}'")
        if self.view and not _seen_by_players(self.view, star_map, state):
            raise Conflict(f"'{key}' is hidden from players: reveal it first")
        return replace(state, star=replace(state.star, view=self.view, shows=state.star.shows + 1))


def _seen_by_players(view: str, star_map: StarMap, state: TableState) -> bool:
    """Whether the players' star map holds the view's system or orbit map."""
    level, _, key = view.partition(":")
    part = StarView(star_map, state.star).snapshot(view) or {}
    maps = part.get(level + "s")
    return isinstance(maps, dict) and key in maps
