"""The look on its own: campaign names in menus, and the styled widgets the docks are built of."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.look.menu_text import menu_text
from desktop.ui.look.theme import apply_theme
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


def _indicator_colours(qtbot: QtBot, checked: bool) -> set[tuple[int, int, int]]:
    """The colours inside a themed check box's indicator (its border left out)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app)
    box = QCheckBox("Sound")
    qtbot.addWidget(box)
    box.setChecked(checked)
    box.resize(box.sizeHint())
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    inner = rect.adjusted(2, 2, -2, -2)
    return {
        image.pixelColor(x, y).getRgb()[:3]
        for x in range(inner.left(), inner.right() + 1)
        for y in range(inner.top(), inner.bottom() + 1)
    }


def test_a_checked_box_shows_a_tick_unlike_an_unchecked_one(qtbot: QtBot) -> None:
    unchecked = _indicator_colours(qtbot, False)
    checked = _indicator_colours(qtbot, True)
    assert checked != unchecked
    # A tick: dark strokes on the bright fill, not one flat colour (the dark theme's old look).
    dark = [c for c in checked if sum(c) < 150]
    bright = [c for c in checked if sum(c) > 400]
    assert dark and bright, checked
