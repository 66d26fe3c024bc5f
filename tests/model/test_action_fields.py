"""An action's body is read from its dataclass fields: what a new action gets by declaring."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

import pytest

from desktop.campaign.model import Campaign
from desktop.model.actions import Action, ActionContext
from desktop.model.actions.fields import Alias, MaxLen, Range
from desktop.model.errors import InvalidInput
from desktop.model.state import TableState


@dataclass(frozen=True, slots=True)
class Dim(Action):
    """A made-up write with one field of each kind a new action is likely to declare."""

    level: Annotated[int, Range(0, 10)]
    mood: Literal["calm", "tense"] = "calm"
    note: Annotated[str, Alias("note_text"), MaxLen(5)] = ""
    fade: int | None = None

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        return state


def test_fields_with_defaults_are_optional_and_aliases_read_the_wire_name() -> None:
    assert Dim.from_body({"level": 3}) == Dim(3)
    assert Dim.from_body({"level": 0, "mood": "tense", "note_text": "hi", "fade": None}) == Dim(
        0, "tense", "hi", None
    )
    assert Dim.from_body({"level": 1, "note": "ignored"}).note == ""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "missing field 'level'"),
        ({"level": None}, "missing field 'level'"),
        ({"level": 11}, "field 'level' must be between 0 and 10"),
        ({"level": True}, "field 'level' must be an integer"),
        ({"level": 1, "mood": "sad"}, "field 'mood' must be one of calm, tense (got 'sad')"),
        ({"level": 1, "note_text": "toolong"}, "field 'note_text' is too long (at most 5"),
        ({"level": 1, "fade": "1"}, "field 'fade' must be an integer"),
    ],
)
def test_every_refusal_names_the_field_in_one_format(body: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        Dim.from_body(body)
    assert str(refused.value).startswith(message)


def test_a_field_type_without_a_reader_is_a_programming_error() -> None:
    @dataclass(frozen=True, slots=True)
    class Odd(Action):
        ratio: complex

    with pytest.raises(TypeError, match="no body reader"):
        Odd.from_body({"ratio": 0.5})
