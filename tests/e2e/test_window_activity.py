"""The Activity dock: what a tablet did reaches the GM window (issue 12, defect 6)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.move_flash import MoveFlash
from tests.e2e.test_window_e2e import GIVE_UP_S, run_app_with_window, snapshots, until

pytestmark = pytest.mark.e2e
SHIP = "hadal_wren"
TABLET = {"User-Agent": "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/605.1"}


async def poll(ok: Any, what: str) -> None:
    """Wait (running the loop) until ok() holds; fail with `what` after a generous wait."""
    deadline = time.monotonic() + GIVE_UP_S
    while not ok():
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.02)


def test_player_moves_questions_refusals_and_displays_are_in_the_activity_log(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def body(window: Any, api: str, store: Store) -> None:
        store.dispatch(a.SwitchView("ENCOUNTER", SHIP))
        store.dispatch(a.SetRoomVisibility((("airlock", True), ("suit_locker", True))))
        store.dispatch(a.PlaceToken("player", "Marlowe", 5, 8, "crew:marlowe"))
        token_id = str(store.last_reply["token_id"])
        store.dispatch(a.SetCharonMode("QUERY"))
        window.focus.set(SHIP, "deck_1")
        log = window.activity
        async with (
            aiohttp.ClientSession(headers=TABLET) as tablet,
            tablet.get(api + "active-view/stream/") as stream_reply,
        ):
            await until(snapshots(stream_reply), lambda s: s["view_type"] == "ENCOUNTER")
            await poll(lambda: any("Display joined: iPad" in t for t in log.texts()), "joined")
            await poll(lambda: token_id in window.map_panel.scene.tokens, "token drawn")
            move = {"token_id": token_id, "x": 6, "y": 9}
            async with tablet.post(api + "gm/encounter/move-token/", json=move) as reply:
                assert reply.status == 200, await reply.text()
            assert any("Marlowe moved to Suit Locker" in t for t in log.texts()), log.texts()
            token_item = window.map_panel.scene.tokens[token_id]
            flashes = [c for c in token_item.childItems() if isinstance(c, MoveFlash)]
            assert flashes, "no flash on the GM map at the moved token"
            # Into a room the players have not found: refused, and the GM reads why.
            hidden = {"token_id": token_id, "x": 10, "y": 4}
            async with tablet.post(api + "gm/encounter/move-token/", json=hidden) as reply:
                assert reply.status in (403, 409), await reply.text()
                reason = (await reply.json())["error"]
            refused = [t for t in log.texts() if "Refused move of Marlowe" in t]
            assert refused and reason in refused[0], (reason, log.texts())
            channel = store.state.charon_channel
            question = {"query": "Who else is aboard?"}
            async with tablet.post(api + f"charon/{channel}/submit/", json=question) as reply:
                assert reply.status == 200, await reply.text()
            assert any("Who else is aboard?" in t for t in log.texts()), log.texts()
        await poll(lambda: any("Display left: iPad" in t for t in log.texts()), "left")
        # Every row starts with the time it happened.
        for text in log.texts():
            assert text[2] == ":" and text[5] == ":", text
        await poll(
            lambda: not [c for c in token_item.childItems() if isinstance(c, MoveFlash)],
            "the flash fades away",
        )

    run_app_with_window(qapp, tmp_path, monkeypatch, body)
