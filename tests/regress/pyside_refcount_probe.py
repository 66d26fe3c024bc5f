"""Stress the PySide6 calls that leaked references to None/True/False; print refcounts as JSON.

Run as a script: ``python pyside_refcount_probe.py {widgets|loop} [CALLS]``.

``widgets`` needs a Qt platform (the test passes ``QT_QPA_PLATFORM=offscreen``): it calls a
void method (``QGraphicsRectItem.setPos``) and emits a ``Signal(bool)`` CALLS times each.
``loop`` runs on a bare ``QCoreApplication`` (no display, no platform plugin, like
``--headless``) and awaits CALLS qasync timer callbacks (``asyncio.sleep(0)``).
A broken binding either aborts the process (``none_dealloc``) or lowers the counts.
"""

import asyncio
import functools
import gc
import json
import sys

# PySide6 before qasync: qasync binds to the first Qt module it finds.
import PySide6.QtCore as QtCore
import qasync

Counts = dict[str, int]


def singleton_refcounts() -> Counts:
    """Reference counts of the singletons a leaking binding would drain."""
    gc.collect()
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


class Switch(QtCore.QObject):
    """A QObject with a bool signal, like the app's panels."""

    toggled = QtCore.Signal(bool)


def stress_widgets(calls: int) -> tuple[Counts, Counts]:
    """Call setPos and emit a bool signal ``calls`` times on a QApplication."""
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem

    app = QApplication(sys.argv[:1])
    item = QGraphicsRectItem(0.0, 0.0, 10.0, 10.0)
    switch = Switch()
    seen: list[bool] = []
    switch.toggled.connect(seen.append)
    before = singleton_refcounts()
    for i in range(calls):
        item.setPos(float(i % 100), 0.0)
        switch.toggled.emit(i % 2 == 0)
    seen.clear()
    after = singleton_refcounts()
    del item, switch, app
    return before, after


async def tick(calls: int) -> tuple[Counts, Counts]:
    """Await ``calls`` loop turns; each one is a qasync timer start, callback and kill."""
    before = singleton_refcounts()
    for _ in range(calls):
        await asyncio.sleep(0)
    return before, singleton_refcounts()


def stress_loop(calls: int) -> tuple[Counts, Counts]:
    """Run ``calls`` qasync timer callbacks on a QCoreApplication."""
    app = QtCore.QCoreApplication(sys.argv[:1])
    try:  # as the app starts its loop (desktop/app.py)
        with asyncio.Runner(loop_factory=functools.partial(qasync.QEventLoop, app)) as runner:
            return runner.run(tick(calls))
    finally:
        del app


def main(argv: list[str]) -> int:
    """Run one stress mode and print its refcounts as one JSON line."""
    mode = argv[1] if len(argv) > 1 else "widgets"
    calls = int(argv[2]) if len(argv) > 2 else 20_000
    stress = {"widgets": stress_widgets, "loop": stress_loop}[mode]
    before, after = stress(calls)
    print(json.dumps({"mode": mode, "calls": calls, "before": before, "after": after}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
