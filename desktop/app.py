"""Composition root: campaign, store, state file, then the table on a Qt loop.

Everything runs on one qasync loop over a QCoreApplication (`--headless`: no display, no Qt
platform plugin) or a QApplication (the window). Only this module and the ones it composes
(`table`, `gm_window`) see every package; paths in `paths`, the crash handler in `crash`.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os
import sys
from collections.abc import Coroutine
from typing import Any

from desktop.campaign.loader import load_campaign
from desktop.campaign.problems import CampaignError
from desktop.crash import log_to_file
from desktop.model.errors import NotSaved
from desktop.model.store import Store
from desktop.net.connections import raise_open_files_limit
from desktop.net.gm_token import kept_gm_token
from desktop.paths import (
    campaign_folder,
    config_dir,
    default_state_path,
    log_path,
    remember_campaign,
)
from desktop.settings import Settings
from desktop.storage.persistence import StateFile, StateFileError
from desktop.table import Table

log = logging.getLogger(__name__)

WINDOW_MODULE = "desktop.ui.window.main_window"


def window_available() -> bool:
    """Whether this build has the GM window."""
    return importlib.util.find_spec(WINDOW_MODULE) is not None


def display_available() -> bool:
    """Whether Qt can open a window here (without one, QApplication aborts the process)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(settings: Settings) -> int:
    """Run the app until SIGINT/SIGTERM (or the window closes); returns the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log_to_file(log_path())
    raise_open_files_limit()  # room for many displays; the server caps connections below it
    folder = campaign_folder(settings)
    try:
        campaign = load_campaign(folder)
    except CampaignError as exc:
        print(f"gm-terminal: {exc}", file=sys.stderr)
        return 1
    try:
        state_file = StateFile(settings.state_file or default_state_path(folder))
        saved = state_file.load()
    except StateFileError as exc:
        print(f"gm-terminal: {exc}", file=sys.stderr)
        return 1
    for notice in state_file.notices:
        print(f"gm-terminal: {notice}", file=sys.stderr, flush=True)
    table: Table | None = None
    try:
        store = Store(campaign, saved)
        try:
            state_file.attach(store)
        except NotSaved as exc:
            print(f"gm-terminal: {exc.message}", file=sys.stderr)
            return 1
        remember_campaign(folder)
        token = settings.gm_token or kept_gm_token(config_dir())
        table = Table(settings, folder, store, token, state_file)
        headless = settings.headless or not window_available()
        if not headless and not display_available():
            print("gm-terminal: no display found; running without a window", file=sys.stderr)
            headless = True
        return run_on_qt_loop(table.serve(headless), headless)
    finally:
        (table.state_file if table is not None and table.state_file else state_file).close()


def run_on_qt_loop(main: Coroutine[Any, Any, int], headless: bool) -> int:
    """Run `main` on a qasync loop over QCoreApplication (headless) or QApplication."""
    from PySide6.QtCore import QCoreApplication  # PySide6 before qasync: it picks the binding

    qt_app = QCoreApplication.instance()
    if qt_app is None:
        if headless:
            qt_app = QCoreApplication(sys.argv[:1])
        else:
            from PySide6.QtWidgets import QApplication

            # argv[0] names the window's class (WM_CLASS): the .desktop file's StartupWMClass,
            # whether the app was started as `gm-terminal` or as `python -m desktop`.
            qt_app = QApplication(["gm-terminal"])
            qt_app.setApplicationDisplayName("GM Terminal")
            # Desktops match the window to the installed gm-terminal.desktop (its icon, pinning).
            qt_app.setDesktopFileName("gm-terminal")
            qt_app.setQuitOnLastWindowClosed(False)  # main() ends from the window's signal
    import qasync

    # asyncio.Runner with a loop factory (3.11+), not qasync.run: on 3.11 that sets a global
    # event loop policy for the whole run, so every thread's new_event_loop() became a Qt loop
    # (zeroconf's own loop thread then failed, and mDNS never advertised).
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qt_app)) as runner:
        return runner.run(main)
