"""The look on its own: campaign names in menus, and the styled widgets the docks are built of."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.look.menu_text import menu_text
from desktop.ui.look.widgets import button, grid, label, line_edit, scroll_body, wrapped_list


def test_a_lone_ampersand_reads_whole_in_a_menu() -> None:
    assert menu_text("Galley & Mess") == "Galley && Mess"


def test_styled_widgets_carry_their_names_hints_and_limits(qtbot: QtBot) -> None:
    caption = label("ON SCREEN", name="Caption", wrap=True)
    assert (caption.text(), caption.objectName(), caption.wordWrap()) == (
        "ON SCREEN",
        "Caption",
        True,
    )
    say = line_edit("Say something", 4000)
    assert (say.placeholderText(), say.maxLength()) == ("Say something", 4000)
    show = button("Show to players", tip="Players see it", name="ShowButton")
    assert (show.text(), show.toolTip(), show.objectName()) == (
        "Show to players",
        "Players see it",
        "ShowButton",
    )
    problems = wrapped_list("ProblemList")
    assert problems.wordWrap()
    assert problems.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_dock_body_scrolls_up_and_down_never_sideways(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    rows = scroll_body(area, QVBoxLayout, margin=6)
    assert area.widget() is rows.parentWidget() and area.widgetResizable()
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert rows.contentsMargins().left() == 6
    form = QWidget()
    qtbot.addWidget(form)
    cells = grid(form, margins=(0, 2, 0, 0), spacing=(4, 3))
    assert form.layout() is cells and cells.contentsMargins().top() == 2
    assert (cells.horizontalSpacing(), cells.verticalSpacing(), cells.columnStretch(0)) == (4, 3, 1)
