"""The crash handler: an unexpected exception is logged and shown to the GM; the app runs on.

Two ways an exception escapes: a Qt slot or virtual method (PySide hands it to
`sys.excepthook`) and an asyncio callback or task (the loop's exception handler). Both land
here: the traceback goes to the log (the log file, see `log_to_file`), and `show(text)` tells
the GM (the window's crash dialog). Nothing unsaved is lost: the store commits every change
before it acknowledges it, so the table on disk is the table the GM sees.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_to_file(path: Path) -> logging.Handler | None:
    """Also write warnings and errors to `path` (None when the folder cannot be made)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Opened now, not on the first record: out of file handles (a flood) it could not be opened.
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as exc:
        log.warning("no log file at %s: %s", path, exc)
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.getLogger().addHandler(handler)
    return handler


class CrashHandler:
    """sys.excepthook and the loop's exception handler, until `uninstall()`."""

    def __init__(self, show: Callable[[str], None] | None = None) -> None:
        self.show = show  # tells the GM (a dialog); None: the log only (headless)
        self._previous_hook = sys.excepthook
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_handler: Any = None

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> CrashHandler:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook
        if loop is not None:
            self._loop = loop
            self._previous_handler = loop.get_exception_handler()
            loop.set_exception_handler(self.loop_exception)
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if self._loop is not None and self._loop.get_exception_handler() == self.loop_exception:
            self._loop.set_exception_handler(self._previous_handler)
        self._loop = None

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if not issubclass(kind, Exception):  # KeyboardInterrupt, SystemExit: as before
            self._previous_hook(kind, exc, tb)
            return
        self.report("in the window", (kind, exc, tb))
        if self._previous_hook is not sys.__excepthook__:  # a test harness's hook hears it too
            self._previous_hook(kind, exc, tb)

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = str(context.get("message", "unexpected error in the event loop"))
        if not isinstance(exc, Exception):
            log.error("event loop: %s", message)
            return
        self.report(message, (type(exc), exc, exc.__traceback__))

    def report(self, where: str, info: ExcInfo) -> None:
        """Log the traceback, then tell the GM; a failing dialog is logged, never raised."""
        log.error("unexpected error (%s)", where, exc_info=info)
        if self.show is None:
            return
        text = "".join(traceback.format_exception(info[1]))
        try:
            self.show(text)
        except Exception:
            log.exception("the crash dialog failed")
