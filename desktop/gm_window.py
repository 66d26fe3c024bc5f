"""The GM window's adapter: plain values and callables from the server, the window from them.

The window never imports desktop.net: it gets WindowServices. `build_window(table, services)`
is what a test calls to get the real window of a Table without a server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from desktop.crash import CrashHandler
from desktop.model.store import Store
from desktop.net.broadcaster import Broadcaster
from desktop.net.chat_model import ModelEndpoint
from desktop.net.discovery import Discovery, qr_png
from desktop.net.drafting import DraftService
from desktop.net.model_config import load_endpoint, save_endpoint
from desktop.paths import config_dir, log_path
from desktop.ui.services import ModelChoice, WindowServices
from desktop.ui.window.crash_dialog import CrashDialog
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.save_bar import add_save_bar


class Table(Protocol):
    """What the window needs of the table (desktop/table.py's Table is one)."""

    store: Store
    folder: Path
    gm_token: str

    def switch_campaign(self, folder: Path) -> None: ...
    def watch_saving(self, callback: Callable[[str], None]) -> None: ...


def window_services(
    table: Table,
    broadcaster: Broadcaster,
    discovery: Discovery,
    mdns_name: str,
    drafts: DraftService | None = None,
) -> WindowServices:
    """What the window may ask of the server and the table, as plain callables."""

    def displays() -> list[dict[str, object]]:
        return [
            {
                "address": d.address,
                "user_agent": d.user_agent,
                "since": d.connected_since,
                "revision": d.last_revision,
                "id": d.display,
                "kind": d.kind,
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
    if drafts is not None:
        services = replace(services, draft_from_prompt=drafts.request)
    return replace(services, chat_model=kept_chat_model, keep_chat_model=keep_chat_model)


def kept_chat_model(folder: Path | None = None) -> ModelChoice | None:
    """The language model kept in the user's config folder (None: offline drafts)."""
    found = load_endpoint(folder or config_dir())
    if found is None:
        return None
    return ModelChoice(found.url, found.model, found.key, found.timeout)


def keep_chat_model(choice: ModelChoice | None, folder: Path | None = None) -> str:
    """Keep the GM's choice there (the key apart, readable by the user only); "" or why not."""
    endpoint = None
    if choice is not None:
        endpoint = ModelEndpoint(choice.url, choice.model, choice.key, choice.timeout)
    try:
        save_endpoint(folder or config_dir(), endpoint)
    except OSError as exc:
        return f"Could not keep the settings: {exc.strerror or exc}"
    return ""


def build_window(table: Table, services: WindowServices) -> MainWindow:
    """The table's GM window with its save bar (not shown yet)."""
    window = MainWindow(table.store, services)
    table.watch_saving(add_save_bar(window).show_status)
    return window


def open_window(
    table: Table, services: WindowServices, crash: CrashHandler, on_closed: Callable[[], None]
) -> MainWindow:
    """Build and show the window; crashes show its dialog; its `closed` signal ends the app."""
    window = build_window(table, services)
    crash.show = CrashDialog(window, log_path()).show
    window.closed.connect(on_closed)
    window.show()
    return window
