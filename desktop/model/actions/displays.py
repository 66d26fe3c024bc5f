"""The displays: their settings, a ping on some of them, and who may move what from one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Literal, Self

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import Displays, MaxLen, OneOf
from desktop.model.actions.places import place_of
from desktop.model.audience import aimed, content_key
from desktop.model.display_state import CAMERA_MODES, ROTATIONS, Camera, DisplaySettings, Ping
from desktop.model.errors import Forbidden, InvalidInput, NotFound
from desktop.model.state import TableState, Token

KEPT_PINGS = 8
NOT_YOUR_CREW = "ACCESS DENIED \u2014 THIS CONSOLE IS KEYED TO ANOTHER CREW MEMBER"


MAX_CELLS = 10_000  # far beyond any deck (cells), short of numbers a page cannot draw
MAX_DIAGONAL = 400  # inches: the largest screen a table could stand around


@dataclass(frozen=True, slots=True)
class CameraBody:
    """A camera as a write gives it (API.md "Displays"): mode and what the mode needs."""

    mode: Annotated[str, OneOf(CAMERA_MODES)] = "fit"
    target: str = ""
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    diagonal: float = 0.0

    def camera(self) -> Camera:
        if self.mode == "frame" and (self.w <= 0 or self.h <= 0):
            raise InvalidInput("field 'camera' needs a frame of positive 'w' and 'h'")
        if self.diagonal < 0:
            raise InvalidInput("field 'camera.diagonal' must not be negative")
        for name, value, low, high in (
            ("x", self.x, -MAX_CELLS, MAX_CELLS),
            ("y", self.y, -MAX_CELLS, MAX_CELLS),
            ("w", self.w, 0, MAX_CELLS),
            ("h", self.h, 0, MAX_CELLS),
            ("diagonal", self.diagonal, 0, MAX_DIAGONAL),
        ):
            if not low <= value <= high:
                raise InvalidInput(f"field 'camera.{name}' must be between {low} and {high}")
        x, y = (
            (float(round(self.x)), float(round(self.y)))
            if self.mode == "locked"
            else (self.x, self.y)
        )
        return Camera(self.mode, self.target, x, y, self.w, self.h, self.diagonal)


@dataclass(frozen=True, slots=True)
class SetDisplay(Action):
    """The GM names a display, says what it is, binds it to a character, turns it, frames it.
    Fields left out keep their value; `character: null` unbinds."""

    undoable = False  # how a screen is set up is not a move of the game

    display: str
    name: Annotated[str, MaxLen(60)] | None = None
    kind: Literal["tv", "tablet"] | None = None
    character: str | None = None
    rotation: int | None = None
    camera: CameraBody | None = None

    def check(self, body: Mapping[str, object]) -> Self:
        if self.rotation is not None and self.rotation not in ROTATIONS:
            raise InvalidInput("field 'rotation' must be one of 0, 90, 180, 270")
        if "character" in body and body["character"] is None:
            return replace(self, character="")  # unbound
        return self

    @property
    def label(self) -> str:
        return "Set up display"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if self.character and all(c.id != self.character for c in campaign.crew):
            raise NotFound(f"unknown crew member '{self.character}'")
        old = state.displays.get(self.display, DisplaySettings())
        new = DisplaySettings(
            old.name if self.name is None else self.name,
            old.kind if self.kind is None else self.kind,
            old.character if self.character is None else self.character,
            old.rotation if self.rotation is None else self.rotation,
            old.camera if self.camera is None else self.camera.camera(),
        )
        if new == old and self.display in state.displays:
            return state
        return replace(state, displays={**state.displays, self.display: new})


@dataclass(frozen=True, slots=True)
class PingCell(Action):
    """A ring pulses on a cell of the shown deck, on the chosen displays (all without)."""

    undoable = False

    x: int
    y: int
    displays: Displays = ()

    @property
    def label(self) -> str:
        return "Ping"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        deck = place_of(state, campaign, "").deck()
        grid = deck.grid
        if grid is None or not (0 <= self.x < grid.width and 0 <= self.y < grid.height):
            raise NotFound(f"no cell ({self.x}, {self.y}) on the deck shown")
        ping = Ping(ctx.new_id(), self.x, self.y, ctx.clock())
        kept = (*state.pings, ping)[-KEPT_PINGS:]
        gone = {content_key("ping", p.id) for p in state.pings if p not in kept}
        targets = {k: v for k, v in state.targets.items() if k not in gone}
        ctx.reply["ping_id"] = ping.id
        targets = aimed(targets, content_key("ping", ping.id), self.displays)
        return replace(state, pings=kept, targets=targets)


def check_bound(state: TableState, ctx: ActionContext, token: Token) -> None:
    """A display bound to a character moves only that character's token, and a character
    bound to displays moves only from those (Forbidden): anonymous or other displays, however
    they name themselves, are refused the same way."""
    settings = state.displays.get(ctx.display) if ctx.display else None
    mine = settings.character if settings is not None else None
    crew = token.crew_id
    if mine and crew != mine:
        raise Forbidden(NOT_YOUR_CREW)
    if crew and crew != mine and any(d.character == crew for d in state.displays.values()):
        raise Forbidden(NOT_YOUR_CREW)
