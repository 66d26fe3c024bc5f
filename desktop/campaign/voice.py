"""The ship computer's voice as campaign/charon.yaml gives it (see docs/charon.md)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_STYLE = (
    "You are the ship's computer. Answer in one to three short, terse lines, in capitals, "
    "like a terminal readout. Use only the facts given; when they do not answer the question, "
    "say NO DATA."
)


@dataclass(frozen=True, slots=True)
class Topic:
    """Canned lines the computer opens with when a question uses one of the topic's phrases."""

    name: str
    match: tuple[str, ...]  # words or phrases, any letter case
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CharonVoice:
    """How the ship computer speaks."""

    name: str = "CHARON"
    style: str = DEFAULT_STYLE  # a language model's instructions
    uppercase: bool = True  # the offline drafter writes its replies in capitals
    max_facts: int = 2  # at most this many matching passages in an offline reply
    max_sentences: int = 2  # of each passage's text, besides its heading
    refusals: tuple[str, ...] = ("NO DATA.",)
    topics: tuple[Topic, ...] = ()


DEFAULT_VOICE = CharonVoice()
