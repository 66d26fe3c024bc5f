"""Docks on their own, each on a hand-made table state (no window, no store): what the dock
shows for that state, and what it asks for when the GM uses it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.campaign.model import Campaign
from desktop.model.state import SystemOverride, TableState, gauge_key
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.panels.crew import CrewPanel
from desktop.ui.panels.portraits import PortraitPanel
from desktop.ui.panels.ship import ShipPanel


def test_the_ship_dock_shows_the_gms_overrides_over_the_campaigns_systems(
    qtbot: QtBot, campaign: Campaign
) -> None:
    ship = ShipPanel()
    qtbot.addWidget(ship)
    state = TableState(
        ship={"engines": SystemOverride(status="OFFLINE", info="Coolant leak")},
        gauges={"hull": 12},
    )
    ship.sync(state, campaign)
    assert ship.header.text() == "SV Hadal Wren"
    engines, weapons = ship.rows["engines"], ship.rows["weapons"]
    assert engines.status.currentText() == "OFFLINE" and engines.info.text() == "Coolant leak"
    assert engines.condition.value() == 64  # not overridden: the campaign's
    assert weapons.status.currentText() == "OFFLINE" and weapons.condition.value() == 40
    assert ship.gauges["hull"].value() == 12 and ship.gauges["hull"].suffix() == " / 55"


def test_the_ship_dock_asks_for_a_system_change_and_a_hull_value(
    qtbot: QtBot, campaign: Campaign
) -> None:
    ship = ShipPanel()
    qtbot.addWidget(ship)
    ship.sync(TableState(), campaign)
    with qtbot.waitSignal(ship.system_requested) as system:
        row = ship.rows["engines"]
        row.status.setCurrentText("DAMAGED")
        row.status.activated.emit(row.status.currentIndex())
    assert system.args == ["engines", "DAMAGED", 64, "Port thruster bell cracked. Burn limit 70%."]
    with qtbot.waitSignal(ship.gauge_requested) as gauge:
        ship.gauges["hull"].setValue(30)
    assert gauge.args == ["hull", 30, ""]


def test_a_campaign_without_a_ship_reads_no_ship(qtbot: QtBot, campaign: Campaign) -> None:
    ship = ShipPanel()
    qtbot.addWidget(ship)
    ship.sync(TableState(), replace(campaign, ship=None))
    assert ship.header.text() == "NO SHIP" and not ship.rows


def test_the_crew_dock_shows_each_members_gauges_and_asks_for_a_change(
    qtbot: QtBot, campaign: Campaign
) -> None:
    crew = CrewPanel()
    qtbot.addWidget(crew)
    crew.sync(TableState(gauges={gauge_key("stress", "marlowe"): 5}), campaign)
    assert crew.spins[("marlowe", "stress")].value() == 5
    assert crew.spins[("marlowe", "health")].value() == 14  # the campaign's
    with qtbot.waitSignal(crew.gauge_requested) as asked:
        crew.spins[("adeyemi", "health")].setValue(3)
    assert asked.args == ["health", 3, "adeyemi"]


def test_the_portraits_dock_lights_the_shown_portraits_and_asks_to_flip_one(
    qtbot: QtBot, campaign: Campaign
) -> None:
    portraits = PortraitPanel(ImageCache())
    qtbot.addWidget(portraits)
    portraits.sync(TableState(portraits=("kesh",)), campaign)
    assert portraits.summary.text() == "ON SCREEN: Dr. Mara Kesh"
    assert portraits.rows["kesh"].button.text() == "Dismiss"
    others = [row for npc, row in portraits.rows.items() if npc != "kesh"]
    assert others and all(row.button.text() == "Show" for row in others)
    with qtbot.waitSignal(portraits.toggle_requested) as asked:
        qtbot.mouseClick(others[0].button, Qt.MouseButton.LeftButton)
    assert asked.args == [others[0].npc_id, ""]  # "" every display
    portraits.sync(TableState(), campaign)
    assert portraits.summary.text() == "ON SCREEN: none"
