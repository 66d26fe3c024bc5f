"""The Star map dock on the sample's galaxy: navigate, hide and reveal, place the ship, show."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.panels.starmap import KEY, SHIP, StarMapPanel
from tests.ui.map.gestures import double_click


def panel_on(qtbot: QtBot, store: Store) -> StarMapPanel:
    panel = StarMapPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 600)
    panel.show()
    panel.sync(store.state, store.campaign)
    return panel


def keys(panel: StarMapPanel) -> set[str]:
    return {item.data(KEY) for item in panel.scene.items() if item.data(KEY)}


def point_of(panel: StarMapPanel, key: str) -> QPoint:
    item = next(i for i in panel.scene.items() if i.data(KEY) == key and i.type() != 9)
    return panel.view.mapFromScene(item.sceneBoundingRect().center())


def click(qtbot: QtBot, panel: StarMapPanel, key: str, double: bool = False) -> None:
    where = point_of(panel, key)
    if double:
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    else:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_the_galaxy_shows_every_system_hidden_ones_marked(qtbot: QtBot, campaign: Campaign) -> None:
    store = Store(campaign)
    panel = panel_on(qtbot, store)
    systems = {s.key for s in campaign.star_map.galaxy.systems}  # type: ignore[union-attr]
    assert systems <= keys(panel)
    click(qtbot, panel, "Nadir")
    assert panel.title.text() == "Nadir  (hidden from players)"
    assert panel.hide_button.text() == "Reveal to players"
    with qtbot.waitSignal(panel.visibility_requested) as sent:
        panel.hide_button.click()
    assert sent.args == ["Nadir", True]


def test_double_clicks_go_down_to_the_system_and_the_planet(
    qtbot: QtBot, campaign: Campaign
) -> None:
    store = Store(campaign)
    panel = panel_on(qtbot, store)
    click(qtbot, panel, "vesper_reach", double=True)
    assert (panel.level, panel.key) == ("system", "vesper_reach")
    assert "vesper_reach/gallowmere" in keys(panel)
    click(qtbot, panel, "vesper_reach/gallowmere", double=True)
    assert (panel.level, panel.key) == ("orbit", "vesper_reach/gallowmere")
    assert {"vesper_reach/gallowmere/tithe", "vesper_reach/gallowmere/lantern_station"} <= keys(
        panel
    )
    with qtbot.waitSignal(panel.show_requested) as shown:
        panel.show_button.click()
    assert shown.args == ["orbit:vesper_reach/gallowmere"]
    with qtbot.waitSignal(panel.location_requested) as opened:  # it has a deck plan
        click(qtbot, panel, "vesper_reach/gallowmere/lantern_station", double=True)
    assert opened.args == ["lantern_station"]


def test_the_ship_and_its_course(qtbot: QtBot, campaign: Campaign) -> None:
    store = Store(campaign)
    panel = panel_on(qtbot, store)
    got: list[Any] = []
    panel.ship_requested.connect(lambda at, to: got.append((at, to)))
    click(qtbot, panel, "vesper_reach")
    panel.ship_button.click()
    store.dispatch(a.SetShipCourse(*got[-1]))
    panel.sync(store.state, store.campaign)
    click(qtbot, panel, "Ossuary Drift")
    panel.course_button.click()
    assert got == [("vesper_reach", ""), ("vesper_reach", "Ossuary Drift")]
    store.dispatch(a.SetShipCourse(*got[-1]))
    panel.sync(store.state, store.campaign)
    assert store.state.star.course == ("vesper_reach", "Marrow Gate", "Ossuary Drift")


def test_set_course_greyed_out_for_a_planet_says_why(qtbot: QtBot, campaign: Campaign) -> None:
    """A walk-through found "Set course here" greyed out for a planet, with no reason given."""
    panel = panel_on(qtbot, Store(campaign))
    click(qtbot, panel, "vesper_reach", double=True)
    click(qtbot, panel, "vesper_reach/gallowmere")
    assert panel.title.text() == "Gallowmere"
    assert not panel.course_button.isEnabled()
    why = "A course goes between systems: select one on the galaxy map."
    assert panel.course_button.toolTip() == why
    assert panel.hint.text() == why
    assert panel.hint.isVisible()
    # A narrow dock (as narrow as the panel goes: wider once the window's theme styles its
    # buttons): the reason wraps, never cut at the dock's edge.
    narrow = max(290, panel.minimumSizeHint().width())
    panel.resize(narrow, 600)
    qtbot.waitUntil(lambda: panel.hint.width() <= narrow)
    assert panel.hint.heightForWidth(panel.hint.width()) <= panel.hint.height()
    panel.go("galaxy", "")
    click(qtbot, panel, "Ossuary Drift")
    assert panel.course_button.isEnabled()
    assert panel.hint.text() == ""
    assert "course" in panel.course_button.toolTip()


def test_a_hidden_thing_is_redrawn_dimmed_after_the_store_changes(
    qtbot: QtBot, campaign: Campaign
) -> None:
    store = Store(campaign)
    panel = panel_on(qtbot, store)
    store.dispatch(a.SetStarVisibility("cinder_verge", False))
    panel.sync(store.state, store.campaign)
    click(qtbot, panel, "cinder_verge")
    assert panel.title.text().endswith("(hidden from players)")


def test_the_window_dock_drives_the_store(qtbot: QtBot, window: Any, store: Store) -> None:
    panel = window.star_map
    assert "Nadir" in keys(panel)  # drawn from the start, before any change
    window.docks["star_map"].raise_()
    panel.select("Nadir")
    panel.hide_button.click()
    qtbot.waitUntil(lambda: "Nadir" in store.state.star.revealed)
    panel.go("system", "vesper_reach")
    panel.show_button.click()
    qtbot.waitUntil(lambda: store.state.star.view == "system:vesper_reach")
    assert store.state.star.shows == 1


def test_double_clicking_the_ship_marker_opens_the_ships_deck_plan(
    qtbot: QtBot, campaign: Campaign
) -> None:
    store = Store(campaign)
    store.dispatch(a.SetShipCourse("vesper_reach", ""))
    panel = panel_on(qtbot, store)
    assert campaign.ship_location() == "hadal_wren"
    with qtbot.waitSignal(panel.location_requested) as opened:
        double_click(panel.view, point_of(panel, SHIP))
    assert opened.args == ["hadal_wren"]
    assert (panel.level, panel.key) == ("galaxy", "")  # the ship's map, not the system's
    assert panel.title.text() == "Vesper Reach"  # a click on the marker reads where it is


def test_double_clicking_a_ship_on_the_star_map_opens_its_deck_plan(
    qtbot: QtBot, tmp_path: Path
) -> None:
    root = shutil.copytree(sample_campaign_path(), tmp_path / "campaign")
    orbit = root / "galaxy" / "vesper_reach" / "gallowmere" / "orbit_map.yaml"
    ship = (
        'orbital_stations:\n  - name: "SV Hadal Wren"\n    location_slug: hadal_wren\n'
        "    orbital_radius: 7\n    orbital_period: 0.6\n    orbital_angle: 270\n"
        "    size: 0.5\n    icon_type: ship\n"
    )
    orbit.write_text(orbit.read_text().replace("orbital_stations:\n", ship, 1))
    panel = panel_on(qtbot, Store(load_campaign(root)))
    panel.go("orbit", "vesper_reach/gallowmere")
    with qtbot.waitSignal(panel.location_requested) as opened:
        double_click(panel.view, point_of(panel, "vesper_reach/gallowmere/hadal_wren"))
    assert opened.args == ["hadal_wren"]


def test_a_narrow_dock_fits_the_system_without_scroll_bars(
    qtbot: QtBot, campaign: Campaign
) -> None:
    """The view fits its map on every resize; scroll bars that came and went with each fit made
    the fit resize the view again (a walk-through froze the window on a system in a ~290 px
    column). Every size settles with no scroll bar and one fit."""
    panel = panel_on(qtbot, Store(campaign))
    click(qtbot, panel, "vesper_reach", double=True)
    qtbot.waitUntil(lambda: panel.level == "system")
    view = panel.view
    for width in range(250, 460, 7):
        panel.resize(width, 420)
        qtbot.wait(1)
        assert not view.horizontalScrollBar().isVisible(), width
        assert not view.verticalScrollBar().isVisible(), width
        before = view.transform()
        view.fit()
        assert view.transform() == before, width


def test_a_things_details_read_as_words_not_keys(qtbot: QtBot, campaign: Campaign) -> None:
    """A walk-through read "description:", "status:" in the dock: the campaign's info keys."""
    panel = panel_on(qtbot, Store(campaign))
    click(qtbot, panel, "vesper_reach")
    text = panel.details.text()
    assert "Population: " in text and "Status: " in text
    assert "population:" not in text and "status:" not in text
