"""The centre of the window: focus bar, deck tabs and the map of the GM's focus."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.campaign.model import Location
from desktop.model.store import Store
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.deck_tabs import DeckTabs
from desktop.ui.map.focus import Focus
from desktop.ui.map.focus_bar import FocusBar
from desktop.ui.map.legend import MapLegend
from desktop.ui.map.picture.preview import preview_snapshot
from desktop.ui.map.picture.shapes import MapPicture
from desktop.ui.map.picture.snapshot import picture_from_snapshot
from desktop.ui.map.picture.state import StatePictureBuilder
from desktop.ui.map.scene import MapScene
from desktop.ui.map.view import MapView


class MapPanel(QWidget):
    """Reads the store to draw the focus (or the player preview); intents go out via the view."""

    def __init__(
        self, store: Store, focus: Focus, images: ImageCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.focus = focus
        self.builder = StatePictureBuilder()
        self.scene = MapScene(images, self)
        self.view = MapView(self.scene)
        self.bar = FocusBar()
        self.tabs = DeckTabs()
        self.placeholder = QLabel(_placeholder_text(None))
        self.placeholder.setObjectName("MapPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend = MapLegend()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.placeholder)
        self.preview = False
        self.editor: QWidget | None = None  # the deck editor while the GM edits the map
        self._fitted_for: tuple[str, str, bool] | None = None
        self.reveal_action = QAction("Reveal / hide selected rooms", self)
        self.reveal_action.setShortcut(QKeySequence(Qt.Key.Key_R))
        self.reveal_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reveal_action.triggered.connect(self.view.reveal_selected)
        self.addAction(self.reveal_action)
        self._layout()
        self.bar.reveal_clicked.connect(self.view.reveal_selected)
        self.bar.fit_clicked.connect(self.view.fit)
        self.bar.preview_toggled.connect(self.set_preview)
        self.tabs.deck_chosen.connect(lambda deck: focus.set(focus.location_slug, deck))

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)

    def set_preview(self, on: bool) -> None:
        """Draw exactly what the players get (on) or the GM's full map (off)."""
        if on == self.preview:
            return
        self.preview = on
        self.view.preview = on
        self.scene.tokens_movable = not on
        self.scene.sync(MapPicture(deck_id="", width=0, height=0))  # rebuild every item
        if self.bar.preview_button.isChecked() != on:
            self.bar.preview_button.setChecked(on)
        self.reveal_action.setEnabled(not on)
        self.sync()

    def start_editing(self, editor: QWidget) -> None:
        """The deck editor in place of the map (the map view's edit mode)."""
        self.stop_editing()
        self.editor = editor
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.tabs.setVisible(False)
        self.legend.setVisible(False)

    def stop_editing(self) -> None:
        """Back to the map (after Done)."""
        if self.editor is None:
            return
        editor, self.editor = self.editor, None
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.tabs.setVisible(True)
        self.legend.setVisible(True)
        self.sync()

    def show_token(self, location_slug: str, deck_id: str, token_id: str) -> None:
        """Look at a token: its location and deck, centred on it and selected."""
        self.focus.set(location_slug, deck_id)
        self.sync()
        # After the fit a new focus schedules: a single-shot timer keeps that order.
        QTimer.singleShot(0, lambda: self._centre_on(token_id))

    def _centre_on(self, token_id: str) -> None:
        item = self.scene.tokens.get(token_id)
        if item is None:
            return
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.centerOn(item)

    def current_picture(self) -> MapPicture:
        """What the map should draw now."""
        state, campaign = self.store.state, self.store.campaign
        slug, deck = self.focus.location_slug, self.focus.deck_id
        if self.preview:
            snapshot, resolve = preview_snapshot(self.store, slug, deck)
            return picture_from_snapshot(snapshot, resolve)
        return self.builder.build(state, campaign, slug, deck)

    def sync(self) -> None:
        """Redraw from the store; cheap when little changed."""
        state, campaign = self.store.state, self.store.campaign
        location = campaign.location(self.focus.location_slug)
        live = self.focus.is_live(state)
        picture = self.current_picture()
        self.scene.sync(picture)
        shown = self.view if location and location.has_map else self.placeholder
        self.stack.setCurrentWidget(self.editor or shown)
        self.placeholder.setText(_placeholder_text(location))
        self._sync_chrome(location, live, state.hold)
        key = (self.focus.location_slug, self.focus.deck_id, self.preview)
        if key != self._fitted_for and picture.width:
            self._fitted_for = key
            QTimer.singleShot(0, self.view.fit)

    def _sync_chrome(self, location: Location | None, live: bool, hold: bool) -> None:
        state = self.store.state
        decks = location.map.decks if location and location.map else ()
        shown = state.view_type == "ENCOUNTER" and location and state.location_slug == location.slug
        loc = state.locations.get(location.slug) if shown and location else None
        players_deck = loc.deck_id if loc is not None else ""
        self.tabs.sync(decks, self.focus.deck_id, players_deck)
        deck = location.map.deck(self.focus.deck_id) if location and location.map else None
        subtitle = location.type.upper() if location else ""
        if deck is not None:
            subtitle += f" · {deck.name} · deck {deck.level} of {len(decks)}"
        if self.preview:
            subtitle += " · PLAYER PREVIEW" + ("" if live else " (if shown)")
        self.bar.sync(
            location.name if location else "",
            subtitle,
            live=live,
            hold=hold,
            usable=location is not None,
            editable=not self.preview,
        )


def _placeholder_text(location: Location | None) -> str:
    """What stands in for the map: a place without one shows the players its location card."""
    if location is None:
        return "Choose a place in the campaign tree."
    return f"{location.name} has no map.\nShow to players: the displays show its location card."
