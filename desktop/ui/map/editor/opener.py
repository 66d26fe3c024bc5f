"""File > Edit deck map… and File > Import map…: the deck editor on the location the map
shows, and the import with its preview; both reload the campaign once files are written
(tokens and reveals stay: they live in the table state)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.campaign.model import Location
from desktop.model.store import Store
from desktop.ui.map.editor.image_dialog import ask_new_map
from desktop.ui.map.editor.import_dialog import ask_import_map
from desktop.ui.map.editor.window import DeckEditor
from desktop.ui.map.focus import Focus

ERROR_TIMEOUT_MS = 8000


def _focused(store: Store, focus: Focus, status: QStatusBar) -> Location | None:
    location = store.campaign.locations.get(focus.location_slug)
    if location is None:
        status.showMessage("Choose a location in the campaign tree first", ERROR_TIMEOUT_MS)
    return location


def open_deck_editor(
    parent: QWidget, store: Store, focus: Focus, status: QStatusBar, reload: Callable[[], None]
) -> DeckEditor | None:
    campaign = store.campaign
    location = _focused(store, focus, status)
    if location is None:
        return None
    editor = DeckEditor(location, campaign.root / location.path / "map", parent)
    editor.saved.connect(reload)
    editor.show()
    return editor


def import_into(
    parent: QWidget, store: Store, focus: Focus, status: QStatusBar, reload: Callable[[], None]
) -> None:
    def done(text: str, written: bool) -> None:
        if written:
            reload()
        status.showMessage(text, ERROR_TIMEOUT_MS)

    ask_import_map(parent, store.campaign, focus.location_slug, done)


def new_map_into(
    parent: QWidget, store: Store, focus: Focus, status: QStatusBar, reload: Callable[[], None]
) -> None:
    """File > New map from image…: the grid dialog, then the editor (saving reloads)."""
    location = _focused(store, focus, status)
    if location is None:
        return
    dialog = ask_new_map(parent, location, store.campaign.root / location.path / "map", status)
    if dialog is not None:
        dialog.accepted.connect(lambda: dialog.editor and dialog.editor.saved.connect(reload))
