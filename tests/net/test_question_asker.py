"""A question keeps the display it was asked from (the GM window names it), and that id never
reaches any display: not the asker's own stream frame, not another's."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from tests.net.conftest import gm_post

ASKER = "tablet-ana-7731"


async def test_the_question_keeps_its_display_and_no_frame_carries_it(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})
    url = client.make_url("/api/charon/story/submit/").with_query(display=ASKER)
    reply = await client.session.post(url, json={"query": "Where is the captain?"})
    assert reply.status == 200
    [entry] = store.state.charon.conversations["story"]
    assert entry.content == "Where is the captain?" and entry.display == ASKER
    for display in (ASKER, "tablet-bo-8812", None):
        query = {"display": display} if display else {}
        seen = await client.get("/api/active-view/", params=query)
        body = await seen.text()
        assert "Where is the captain?" in body and ASKER not in body
