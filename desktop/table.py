"""One running table: the store and its state file, the server, discovery and the GM window."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.problems import CampaignError
from desktop.crash import CrashHandler
from desktop.mapimport.pieces import warm_pieces
from desktop.model.activity import ActivityFanout
from desktop.model.display_state import carried_over
from desktop.model.state import TableState
from desktop.model.store import Store
from desktop.net.broadcaster import Broadcaster
from desktop.net.discovery import MDNS_HOST, Discovery, is_loopback_host, mdns_url, player_url
from desktop.net.drafting import DRAFTS, DraftService
from desktop.net.mdns import MdnsAdvertiser
from desktop.net.model_config import load_endpoint
from desktop.net.server import PortInUse, Server, create_app
from desktop.paths import config_dir, default_state_path, remember_campaign
from desktop.settings import Settings
from desktop.storage.persistence import StateFile, StateFileError

if TYPE_CHECKING:
    from desktop.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class Table:
    """One running table: the store, its server, discovery and (maybe) the GM window."""

    settings: Settings
    folder: Path
    store: Store
    gm_token: str
    state_file: StateFile | None = None
    on_save_status: Callable[[str], None] | None = None  # a failed save's reason, "" once saved
    window: MainWindow | None = None  # the GM window while serve() runs with one
    drafts: DraftService | None = None  # the ship computer's drafting, while serving

    def watch_saving(self, callback: Callable[[str], None]) -> None:
        """Tell callback why a change was not saved (and "" once saving works again)."""
        self.on_save_status = callback
        if self.state_file is not None:
            self.state_file.on_status = callback
            if self.state_file.failure:
                callback(self.state_file.failure)

    async def serve(self, headless: bool) -> int:
        """Listen, print the URLs, run until asked to stop, then shut down cleanly.

        From the start an unexpected error is logged (and, with the window, shown to the GM)
        instead of ending the app: see desktop/crash.py.
        """
        crash = CrashHandler().install(asyncio.get_running_loop())
        try:
            return await self._serve(headless, crash)
        finally:
            crash.uninstall()

    async def _serve(self, headless: bool, crash: CrashHandler) -> int:
        discovery = Discovery()
        activity = ActivityFanout()  # player writes and displays -> the window's activity log
        broadcaster = Broadcaster(self.store, activity=activity)
        app = create_app(
            self.store,
            gm_token=self.gm_token,
            discovery=discovery,
            broadcaster=broadcaster,
            activity=activity,
            chat_endpoint=lambda: load_endpoint(config_dir()),
        )
        self.drafts = app[DRAFTS]
        server = Server(app, self.settings.host, self.settings.port)
        port = await self._listen(server)
        if port is None:
            return 1
        discovery.player_url = player_url(self.settings.host, port)
        warm_pieces(self.store.campaign)  # deck pictures cut per room before the first reveal
        stop = asyncio.Event()
        install_stop_signals(stop.set)
        advertiser = self._advertise(discovery, port)
        if not headless:
            from desktop.gm_window import open_window, window_services

            mdns_name = MDNS_HOST if advertiser is not None else ""
            services = window_services(self, broadcaster, discovery, mdns_name, self.drafts)
            self.window = open_window(self, services, crash, stop.set)
            activity.add(self.window.report_activity)
        try:
            await stop.wait()
        finally:
            activity.clear()
            if self.window is not None:
                self.window.close()
            if advertiser is not None:
                await asyncio.to_thread(advertiser.stop, 1.0)
            await server.stop()
        return 0

    async def _listen(self, server: Server) -> int | None:
        """Start the server and print its URLs; the port, or None (said why on stderr)."""
        settings = self.settings
        try:
            port = await server.start()
        except PortInUse:
            print(
                f"gm-terminal: port {settings.port} is already in use; "
                "choose another with --port (--port 0 picks a free one)",
                file=sys.stderr,
            )
            return None
        except OSError as exc:
            print(f"gm-terminal: cannot listen on {settings.host}: {exc}", file=sys.stderr)
            return None
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        print(f"Serving on http://{host}:{port}/", flush=True)
        print(f"Player display: {player_url(settings.host, port)}", flush=True)
        return port

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
        warm_pieces(campaign)

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
        state = saved or TableState()
        displays = carried_over(self.store.state.displays, state.displays)
        self.store.replace_campaign(campaign, state=replace(state, displays=displays))
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
