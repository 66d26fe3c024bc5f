"""What a GM would find wrong in the window's layout, measured on the live widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QTabBar, QTreeWidget, QTreeWidgetItem, QWidget


def cut_tree_items(tree: QTreeWidget) -> list[str]:
    """Names in the tree's first column that do not fit their cell (Qt would draw "…")."""
    cut = []
    header = tree.header()
    for item in tree_items(tree):
        if item.isHidden():
            continue
        rect = tree.visualItemRect(item)
        right = header.sectionViewportPosition(0) + tree.columnWidth(0)
        left = max(rect.left(), header.sectionViewportPosition(0))
        if QFontMetrics(item.font(0)).horizontalAdvance(item.text(0)) > right - left - 8:
            cut.append(item.text(0))
    return cut


def cut_tabs(window: QWidget) -> list[str]:
    """Dock tab titles drawn cut ("TOKE…", "ACTIVITY (2 NE…") in the window's visible tab bars."""
    cut = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            text = bar.tabText(index)
            room = bar.tabRect(index).width() - 8
            shown = bar.tabRect(index).intersected(bar.rect()).width() >= bar.tabRect(index).width()
            elided = bar.elideMode() != Qt.TextElideMode.ElideNone
            if bar.fontMetrics().horizontalAdvance(text) > room or (elided and not shown):
                cut.append(text)
    return cut


def tree_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        items.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return items


def label_cut(label: QLabel) -> bool:
    """Whether a (word-wrapped) label cannot show its whole text."""
    need = label.fontMetrics().boundingRect(
        0, 0, max(1, label.width()), 10_000, Qt.TextFlag.TextWordWrap, label.text()
    )
    return need.height() > label.height() or need.width() > label.width()


def clipped(widget: QWidget, window: QWidget) -> bool:
    """A button narrower than its text needs, or outside the window."""
    inside = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return widget.width() < widget.sizeHint().width() or not window.rect().contains(inside)


def layout_report(w: Any) -> dict[str, Any]:
    """The window's layout problems: cut names, clipped buttons, a legend on the map."""
    palette = w.tokens.palette_list
    bar = w.map_panel.bar
    buttons = [*w.switcher.buttons.values(), w.help.join_button]
    buttons += [bar.show_button, bar.hold_button, bar.reveal_button, bar.fit_button]
    view = w.map_panel.view.viewport()
    legend = w.map_panel.legend
    legend_rect = QRect(legend.mapTo(w, legend.rect().topLeft()), legend.size())
    view_rect = QRect(view.mapTo(w, view.rect().topLeft()), view.size())
    return {
        "tree_cut": cut_tree_items(w.tree),
        "tabs_cut": cut_tabs(w),
        "portrait_names_cut": [
            r.name.text() for r in w.portraits.rows.values() if label_cut(r.name)
        ],
        "palette_rows": round(palette.viewport().height() / palette.gridSize().height(), 2),
        "buttons_clipped": [b.text() for b in buttons if clipped(b, w)],
        "focus_bar_cut": [
            label.text()
            for label in (bar.title, bar.subtitle, bar.marker)
            if label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width()
        ],
        "legend_on_map": legend.isVisible() and legend_rect.intersects(view_rect),
        "map_share": round(view.width() / w.width(), 2),
    }
