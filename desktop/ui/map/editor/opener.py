"""File > Edit deck map… and File > Import map…: the deck editor on the location the map
shows, and the import with its preview; both reload the campaign once files are written
(tokens and reveals stay: they live in the table state)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar

from desktop.campaign.model import Location
from desktop.model.names import counted
from desktop.ui.map.editor.folders import Folders
from desktop.ui.map.editor.image_dialog import ask_new_map
from desktop.ui.map.editor.import_dialog import ask_import_map
from desktop.ui.map.editor.window import DeckEditor
from desktop.ui.map.panel import MapPanel

ERROR_TIMEOUT_MS = 8000
IMPORT_MESSAGE_MS = 15000  # long enough to read what was made


def _focused(panel: MapPanel, status: QStatusBar) -> Location | None:
    location = panel.store.campaign.locations.get(panel.focus.location_slug)
    if location is None:
        status.showMessage("Choose a location in the campaign tree first", ERROR_TIMEOUT_MS)
    return location


def _edit_in(panel: MapPanel, editor: DeckEditor, reload: Callable[[], None]) -> None:
    editor.saved.connect(reload)
    editor.closed.connect(panel.stop_editing)
    panel.start_editing(editor)


def open_deck_editor(
    panel: MapPanel, status: QStatusBar, reload: Callable[[], None]
) -> DeckEditor | None:
    location = _focused(panel, status)
    if location is None:
        return None
    editor = DeckEditor(location, panel.store.campaign.root / location.path / "map", panel)
    editor.show_deck(panel.focus.deck_id)  # the deck the map shows
    _edit_in(panel, editor, reload)
    return editor


def import_into(
    panel: MapPanel, status: QStatusBar, reload: Callable[[], None], folders: Folders
) -> None:
    def done(text: str, written: bool) -> None:
        if written:
            reload()
            problems = len(panel.store.campaign.problems)
            if problems:
                text += f"; {counted(problems, 'campaign problem')}: see the Problems dock"
        status.showMessage(text, IMPORT_MESSAGE_MS)

    ask_import_map(panel.window(), panel.store.campaign, panel.focus.location_slug, done, folders)


def new_map_into(
    panel: MapPanel, status: QStatusBar, reload: Callable[[], None], folders: Folders
) -> None:
    """File > New map from image…: the grid dialog, then the editor in the map's place."""
    location = _focused(panel, status)
    if location is None:
        return
    root = panel.store.campaign.root
    ask_new_map(
        panel.window(),
        location,
        root / location.path / "map",
        status,
        (folders, root),
        lambda editor: _edit_in(panel, editor, reload),
    )
