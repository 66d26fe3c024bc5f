"""The offline drafter on the sample campaign: replies quote the campaign, never invent."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.charon.drafter import draft, retrieve
from desktop.model.actions.fields import MAX_MESSAGE, check_str
from desktop.model.state import LocationState, SystemOverride, TableState, mail_key

# Twenty questions a crew asks about the sample, and what the reply must say.
QUESTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("What is the status of the engines?", ("ENGINES: STRESSED", "CONDITION 64%")),
    ("Is life support working?", ("LIFE SUPPORT: ONLINE",)),
    ("Comms?", ("COMMS: DAMAGED",)),
    ("Can we use the weapons?", ("WEAPONS: OFFLINE",)),
    ("What is the hull integrity?", ("HULL 38/55",)),
    ("Who is Dr. Kesh?", ("DR. MARA KESH", "CHIEF XENOGEOLOGIST")),
    ("Where is Lio Farrant?", ("LIO FARRANT", "COLD STORAGE")),
    ("Who is VIGIL?", ("VIGIL", "SECURITY ANDROID")),
    ("Where is Overseer Brandt?", ("OVERSEER TOMAS BRANDT",)),
    ("Tell me about Anwen Roe", ("ANWEN ROE", "STATION COUNSELLOR")),
    ("Captain Hale", ("CAPTAIN YUSUF HALE",)),
    ("How is Adeyemi doing?", ("ROOK ADEYEMI", "WOUNDED")),
    ("Quill?", ("QUILL",)),
    ("Tell me about Lantern Station", ("LANTERN STATION, STATION, LOCKDOWN",)),
    ("What is Gallowmere?", ("GALLOWMERE, PLANET, HOSTILE",)),
    ("What is on Tithe?", ("TITHE, MOON",)),
    ("What is the Bore Shaft Head?", ("BORE SHAFT HEAD, LANTERN STATION: HAZARD",)),
    ("Describe Cold Storage", ("COLD STORAGE, LANTERN STATION",)),
    ("What is the Aft Crawlway?", ("AFT CRAWLWAY, SV HADAL WREN",)),
    ("Hello?", ("WREN CORE ONLINE. STATE YOUR QUERY.",)),
]
UNKNOWN = [
    "What is the capital of France?",
    "Recite the recipe for blueberry pancakes",
    "xyzzy",
    "",
]
REFUSALS = ("NO DATA.", "QUERY NOT RECOGNISED. NO DATA.", "NO RECORD IN SHIP MEMORY.")
# Words the drafter puts before a campaign value ("CONDITION 64%", "FROM Dr. Mara Kesh").
LABELS = re.compile(r"^(condition|status|location|health|hull|armor|from|to|session) ")


@pytest.fixture(scope="module")
def sample() -> Campaign:
    return load_campaign(sample_campaign_path())


def _folded(text: str) -> str:
    """Lower case, Markdown marks and YAML quotes dropped, whitespace folded."""
    text = re.sub(r"[*_#>`\"]", " ", text.casefold())
    return " ".join(text.split())


@pytest.fixture(scope="module")
def corpus() -> str:
    """Every text of the sample campaign's files (its YAML and Markdown), folded."""
    root = sample_campaign_path()
    paths = sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.md"))
    return " ".join(_folded(p.read_text(encoding="utf-8")) for p in paths)


def _phrases(reply: str) -> list[str]:
    """The reply's phrases: its parts between commas, colons and full stops."""
    parts = re.split(r"[,:;]\s|\.\s|\.$|\n|[?!]\s?", reply)
    return [p.strip() for p in parts if p.strip()]


def _quoted(phrase: str, corpus: str) -> bool:
    """A phrase is the campaign's own: as written, or a label before a value as written."""
    said = _folded(LABELS.sub("", phrase.casefold()))
    if said in corpus:
        return True
    numbers = re.fullmatch(r"(\d+)(?:%|/(\d+))?", said)  # "64%", "38/55" from ship.yaml
    return numbers is not None and all(n in corpus.split() for n in numbers.groups() if n)


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_a_question_about_the_campaign_is_answered_from_it(
    sample: Campaign, corpus: str, question: str, expected: tuple[str, ...]
) -> None:
    reply = draft(question, sample, TableState())
    assert not reply.refused
    for part in expected:
        assert part in reply.text
    invented = [p for p in _phrases(reply.text) if not _quoted(p, corpus)]
    assert invented == [], reply.text


def test_twenty_questions() -> None:
    assert len(QUESTIONS) == 20


@pytest.mark.parametrize("question", UNKNOWN)
def test_an_unknown_topic_gets_the_campaigns_refusal(sample: Campaign, question: str) -> None:
    reply = draft(question, sample, TableState())
    assert reply.refused
    assert reply.text in REFUSALS
    assert reply.passages == ()


def test_a_system_is_quoted_with_the_status_the_gm_set(sample: Campaign) -> None:
    state = TableState(ship={"engines": SystemOverride(status="CRITICAL", condition=12)})
    reply = draft("How are the engines?", sample, state)
    assert "ENGINES: CRITICAL, CONDITION 12%." in reply.text
    assert "STRESSED" not in reply.text
    assert "THRUSTER" not in reply.text  # the campaign's text describes its own status


def test_mail_is_quoted_only_once_the_party_has_seen_it(sample: Campaign) -> None:
    question = "What did the galley hours message say?"
    unseen = draft(question, sample, TableState())
    assert "GALLEY HOURS THIS ROTATION" not in unseen.text
    seen = TableState(read_mail=frozenset({mail_key("lantern_station", "ls_msg_006")}))
    reply = draft(question, sample, seen)
    assert "GALLEY HOURS THIS ROTATION, FROM STATION SERVICES" in reply.text


def test_an_npc_is_never_quoted_from_the_gms_description(sample: Campaign) -> None:
    found = retrieve("Dr. Mara Kesh bore shaft listen properly", sample, TableState(), 10)
    assert found
    assert all("listen properly" not in p.text.casefold() for p in found)


def test_a_room_status_is_the_tables(sample: Campaign) -> None:
    base = draft("Describe Cold Storage", sample, TableState())
    assert "COLD STORAGE, LANTERN STATION: WARNING" in base.text
    hazard = LocationState("", room_status={"cold_storage": "HAZARD"})
    state = TableState(locations={"lantern_station": hazard})
    assert "COLD STORAGE, LANTERN STATION: HAZARD" in draft("Cold Storage?", sample, state).text


def test_the_quote_check_finds_an_invented_phrase(corpus: str) -> None:
    assert _quoted("Lio Farrant", corpus)
    assert not _quoted("Lio Farrant is a traitor", corpus)
    assert not _quoted("Medbay Seven", corpus)


def test_a_campaign_without_charon_yaml_refuses_with_no_data(tmp_path: Path) -> None:
    (tmp_path / "campaign").mkdir()
    bare = load_campaign(tmp_path)
    reply = draft("Status of the engines?", bare, TableState())
    assert (reply.text, reply.refused) == ("NO DATA.", True)


def test_lower_case_voice_keeps_the_campaigns_spelling(sample: Campaign) -> None:
    quiet = replace(sample, voice=replace(sample.voice, uppercase=False))
    assert "Dr. Mara Kesh" in draft("Who is Dr. Kesh?", quiet, TableState()).text


@settings(max_examples=150, deadline=None)
@given(question=st.text(max_size=300))
def test_any_question_gets_a_reply_a_display_can_show(sample: Campaign, question: str) -> None:
    reply = draft(question, sample, TableState())
    assert reply.text.strip()
    assert check_str(reply.text, "content", MAX_MESSAGE, lines=True) == reply.text


def test_control_and_bidi_characters_of_the_campaign_never_reach_a_draft(tmp_path: Path) -> None:
    (tmp_path / "campaign").mkdir()
    (tmp_path / "campaign" / "ship.yaml").write_text(
        'ship:\n  name: "Tug"\n  systems:\n    engines:\n      status: ONLINE\n'
        '      info: "Burn\\tlimit 70%.\\u202e Bell cracked.\\u0007"\n',
        encoding="utf-8",
    )
    reply = draft("engines?", load_campaign(tmp_path), TableState())
    assert reply.text == "ENGINES: ONLINE, CONDITION 100%. BURN LIMIT 70%. BELL CRACKED."
    assert check_str(reply.text, "content", MAX_MESSAGE, lines=True) == reply.text


def test_a_reply_quotes_only_the_lines_that_match_the_question(sample: Campaign) -> None:
    """The walk's question: the session log's matching line, never its unrelated neighbour."""
    reply = draft("What happened to the station crew?", sample, TableState()).text
    assert "FOUND ELEVEN STATION CREW" in reply
    assert "OFFERED TEA" not in reply  # shares one word ("crew") of the two asked


def test_a_question_naming_someone_is_answered_about_them(sample: Campaign, corpus: str) -> None:
    """A name in the question is enough to quote what the campaign says of it (a walk-through's
    "What happened to the Kesh survey team?" got NO DATA: no passage held two of its terms)."""
    reply = draft("What happened to the Kesh survey team?", sample, TableState())
    assert not reply.refused, reply.text
    assert "KESH" in reply.text.upper()
    invented = [p for p in _phrases(reply.text) if not _quoted(p, corpus)]
    assert invented == [], reply.text
