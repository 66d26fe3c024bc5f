"""A player's refused or no-op writes cost the GM window nothing: no re-sync, no row each
(harden, defect 1). The real server on 127.0.0.1 and the real window, on one loop."""

from __future__ import annotations

import asyncio
import http.client
import threading

from pytestqt.qtbot import QtBot

from desktop.model.store import Store
from desktop.net.server import Server, create_app
from desktop.ui.window.main_window import MainWindow

WRITES = 50


def _post_many(port: int, body: bytes, count: int, statuses: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    for _ in range(count):
        connection.request("POST", "/api/terminal/hide/", body=body, headers=headers)
        reply = connection.getresponse()
        reply.read()
        statuses.append(reply.status)
    connection.close()


def _serve(qtbot: QtBot, store: Store, window: MainWindow) -> Server:
    app = create_app(store, gm_token="gm-secret-token", activity=window.report_activity)
    server = Server(app, "127.0.0.1", 0)
    started = asyncio.ensure_future(server.start())
    qtbot.waitUntil(started.done, timeout=10_000)
    server.port = started.result()  # type: ignore[attr-defined]
    return server


def _flood(qtbot: QtBot, port: int, body: bytes, count: int) -> list[int]:
    statuses: list[int] = []
    worker = threading.Thread(target=_post_many, args=(port, body, count, statuses))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=60_000)
    return statuses


def test_refused_and_no_op_writes_never_re_sync_the_window(
    qtbot: QtBot, store: Store, window: MainWindow
) -> None:
    server = _serve(qtbot, store, window)
    runs: list[int] = []
    window.refresher.flush()
    window.refresher.refreshed.connect(lambda: runs.append(1))
    rows = window.activity.list.topLevelItemCount()
    port = server.port  # type: ignore[attr-defined]
    assert _flood(qtbot, port, b"{", WRITES) == [400] * WRITES
    assert _flood(qtbot, port, b"{}", WRITES) == [200] * WRITES  # the terminal is not shown
    window.refresher.flush()
    assert runs == []
    # Fifty identical refusals are one row that counts them; no-op writes add none.
    assert window.activity.list.topLevelItemCount() - rows == 1
    assert window.activity.texts()[0].endswith(f"(\u00d7{WRITES})")
    _stop(qtbot, server)


def _stop(qtbot: QtBot, server: Server) -> None:
    done = asyncio.ensure_future(server.stop())
    qtbot.waitUntil(done.done, timeout=10_000)


def test_broken_json_from_one_address_meets_the_rate_limit(
    qtbot: QtBot, store: Store, window: MainWindow
) -> None:
    server = _serve(qtbot, store, window)
    try:
        statuses = _flood(qtbot, server.port, b"{", 600)  # type: ignore[attr-defined]
    finally:
        _stop(qtbot, server)
    assert 429 in statuses[:490]  # the address's burst is 480 writes, broken ones too
