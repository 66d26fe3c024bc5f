"""Ship-computer drafts in the store: queue, approve (as is or edited), reject, undo, rows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.campaign.model import Campaign
from desktop.model.actions import (
    ApproveDraft,
    CharonSend,
    ClearConversation,
    DismissQuestion,
    QueueDraft,
    RejectDraft,
    SetCharonMode,
    SubmitQuestion,
    SwitchView,
)
from desktop.model.errors import NotFound
from desktop.model.state import CharonDraft
from desktop.model.store import Store
from desktop.storage.persistence import StateFile
from tests.model.factory import build_campaign


@pytest.fixture
def campaign(tmp_path: Path) -> Campaign:
    return build_campaign(tmp_path / "campaign")


def _asked(store: Store) -> str:
    store.dispatch(SwitchView("BRIDGE"))
    store.dispatch(SetCharonMode("QUERY"))
    store.dispatch(SubmitQuestion("bridge", "Is the reactor stable?"), actor="player")
    return str(store.last_reply["query_id"])


def _queued(store: Store, query_id: str = "", content: str = "REACTOR NOMINAL.") -> str:
    store.dispatch(QueueDraft("bridge", content, query_id))
    return str(store.last_reply["pending_id"])


def test_a_queued_draft_waits_and_is_not_undone(campaign: Campaign) -> None:
    store = Store(campaign)
    query_id = _asked(store)
    label = store.undo_label
    pending_id = _queued(store, query_id)
    [draft] = store.state.charon.drafts["bridge"]
    assert (draft.id, draft.query_id, draft.content) == (pending_id, query_id, "REACTOR NOMINAL.")
    assert store.undo_label == label  # a draft arriving is not the GM's change


def test_approve_answers_the_question_and_undo_brings_the_draft_back(campaign: Campaign) -> None:
    store = Store(campaign)
    query_id = _asked(store)
    pending_id = _queued(store, query_id)
    store.dispatch(ApproveDraft("bridge", pending_id, "REACTOR STABLE. FOR NOW."))
    question, answer = store.state.charon.conversations["bridge"]
    assert (answer.content, answer.in_reply_to, question.pending) == (
        "REACTOR STABLE. FOR NOW.",
        query_id,
        False,
    )
    assert store.state.charon.drafts == {}
    store.undo()
    assert [e.id for e in store.state.charon.conversations["bridge"]] == [query_id]
    assert store.state.charon.conversations["bridge"][0].pending
    assert [d.id for d in store.state.charon.drafts["bridge"]] == [pending_id]


def test_reject_and_undo(campaign: Campaign) -> None:
    store = Store(campaign)
    pending_id = _queued(store)
    store.dispatch(RejectDraft("bridge", pending_id))
    assert store.state.charon.drafts == {}
    store.undo()
    assert [d.id for d in store.state.charon.drafts["bridge"]] == [pending_id]


def test_unknown_drafts_are_not_found(campaign: Campaign) -> None:
    store = Store(campaign)
    for action in (ApproveDraft("bridge", "nope"), RejectDraft("bridge", "nope")):
        with pytest.raises(NotFound):
            store.dispatch(action)
    with pytest.raises(NotFound):
        store.dispatch(QueueDraft("nowhere", "TEXT"))


def test_a_draft_for_a_question_gone_meanwhile_is_dropped(campaign: Campaign) -> None:
    store = Store(campaign)
    query_id = _asked(store)
    store.dispatch(CharonSend("bridge", "TYPED BY HAND.", query_id))
    before = store.state
    store.dispatch(QueueDraft("bridge", "LATE DRAFT.", query_id))
    assert store.state is before
    other = _asked(store)
    store.dispatch(DismissQuestion("bridge", other))
    store.dispatch(QueueDraft("bridge", "LATE DRAFT.", other))
    assert store.state.charon.drafts == {}


def test_a_dismissed_questions_draft_can_no_longer_be_approved(campaign: Campaign) -> None:
    store = Store(campaign)
    query_id = _asked(store)
    pending_id = _queued(store, query_id)
    store.dispatch(DismissQuestion("bridge", query_id))
    with pytest.raises(NotFound):
        store.dispatch(ApproveDraft("bridge", pending_id))
    assert "bridge" not in store.state.charon.conversations


def test_drafts_are_kept_in_the_state_file(tmp_path: Path, campaign: Campaign) -> None:
    state_file = StateFile(tmp_path / "state.sqlite")
    store = Store(campaign, state_file.load())
    state_file.attach(store)
    query_id = _asked(store)
    store.dispatch(QueueDraft("bridge", "REACTOR NOMINAL.", query_id, "the model timed out"))
    first = _queued(store)
    store.dispatch(RejectDraft("bridge", first))
    state_file.close()
    again = StateFile(tmp_path / "state.sqlite")
    kept = again.load()
    again.close()
    assert kept is not None
    [draft] = kept.charon.drafts["bridge"]
    assert isinstance(draft, CharonDraft)
    assert (draft.query_id, draft.content, draft.note) == (
        query_id,
        "REACTOR NOMINAL.",
        "the model timed out",
    )


def test_a_question_answered_by_hand_or_dismissed_loses_its_draft(campaign: Campaign) -> None:
    store = Store(campaign)
    answered = _asked(store)
    _queued(store, answered)
    dismissed = _asked(store)
    _queued(store, dismissed)
    from_prompt = _queued(store)
    store.dispatch(CharonSend("bridge", "TYPED BY HAND.", answered))
    assert [d.query_id for d in store.state.charon.drafts["bridge"]] == [dismissed, ""]
    store.dispatch(DismissQuestion("bridge", dismissed))
    assert [d.id for d in store.state.charon.drafts["bridge"]] == [from_prompt]
    store.undo()
    assert [d.query_id for d in store.state.charon.drafts["bridge"]] == [dismissed, ""]


def test_clearing_a_conversation_drops_its_questions_drafts(campaign: Campaign) -> None:
    store = Store(campaign)
    _queued(store, _asked(store))
    from_prompt = _queued(store)
    store.dispatch(ClearConversation("bridge"))
    assert [d.id for d in store.state.charon.drafts["bridge"]] == [from_prompt]


def test_an_entry_saved_before_drafted_was_kept_reads_as_not_drafted() -> None:
    from desktop.model.codec import entry_in, entry_out

    old = ["q1", "player", "Is the reactor safe?", 1.0, "", True]
    entry = entry_in(old)
    assert entry.pending and not entry.drafted
    assert entry_in(entry_out(replace(entry, drafted=True))).drafted
