"""Menus, confirmations, campaigns, problems, displays and closing the window."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import PLAYER_URL, SHIP


def test_undo_redo_carry_the_action_label(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.router.rooms_visibility({"bridge": True})
    qtbot.waitUntil(lambda: window.menus.undo.text() == "&Undo Reveal Bridge")
    window.menus.undo.trigger()
    assert "bridge" not in store.state.locations[SHIP].revealed
    qtbot.waitUntil(lambda: window.menus.redo.text() == "&Redo Reveal Bridge")
    window.menus.redo.trigger()
    assert "bridge" in store.state.locations[SHIP].revealed


def test_reveal_all_and_hide_all(window: MainWindow, store: Store, campaign) -> None:  # type: ignore[no-untyped-def]
    deck = campaign.location(SHIP).map.deck("deck_1")
    window.menus.reveal_all.trigger()
    assert store.state.locations[SHIP].revealed >= {r.id for r in deck.rooms}
    window.menus.hide_all.trigger()
    assert not store.state.locations[SHIP].revealed & {r.id for r in deck.rooms}


def _answer(qtbot: QtBot, window: MainWindow, accept: bool) -> None:
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.isModal() or box.windowModality()
    buttons = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    target = buttons[0] if accept else box.button(QMessageBox.StandardButton.Cancel)
    target.click()
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in window.findChildren(QMessageBox)))


def test_clear_tokens_asks_first(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    store.dispatch(a.PlaceToken("player", "Marlowe", 9, 8))
    window.menus.clear_tokens.trigger()
    assert store.state.locations[SHIP].tokens  # nothing yet: the box is open, not blocking
    _answer(qtbot, window, accept=False)
    assert store.state.locations[SHIP].tokens
    window.menus.clear_tokens.trigger()
    _answer(qtbot, window, accept=True)
    assert not store.state.locations[SHIP].tokens


def test_new_session_and_reset_location_ask_first(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.menus.reset_location.trigger()
    _answer(qtbot, window, accept=True)
    assert not store.state.locations[SHIP].revealed
    store.dispatch(a.SendBroadcast("hello"))
    window.menus.new_session.trigger()
    _answer(qtbot, window, accept=True)
    assert store.state.broadcasts == ()


def test_open_campaign_uses_a_non_blocking_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    opened: list[Path] = []
    object.__setattr__(window.services, "open_campaign", opened.append)
    window.menus.open.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QFileDialog)))
    (dialog,) = [d for d in window.findChildren(QFileDialog) if d.isVisible()]
    dialog.fileSelected.emit(str(tmp_path))
    dialog.reject()
    assert opened == [tmp_path]
    assert window.menus.recent_menu.actions()[0].text() == str(tmp_path.resolve())


def test_reload_is_f5(qtbot: QtBot, window: MainWindow) -> None:
    calls: list[int] = []
    object.__setattr__(window.services, "reload_campaign", lambda: calls.append(1))
    assert window.menus.reload.shortcut().toString() == "F5"
    window.menus.reload.trigger()
    assert calls == [1]


def test_campaign_with_problems_opens_with_the_problem_list(
    qtbot: QtBot, tmp_path: Path, services: WindowServices
) -> None:
    root = tmp_path / "broken"
    shutil.copytree(sample_campaign_path(), root)
    (root / "campaign" / "ship.yaml").write_text("ship: [unclosed\n", encoding="utf-8")
    campaign = load_campaign(root)
    assert campaign.problems
    window = MainWindow(Store(campaign), services)
    qtbot.addWidget(window)
    window.show()
    dock = window.docks["problems"]
    qtbot.waitUntil(dock.isVisible)
    assert window.problems.list.count() == len(campaign.problems)
    assert "ship.yaml" in window.problems.list.item(0).text()
    window.displays.timer.stop()


def test_replacing_the_campaign_resyncs_the_window(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "campaign"
    shutil.copytree(sample_campaign_path(), folder)
    crew = folder / "campaign" / "crew.yaml"
    crew.write_text(crew.read_text().replace('"Ines Marlowe"', '"Ines Marlowe-Okafor"'))
    store.replace_campaign(load_campaign(folder))
    qtbot.waitUntil(lambda: window.tree._campaign is store.campaign)
    names = {t.name for t in window.tokens.palette_list.templates()}
    assert "Ines Marlowe-Okafor" in names and "Ines Marlowe" not in names  # the new crew


def test_qr_code_decodes_to_the_player_url(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "qr.png"
    assert window.displays.qr_pixmap().save(str(path), "PNG")
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert out.stdout.strip() == PLAYER_URL


def test_displays_refresh_and_token_copy(
    qtbot: QtBot, window: MainWindow, displays: list[dict[str, object]]
) -> None:
    displays.append(
        {
            "address": "192.168.1.31",
            "user_agent": "Mozilla/5.0 Chrome/120",
            "since": 1_700_000_000.0,
            "revision": 12,
        }
    )
    panel = window.docks["displays"]
    panel.show()
    panel.raise_()
    qtbot.waitUntil(lambda: window.displays.table.topLevelItemCount() == 1, timeout=6000)
    row = window.displays.table.topLevelItem(0)
    assert [row.text(i) for i in (0, 1, 3)] == ["192.168.1.31", "Chrome", "12"]
    displays[0] = {**displays[0], "revision": 13}
    window.displays.refresh()
    assert window.displays.table.topLevelItem(0).text(3) == "13"
    # Behind another dock's tab the list is not polled; brought to front it is current at once.
    window.docks["portraits"].raise_()
    qtbot.waitUntil(lambda: window.displays.visibleRegion().isEmpty())
    displays.append({**displays[0], "address": "192.168.1.40", "revision": 14})
    window.displays.refresh()
    assert window.displays.table.topLevelItemCount() == 1
    panel.raise_()
    qtbot.waitUntil(lambda: window.displays.table.topLevelItemCount() == 2)
    assert window.displays.count.text() == "Connected displays: 2"
    assert window.displays.mdns.text() == "gm-terminal.local"
    window.displays.copy_token.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "gm-secret-token"


def test_closing_emits_closed_and_remembers_the_layout(
    qtbot: QtBot, window: MainWindow, store: Store, services: WindowServices
) -> None:
    window.docks["broadcast"].hide()
    with qtbot.waitSignal(window.closed, timeout=3000):
        window.close()
    assert services.settings_path is not None and services.settings_path.exists()
    again = MainWindow(store, services)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.docks["tokens"].isVisible())
    assert not again.docks["broadcast"].isVisible()
    again.displays.timer.stop()


def test_the_window_carries_the_app_icon_drawn_for_each_size(window: MainWindow) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
    big = icon.pixmap(256, 256).toImage()
    # Drawn, not blank: the centre and the corners of the large icon differ.
    assert big.pixelColor(128, 128) != big.pixelColor(2, 2)
    # Small sizes use the simplified drawing, not the large one scaled down.
    small = icon.pixmap(16, 16).toImage()
    scaled = big.scaled(16, 16).convertToFormat(small.format())
    assert small != scaled
