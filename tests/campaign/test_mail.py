"""Mail in both layouts: messages, terminals with inbox and sent, front matter problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.campaign import load_campaign
from desktop.campaign.model import Campaign

COMMS = "galaxy/s/comms"


@pytest.fixture
def campaign(full_campaign: Path) -> Campaign:
    return load_campaign(full_campaign)


def test_message_fields(campaign: Campaign) -> None:
    m1, m2 = campaign.locations["orbital"].messages
    assert (m1.message_id, m1.timestamp, m1.priority, m1.subject) == (
        "m1",
        "2183-06-01 08:00:00",
        "HIGH",
        "Samples",
    )
    assert (m1.sender, m1.recipient, m1.conversation_id, m1.in_reply_to, m1.read) == (
        "Lab Tech",
        "Dr. Vex",
        "c1",
        "",
        True,
    )
    assert m1.file == "galaxy/sol/earth/orbital/comms/messages/001.md"
    # an unquoted timestamp is kept exactly as written
    assert (m2.timestamp, m2.in_reply_to, m2.read) == ("2183-06-01 09:30:00", "m1", False)


def test_raw_html_in_a_body_is_literal_text(campaign: Campaign) -> None:
    (block,) = campaign.locations["orbital"].messages[0].body
    assert [(s.text, s.marks) for s in block.spans] == [
        ("The samples are ", ()),
        ("ready", ("strong",)),
        (".\n<script>alert(1)</script>", ()),
    ]


def test_terminal_inbox_and_sent_follow_the_owner(campaign: Campaign) -> None:
    orbital = campaign.locations["orbital"]
    ops = orbital.terminal("ops")
    lab = orbital.terminal("lab")
    assert ops is not None and lab is not None
    assert (ops.name, ops.owner, ops.terminal_id, ops.access_level, ops.description) == (
        "Ops Console",
        "Dr. Vex",
        "OPS-1",
        "RESTRICTED",
        "Operations console",
    )
    assert [m.message_id for m in ops.inbox] == ["m1"]
    assert [m.message_id for m in ops.sent] == ["m2"]
    assert [m.message_id for m in lab.inbox] == ["m2"]  # "to: Lab Tech, Security"
    assert [m.message_id for m in lab.sent] == ["m1"]
    assert lab.name == "lab" and lab.access_level == "CLASSIFIED"


def test_older_layout_folders_say_inbox_and_sent(campaign: Campaign) -> None:
    outpost = campaign.locations["outpost"]
    (jones,) = outpost.terminals
    assert [m.message_id for m in jones.inbox] == ["o1"]
    assert [m.message_id for m in jones.sent] == ["o2"]
    assert [m.message_id for m in outpost.messages] == ["o1", "o2"]
    assert jones.inbox[0].file == "galaxy/sol/outpost/comms/jones/inbox/smith/001.md"


def test_older_layout_copies_count_once(builder) -> None:
    builder.location("s", "S")
    front = 'timestamp: "2183-05-01 10:00:00"\nsubject: Hi\nfrom: A\nto: B\nmessage_id: x1\n'
    builder.write(f"{COMMS}/a/terminal.yaml", "owner: A\n")
    builder.write(f"{COMMS}/b/terminal.yaml", "owner: B\n")
    builder.message(f"{COMMS}/a/sent/b/1.md", front)
    builder.message(f"{COMMS}/b/inbox/a/1.md", front)
    campaign = load_campaign(builder.root)
    location = campaign.locations["s"]
    assert [m.message_id for m in location.messages] == ["x1"]
    a, b = location.terminals
    assert len(a.sent) == 1 and len(b.inbox) == 1 and not a.inbox and not b.sent
    assert campaign.problems == ()


def test_older_layout_mail_reaches_the_recipients_terminal(builder) -> None:
    """A message only in A's sent/ (no copy in B's inbox/) shows in B's inbox: `to` names B."""
    builder.location("s", "S")
    builder.write(f"{COMMS}/a/terminal.yaml", "owner: A\n")
    builder.write(f"{COMMS}/b/terminal.yaml", "owner: B\n")
    builder.write(f"{COMMS}/c/terminal.yaml", "owner: C\n")
    builder.message(
        f"{COMMS}/a/sent/b/1.md",
        'timestamp: "2183-05-01 10:00:00"\nsubject: Hi\nfrom: A\nto: B; C\nmessage_id: x1\n',
    )
    builder.message(
        f"{COMMS}/b/inbox/z/2.md",  # from someone without a terminal
        'timestamp: "2183-05-01 11:00:00"\nsubject: Yo\nfrom: Z\nto: B\nmessage_id: x2\n',
    )
    campaign = load_campaign(builder.root)
    a, b, c = campaign.locations["s"].terminals
    assert [m.message_id for m in a.sent] == ["x1"] and not a.inbox
    assert [m.message_id for m in b.inbox] == ["x1", "x2"] and not b.sent
    assert [m.message_id for m in c.inbox] == ["x1"] and not c.sent
    assert campaign.problems == ()


def test_messages_sorted_by_time(builder) -> None:
    builder.location("s", "S")
    builder.write(f"{COMMS}/t/terminal.yaml", "owner: T\n")
    for name, stamp in (("a", "2183-01-03 00:00:00"), ("b", "2183-01-01 00:00:00")):
        builder.message(
            f"{COMMS}/messages/{name}.md",
            f'timestamp: "{stamp}"\nsubject: S\nfrom: X\nto: t\nmessage_id: {name}\n',
        )
    location = load_campaign(builder.root).locations["s"]
    assert [m.message_id for m in location.messages] == ["b", "a"]
    assert [m.message_id for m in location.terminals[0].inbox] == ["b", "a"]  # owner: any case


def test_front_matter_problems(builder) -> None:
    builder.location("s", "S")
    builder.write(f"{COMMS}/messages/01_none.md", "Just text, no front matter.\n")
    builder.write(f"{COMMS}/messages/02_broken.md", "---\nsubject: [oops\n---\nBody\n")
    builder.write(f"{COMMS}/messages/03_list.md", "---\n- a\n- b\n---\nBody\n")
    builder.write(f"{COMMS}/messages/03b_comment.md", "---\n# nothing\n---\nBody\n")
    builder.message(
        f"{COMMS}/messages/04_partial.md",
        "subject: Hi\nfrom: A\npriority: URGENT\ntimestamp: 2183-13-01\nread: maybe\n",
    )
    builder.message(
        f"{COMMS}/messages/05_dup.md",
        'timestamp: "2183-01-01 00:00:00"\nsubject: S\nfrom: A\nto: B\nmessage_id: 04_partial\n',
    )
    file = f"{COMMS}/messages/"
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        f"{file}01_none.md:1: no front matter: a message starts with a --- block of YAML",
        f"{file}02_broken.md:3: YAML syntax error: did not find expected ',' or ']'",
        f"{file}03_list.md:2: the front matter must be a mapping of keys and values",
        f"{file}03b_comment.md:2: the front matter must be a mapping of keys and values",
        f"{file}04_partial.md:2: missing to",
        f"{file}04_partial.md:2: missing message_id",
        f"{file}04_partial.md:4: priority 'URGENT' is not one of LOW, NORMAL, HIGH, CRITICAL",
        f"{file}04_partial.md:5: timestamp '2183-13-01' is not YYYY-MM-DD HH:MM:SS",
        f"{file}04_partial.md:6: read must be true or false, not 'maybe'",
        f"{file}05_dup.md:6: duplicate message_id '04_partial' (also {file}04_partial.md)",
    ]
    (partial,) = load_campaign(builder.root).locations["s"].messages
    assert (partial.message_id, partial.priority, partial.recipient) == ("04_partial", "NORMAL", "")


def test_terminal_yaml_problems(builder) -> None:
    builder.location("s", "S")
    builder.write(f"{COMMS}/a/terminal.yaml", "terminal_id: A\naccess_level: SECRET\n")
    builder.write(f"{COMMS}/b/terminal.yaml", "owner: [x\n")
    builder.write(f"{COMMS}/c/inbox/x/1.md", "no front matter\n")
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        f"{COMMS}/a/terminal.yaml:1: missing owner",
        f"{COMMS}/a/terminal.yaml:2: access_level 'SECRET' is not one of PUBLIC, RESTRICTED, "
        "CLASSIFIED",
        f"{COMMS}/b/terminal.yaml:2: YAML syntax error: did not find expected ',' or ']'",
        f"{COMMS}/c/inbox/x/1.md:1: no front matter: a message starts with a --- block of YAML",
    ]
    terminals = load_campaign(builder.root).locations["s"].terminals
    assert [(t.slug, t.access_level, t.owner) for t in terminals] == [
        ("a", "PUBLIC", ""),
        ("b", "PUBLIC", ""),
        ("c", "PUBLIC", ""),
    ]


def test_messages_named_by_a_yaml_list(builder) -> None:
    builder.location("s", "S")
    builder.write(f"{COMMS}/t/terminal.yaml", "owner: Kim\n")
    builder.message(
        f"{COMMS}/messages/1.md",
        'timestamp: "2183-01-01 00:00:00"\nsubject: S\nfrom: X\nto: [Lee, Kim]\nmessage_id: a\n',
    )
    (terminal,) = load_campaign(builder.root).locations["s"].terminals
    assert [m.recipient for m in terminal.inbox] == ["Lee, Kim"]


def test_many_terminals_find_their_owners_mail_in_any_letter_case(builder) -> None:
    """200 terminals and 2,000 messages: each inbox and sent list holds exactly its own."""
    builder.location("s", "S")
    for t in range(200):
        builder.write(f"{COMMS}/t{t:03d}/terminal.yaml", f"owner: Owner {t}\n")
    for i in range(2_000):
        sender, to = f"OWNER {i % 200}", f" owner {(i + 1) % 200} ; Nobody"
        builder.message(
            f"{COMMS}/messages/{i}.md",
            f'timestamp: "2183-01-01 00:00:00"\nsubject: S\nfrom: {sender}\nto: "{to}"\n'
            f"message_id: m{i}\n",
        )
    terminals = load_campaign(builder.root).locations["s"].terminals
    assert len(terminals) == 200
    for t, terminal in enumerate(terminals):
        assert sorted(m.message_id for m in terminal.sent) == sorted(
            f"m{i}" for i in range(t, 2_000, 200)
        )
        assert sorted(m.message_id for m in terminal.inbox) == sorted(
            f"m{i}" for i in range((t - 1) % 200, 2_000, 200)
        )
