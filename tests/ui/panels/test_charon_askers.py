"""The Ship computer dock at laptop sizes: a waiting draft is readable whole (its caption in the
list, four lines of its text in the editor, Approve in reach), and every question and draft
says which display asked, by its name, with its character when bound (never an id)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.codec import entry_in, entry_out
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from tests.ui.laptop import open_window, whole_in

ANA = "tablet-ana-02"
REPLY = (
    "THE CAPTAIN IS ON THE BRIDGE. SHE HAS NOT LEFT IT FOR NINE HOURS. HER VITALS ARE "
    "ELEVATED. THE DOOR IS SEALED FROM THE INSIDE. NO ONE HAS ANSWERED THE INTERCOM."
)


def _ask_from_ana(store: Store) -> tuple[str, str]:
    crew = store.campaign.crew[0]
    store.dispatch(a.SetDisplay(ANA, name="Tablet Ana", character=crew.id))
    store.dispatch(a.SetCharonMode("QUERY"))
    channel = store.state.charon_channel
    store.dispatch(a.SubmitQuestion(channel, "Where is the captain?"), "player", ANA)
    return channel, str(store.last_reply["query_id"])


@pytest.mark.parametrize("size", [(1440, 900), (1366, 768)], ids=["1440x900", "1366x768"])
def test_a_waiting_draft_is_readable_whole(
    qtbot: QtBot, store: Store, services: WindowServices, size: tuple[int, int]
) -> None:
    w = open_window(qtbot, store, services, size)
    w.docks["charon"].raise_()
    channel, query_id = _ask_from_ana(store)
    store.dispatch(a.QueueDraft(channel, REPLY, query_id))
    drafts = w.charon.drafts
    qtbot.waitUntil(lambda: drafts.drafts.count() == 1 and drafts.isVisible())
    editor, listed = drafts.editor, drafts.drafts
    lines = editor.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: editor.viewport().height() >= 4 * lines)
    caption = listed.visualItemRect(listed.item(0))
    qtbot.waitUntil(
        lambda: listed.viewport().rect().contains(listed.visualItemRect(listed.item(0)))
    )
    assert caption.height() > 2 * lines  # a caption over several lines, drawn whole
    area = w.docks["charon"].widget()
    assert isinstance(area, QScrollArea)
    qtbot.waitUntil(lambda: whole_in(drafts.approve_button, area))
    w.close()


def test_questions_and_drafts_name_the_display_that_asked(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.docks["charon"].raise_()
    crew = store.campaign.crew[0]
    channel, query_id = _ask_from_ana(store)
    panel = window.charon
    asker = f"Tablet Ana ({crew.name})"
    qtbot.waitUntil(lambda: panel.conversation.count() == 1)
    assert panel.conversation.item(0).text() == (
        f"{asker} › Where is the captain?  [awaiting answer]"
    )
    assert panel.target.text() == f"ANSWERING (oldest waiting) {asker}: “Where is the captain?”"
    store.dispatch(a.QueueDraft(channel, REPLY, query_id))
    qtbot.waitUntil(lambda: panel.drafts.drafts.count() == 1)
    caption = panel.drafts.drafts.item(0).text()
    assert f"ANSWERS {asker}: “Where is the captain?”" in caption
    shown = panel.conversation.item(0).text() + panel.target.text() + caption
    assert ANA not in shown
    store.dispatch(a.SetDisplay(ANA, name="Ana's slate"))  # renamed: the dock follows
    qtbot.waitUntil(lambda: panel.conversation.item(0).text().startswith("Ana's slate ("))
    # An anonymous display's question reads PLAYER, as before.
    store.dispatch(a.SubmitQuestion(channel, "Is it safe?"), "player")
    qtbot.waitUntil(lambda: panel.conversation.count() == 2)
    assert panel.conversation.item(1).text().startswith("PLAYER › Is it safe?")


def test_the_asking_display_is_kept_with_the_question(store: Store) -> None:
    """It survives the state file (older rows without it still read)."""
    channel, _query = _ask_from_ana(store)
    [entry] = store.state.charon.conversations[channel]
    assert entry.display == ANA
    assert entry_in(entry_out(entry)) == entry
    assert entry_in(entry_out(entry)[:7]).display == ""
    assert "tablet-ana" not in str(store.player_frame().snapshot)  # never on a display
