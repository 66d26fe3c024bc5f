"""Repeated errors logged once with a count, so no client can flood the log.

A problem a client can cause at will (a malformed request, a client leaving mid-body, a
refused accept when the file limit is hit) is logged the first time it happens under its key;
the same key is then logged again at most once per interval, with how often it happened
meanwhile. Never a traceback: the message says what happened, the key says where.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

INTERVAL = 60.0  # seconds between two log lines of the same key
MAX_KEYS = 256  # distinct keys remembered; the oldest is forgotten first


class QuietLog:
    """Rate-limits log lines per key: the first at once, then one per interval with a count."""

    def __init__(
        self,
        logger: logging.Logger,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._logger = logger
        self._interval = interval
        self._clock = clock
        self._last: dict[str, tuple[float, int]] = {}  # key -> (time logged, suppressed since)

    def log(self, level: int, key: str, message: str) -> None:
        """Log `message` unless `key` was logged less than an interval ago (then count it)."""
        now = self._clock()
        logged = self._last.get(key)
        if logged is not None and now - logged[0] < self._interval:
            self._last[key] = (logged[0], logged[1] + 1)
            return
        more = logged[1] if logged else 0
        repeats = f" (and {more} more times since it was last logged)" if more else ""
        self._last.pop(key, None)
        self._last[key] = (now, 0)
        if len(self._last) > MAX_KEYS:
            del self._last[next(iter(self._last))]
        self._logger.log(level, "%s%s", message, repeats)

    def warning(self, key: str, message: str) -> None:
        self.log(logging.WARNING, key, message)

    def info(self, key: str, message: str) -> None:
        self.log(logging.INFO, key, message)
