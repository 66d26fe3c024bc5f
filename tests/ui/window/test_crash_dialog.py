"""An unexpected error: logged with its traceback, told to the GM in a dialog, the table runs on."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.crash import CrashHandler, log_to_file
from desktop.gm_window import build_window
from desktop.model.store import Store
from desktop.settings import Settings
from desktop.storage.persistence import StateFile
from desktop.table import Table
from desktop.ui.services import WindowServices
from desktop.ui.window.crash_dialog import CrashDialog
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings

pytestmark = pytest.mark.qt_no_exception_capture  # the handler under test takes the errors


class Boom(RuntimeError):
    pass


def boom(*_: object) -> None:
    raise Boom("the slot broke")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "gm-terminal.log"
    handler = log_to_file(path)
    assert handler is not None
    yield path
    logging.getLogger().removeHandler(handler)
    handler.close()


@pytest.fixture
def table(tmp_path: Path, store: Store) -> Iterator[Table]:
    state_file = StateFile(tmp_path / "table.sqlite")
    state_file.attach(store)
    yield Table(Settings(), tmp_path, store, "t", state_file)
    state_file.close()


@pytest.fixture
def shown(qtbot: QtBot, table: Table, services: WindowServices) -> Iterator[MainWindow]:
    """The table's window as the app builds it, reached without patching the app."""
    WindowSettings(services.settings_path).remember_table_ready_shown()
    window = build_window(table, services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.displays.timer.stop()
    window.close()


def test_an_error_in_a_qt_slot_is_logged_and_shown_and_the_window_runs_on(
    qtbot: QtBot, shown: MainWindow, table: Table, log_file: Path
) -> None:
    dialog = CrashDialog(shown, log_file)
    crash = CrashHandler(dialog.show).install()
    try:
        shown.switcher.buttons["BRIDGE"].clicked.connect(boom)
        shown.switcher.buttons["BRIDGE"].click()  # the GM's gesture: its view switch, then boom
        qtbot.waitUntil(lambda: dialog.box is not None and dialog.box.isVisible())
    finally:
        crash.uninstall()
    box = dialog.box
    assert box is not None  # open(), not exec(): the click above returned (no nested loop)
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert "the slot broke" in box.detailedText() and "Traceback" in box.detailedText()
    assert str(log_file) in box.text() and "keeps running" in box.text()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "Boom: the slot broke" in logged
    # The table kept the change and goes on: the window, the store and the state file work.
    assert table.store.state.view_type == "BRIDGE"
    box.done(0)
    shown.switcher.buttons["STANDBY"].click()
    assert table.store.state.view_type == "STANDBY"
    assert table.state_file is not None and not table.state_file.failure
    assert shown.isVisible()


def test_an_error_in_a_loop_callback_is_logged_and_shown_and_the_loop_runs_on(
    qapp: object, shown: MainWindow, log_file: Path
) -> None:
    import qasync

    dialog = CrashDialog(shown, log_file)
    loop = qasync.QEventLoop(qapp)
    crash = CrashHandler(dialog.show).install(loop)

    async def main() -> str:
        loop.call_soon(boom)
        while dialog.box is None or not dialog.box.isVisible():
            await asyncio.sleep(0.02)
        await asyncio.sleep(0)  # the loop still runs callbacks after the error
        return "still running"

    try:
        assert loop.run_until_complete(asyncio.wait_for(main(), 20)) == "still running"
    finally:
        crash.uninstall()
        loop.close()
    assert dialog.box is not None and "the slot broke" in dialog.box.detailedText()
    assert "Boom: the slot broke" in log_file.read_text(encoding="utf-8")
    dialog.box.done(0)
