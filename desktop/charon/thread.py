"""A conversation in reading order: each answer right after the question it answers."""

from __future__ import annotations

from desktop.model.state import CharonEntry


def threaded(entries: tuple[CharonEntry, ...]) -> tuple[CharonEntry, ...]:
    """Each answer right after the question it answers (and its earlier answers), wherever it
    came in the conversation; the rest in the order they came (player_page/js/charon.js does
    the same on the displays)."""
    asked = {e.id for e in entries if e.role == "player"}

    def is_answer(e: CharonEntry) -> bool:
        return e.role != "player" and e.in_reply_to in asked

    answers: dict[str, list[CharonEntry]] = {}
    for e in entries:
        if is_answer(e):
            answers.setdefault(e.in_reply_to, []).append(e)
    return tuple(one for e in entries if not is_answer(e) for one in (e, *answers.get(e.id, ())))
