"""Two displays, A and B: what is aimed at A never reaches B's bytes, on the stream, in
/api/active-view/ or through /media/ (API.md "Displays", "Audiences")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from desktop.model.audience import aimed, content_key
from desktop.model.state import Broadcast, TableState
from desktop.model.store import Store
from tests.model.factory import build_campaign
from tests.net.conftest import GM_HEADERS, gm_post
from tests.net.sse_reader import StreamReader

A, B = "tablet-aaaa-1", "tablet-bbbb-2"
SECRETS = (b"ONLY-FOR-A-WHISPER", b"Dr. Kade", b"b-secret")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A bridge showing a broadcast to all, and a broadcast and Kade's portrait aimed at A."""
    targets = aimed({}, content_key("broadcast", "b-secret"), (A,))
    targets = aimed(targets, content_key("portrait", "kade"), (A,))
    state = TableState(
        view_type="BRIDGE",
        broadcasts=(
            Broadcast("b-all", "ALL HANDS TO STATIONS", "Bridge", "NORMAL", 1.0),
            Broadcast("b-secret", "ONLY-FOR-A-WHISPER", "Kade", "HIGH", 2.0),
        ),
        portraits=("kade",),
        targets=targets,
    )
    return Store(build_campaign(tmp_path / "campaign"), state)


def _stream(display: str) -> str:
    return f"/api/active-view/stream/?display={display}&kind=tablet"


async def test_aimed_content_never_reaches_the_other_display(
    client: TestClient[Any, Any],
) -> None:
    async with client.get(_stream(A)) as a_response, client.get(_stream(B)) as b_response:
        a, b = StreamReader(a_response), StreamReader(b_response)
        (a_first,) = await a.events(1)
        (b_first,) = await b.events(1)
        assert all(secret in a_first.data for secret in SECRETS)
        portrait = a_first.snapshot["encounter_npc_data"]["kade"]["portrait_url"]
        reply = await gm_post(client, "/api/gm/broadcast/", {"content": "SECOND TO ALL"})
        await b.until(b"SECOND TO ALL")
        await a.until(b"SECOND TO ALL")
        for secret in SECRETS:
            assert secret not in b.raw
        assert reply["success"]
        b_view = await client.get(f"/api/active-view/?display={B}")
        anonymous = await client.get("/api/active-view/")
        for response in (b_view, anonymous):
            body = await response.read()
            assert b"SECOND TO ALL" in body and not any(s in body for s in SECRETS)
        assert (await client.get(f"{portrait}?display={A}")).status == 200
        assert (await client.get(f"{portrait}?display={B}")).status == 404
        assert (await client.get(portrait)).status == 404  # an anonymous display
        # B's revision counts B's frames: A's own content did not move it.
        assert b_first.revision <= a_first.revision


async def test_the_gm_lists_displays_by_id_with_their_kind(client: TestClient[Any, Any]) -> None:
    async with client.get(_stream(A)) as a_response, client.get("/api/active-view/stream/") as anon:
        await StreamReader(a_response).events(1)
        await StreamReader(anon).events(1)
        listed = await client.get("/api/gm/displays/", headers=GM_HEADERS)
        displays = (await listed.json())["displays"]
    by_id = {d["id"]: d for d in displays}
    assert set(by_id) == {A, None}
    assert by_id[A]["kind"] == "tablet" and by_id[A]["character"] is None
    assert by_id[A]["camera"]["mode"] == "fit" and by_id[A]["rotation"] == 0
    assert {"address", "user_agent", "connected_since", "last_revision", "role"} <= set(by_id[A])
