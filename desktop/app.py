"""Composition root: campaign, store, state file, server and (unless headless) the GM window.

Everything runs on one qasync loop over a QCoreApplication (`--headless`: no display, no Qt
platform plugin) or a QApplication (the window). Only this module sees every package.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import logging
import os
import re
import signal
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.problems import CampaignError
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model.activity import ActivityFanout
from desktop.model.errors import NotSaved
from desktop.model.state import TableState
from desktop.model.store import Store
from desktop.net.broadcaster import Broadcaster
from desktop.net.connections import raise_open_files_limit
from desktop.net.discovery import (
    MDNS_HOST,
    Discovery,
    is_loopback_host,
    mdns_url,
    player_url,
    qr_png,
)
from desktop.net.gm_token import kept_gm_token
from desktop.net.mdns import MdnsAdvertiser
from desktop.net.server import PortInUse, Server, create_app
from desktop.settings import Settings
from desktop.storage.persistence import StateFile, StateFileError

log = logging.getLogger(__name__)

APP_NAME = "gm-terminal"
WINDOW_MODULE = "desktop.ui.main_window"
LAST_CAMPAIGN = "last-campaign"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def default_state_path(campaign_dir: Path) -> Path:
    """The campaign's table-state file in the user's data folder."""
    resolved = campaign_dir.resolve()
    name = re.sub(r"[^a-z0-9]+", "-", resolved.name.lower()).strip("-") or "campaign"
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:10]
    return Path(platformdirs.user_data_dir(APP_NAME)) / "tables" / f"{name}-{digest}.sqlite"


def campaign_folder(settings: Settings) -> Path:
    """The folder named on the command line, else the last one (--resume), else the sample."""
    if settings.campaign_dir is not None:
        return settings.campaign_dir
    if settings.resume:
        try:
            last = Path((config_dir() / LAST_CAMPAIGN).read_text(encoding="utf-8").strip())
        except OSError:
            last = None
        if last is not None and last.is_dir():
            return last
    return sample_campaign_path()


def remember_campaign(folder: Path) -> None:
    try:
        config_dir().mkdir(parents=True, exist_ok=True)
        (config_dir() / LAST_CAMPAIGN).write_text(str(folder.resolve()), encoding="utf-8")
    except OSError as exc:
        log.warning("could not remember the campaign: %s", exc)


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


@dataclass
class Table:
    """One running table: the store, its server, discovery and (maybe) the GM window."""

    settings: Settings
    folder: Path
    store: Store
    gm_token: str
    state_file: StateFile | None = None
    on_save_status: Callable[[str], None] | None = None  # a failed save's reason, "" once saved

    def watch_saving(self, callback: Callable[[str], None]) -> None:
        """Tell callback why a change was not saved (and "" once saving works again)."""
        self.on_save_status = callback
        if self.state_file is not None:
            self.state_file.on_status = callback
            if self.state_file.failure:
                callback(self.state_file.failure)

    async def serve(self, headless: bool) -> int:
        """Listen, print the URLs, run until asked to stop, then shut down cleanly."""
        settings = self.settings
        discovery = Discovery()
        activity = ActivityFanout()  # player writes and displays -> the window's activity log
        broadcaster = Broadcaster(self.store, activity=activity)
        app = create_app(
            self.store,
            gm_token=self.gm_token,
            discovery=discovery,
            broadcaster=broadcaster,
            activity=activity,
        )
        server = Server(app, settings.host, settings.port)
        try:
            port = await server.start()
        except PortInUse:
            print(
                f"gm-terminal: port {settings.port} is already in use; "
                "choose another with --port (--port 0 picks a free one)",
                file=sys.stderr,
            )
            return 1
        except OSError as exc:
            print(f"gm-terminal: cannot listen on {settings.host}: {exc}", file=sys.stderr)
            return 1
        discovery.player_url = player_url(settings.host, port)
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        print(f"Serving on http://{host}:{port}/", flush=True)
        print(f"Player display: {discovery.player_url}", flush=True)
        stop = asyncio.Event()
        install_stop_signals(stop.set)
        advertiser = self._advertise(discovery, port)
        window = None
        if not headless:
            mdns_name = MDNS_HOST if advertiser is not None else ""
            window = open_window(self, broadcaster, discovery, mdns_name, stop.set)
            activity.add(window.report_activity)
        try:
            await stop.wait()
        finally:
            activity.clear()
            if window is not None:
                window.close()
            if advertiser is not None:
                await asyncio.to_thread(advertiser.stop, 1.0)
            await server.stop()
        return 0

    def switch_campaign(self, folder: Path) -> None:
        """Load a campaign folder into the store (the same store: server and window hold it).

        Without --state each campaign has its own state file: another folder's saved table
        comes with it (a clean one if none); a reload keeps the table, reconciled. Raises
        ValueError with a clear message when the folder or its state file cannot be opened:
        the window shows it in its status bar and keeps the campaign it has.
        """
        try:
            campaign = load_campaign(folder)
        except CampaignError as exc:
            log.warning("cannot open %s: %s", folder, exc)
            raise ValueError(str(exc)) from exc
        if self._keeps_state_file(folder):
            self.store.replace_campaign(campaign)
        else:
            self._switch_state_file(campaign, default_state_path(folder))
        self.folder = folder
        remember_campaign(folder)

    def _keeps_state_file(self, folder: Path) -> bool:
        same = folder.resolve() == self.folder.resolve()
        return same or self.settings.state_file is not None or self.state_file is None

    def _switch_state_file(self, campaign: Campaign, path: Path) -> None:
        """Close this campaign's state file; open and load the other's into the store."""
        try:
            new_file = StateFile(path)
        except StateFileError as exc:
            log.warning("cannot open %s: %s", path, exc)
            raise ValueError(str(exc)) from exc
        try:
            saved = new_file.load()
        except BaseException:
            new_file.close()
            raise
        if self.state_file is not None:
            self.state_file.close()
        self.state_file = new_file
        new_file.on_status = self.on_save_status
        self.store.replace_campaign(campaign, state=saved or TableState())
        new_file.attach(self.store)

    def _advertise(self, discovery: Discovery, port: int) -> MdnsAdvertiser | None:
        """mDNS in the background, unless disabled or only this machine can connect."""
        if not self.settings.mdns or is_loopback_host(self.settings.host):
            return None
        address = discovery.player_url.split("//", 1)[1].rsplit(":", 1)[0].strip("[]")
        if is_loopback_host(address) or ":" in address:
            return None
        loop = asyncio.get_running_loop()

        def registered() -> None:
            loop.call_soon_threadsafe(setattr, discovery, "mdns_url", mdns_url(port))

        advertiser = MdnsAdvertiser(address, port, on_registered=registered)
        advertiser.start()
        return advertiser


def install_stop_signals(stop: Callable[[], None]) -> None:
    """SIGINT and SIGTERM end the app cleanly."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop)
        except (NotImplementedError, RuntimeError):  # Windows: no loop signal handlers
            signal.signal(signum, lambda *_: loop.call_soon_threadsafe(stop))


# --- the GM window ------------------------------------------------------------------------------
# The window never imports desktop.net: it gets plain values and callables (WindowServices).


def open_window(
    table: Table,
    broadcaster: Broadcaster,
    discovery: Discovery,
    mdns_name: str,
    on_closed: Callable[[], None],
) -> Any:
    """Build and show the MainWindow; its `closed` signal ends the app."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.save_bar import add_save_bar
    from desktop.ui.services import WindowServices

    def displays() -> list[dict[str, object]]:
        return [
            {
                "address": d.address,
                "user_agent": d.user_agent,
                "since": d.connected_since,
                "revision": d.last_revision,
            }
            for d in broadcaster.displays()
            if d.role == "player"
        ]

    services = WindowServices(
        player_url=discovery.player_url,
        mdns_name=mdns_name,
        gm_token=table.gm_token,
        displays=displays,
        qr_png=lambda text: qr_png(text, 8),
        open_campaign=table.switch_campaign,
        reload_campaign=lambda: table.switch_campaign(table.folder),
    )
    window = MainWindow(table.store, services)
    table.watch_saving(add_save_bar(window).show_status)
    window.closed.connect(on_closed)
    window.show()
    return window
