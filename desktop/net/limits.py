"""Per-display limits on player writes, so one display (or a script) cannot fill the table.

A display is its `?display=<id>` (API.md), else its client address. Every player write draws
from the display's write bucket and from its address's (all its displays together: the ids are
the client's to pick, so new ones lift nothing); a question also from its question bucket (a
few a minute), and is refused while the channel already has MAX_WAITING questions waiting.
A refusal is a 429 with a message the players can read and a Retry-After.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from desktop.model.display_state import is_display_id
from desktop.model.errors import InvalidInput
from desktop.model.state import TableState

MAX_WAITING = 10  # questions of one channel waiting for the GM's answer
MAX_KEYS = 4096  # displays remembered (the least recently seen is forgotten first)


@dataclass(frozen=True, slots=True)
class Rate:
    """A token bucket: `burst` at once, then one per `every` seconds."""

    burst: int
    every: float


# Drags and taps (forty a second, bursts of 120: a display without `?display=` shares its
# address's bucket with every display on that machine); questions fill the table, so fewer.
WRITES = Rate(burst=120, every=0.025)
# All the displays of one address together (a client picks its `?display=` ids, so a script
# could name a new one for every write): a few tablets behind one address, four times one.
ADDRESS_WRITES = Rate(burst=480, every=0.00625)
QUESTIONS = Rate(burst=3, every=15.0)  # questions: three at once, then four a minute
# All the displays of one address together: twice one display's (new ids lift nothing).
ADDRESS_QUESTIONS = Rate(burst=6, every=7.5)
# Waiting questions of one channel from one address: one client never fills the channel.
MAX_WAITING_PER_ADDRESS = 3
MAX_ASKED = 64  # questions remembered per address (only waiting ones matter)


class TooMany(Exception):
    """A player write over a limit (answered 429)."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = max(1, math.ceil(retry_after))


class Buckets:
    """Token buckets of one rate, per key, bounded in number."""

    def __init__(self, rate: Rate, clock: Callable[[], float]) -> None:
        self._rate = rate
        self._clock = clock
        self._levels: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> level, time

    def take(self, key: str, *, peek: bool = False) -> float:
        """Take one (`peek`: only look); 0 when there is one, else the seconds until there is."""
        now = self._clock()
        level, then = self._levels.pop(key, (float(self._rate.burst), now))
        level = min(float(self._rate.burst), level + (now - then) / self._rate.every)
        wait = 0.0 if level >= 1 else (1 - level) * self._rate.every
        self._levels[key] = (level - 1 if wait == 0 and not peek else level, now)
        if len(self._levels) > MAX_KEYS:
            self._levels.popitem(last=False)
        return wait


def display_of(request: web.Request) -> str | None:
    """The display a request names with `?display=<id>` (None: an anonymous display).

    One `display` parameter of API.md's form, or none: a malformed id, a second one or a
    differently cased name is a 400 (InvalidInput) on every route, never taken as anonymous.
    """
    named = [(key, value) for key, value in request.query.items() if key.lower() == "display"]
    if not named:
        return None
    if len(named) > 1 or named[0][0] != "display":
        raise InvalidInput("display: give one `display` parameter, in lower case")
    if not is_display_id(named[0][1]):
        raise InvalidInput("display: bad display id (6 to 64 of A-Z a-z 0-9 _ -)")
    return named[0][1]


def display_key(request: web.Request) -> str:
    """The display a request comes from: its `?display=` id, else (none, or a malformed one
    that will be refused) its address."""
    try:
        display = display_of(request)
    except InvalidInput:
        display = None
    return f"display:{display}" if display else f"address:{request.remote or '?'}"


def waiting_ids(state: TableState, channel: str) -> set[str]:
    """The ids of a channel's questions waiting for the GM's answer."""
    entries = state.charon.conversations.get(channel, ())
    return {e.id for e in entries if e.role == "player" and e.pending}


class PlayerLimits:
    """The limits of every display; `admit` raises TooMany over one."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._writes = Buckets(WRITES, clock)
        self._address_writes = Buckets(ADDRESS_WRITES, clock)
        self._questions = Buckets(QUESTIONS, clock)
        self._address_questions = Buckets(ADDRESS_QUESTIONS, clock)
        self._asked: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()  # address -> asked

    def admit(self, request: web.Request) -> None:
        """A player write from this display may go on: counted before its body is read, so a
        broken or refused write counts as much as a taken one."""
        key = display_key(request)
        address = _address(request)
        wait = max(self._writes.take(key, peek=True), self._address_writes.take(address, peek=True))
        if wait:
            raise TooMany("too many requests from this display: slow down", wait)
        self._writes.take(key)
        self._address_writes.take(address)

    def admit_question(self, request: web.Request, question_for: TableState) -> None:
        """A question (already admitted as a write) may go on: the channel has room for it,
        this address holds few of its waiting places, and neither this display nor its
        address has asked too often."""
        key, address = display_key(request), _address(request)
        channel = request.match_info.get("channel", "")
        waiting = waiting_ids(question_for, channel)
        if len(waiting) >= MAX_WAITING:
            raise TooMany(
                "the ship computer already has questions waiting: wait for its answers", 30
            )
        wait = max(
            self._questions.take(key, peek=True),
            self._address_questions.take(address, peek=True),
        )  # counted once taken: `asked`
        if wait:
            raise TooMany("too many questions from this display: wait a little and ask again", wait)
        mine = [(c, q) for c, q in self._asked.get(address, ()) if q in waiting or c != channel]
        self._asked[address] = mine
        if sum(1 for c, _ in mine if c == channel) >= MAX_WAITING_PER_ADDRESS:
            raise TooMany("your questions are waiting: wait for the ship computer's answers", 30)

    def asked(self, request: web.Request, query_id: str) -> None:
        """A question of this display was taken (a refused one does not count)."""
        address = _address(request)
        self._questions.take(display_key(request))
        self._address_questions.take(address)
        mine = self._asked.pop(address, [])
        mine.append((request.match_info.get("channel", ""), query_id))
        self._asked[address] = mine[-MAX_ASKED:]
        if len(self._asked) > MAX_KEYS:
            self._asked.popitem(last=False)


def _address(request: web.Request) -> str:
    return f"address:{request.remote or '?'}"
