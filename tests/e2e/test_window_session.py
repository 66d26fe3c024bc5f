"""A scripted session of 60 GM actions through the window's widgets ends with the players'
snapshot the session intended (and matches it after every step), and nothing logged at
warning or above (issue 12)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model.store import Store
from tests.e2e.test_window_e2e import run_app_with_window
from tests.e2e.window_driver import WindowDriver
from tests.e2e.window_session import Step, play

pytestmark = pytest.mark.e2e
RANDOM_KEYS = frozenset({"revision", "id", "timestamp", "query_id", "in_reply_to", "created_at"})
KEYED_BY_OPAQUE_ID = frozenset({"encounter_tokens", "encounter_door_status", "media"})


def comparable(value: Any, key: str = "") -> Any:
    """A snapshot without what differs between two stores for the same table: revisions,
    random ids (tokens, doors, messages), timestamps and media addresses."""
    if isinstance(value, dict):
        if key in KEYED_BY_OPAQUE_ID:
            return sorted(repr(comparable(v)) for v in value.values())
        return {
            k: comparable(v, k)
            for k, v in value.items()
            if k not in RANDOM_KEYS and not k.endswith("_url")
        }
    if isinstance(value, list):
        return [comparable(v, key) for v in value]
    return value


def test_sixty_gm_actions_through_the_window_give_the_intended_player_snapshot(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    reference = Store(load_campaign(sample_campaign_path()))

    async def body(window: Any, api: str, store: Store) -> tuple[int, dict[str, Any], list[str]]:
        driver = WindowDriver(window)
        compared: list[str] = []
        async with aiohttp.ClientSession() as player:

            async def ask(channel: str, question: str) -> None:
                url = api + f"charon/{channel}/submit/"
                async with player.post(url, json={"query": question}) as reply:
                    assert reply.status == 200, await reply.text()

            async def after(step: Step) -> None:
                assert not driver.refusals, (step.name, driver.refusals)
                async with player.get(api + "active-view/") as reply:
                    seen = comparable(await reply.json())
                intended = comparable(reference.player_frame().snapshot)
                assert seen == intended, f"after {step.name}"
                compared.append(step.name)

            count = await play(driver, reference, ask, after)
            assert len(compared) > 60  # the players' snapshot matched after every step
            async with player.get(api + "active-view/") as reply:
                assert reply.status == 200
                snapshot: dict[str, Any] = await reply.json()
        return count, snapshot, driver.refusals

    count, snapshot, refusals = run_app_with_window(qapp, tmp_path, monkeypatch, body)
    assert count >= 60
    assert refusals == []
    intended = reference.player_frame().snapshot
    assert comparable(snapshot) == comparable(intended)
    assert snapshot["location_slug"] == "lantern_station"
    assert len(snapshot["encounter_tokens"]) == 1
    problems = [
        f"{r.levelname} {r.name}: {r.getMessage()}"
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name.startswith("desktop")
    ]
    assert problems == []
