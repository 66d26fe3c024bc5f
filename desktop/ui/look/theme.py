"""The console look: a dark palette and one stylesheet (CRT teal and amber, monospace heads)."""

from __future__ import annotations

from importlib.resources import files
from string import Template

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui.look import colors
from desktop.ui.look.wheel import guard_the_wheel

MONO = '"DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", Menlo, Consolas, monospace'

_QSS = Template(
    """
* { color: $TEXT; }
QMainWindow, QWidget#Central { background: $BG; }
QWidget { background: $PANEL; selection-background-color: $TEAL_DIM; }
QToolTip { background: $PANEL_ALT; color: $TEXT; border: 1px solid $TEAL_DIM; padding: 4px; }
QLabel { background: transparent; }
QLabel#Heading, QLabel#FocusTitle, QLabel#AppTitle {
    font-family: $MONO; color: $TEAL_BRIGHT; letter-spacing: 1px; font-weight: bold;
}
QLabel#Heading { font-size: 9pt; color: $TEAL; margin-top: 4px; }
QLabel#AppTitle { font-size: 11pt; padding: 0 10px 0 4px; }
QLabel#CampaignTitle { font-family: $MONO; color: $AMBER; padding-right: 12px; }
QLabel#FocusTitle { font-size: 12pt; }
QLabel#FocusSubtitle, QLabel#Caption, QLabel#RowDetail {
    font-family: $MONO; color: $TEXT_DIM; font-size: 8pt; letter-spacing: 1px;
}
QLabel#RowTitle { color: $TEXT; font-weight: bold; }
QLabel#PlayerUrl { font-family: $MONO; font-size: 11pt; color: $TEAL_BRIGHT; }
QLabel#QrCode { background: #ffffff; border: 6px solid #ffffff; margin: 6px 40px; }
QDialog#TableReady QLabel#QrCode { margin: 6px 12px 6px 0; }
QLabel#JoinUrl { font-family: $MONO; font-size: 18pt; color: $TEAL_BRIGHT; font-weight: bold; }
QToolButton#JoinButton {
    font-family: $MONO; font-size: 8.5pt; color: $TEAL_BRIGHT; background: $PANEL_ALT;
    border: 1px solid $TEAL_DIM; border-radius: 2px; padding: 4px 10px; margin-right: 10px;
}
QToolButton#JoinButton:hover { border-color: $TEAL; }
QLabel#MapPlaceholder { color: $TEXT_DIM; font-family: $MONO; background: $BG; }
QLabel#Thumb { border: 1px solid $TEAL_DIM; background: $PANEL_ALT; color: $AMBER; }
QLabel#LiveMarker {
    font-family: $MONO; font-weight: bold; letter-spacing: 1px; padding: 5px 12px;
    border: 1px solid $AMBER_DIM; color: $AMBER; background: #1a130a;
}
QLabel#LiveMarker[state="live"] { border-color: #2f6b3e; color: $GREEN; background: #0c1a10; }
QLabel#StatusRevision, QLabel#StatusHold { font-family: $MONO; color: $TEXT_DIM; padding: 0 8px; }
QLabel#StatusHold[active="true"] { color: $RED; font-weight: bold; }
QPushButton#StatusAlert {
    color: #ffd7d0; background: $RED_DIM; border: 1px solid $RED; font-weight: bold;
    padding: 1px 10px;
}

QFrame#FocusBar { background: $PANEL; border-bottom: 1px solid $BORDER; }
QFrame#ViewSwitcher { background: transparent; }
QFrame#PortraitRow, QFrame#SystemRow {
    background: $PANEL_ALT; border: 1px solid $BORDER; border-radius: 2px;
}
QFrame#PortraitRow[active="true"] { border-color: $AMBER; background: #17120b; }
QFrame#CountdownRow { background: $PANEL_ALT; border: 1px solid $BORDER; border-radius: 2px; }
QFrame#CountdownRow[ended="true"] { border-color: $RED; background: #2a0f0c; }
QLabel#RowTitle[ended="true"] { color: $RED; }
QFrame#SystemRow[status="STRESSED"] { border-left: 3px solid $AMBER; }
QFrame#SystemRow[status="DAMAGED"] { border-left: 3px solid #e07b39; }
QFrame#SystemRow[status="CRITICAL"] { border-left: 3px solid $RED; }
QFrame#SystemRow[status="OFFLINE"] { border-left: 3px solid $GREY; }
QFrame#SystemRow[status="ONLINE"] { border-left: 3px solid $TEAL; }

QPushButton {
    background: $PANEL_ALT; border: 1px solid $TEAL_DIM; padding: 5px 12px; color: $TEAL_BRIGHT;
    font-family: $MONO; font-size: 8.5pt; letter-spacing: 1px; border-radius: 2px;
}
QPushButton:hover { border-color: $TEAL; background: #16201f; }
QPushButton:pressed { background: $TEAL_DIM; }
QPushButton:disabled { color: $GREY; border-color: $BORDER; }
QPushButton:checked { border-color: $AMBER; color: $AMBER; background: #1e160c; }
QPushButton#ViewButton { padding: 6px 14px; }
QPushButton#ShowButton { border-color: $AMBER; color: $BG; background: $AMBER; font-weight: bold; }
QPushButton#ShowButton:hover { background: #e6ae6c; }
QPushButton#ShowButton:disabled { background: $PANEL_ALT; color: $GREY; border-color: $BORDER; }
QPushButton#HoldButton:checked { border-color: $RED; color: #ffd7d0; background: $RED_DIM; }
QPushButton#PrimaryButton { background: $TEAL_DIM; border-color: $TEAL; }
QPushButton#TreeShowButton { padding: 1px 4px; font-size: 7.5pt; letter-spacing: 0; }
QPushButton#ToggleButton { padding: 4px 4px; letter-spacing: 0; }
QPushButton#TreeShowButton[active="true"], QPushButton#ToggleButton[active="true"] {
    border-color: $AMBER; color: $AMBER;
}

QLineEdit, QPlainTextEdit, QComboBox, QSpinBox {
    background: #0a0f10; border: 1px solid $BORDER; padding: 4px 6px; border-radius: 2px;
    selection-background-color: $TEAL_DIM;
}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus { border-color: $TEAL; }
QComboBox QAbstractItemView { background: $PANEL_ALT; border: 1px solid $TEAL_DIM; }
QCheckBox { background: transparent; spacing: 6px; }
QCheckBox::indicator {
    width: 12px; height: 12px; border: 1px solid $TEAL; background: #0a0f10; border-radius: 2px;
}
QCheckBox::indicator:checked {
    background: $TEAL_BRIGHT; border-color: $TEAL_BRIGHT; image: url($CHECK);
}
QCheckBox::indicator:hover { border-color: $TEAL_BRIGHT; }

QTreeWidget, QListWidget, QScrollArea { background: $PANEL; border: none; }
QTreeWidget::item, QListWidget::item { padding: 3px 2px; }
QTreeWidget::item:selected, QListWidget::item:selected { background: $TEAL_DIM; color: #ffffff; }
QTreeWidget::item:hover, QListWidget::item:hover { background: #142021; }
QListWidget#TokenPalette { background: #0a0f10; border: 1px solid $BORDER; }
QListWidget#TokenPalette::item { font-size: 8pt; color: $TEXT_DIM; }
QListWidget#ProblemList { font-family: $MONO; font-size: 8.5pt; color: $AMBER; }
QListWidget#Conversation, QListWidget#BroadcastHistory {
    background: #0a0f10; border: 1px solid $BORDER; font-family: $MONO; font-size: 8.5pt;
}
QHeaderView::section {
    background: $PANEL_ALT; color: $TEXT_DIM; border: none; border-bottom: 1px solid $BORDER;
    padding: 4px; font-family: $MONO; font-size: 8pt;
}

QDockWidget { color: $TEAL; titlebar-close-icon: none; }
QDockWidget::title {
    background: $PANEL_ALT; padding: 6px 8px; border-bottom: 1px solid $BORDER;
    font-family: $MONO; text-align: left;
}
QTabBar { background: transparent; font-family: $MONO; font-size: 8pt; }
QTabBar::tab {
    background: $PANEL; color: $TEXT_DIM; padding: 6px 6px; border: 1px solid $BORDER;
    border-bottom: none;
}
QTabBar::tab:selected { color: $TEAL_BRIGHT; background: $PANEL_ALT; border-top: 2px solid $TEAL; }
QTabBar::tab:hover { color: $TEXT; }
QTabBar#DeckTabs::tab:selected { color: $AMBER; border-top: 2px solid $AMBER; }

QToolBar {
    background: $PANEL; border: none; border-bottom: 1px solid $BORDER; spacing: 6px;
    padding: 4px;
}
QMenuBar { background: $PANEL; border-bottom: 1px solid $BORDER; }
QMenuBar::item { background: transparent; padding: 4px 10px; }
QMenuBar::item:selected, QMenu::item:selected { background: $TEAL_DIM; }
QMenu { background: $PANEL_ALT; border: 1px solid $TEAL_DIM; padding: 4px; }
QMenu::item { padding: 5px 24px 5px 20px; background: transparent; }
QMenu::item:disabled { color: $GREY; }
QMenu::separator { height: 1px; background: $BORDER; margin: 4px 6px; }
QMenu::section { color: $TEAL; }
QStatusBar {
    background: $PANEL; border-top: 1px solid $BORDER; font-family: $MONO; font-size: 8.5pt;
}
QStatusBar::item { border: none; }
QScrollBar:vertical, QScrollBar:horizontal {
    background: $BG; border: none; width: 10px; height: 10px;
}
QScrollBar::handle { background: $TEAL_DIM; border-radius: 4px; min-height: 24px; min-width: 24px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
QGraphicsView#MapView { border: none; background: $BG; }
QMessageBox, QInputDialog, QFileDialog { background: $PANEL; }
QSplitter::handle { background: $BORDER; width: 2px; height: 2px; }
QMainWindow::separator { background: $BORDER; width: 6px; height: 6px; }
QMainWindow::separator:hover { background: $TEAL_DIM; }
"""
)


def stylesheet() -> str:
    """The window's stylesheet with the console's colours filled in."""
    names = {k: v for k, v in vars(colors).items() if k.isupper() and isinstance(v, str)}
    check = files("desktop.ui.look").joinpath("icons", "check.svg")  # a tick, not only a fill
    return _QSS.substitute(names, MONO=MONO, CHECK=str(check).replace("\\", "/"))


def dark_palette() -> QPalette:
    """A palette matching the stylesheet, for what QSS does not reach (dialogs, popups)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: colors.PANEL,
        QPalette.ColorRole.WindowText: colors.TEXT,
        QPalette.ColorRole.Base: "#0a0f10",
        QPalette.ColorRole.AlternateBase: colors.PANEL_ALT,
        QPalette.ColorRole.Text: colors.TEXT,
        QPalette.ColorRole.Button: colors.PANEL_ALT,
        QPalette.ColorRole.ButtonText: colors.TEAL_BRIGHT,
        QPalette.ColorRole.Highlight: colors.TEAL_DIM,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: colors.PANEL_ALT,
        QPalette.ColorRole.ToolTipText: colors.TEXT,
        QPalette.ColorRole.PlaceholderText: colors.TEXT_DIM,
        QPalette.ColorRole.Link: colors.TEAL_BRIGHT,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette


def apply_theme(app: QApplication) -> None:
    """Fusion style (QSS renders the same on every platform), the palette, the stylesheet, and
    the wheel guard (desktop/ui/look/wheel.py).

    Done once: setting a stylesheet again re-polishes every widget of the application."""
    guard_the_wheel(app)
    sheet = stylesheet()
    if app.styleSheet() == sheet:
        return
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    app.setStyleSheet(sheet)
