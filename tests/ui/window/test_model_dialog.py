"""File > Ship computer model…: the GM names a language model, or none; the key stays private."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.gm_window import keep_chat_model, kept_chat_model
from desktop.model.store import Store
from desktop.ui.services import ModelChoice, WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.model_dialog import ModelDialog
from desktop.ui.window.settings import WindowSettings

KEY = "sk-local-9f1e"


@pytest.fixture
def kept() -> list[ModelChoice | None]:
    return []


@pytest.fixture
def model_window(
    qtbot: QtBot, store: Store, services: WindowServices, kept: list[ModelChoice | None]
) -> Iterator[MainWindow]:
    def keep(choice: ModelChoice | None) -> str:
        kept.append(choice)
        return ""

    current = ModelChoice("http://127.0.0.1:11434/v1", "llama3.1", KEY, 15.0)
    mine = replace(services, chat_model=lambda: current, keep_chat_model=keep)
    WindowSettings(services.settings_path).remember_table_ready_shown()
    w = MainWindow(store, mine)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.displays.timer.stop()
    w.close()
    w.deleteLater()


def _dialog(qtbot: QtBot, window: MainWindow) -> ModelDialog:
    window.menus.chat_model.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(ModelDialog)))
    dialog = window.findChildren(ModelDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_menu_opens_the_model_configured_now_and_save_keeps_it(
    qtbot: QtBot, model_window: MainWindow, kept: list[ModelChoice | None]
) -> None:
    dialog = _dialog(qtbot, model_window)
    assert (dialog.url.text(), dialog.model.text(), dialog.timeout.value()) == (
        "http://127.0.0.1:11434/v1",
        "llama3.1",
        15.0,
    )
    assert dialog.key.echoMode() == dialog.key.EchoMode.Password
    dialog.model.setText("qwen2.5")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert kept == [ModelChoice("http://127.0.0.1:11434/v1", "qwen2.5", KEY, 15.0)]
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_wrong_address_is_named_and_nothing_is_kept(
    qtbot: QtBot, model_window: MainWindow, kept: list[ModelChoice | None]
) -> None:
    dialog = _dialog(qtbot, model_window)
    dialog.url.setText("127.0.0.1:11434")
    dialog.submit()
    assert dialog.problem.text() == "The address must start with http:// or https://"
    dialog.url.setText("http://127.0.0.1:11434/v1")
    dialog.model.setText("")
    dialog.submit()
    assert "Name the model" in dialog.problem.text()
    assert kept == []
    dialog.reject()


def test_an_empty_address_means_no_model(
    qtbot: QtBot, model_window: MainWindow, kept: list[ModelChoice | None]
) -> None:
    dialog = _dialog(qtbot, model_window)
    dialog.url.setText("")
    dialog.submit()
    assert kept == [None]


def test_the_choice_is_kept_in_the_config_folder_with_a_private_key(tmp_path: Path) -> None:
    assert kept_chat_model(tmp_path) is None
    choice = ModelChoice("https://api.example.test/v1", "small", KEY, 30.0)
    assert keep_chat_model(choice, tmp_path) == ""
    assert kept_chat_model(tmp_path) == choice
    key_file = tmp_path / "charon-model-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert KEY not in (tmp_path / "charon-model.json").read_text(encoding="utf-8")
    assert KEY not in repr(choice)
    assert keep_chat_model(None, tmp_path) == ""
    assert kept_chat_model(tmp_path) is None
    assert not key_file.exists()
