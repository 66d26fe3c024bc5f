"""What a language model is asked: the voice, the retrieved passages and the question."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.campaign.voice import CharonVoice
from desktop.charon.passages import Passage

Message = dict[str, str]


def chat_messages(voice: CharonVoice, question: str, passages: Sequence[Passage]) -> list[Message]:
    """The messages of an OpenAI-compatible chat request: a system one, then the question."""
    facts = "\n".join(f"- {p.text}" for p in passages) or "- (none)"
    refusal = voice.refusals[0]
    system = (
        f"{voice.style}\n\nYou are {voice.name}. Facts from the ship's records:\n{facts}\n\n"
        f"Use only these facts. If they do not answer the question, reply exactly: {refusal}"
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": question}]


def asked(prompt: str, context: str = "") -> str:
    """A GM's prompt with its optional context, as one question."""
    return f"{prompt}\n\n{context}" if context.strip() else prompt
