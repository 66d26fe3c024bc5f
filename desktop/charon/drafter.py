"""The offline drafter: a short reply in the ship computer's voice, only from what it found.

It quotes the campaign's matching passages (their current state from the table) and the
canned lines of charon.yaml; when nothing matches it answers with the campaign's refusal.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.campaign.model import Campaign
from desktop.campaign.voice import CharonVoice
from desktop.charon.passages import Passage, Source, passage, sources
from desktop.charon.search import Index, question_terms, terms
from desktop.model.actions.fields import shown_text
from desktop.model.state import TableState

MAX_REPLY = 900  # characters: a reply is a few lines on a TV
NEAR_BEST = 0.75  # a passage scoring at least this share of the best one is also quoted
COVERAGE = 2  # a quoted passage holds this many of the question's terms (half, if fewer)


@dataclass(frozen=True, slots=True)
class Reply:
    """A drafted reply and the passages it was built from."""

    text: str
    passages: tuple[Passage, ...] = ()
    refused: bool = False


class _Indexed:
    """The last campaign's sources and their index (a campaign is read once, then fixed). One
    tuple, replaced whole: a draft made off the loop never pairs one campaign's sources with
    another's index."""

    last: tuple[Campaign, tuple[Source, ...], Index] | None = None

    @classmethod
    def of(cls, campaign: Campaign) -> tuple[tuple[Source, ...], Index]:
        last = cls.last
        if last is None or last[0] is not campaign:
            found = sources(campaign)
            last = cls.last = (campaign, found, Index([s.words for s in found]))
        return last[1], last[2]


def retrieve(
    question: str, campaign: Campaign, state: TableState, limit: int = 4
) -> tuple[Passage, ...]:
    """The passages that best match the question, as the table has them now (best first)."""
    found, index = _Indexed.of(campaign)
    asked = question_terms(question)
    named = _names(question)
    scores = index.scores(asked)
    ranked = sorted(range(len(found)), key=lambda i: -scores[i])
    best = scores[ranked[0]] if ranked else 0.0
    kept: list[Passage] = []
    for i in ranked:
        if scores[i] <= 0.0 or scores[i] < best * NEAR_BEST or len(kept) >= limit:
            break
        if not _covers(found[i].words, asked, named):
            continue
        now = passage(found[i], campaign, state)
        if now is not None and now not in kept:
            kept.append(now)
    return tuple(kept)


def draft(question: str, campaign: Campaign, state: TableState) -> Reply:
    """The ship computer's offline reply to a question."""
    voice = campaign.voice
    found = retrieve(question, campaign, state, voice.max_facts)
    lines = [*topic_lines(question, voice), *(_quote(p, question, voice) for p in found)]
    if not lines:
        return Reply(_voiced(pick(voice.refusals, question), voice), (), refused=True)
    return Reply(_voiced("\n".join(lines), voice)[:MAX_REPLY], found)


def topic_lines(question: str, voice: CharonVoice) -> tuple[str, ...]:
    """One canned line of each topic the question names (by word or phrase, any case)."""
    said = f" {' '.join(_words(question))} "
    return tuple(
        pick(topic.lines, question)
        for topic in voice.topics
        if any(f" {' '.join(_words(phrase))} " in said for phrase in topic.match)
    )


def pick(options: Sequence[str], question: str) -> str:
    """One of the options, the same one every time for the same question."""
    return options[zlib.crc32(question.encode()) % len(options)]


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


def _names(question: str) -> set[str]:
    """The terms of the names the question gives (capitalised words after its first)."""
    words = question.split()[1:]
    return {t for w in words if w[:1].isupper() for t in terms(w)}


def _covers(words: str, asked: Sequence[str], named: set[str]) -> bool:
    """Whether a passage holds enough of the question's terms to be about what it asks (one
    common word shared with a long session log is not a match for a question naming three),
    or a name the question gives (a person, a place: what it is asked about)."""
    wanted, held = set(asked), set(terms(words))
    return bool(named & held) or len(wanted & held) >= min(COVERAGE, (len(wanted) + 1) // 2)


def _quote(found: Passage, question: str, voice: CharonVoice) -> str:
    """The passage's heading and its sentences that share the most terms with the question
    (sentences sharing fewer are left out; a session log's unrelated lines never come along)."""
    asked = set(question_terms(question))
    shared = [len(asked & set(terms(s))) for s in found.sentences]
    order = sorted(range(len(shared)), key=lambda i: (-shared[i], i))
    top = shared[order[0]] if order else 0
    unrelated = found.kind == "session" and not top  # the log matched by its title only
    best = [i for i in order[: voice.max_sentences] if shared[i] == top and not unrelated]
    return " ".join((found.heading, *(found.sentences[i] for i in sorted(best))))


def _voiced(text: str, voice: CharonVoice) -> str:
    """The reply in the voice's case, with nothing a display could not show."""
    return shown_text(text.upper() if voice.uppercase else text)
