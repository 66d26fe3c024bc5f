"""The GM window: campaign tree, view switcher, the map of the GM's focus, and the docks."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from desktop.model.activity import MOVE, ActivityEvent
from desktop.model.aimed import aimed_at
from desktop.model.errors import DomainError
from desktop.model.store import Store
from desktop.ui.look.app_icon import app_icon
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.look.theme import apply_theme
from desktop.ui.map.focus import Focus
from desktop.ui.map.move_flash import MoveFlash
from desktop.ui.map.panel import MapPanel
from desktop.ui.panels.activity import ActivityPanel
from desktop.ui.panels.broadcast import BroadcastPanel
from desktop.ui.panels.campaign import CampaignPanel
from desktop.ui.panels.charon import CharonPanel
from desktop.ui.panels.countdowns import AlertsPanel
from desktop.ui.panels.crew import CrewPanel
from desktop.ui.panels.dice import DicePanel
from desktop.ui.panels.displays import DisplaysPanel
from desktop.ui.panels.location_tree import LocationTree
from desktop.ui.panels.portraits import PortraitPanel
from desktop.ui.panels.problems import ProblemsPanel
from desktop.ui.panels.question_alert import QuestionAlert
from desktop.ui.panels.ship import ShipPanel
from desktop.ui.panels.soundboard import SoundPanel
from desktop.ui.panels.starmap import StarMapPanel
from desktop.ui.panels.tokens import TokensPanel
from desktop.ui.services import WindowServices
from desktop.ui.window.alert_badge import AlertBadge
from desktop.ui.window.confirm import confirm
from desktop.ui.window.dispatcher import ERROR_TIMEOUT_MS, Dispatcher
from desktop.ui.window.help import WindowHelp
from desktop.ui.window.intent_router import IntentRouter
from desktop.ui.window.layout import (
    arrange_docks,
    fit_first_size,
    new_dock,
    scrolled,
    size_docks,
    whole_tab_titles,
)
from desktop.ui.window.menus import WindowMenus
from desktop.ui.window.refresher import ViewRefresher
from desktop.ui.window.settings import WindowSettings
from desktop.ui.window.view_switcher import ViewSwitcher
from desktop.ui.window.wiring import wire_intents

log = logging.getLogger(__name__)
ACTIVITY_MESSAGE_MS = 6000  # a player's move or question stays this long in the status bar


class MainWindow(QMainWindow):
    """Reads the store, dispatches GM actions through one Dispatcher; emits `closed` when the
    GM closes it (the composition root then ends the event loop)."""

    closed = Signal()

    def __init__(
        self, store: Store, services: WindowServices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app)
        self.store = store
        self.services = services
        self.settings = WindowSettings(services.settings_path)
        self.images = ImageCache()
        self.focus = Focus(self)
        self.dispatcher = Dispatcher(store, self)
        self.router = IntentRouter(self.dispatcher, self.focus, self)
        self._build_widgets()
        self._build_docks()
        self.menus = WindowMenus(self)
        self.help = WindowHelp(self, self.services, self.settings)
        self._toolbar.insertWidget(self._switcher_action, self.help.join_button)
        self.refresher = ViewRefresher(store, self)
        wire_intents(self)
        self._campaign_seen: object = None
        self.setWindowTitle("GM Terminal")
        self.setWindowIcon(app_icon())
        fit_first_size(self, 1440, 900)
        self._shown_once = False
        self._restored = self.settings.restore(self)
        self.menus.fill_recent(self.settings.recent(), self.open_campaign)
        self.sync()

    # --- building ------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.map_panel = MapPanel(self.store, self.focus, self.images)
        self.map_panel.setObjectName("Central")
        self.setCentralWidget(self.map_panel)
        self.tree = LocationTree()
        self.campaign_panel = CampaignPanel(self.tree)
        self.switcher = ViewSwitcher()
        self.tokens = TokensPanel(self.images)
        self.portraits = PortraitPanel(self.images)
        self.ship = ShipPanel()
        self.crew = CrewPanel()
        self.dice = DicePanel()
        self.alerts = AlertsPanel()
        self.sound = SoundPanel()
        self.broadcast = BroadcastPanel()
        self.star_map = StarMapPanel()
        self.charon = CharonPanel()
        self.displays = DisplaysPanel(
            self.services,
            frame_of=self.store.player_frame,
            images=self.images,
            crew=lambda: [(c.id, c.name) for c in self.store.campaign.crew],
            aimed_at=lambda d: aimed_at(self.store.state, self.store.campaign, d),
            handouts=lambda: [(h.key, h.title) for h in self.store.campaign.handouts.values()],
        )
        self.problems = ProblemsPanel()
        self.activity = ActivityPanel()
        self.campaign_title = QLabel()
        self.campaign_title.setObjectName("CampaignTitle")
        toolbar = QToolBar("Table")
        toolbar.setObjectName("TableToolbar")
        toolbar.setMovable(False)
        title = QLabel("GM TERMINAL")
        title.setObjectName("AppTitle")
        toolbar.addWidget(title)
        toolbar.addWidget(self.campaign_title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        spacer.setStyleSheet("background: transparent;")
        toolbar.addWidget(spacer)
        self._switcher_action = toolbar.addWidget(self.switcher)
        self._toolbar = toolbar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.revision_label = QLabel()
        self.revision_label.setObjectName("StatusRevision")
        self.hold_label = QLabel()
        self.hold_label.setObjectName("StatusHold")
        self.alert_badge = AlertBadge()
        self.statusBar().addPermanentWidget(self.alert_badge)
        self.statusBar().addPermanentWidget(self.hold_label)
        self.statusBar().addPermanentWidget(self.revision_label)
        # Fixed size: a new revision then repaints the label alone, not the whole status bar.
        self.revision_label.setText("REV 99999999")
        self.revision_label.ensurePolished()
        self.revision_label.setFixedSize(self.revision_label.sizeHint())

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        return new_dock(self, title, widget, area)

    def _build_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, self.tabPosition(left).North)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.docks = {
            "campaign": self._dock("Campaign", self.campaign_panel, left),
            "portraits": self._dock("Portraits", self.portraits, left),
            "problems": self._dock("Problems", self.problems, left),
            "tokens": self._dock("Tokens", self.tokens, right),
            "ship": self._dock("Ship", self.ship, right),
            "crew": self._dock("Crew", self.crew, right),
            "dice": self._dock("Dice", self.dice, right),
            "alerts": self._dock("Alerts", self.alerts, right),
            "sound": self._dock("Sound", self.sound, right),
            "displays": self._dock("Displays", scrolled(self.displays), left),
            # Scrolled: with drafts waiting it is taller than its share of a laptop's column;
            # as wide as the panel needs (its column's tabs fit that width).
            "charon": self._dock("Ship computer", scrolled(self.charon, wide=True), right),
            "broadcast": self._dock("Broadcast", self.broadcast, right),
            "star_map": self._dock("Star map", self.star_map, right),
            "activity": self._dock("Activity", self.activity, right),
        }
        d = self.docks
        arrange_docks(self, d)
        d["problems"].hide()
        for dock in d.values():  # a tab bar Qt makes when the GM re-tabs a dock
            dock.dockLocationChanged.connect(lambda _: QTimer.singleShot(0, self._whole_tabs))
        activity = d["activity"]
        activity.visibilityChanged.connect(self._activity_shown)
        self.activity.unseen_changed.connect(
            lambda n: activity.setWindowTitle(f"ACTIVITY · {n}" if n else "ACTIVITY")
        )
        alerts = d["alerts"]  # a countdown at zero marks the tab, in front or not
        self.alerts.ended_changed.connect(
            lambda n: alerts.setWindowTitle("ALERTS !" if n else "ALERTS")
        )
        # Behind another dock's tab the displays list is not polled; in front it is current.
        d["displays"].visibilityChanged.connect(self.displays.set_watched)
        self.question_alert = QuestionAlert(self.charon, d["charon"], self)
        self.charon.drafts.count_changed.connect(self._drafts_in_view)

    def _drafts_in_view(self, count: int) -> None:
        """Drafts arrived: scroll the Ship computer dock to them (once laid out)."""
        area = self.docks["charon"].widget()
        if count and isinstance(area, QScrollArea):
            drafts = self.charon.drafts

            def scroll() -> None:  # Approve wins; the heading too when both fit
                area.ensureWidgetVisible(drafts.heading, 0, 4)
                area.ensureWidgetVisible(drafts.approve_button, 0, 8)

            QTimer.singleShot(0, scroll)

    def size_docks(self) -> None:
        """Give the map most of the room at any window size (when no layout was saved)."""
        size_docks(self, self.docks)

    def _whole_tabs(self) -> None:
        whole_tab_titles(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._restored:
                # After the first layout pass: before it, the dock sizes are not settled.
                QTimer.singleShot(0, self.size_docks)
            QTimer.singleShot(0, lambda: whole_tab_titles(self))  # a restored layout's tabs too
            QTimer.singleShot(0, self.help.first_start)

    # --- syncing from the store ----------------------------------------------------------

    def sync(self) -> None:
        """Re-sync every view from the store (idempotent; one call per loop turn)."""
        state, campaign = self.store.state, self.store.campaign
        if campaign is not self._campaign_seen:
            self._campaign_changed()
        self.focus.settle(state, campaign)
        self.map_panel.sync()
        self.tree.sync(state, campaign, self.focus.location_slug)
        self.switcher.sync(state)
        self.tokens.sync(state, campaign, self.focus.location_slug)
        self.portraits.sync(state, campaign)
        self.ship.sync(state, campaign)
        self.crew.sync(state, campaign)
        self.dice.sync(state, campaign)
        self.alerts.sync(state, campaign)
        self.sound.sync(state, campaign)
        self.charon.sync(state, campaign)
        self.broadcast.sync(state)
        self.displays.sync(state)
        self.menus.sync(self.store.undo_label, self.store.redo_label, state.hold)
        self.alert_badge.sync(state)
        self.revision_label.setText(f"REV {state.revision}")
        if self.hold_label.property("active") is not state.hold:  # a re-polish repaints it
            self.hold_label.setText("HOLD ON: displays frozen" if state.hold else "")
            self.hold_label.setProperty("active", state.hold)
            self.hold_label.style().polish(self.hold_label)

    def _campaign_changed(self) -> None:
        campaign = self.store.campaign
        self._campaign_seen = campaign
        self.images.clear()
        self.campaign_title.setText(campaign.name)
        self.setWindowTitle(f"{campaign.name} — GM Terminal")
        self.problems.sync(campaign)
        if campaign.problems:
            dock = self.docks["problems"]
            dock.show()
            dock.raise_()
            count = len(campaign.problems)
            self.statusBar().showMessage(
                f"Campaign opened with {count} problem(s): see the Problems panel",
                ERROR_TIMEOUT_MS,
            )

    # --- what the players did ----------------------------------------------------------------

    def report_activity(self, event: ActivityEvent) -> None:
        """An event from the server (via the composition root): log it; flash a moved token."""
        self.activity.add(event)
        self.statusBar().showMessage(f"Players: {event.text}", ACTIVITY_MESSAGE_MS)
        if event.kind == MOVE and event.token_id:
            self.flash_token(event.token_id, event.location_slug, event.deck_id)

    def _activity_shown(self, shown: bool) -> None:
        if shown:
            self.activity.mark_seen()

    def flash_token(self, token_id: str, slug: str, deck_id: str, retry: bool = True) -> None:
        """A short ring on the GM map around a token, when the map shows its deck."""
        if (slug, deck_id) != (self.focus.location_slug, self.focus.deck_id):
            return
        item = self.map_panel.scene.tokens.get(token_id)
        if item is not None:
            MoveFlash(item)
        elif retry:  # it arrived on this deck: its item exists after the next re-sync
            self.refresher.schedule()
            QTimer.singleShot(50, lambda: self.flash_token(token_id, slug, deck_id, False))

    # --- campaigns -----------------------------------------------------------------------

    def ask_campaign_folder(self) -> None:
        """File > Open campaign…: a non-blocking folder dialog."""
        dialog = QFileDialog(self, "Open campaign folder")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(lambda path: self.open_campaign(Path(path)))
        dialog.open()

    def open_campaign(self, path: Path) -> None:
        """Ask the composition root to open a campaign folder; remember it."""
        try:
            self.services.open_campaign(path)
        except (OSError, ValueError, DomainError) as error:
            log.warning("could not open campaign %s: %s", path, error)
            self.statusBar().showMessage(f"Could not open {path}: {error}", ERROR_TIMEOUT_MS)
            return
        self.settings.add_recent(path)
        self.menus.fill_recent(self.settings.recent(), self.open_campaign)
        self.refresher.schedule()

    def reload_campaign(self) -> None:
        """File > Reload campaign (F5)."""
        try:
            self.services.reload_campaign()
        except (OSError, ValueError, DomainError) as error:
            self.statusBar().showMessage(f"Could not reload: {error}", ERROR_TIMEOUT_MS)
            return
        self.statusBar().showMessage("Campaign reloaded", 3000)
        if self.store.campaign is not self._campaign_seen:
            self._campaign_changed()  # now: what the caller says after the reload stays shown
        self.refresher.schedule()

    # --- confirmations -------------------------------------------------------------------

    def confirm_clear_tokens(self) -> None:
        confirm(
            self,
            "Clear tokens",
            "Remove every token of the deck you are looking at?",
            "Clear tokens",
            self.router.clear_tokens,
        )

    def confirm_reset_location(self) -> None:
        confirm(
            self,
            "Reset location",
            "Hide every room, restore every door and remove every token of this location?",
            "Reset location",
            self.router.reset_location,
        )

    def confirm_new_session(self) -> None:
        confirm(
            self,
            "New session",
            "Start the table state clean? The campaign itself is not changed.",
            "New session",
            self.router.new_session,
        )

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save(self)
        self.displays.timer.stop()
        self.displays.thumb_timer.stop()
        self.refresher.detach()
        event.accept()
        self.closed.emit()
