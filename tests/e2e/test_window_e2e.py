"""The real app with its window: window and server on one qasync loop, a real SSE client."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import aiohttp
import pytest

from desktop.campaign import load_campaign, sample_campaign_path
from desktop.model.store import Store
from desktop.settings import Settings
from desktop.table import Table

pytestmark = pytest.mark.e2e
GIVE_UP_S = 20.0
GM = {"Authorization": "Bearer t"}


async def snapshots(response: aiohttp.ClientResponse) -> AsyncIterator[dict[str, Any]]:
    """The `data:` payloads of an SSE stream, as they arrive."""
    async for raw in response.content:
        line = raw.decode("utf-8").rstrip("\n")
        if line.startswith("data: "):
            yield json.loads(line[len("data: ") :])


async def until(
    stream: AsyncIterator[dict[str, Any]], ok: Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    """The first snapshot from the stream that satisfies `ok` (or a timeout)."""

    async def scan() -> dict[str, Any]:
        async for snap in stream:
            if ok(snap):
                return snap
        raise AssertionError("the stream ended")

    return await asyncio.wait_for(scan(), GIVE_UP_S)


def second_campaign(tmp_path: Path) -> Path:
    """A copy of the sample under another name: a different campaign to open."""
    folder = tmp_path / "second"
    shutil.copytree(sample_campaign_path(), folder)
    (folder / "campaign.yaml").write_text("name: The Second Signal\n", encoding="utf-8")
    return folder


T = TypeVar("T")


def run_app_with_window(
    qapp: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: Callable[[Any, str, Store], Awaitable[T]],
) -> T:
    """Run the real app (server + window on one qasync loop) on the sample campaign; await
    body(window, api_base_url, store) while it serves, then close the window, which must end
    the app with exit code 0. Returns what body returned."""
    import qasync

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    settings = Settings(host="127.0.0.1", port=0, gm_token="t", mdns=False)
    store = Store(load_campaign(sample_campaign_path()))
    table = Table(settings, sample_campaign_path(), store, "t")

    async def main() -> T:
        serving = asyncio.ensure_future(table.serve(headless=False))
        while table.window is None:
            assert not serving.done(), "the app stopped before opening its window"
            await asyncio.sleep(0.05)
        window = table.window
        port = urlsplit(window.services.player_url).port
        try:
            result = await body(window, f"http://127.0.0.1:{port}/api/", store)
        finally:
            window.close()
        assert await asyncio.wait_for(serving, GIVE_UP_S) == 0
        return result

    qapp.setQuitOnLastWindowClosed(False)  # as app.py does: main() ends from the window
    loop = qasync.QEventLoop(qapp)
    try:
        return loop.run_until_complete(main())
    finally:
        loop.close()
        qapp.setQuitOnLastWindowClosed(True)


def test_window_gesture_and_campaign_switch_reach_a_display(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = second_campaign(tmp_path)

    async def body(window: Any, api: str, store: Store) -> None:
        async with (
            aiohttp.ClientSession() as session,
            session.get(api + "active-view/stream/") as response,
        ):
            stream = snapshots(response)
            first = await until(stream, lambda s: True)
            assert first["view_type"] == "STANDBY"
            # A GM gesture in the window: the "Bridge" button of the view switcher.
            window.switcher.buttons["BRIDGE"].click()
            bridge = await until(stream, lambda s: s["view_type"] == "BRIDGE")
            assert bridge["ship"]["name"]
            assert first["campaign_name"] == "The Singing Ice"
            window.open_campaign(other)
            await until(stream, lambda s: s["campaign_name"] == "The Second Signal")

    run_app_with_window(qapp, tmp_path, monkeypatch, body)


def test_displays_get_the_frame_before_the_window_resyncs(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GM window's re-sync never delays the displays: at every re-sync after a change,
    each connected display has already been written the current player frame."""

    async def body(window: Any, api: str, store: Store) -> list[tuple[int, list[object]]]:
        seen: list[tuple[int, list[object]]] = []

        def on_resync() -> None:
            revisions = [d["revision"] for d in window.services.displays()]
            seen.append((store.player_frame().revision, revisions))

        async with (
            aiohttp.ClientSession() as session,
            session.get(api + "active-view/stream/") as response,
        ):
            stream = snapshots(response)
            await until(stream, lambda s: True)
            window.refresher.refreshed.connect(on_resync)
            for view in ("BRIDGE", "STANDBY", "BRIDGE", "STANDBY"):
                # Over HTTP: the server's handler dispatches.
                change = {"view_type": view}
                async with session.post(api + "gm/switch-view/", json=change, headers=GM) as reply:
                    assert reply.status == 200, await reply.text()
                await until(stream, lambda s, v=view: s["view_type"] == v)  # type: ignore[misc]
                await asyncio.sleep(0.05)  # human pace: each change re-syncs at once
            window.switcher.buttons["ENCOUNTER"].click()  # a gesture in the window
            await until(stream, lambda s: s["view_type"] == "ENCOUNTER")
            await asyncio.sleep(0.05)
        window.refresher.refreshed.disconnect(on_resync)
        return seen

    seen = run_app_with_window(qapp, tmp_path, monkeypatch, body)
    assert len(seen) >= 5, seen
    for revision, displays in seen:
        assert displays == [revision], seen
