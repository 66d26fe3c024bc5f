"""The Sound dock: the displays' sounds (built-in alarms, the campaign's files) played once or
looped, on the TVs by default or on one named display. The window itself stays silent."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

from desktop.campaign.model import Campaign
from desktop.model.state import TableState
from desktop.model.warden import BUILTIN_SOUNDS, sound_name
from desktop.ui.look.widgets import (
    button,
    current_key,
    keep_a_selection,
    keyed_item,
    label,
    scroll_body,
    wrapped_list,
)
from desktop.ui.panels.display_choice import DisplayChoice


def _sound_title(key: str, campaign: Campaign) -> str:
    """A sound as the GM named it in the campaign ("Reactor hum"), a built-in one capitalised."""
    sound = campaign.sounds.get(key.removeprefix("file:")) if key.startswith("file:") else None
    return sound.name if sound else sound_name(key).capitalize()


class SoundPanel(QScrollArea):
    play_requested = Signal(str, str)  # sound key, display id ("" the default audience)
    ambient_requested = Signal(str, str)  # sound key ("" stops), display id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = scroll_body(self, QGridLayout, margin=8)
        self.sounds = wrapped_list("SoundList")
        self.sounds.setAccessibleName("Sounds")
        self.sounds.itemDoubleClicked.connect(lambda _item: self._play())
        self.target = DisplayChoice("the TVs", "Play on")
        self.play_button = button("Play once", tip="Every chosen display plays it once")
        self.play_button.clicked.connect(self._play)
        self.loop_button = button("Loop", tip="The chosen displays loop it until stopped")
        self.loop_button.clicked.connect(self._loop)
        self.stop_button = button("Stop loop")
        self.stop_button.clicked.connect(lambda: self.ambient_requested.emit("", ""))
        self.now = label("", wrap=True)
        grid.addWidget(label("Sounds (double-click plays)", name="Heading"), 0, 0, 1, 3)
        grid.addWidget(self.sounds, 1, 0, 1, 3)
        grid.addWidget(label("Play on"), 2, 0)
        grid.addWidget(self.target, 2, 1, 1, 2)
        grid.addWidget(self.play_button, 3, 0)
        grid.addWidget(self.loop_button, 3, 1)
        grid.addWidget(self.stop_button, 3, 2)
        grid.addWidget(self.now, 4, 0, 1, 3)
        grid.setRowStretch(1, 1)
        self._key: tuple[object, ...] = ()

    def sync(self, state: TableState, campaign: Campaign) -> None:
        key = (campaign, state.location_slug)
        if key != self._key:
            self._key = key
            self._fill(campaign, state.location_slug)
        self.target.sync(state)
        ambient = state.warden.ambient
        playing = f"Now playing (loop): {_sound_title(ambient, campaign)}"
        self.now.setText(playing if ambient else "No loop playing")

    def _fill(self, campaign: Campaign, here: str) -> None:
        self.sounds.clear()
        loops_here = {loop.sound for loop in campaign.sound_loops if loop.location == here}
        for sound in campaign.sounds.values():
            mark = " · ambient here" if sound.id in loops_here else ""
            self.sounds.addItem(keyed_item(f"{sound.name}{mark}", f"file:{sound.id}"))
        for name in BUILTIN_SOUNDS:
            self.sounds.addItem(keyed_item(f"{name.capitalize()} (built in)", name))
        keep_a_selection(self.sounds)

    def selected(self) -> str:
        return current_key(self.sounds)

    def _play(self) -> None:
        if self.selected():
            self.play_requested.emit(self.selected(), self.target.chosen())

    def _loop(self) -> None:
        if self.selected():
            self.ambient_requested.emit(self.selected(), self.target.chosen())
