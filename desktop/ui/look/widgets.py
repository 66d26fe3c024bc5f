"""Small widgets as the theme styles them: named labels, line edits, buttons, wrapped lists,
scrolled dock bodies, a dialog's accept/cancel buttons; each panel says what it holds instead
of how it is set up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QWidget,
)

LayoutT = TypeVar("LayoutT", bound=QLayout)


def label(text: str = "", *, name: str = "", wrap: bool = False) -> QLabel:
    """A label; `name` is its object name (the theme's selector)."""
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def line_edit(placeholder: str, max_length: int = 200) -> QLineEdit:
    """A one-line text field with a hint and a length limit."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(max_length)
    return edit


def button(text: str, *, tip: str = "", name: str = "") -> QPushButton:
    """A push button with its tooltip and (for the theme) its object name."""
    widget = QPushButton(text)
    if tip:
        widget.setToolTip(tip)
    if name:
        widget.setObjectName(name)
    return widget


def wrapped_list(name: str) -> QListWidget:
    """A list whose long entries wrap instead of scrolling sideways."""
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def grid(
    parent: QWidget, margins: tuple[int, int, int, int], spacing: tuple[int, int]
) -> QGridLayout:
    """A grid layout on `parent`: margins (left, top, right, bottom), (horizontal, vertical)
    spacing; its first column takes the spare width."""
    layout = QGridLayout(parent)
    layout.setContentsMargins(*margins)
    layout.setHorizontalSpacing(spacing[0])
    layout.setVerticalSpacing(spacing[1])
    layout.setColumnStretch(0, 1)
    return layout


def scroll_body(area: QScrollArea, make: Callable[[QWidget], LayoutT], margin: int) -> LayoutT:
    """Give a dock a body that scrolls up and down, never sideways; returns the body's layout."""
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = QWidget()
    layout = make(body)
    layout.setContentsMargins(margin, margin, margin, margin)
    area.setWidget(body)
    return layout


def accept_cancel(
    dialog: QDialog, accept: str, on_accept: Callable[[], object]
) -> QDialogButtonBox:
    """A dialog's `accept` and Cancel buttons: `accept` calls `on_accept`, Cancel rejects."""
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def keyed_item(text: str, key: str) -> QListWidgetItem:
    """A list row showing `text` that stands for `key` (read back with `current_key`)."""
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    return item


def current_key(rows: QListWidget) -> str:
    """The key of the selected row ("" when none is)."""
    item = rows.currentItem()
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""


def keep_a_selection(rows: QListWidget) -> None:
    """Select the first row when rows are listed and none is selected."""
    if rows.currentItem() is None and rows.count():
        rows.setCurrentRow(0)
