"""Links in a campaign folder never put outside text in a snapshot nor an outside file on /media/.

The real server on 127.0.0.1 (aiohttp's test server) over the sample campaign copied to a temp
folder, with links leading out: sessions, a token folder, and a portrait swapped for a link
after the campaign was read.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from desktop.campaign import load_campaign, sample_campaign_path
from desktop.model.store import Store
from desktop.net.server import create_app
from tests.net.conftest import TOKEN, gm_post

SECRET = "OUTSIDE-SECRET-4K"
OUTSIDE_BYTES = b"\x89PNG\r\n\x1a\n OUTSIDE-IMAGE-BYTES"
MEDIA = re.compile(rb"/media/[A-Za-z0-9_-]+")


def linked_campaign(tmp_path: Path) -> tuple[Path, Path]:
    """The sample with campaign/sessions and campaign/tokens/objects linked to an outside folder."""
    root = tmp_path / "camp"
    shutil.copytree(sample_campaign_path(), root)
    outside = tmp_path / "outside"
    (outside / "sessions").mkdir(parents=True)
    (outside / "sessions/s9.md").write_text(
        f"---\nsession_number: 9\ntitle: {SECRET}\n---\n{SECRET}\n"
    )
    (outside / "objects").mkdir()
    (outside / "objects/loot.png").write_bytes(OUTSIDE_BYTES)
    shutil.rmtree(root / "campaign/sessions")
    os.symlink(outside / "sessions", root / "campaign/sessions")
    shutil.rmtree(root / "campaign/tokens/objects")
    os.symlink(outside / "objects", root / "campaign/tokens/objects")
    (outside / "portrait.png").write_bytes(OUTSIDE_BYTES)
    return root, outside


async def every_player_byte(client: Any) -> bytes:
    """The player snapshot in every view, and every /media/ file it names."""
    found = b""
    for view in ("STANDBY", "BRIDGE", "CHARON_TERMINAL"):
        await gm_post(client, "/api/gm/switch-view/", {"view_type": view})
        found += await (await client.get("/api/active-view/")).read()
    for url in set(MEDIA.findall(found)):
        found += await (await client.get(url.decode())).read()
    return found


async def test_linked_sessions_and_token_folder_never_reach_players(
    aiohttp_client: Any, tmp_path: Path
) -> None:
    root, outside = linked_campaign(tmp_path)
    campaign = load_campaign(root)
    store = Store(campaign)
    client = await aiohttp_client(create_app(store, gm_token=TOKEN))
    seen = await every_player_byte(client)
    assert SECRET.encode() not in seen and b"OUTSIDE-IMAGE-BYTES" not in seen
    problems = [str(p) for p in campaign.problems]
    link_out = "a link leading outside the campaign folder"
    assert f"campaign/sessions:0: {link_out} (to {outside / 'sessions'}): not read" in problems
    assert any(p.startswith(f"campaign/tokens/objects:0: {link_out}") for p in problems)
    assert "token:loot" not in campaign.token_images
    assert all(path.is_relative_to(root) for path in store.player_frame().media.values())


async def test_media_swapped_for_a_link_after_loading_is_404(
    aiohttp_client: Any, tmp_path: Path
) -> None:
    root, outside = linked_campaign(tmp_path)
    store = Store(load_campaign(root))
    client = await aiohttp_client(create_app(store, gm_token=TOKEN))
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    frame = store.player_frame()
    assert frame.media, "the bridge shows crew portraits"
    media_id, portrait = next(iter(frame.media.items()))
    reply = await client.get(f"/media/{media_id}")
    assert reply.status == 200 and await reply.read() == portrait.read_bytes()
    portrait.unlink()
    os.symlink(outside / "portrait.png", portrait)  # the file becomes a link leading out
    reply = await client.get(f"/media/{media_id}")
    assert reply.status == 404
    assert b"OUTSIDE-IMAGE-BYTES" not in await reply.read()
    inside = root / "campaign/crew/images/elsewhere.png"
    inside.write_bytes(b"\x89PNG inside")
    portrait.unlink()
    os.symlink(inside, portrait)  # a link that stays inside is still served
    reply = await client.get(f"/media/{media_id}")
    assert reply.status == 200 and await reply.read() == b"\x89PNG inside"
