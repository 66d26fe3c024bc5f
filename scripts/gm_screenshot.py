"""Screenshots of the GM window on the sample campaign, in ENCOUNTER with tokens.

    .venv/bin/python scripts/gm_screenshot.py            # offscreen
    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python scripts/gm_screenshot.py

Writes screenshots/gm-window-1920x1080.png, gm-window-1366x768.png and gm-window-displays.png
(1920x1080 with the Displays dock in front), and gm-star-map-<size>.png: the Star map dock in
front on the galaxy (1920x1080) and on a system with a planet selected (1366x768). A TV and two
tablets are connected (Tablet Ana bound to Marlowe): a portrait, a handout and a question come
from or go to Tablet Ana, a broadcast to Tablet Bo, a countdown runs and one stands at zero;
gm-docks-<size>-<dock>.png show the Portraits, Broadcast, Alerts, Ship computer and Displays
docks in front with all that.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
import segno
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow

SHIP = "hadal_wren"
OUT = Path(__file__).resolve().parents[1] / "screenshots"
PLAYER_URL = "http://192.168.1.20:8765/"


def qr_png(text: str) -> bytes:
    buf = io.BytesIO()
    segno.make(text).save(buf, kind="png", scale=6)
    return buf.getvalue()


TV, ANA, BO = "tv-lounge-7f3a", "tablet-ana-91c2", "tablet-bo-44d0"
DOCKS = ("portraits", "broadcast", "alerts", "charon", "displays")


def displays() -> list[dict[str, object]]:
    now = time.time()
    ipad = "Mozilla/5.0 (iPad; Mobile) Safari/605"
    return [
        {
            "address": "192.168.1.31",
            "user_agent": "Mozilla/5.0 (X11) Chrome/126.0",
            "since": now - 1800,
            "revision": 41,
            "id": TV,
            "kind": "tv",
        },
        {
            "address": "192.168.1.44",
            "user_agent": ipad,
            "since": now - 600,
            "revision": 41,
            "id": ANA,
            "kind": "tablet",
        },
        {
            "address": "192.168.1.45",
            "user_agent": ipad,
            "since": now - 500,
            "revision": 41,
            "id": BO,
            "kind": "tablet",
        },
    ]


def aimed(store: Store) -> None:
    """The TV and two tablets named; content aimed at one tablet; a question from Tablet Ana
    with its draft; a countdown running and one about to reach zero."""
    d = store.dispatch
    d(a.SetDisplay(TV, name="Lounge TV", kind="tv"))
    d(a.SetDisplay(ANA, name="Tablet Ana", kind="tablet", character="marlowe"))
    d(a.SetDisplay(BO, name="Tablet Bo", kind="tablet"))
    d(a.TogglePortrait("roe", (ANA,)))
    d(a.SendBroadcast("Your suit's seal is failing.", "SUIT MONITOR", "CRITICAL", (BO,)))
    if store.campaign.handouts:
        d(a.ShowHandout(next(iter(store.campaign.handouts)), displays=(ANA,)))
    channel = store.state.charon_channel
    d(a.SubmitQuestion(channel, "Where is the captain?"), actor="player", display=ANA)
    answer = "THE CAPTAIN IS ON THE BRIDGE. HER VITALS ARE ELEVATED. DOOR 3 IS SEALED."
    d(a.QueueDraft(channel, answer, str(store.last_reply["query_id"])))
    d(a.StartTimer("SELF-DESTRUCT", 600))
    d(a.StartTimer("VENT CYCLE", 1))  # at zero by the time the window is drawn


def docks(window: MainWindow, width: int, height: int) -> None:
    for name in DOCKS:
        window.docks[name].raise_()
        if name == "displays":
            window.displays.refresh_thumbnails()
        wait(300)
        path = OUT / f"gm-docks-{width}x{height}-{name}.png"
        window.grab().save(str(path))
        print(path)


def table(store: Store) -> None:
    """A session in progress: the crew has boarded and met something in the corridor."""
    d = store.dispatch
    d(a.SwitchView("ENCOUNTER", SHIP))
    rooms = ("airlock", "suit_locker", "d1_corridor", "medbay", "crew_quarters", "comms_room")
    d(a.SetRoomVisibility(tuple((r, True) for r in rooms)))
    d(a.SetDoorStatus("door_medbay", "OPEN"))
    d(a.SetRoomStatus("comms_room", "HAZARD"))
    for name, image, x, y in (
        ("Marlowe", "crew:marlowe", 9, 8),
        ("Adeyemi", "crew:adeyemi", 10, 9),
        ("Sunde", "crew:sunde", 6, 8),
        ("Castellane", "crew:castellane", 5, 9),
        ("Quill", "crew:quill", 2, 8),
    ):
        d(a.PlaceToken("player", name, x, y, image))
    d(a.PlaceToken("npc", "Dr. Kesh", 11, 12, "npc:kesh"))
    d(a.UpdateTokenStatus(str(store.last_reply["token_id"]), ("wounded",)))
    d(a.PlaceToken("creature", "Rime crawler", 16, 12, "token:rime_crawler"))
    d(a.PlaceToken("creature", "Hollowed", 22, 12, "token:hollowed"))
    d(a.UpdateTokenStatus(str(store.last_reply["token_id"]), ("hidden",)))
    d(a.PlaceToken("object", "Crate", 12, 4, "token:crate"))
    d(a.TogglePortrait("kesh"))
    d(
        a.SendBroadcast(
            "Docking collar sealed. Station atmosphere: 3% O2.", "LANTERN CONTROL", "HIGH"
        )
    )
    d(a.SetShipCourse("vesper_reach", "Ossuary Drift"))
    d(a.SetCharonMode("QUERY"))
    channel = store.state.charon_channel
    d(a.CharonSend(channel, "Welcome aboard. Internal sensors register six heat signatures."))
    store.dispatch(a.SubmitQuestion(channel, "Which six? There are five of us."), actor="player")
    aimed(store)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def star_map(window: MainWindow, width: int, height: int) -> None:
    """The Star map dock in front: the galaxy with Vesper Reach selected at 1920x1080, the
    Vesper system with Gallowmere selected at 1366x768."""
    window.docks["star_map"].raise_()
    panel = window.star_map
    if width == 1920:
        panel.go("galaxy", "")
        panel.select("vesper_reach")
    else:
        panel.go("system", "vesper_reach")
        panel.select("vesper_reach/gallowmere")
    wait(300)
    path = OUT / f"gm-star-map-{width}x{height}.png"
    window.grab().save(str(path))
    print(path)


def main() -> None:
    app = QApplication(sys.argv)
    # The window queues its re-syncs on the asyncio loop that runs Qt's, as in the app.
    qasync.QEventLoop(app, already_running=True)
    store = Store(load_campaign(sample_campaign_path()))
    table(store)
    OUT.mkdir(exist_ok=True)
    for width, height in ((1920, 1080), (1366, 768)):
        services = WindowServices(  # fresh settings: the first-run layout at each size
            player_url=PLAYER_URL,
            mdns_name="gm-terminal.local",
            gm_token="k3x9-19f2-aa07",
            displays=displays,
            qr_png=qr_png,
            settings_path=Path(tempfile.mkdtemp()) / "settings.ini",
        )
        window = MainWindow(store, services)
        window.resize(width, height)
        window.show()
        window.focus.set(SHIP, "deck_1")
        wait(400)
        window.map_panel.scene.rooms["d1_corridor"].setSelected(True)
        window.map_panel.view.fit()
        wait(300)
        if os.environ.get("GM_SHOT_DEBUG"):
            for key, dock in window.docks.items():
                print(key, dock.width(), dock.minimumSizeHint().width())
        path = OUT / f"gm-window-{width}x{height}.png"
        window.grab().save(str(path))
        print(path)
        if width == 1920:  # the Displays dock brought to the front of its tabs
            window.docks["displays"].raise_()
            wait(300)
            path = OUT / "gm-window-displays.png"
            window.grab().save(str(path))
            print(path)
        docks(window, width, height)
        star_map(window, width, height)
        window.displays.timer.stop()
        window.close()
    app.quit()


if __name__ == "__main__":
    main()
