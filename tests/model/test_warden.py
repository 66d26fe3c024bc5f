"""The Warden's actions: dice and panic (private until shown), timers, alerts, atmosphere,
conditions and vitals; each refuses bad input with a 400 and undoes where it should."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.errors import Conflict, InvalidInput, NotFound
from desktop.model.store import Store
from desktop.storage.persistence import StateFile

from .conftest import make_store, open_ship
from .factory import SHIP

NOW = 1_700_000_000_000


class Faces:
    """A random source that answers the given faces in turn."""

    def __init__(self, *faces: int) -> None:
        self.faces = list(faces)

    def randint(self, a: int, b: int) -> int:
        return self.faces.pop(0)


@pytest.fixture(scope="module")
def sample() -> Campaign:
    return load_campaign(sample_campaign_path())


def fixed_clock() -> float:
    return NOW / 1000


def warden_store(campaign: Campaign, *faces: int) -> Store:
    return make_store(campaign, rng=Faces(*faces) if faces else random.Random(5))


def test_a_roll_is_private_until_shown(sample: Campaign) -> None:
    store = warden_store(sample, 7, 3)
    frame = store.player_frame()
    store.dispatch(A.RollDice.from_body({"dice": "2d10+1"}))
    reply = store.last_reply
    assert reply["result"] == 11 and reply["roll"]["throws"] == [[7, 3]]  # type: ignore[index]
    assert store.player_frame() is frame  # nothing new for the players
    assert b"2d10" not in store.player_frame().data
    assert store.gm_snapshot()["rolls"][0]["total"] == 11
    store.dispatch(A.ShowRoll(str(reply["roll_id"])))
    shown = store.player_frame().snapshot["roll"]
    assert shown["total"] == 11 and shown["dice"] == "2d10+1"
    store.undo()
    assert store.player_frame().snapshot["roll"] is None
    store.redo()
    assert store.player_frame().snapshot["roll"]["total"] == 11


def test_a_roll_with_displays_is_shown_at_once(sample: Campaign) -> None:
    store = warden_store(sample, 20, 4)
    store.dispatch(A.RollDice.from_body({"dice": "1d20 adv", "displays": ["tv-1"]}))
    assert store.player_frame().snapshot["roll"] is None  # another display
    shown = store.player_frame("tv-1").snapshot["roll"]
    assert shown["total"] == 20 and shown["throws"] == [[20], [4]] and shown["kept"] == 0


def test_panic_check_fails_at_or_below_stress_and_reads_the_table(sample: Campaign) -> None:
    member = sample.crew[0]
    store = warden_store(sample, 2, 19)
    store.dispatch(A.SetGauge("stress", 5, member.id))
    store.dispatch(A.RollDice.from_body({"panic": True, "for": member.id}))
    failed = store.last_reply["roll"]
    assert failed["panic"]["passed"] is False and failed["panic"]["stress"] == 5  # type: ignore[index]
    assert failed["panic"]["effect"]["name"] == "Cold sweat"  # type: ignore[index]
    assert failed["for"] == member.name  # type: ignore[index]
    store.dispatch(A.RollDice.from_body({"panic": True, "for": member.id}))
    assert store.last_reply["roll"]["panic"] == {"stress": 5, "passed": True, "effect": None}  # type: ignore[index]
    assert b"Cold sweat" not in store.player_frame().data


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({}, "missing field 'dice'"),
        ({"dice": "2q6"}, "field 'dice': cannot read dice '2q6'"),
        ({"dice": "1d20 adv", "for": 5}, "field 'for' must be a string"),
        ({"panic": True}, "missing field 'for'"),
        ({"dice": "1d6", "displays": "tv"}, "field 'displays' must be a list"),
    ],
)
def test_roll_bad_bodies(body: dict[str, object], problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        A.RollDice.from_body(body)


def test_panic_for_an_unknown_member_is_404_and_changes_nothing(sample: Campaign) -> None:
    store = warden_store(sample, 1)
    before = store.state
    with pytest.raises(NotFound, match="unknown crew member 'ghost'"):
        store.dispatch(A.RollDice.from_body({"panic": True, "for": "ghost"}))
    assert store.state is before
    with pytest.raises(NotFound, match="unknown roll"):
        store.dispatch(A.ShowRoll("nope"))


def test_timers_start_pause_extend_cancel_and_undo(sample: Campaign) -> None:
    store = Store(sample, clock=fixed_clock)
    store.dispatch(A.StartTimer.from_body({"label": " SELF-DESTRUCT ", "seconds": 600}))
    timer_id = str(store.last_reply["timer_id"])
    [timer] = store.player_frame().snapshot["timers"]
    assert timer == {
        "id": timer_id, "label": "SELF-DESTRUCT", "ends_at": NOW + 600_000,
        "remaining_ms": 600_000, "paused": False,
    }  # fmt: skip
    store.dispatch(A.ControlTimer(timer_id, "pause"))
    assert store.player_frame().snapshot["timers"][0]["ends_at"] is None
    store.dispatch(A.ControlTimer(timer_id, "add", 60))
    assert store.player_frame().snapshot["timers"][0]["remaining_ms"] == 660_000
    store.dispatch(A.ControlTimer(timer_id, "resume"))
    assert store.player_frame().snapshot["timers"][0]["ends_at"] == NOW + 660_000
    store.dispatch(A.ControlTimer(timer_id, "cancel"))
    assert store.player_frame().snapshot["timers"] == []
    store.undo()
    assert store.player_frame().snapshot["timers"][0]["ends_at"] == NOW + 660_000
    with pytest.raises(NotFound, match="unknown timer"):
        store.dispatch(A.ControlTimer("nope", "pause"))


def test_undoing_one_timer_leaves_the_other(sample: Campaign) -> None:
    store = Store(sample, clock=fixed_clock)
    store.dispatch(A.StartTimer("O2 RESERVE", 2700))
    store.dispatch(A.StartTimer("SELF-DESTRUCT", 600))
    store.undo()
    assert [t["label"] for t in store.player_frame().snapshot["timers"]] == ["O2 RESERVE"]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"seconds": 5}, "missing field 'label'"),
        ({"label": "X"}, "missing field 'seconds'"),
        ({"label": "  ", "seconds": 5}, "field 'label' needs a visible character"),
        ({"label": "X", "seconds": 0}, "field 'seconds' must be between 1 and 604800"),
        ({"label": "X", "phases": [{"label": "A"}]}, "field 'phases.seconds'"),
        ({"label": "X", "phases": []}, "field 'phases' must be a list of 1 to 12 phases"),
    ],
)
def test_timer_bad_bodies(body: dict[str, object], problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        A.StartTimer.from_body(body)


def test_control_timer_bad_bodies() -> None:
    with pytest.raises(InvalidInput, match="field 'action' must be one of"):
        A.ControlTimer.from_body({"timer_id": "t", "action": "explode"})
    with pytest.raises(InvalidInput, match="missing field 'seconds'"):
        A.ControlTimer.from_body({"timer_id": "t", "action": "add"})


def test_phases_reach_the_snapshot(sample: Campaign) -> None:
    store = Store(sample, clock=fixed_clock)
    body = {
        "label": "REACTOR",
        "phases": [{"label": "VENT", "seconds": 120}, {"label": "SEAL", "seconds": 300}],
    }
    store.dispatch(A.StartTimer.from_body(body))
    [timer] = store.player_frame().snapshot["timers"]
    assert timer["phases"] == [{"label": "VENT", "ms": 120_000}, {"label": "SEAL", "ms": 300_000}]
    assert timer["ends_at"] == NOW + 120_000 and timer["phase"] == 0


def test_too_many_timers_is_a_conflict(sample: Campaign) -> None:
    store = Store(sample, clock=fixed_clock)
    for n in range(8):
        store.dispatch(A.StartTimer(f"T{n}", 60))
    with pytest.raises(Conflict, match="at most 8 timers"):
        store.dispatch(A.StartTimer("one more", 60))


def test_alerts_raise_clear_and_undo(sample: Campaign) -> None:
    store = Store(sample)
    store.dispatch(A.SetAlert.from_body({"alert": "Red Alert"}))
    store.dispatch(A.SetAlert.from_body({"alert": "Reactor leak"}))
    assert store.player_frame().snapshot["alerts"] == [
        {"id": "red_alert", "name": "RED ALERT"},
        {"id": "Reactor leak", "name": "Reactor leak"},
    ]
    store.dispatch(A.SetAlert("red_alert", active=False))
    assert len(store.player_frame().snapshot["alerts"]) == 1
    store.dispatch(A.ClearAlerts())
    assert store.player_frame().snapshot["alerts"] == []
    store.undo()
    assert len(store.player_frame().snapshot["alerts"]) == 1
    with pytest.raises(InvalidInput, match="field 'alert' needs a visible character"):
        A.SetAlert.from_body({"alert": " "})


def test_atmosphere_of_revealed_rooms_only(campaign: Campaign) -> None:
    store = make_store(campaign)
    open_ship(store, "r-med")
    store.dispatch(A.SetAtmosphere.from_body({"room_id": "r-med", "effects": ["smoke", "dark"]}))
    store.dispatch(A.SetAtmosphere("r-corr", ("vacuum",)))  # hidden: not sent
    snapshot = store.player_frame().snapshot
    assert snapshot["encounter_room_atmosphere"] == {"r-med": ["dark", "smoke"]}
    assert b"vacuum" not in store.player_frame().data
    assert store.gm_snapshot()["room_atmosphere"] == {
        f"{SHIP}/r-med": ["dark", "smoke"], f"{SHIP}/r-corr": ["vacuum"],
    }  # fmt: skip
    store.undo()
    store.undo()
    assert store.player_frame().snapshot["encounter_room_atmosphere"] == {}
    store.dispatch(A.SetAtmosphere("r-med", ("dark",)))
    store.dispatch(A.ResetLocation(SHIP))  # the place as the campaign has it: clear air too
    assert store.state.warden.atmosphere == {}
    store.undo()
    assert store.state.warden.atmosphere == {f"{SHIP}/r-med": ("dark",)}
    with pytest.raises(InvalidInput, match="field 'effects' must be one of"):
        A.SetAtmosphere.from_body({"room_id": "r-med", "effects": ["fog"]})
    with pytest.raises(NotFound, match="unknown room 'nope'"):
        store.dispatch(A.SetAtmosphere("nope", ("dark",)))


def test_conditions_and_vitals_reach_the_crew_cards(sample: Campaign) -> None:
    member = sample.crew[0]
    store = Store(sample)
    store.dispatch(A.SwitchView("BRIDGE"))
    store.dispatch(A.SetConditions.from_body({"crew_id": member.id, "conditions": ["Shaken", " "]}))
    store.dispatch(A.SetGauge("wounds", 1, member.id))
    store.dispatch(A.SetGauge("min_stress", 2, member.id))
    card = next(c for c in store.player_frame().snapshot["crew"] if c["id"] == member.id)
    assert card["conditions"] == ["Shaken"]
    assert card["wounds"] == {"current": 1, "max": 2}  # crew.yaml's {current, max} kept
    assert card["min_stress"] == 2
    store.undo()
    store.undo()
    store.undo()
    card = next(c for c in store.player_frame().snapshot["crew"] if c["id"] == member.id)
    assert card["conditions"] == [] and card["wounds"] == {"current": 0, "max": 2}
    with pytest.raises(NotFound):
        store.dispatch(A.SetConditions("ghost", ("x",)))
    with pytest.raises(InvalidInput, match="more than 8"):
        A.SetConditions.from_body({"crew_id": member.id, "conditions": ["a"] * 9})
    with pytest.raises(InvalidInput, match="wounds must be between 0 and 2"):
        store.dispatch(A.SetGauge("wounds", 3, member.id))


def test_the_warden_layer_survives_a_restart(sample: Campaign, tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    file = StateFile(path)
    store = Store(sample, file.load(), clock=fixed_clock, rng=Faces(9))
    file.attach(store)
    store.dispatch(A.StartTimer("SELF-DESTRUCT", 600))
    store.dispatch(A.StartTimer("O2", 100))
    o2 = str(store.last_reply["timer_id"])
    store.dispatch(A.ControlTimer(o2, "pause"))
    store.dispatch(A.SetAlert("intruder"))
    store.dispatch(A.RollDice("1d20"))
    store.dispatch(A.SetConditions(sample.crew[0].id, ("Shaken",)))
    before = store.state.warden
    file.close()
    again = StateFile(path)
    state = again.load()
    again.close()
    assert state is not None and state.warden == before
    assert [t.ends_at for t in state.warden.timers.values()] == [NOW + 600_000, None]


def test_a_shown_roll_and_a_timer_reach_only_the_chosen_displays(sample: Campaign) -> None:
    store = warden_store(sample, 17)
    store.dispatch(A.RollDice.from_body({"dice": "1d20", "displays": ["tv-main"]}))
    store.dispatch(
        A.StartTimer.from_body({"label": "O2 RESERVE", "seconds": 60, "displays": ["tablet-a"]})
    )
    tv, tablet, anyone = (store.player_frame(d) for d in ("tv-main", "tablet-a", None))
    assert tv.snapshot["roll"]["total"] == 17 and tv.snapshot["timers"] == []
    assert tablet.snapshot["roll"] is None and b"O2 RESERVE" in tablet.data
    assert b"1d20" not in anyone.data and b"O2 RESERVE" not in anyone.data
    timer_id = store.state.warden.timers and next(iter(store.state.warden.timers))
    store.dispatch(A.ControlTimer(str(timer_id), "cancel"))
    assert f"timer:{timer_id}" not in store.state.targets
    store.undo()  # the timer comes back to its display only
    assert b"O2 RESERVE" not in store.player_frame(None).data
    assert b"O2 RESERVE" in store.player_frame("tablet-a").data


def test_sounds_go_to_the_tvs_and_campaign_files_by_media_id(sample: Campaign) -> None:
    store = Store(sample)
    store.dispatch(A.PlaySound.from_body({"sound": "klaxon"}))
    cue = store.player_frame().snapshot["sound"]["cue"]
    assert cue["builtin"] == "klaxon" and cue["url"] == ""  # no TV marked: every display
    store.dispatch(A.SetDisplay.from_body({"display": "tv-main", "kind": "tv"}))
    store.dispatch(A.PlaySound.from_body({"sound": "hull_groan"}))
    tv = store.player_frame("tv-main").snapshot["sound"]["cue"]
    assert tv["name"] == "Hull groan" and tv["url"].startswith("/media/")
    assert store.player_frame("tablet-b").snapshot["sound"]["cue"] is None
    assert store.media(tv["url"].removeprefix("/media/"), "tv-main") is not None
    store.dispatch(A.PlaySound.from_body({"sound": "chime", "displays": ["tablet-b"]}))
    assert store.player_frame("tablet-b").snapshot["sound"]["cue"]["builtin"] == "chime"
    assert store.player_frame("tv-main").snapshot["sound"]["cue"] is None
    with pytest.raises(NotFound, match="unknown sound 'file:nope'"):
        store.dispatch(A.PlaySound("nope"))


def test_an_ambient_loop_starts_stops_and_undoes(sample: Campaign) -> None:
    store = Store(sample)
    store.dispatch(A.SetAmbient("reactor_hum"))
    ambient = store.player_frame().snapshot["sound"]["ambient"]
    assert ambient["name"] == "Reactor hum" and ambient["url"].startswith("/media/")
    media_id = ambient["url"].removeprefix("/media/")
    assert store.media(media_id) is not None  # served while in use ...
    store.dispatch(A.SetAmbient())
    assert store.player_frame().snapshot["sound"]["ambient"] is None
    assert store.media(media_id) is None  # ... and only then
    store.undo()
    assert store.player_frame().snapshot["sound"]["ambient"]["name"] == "Reactor hum"
