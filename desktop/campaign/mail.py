"""Mail of a location's `comms/` folder: messages, terminals and their inbox and sent mail."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.folders import files, files_below, subfolders
from desktop.campaign.markdown import body_blocks
from desktop.campaign.model import PRIORITIES, Message, Terminal
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlList, YamlMap, parse_yaml, read_front_matter, read_text

ACCESS_LEVELS: tuple[str, ...] = ("PUBLIC", "RESTRICTED", "CLASSIFIED")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
_SEPARATORS = re.compile(r"[,;]")


def read_comms(comms: Path, log: ProblemLog) -> tuple[tuple[Terminal, ...], tuple[Message, ...]]:
    """(terminals, every message once) of a comms folder, in both mail layouts.

    Every terminal shows, besides the files in its own inbox/ and sent/ (older layout), each
    message of the folder whose `to` (inbox) or `from` (sent) names its owner: mail a terminal
    of the older layout sent reaches the recipient's terminal too.
    """
    messages = _read_messages(files(comms / "messages", log, (".md",)), log, check_ids=True)
    everything = {m.message_id: m for m in messages}
    folders: list[tuple[Path, list[Message], list[Message]]] = []
    for folder in subfolders(comms, log):
        if folder.name == "messages":
            continue
        inbox = _read_messages(files_below(folder / "inbox", log, (".md",)), log)
        sent = _read_messages(files_below(folder / "sent", log, (".md",)), log)
        folders.append((folder, inbox, sent))
        for message in (*inbox, *sent):
            everything.setdefault(message.message_id, message)
    pool = _People(everything.values())
    terminals = tuple(_terminal(folder, pool, inbox, sent, log) for folder, inbox, sent in folders)
    return terminals, _chronological(everything.values())


class _People:
    """The messages of a comms folder by each person named in `to` and in `from` (any letter
    case), built once: a terminal finds its owner's mail without scanning every message."""

    def __init__(self, messages: Iterable[Message]) -> None:
        self.to: dict[str, list[Message]] = {}
        self.sent_by: dict[str, list[Message]] = {}
        for message in messages:
            for person in _persons(message.recipient):
                self.to.setdefault(person, []).append(message)
            for person in _persons(message.sender):
                self.sent_by.setdefault(person, []).append(message)


def _persons(people: str) -> set[str]:
    return {part.strip().casefold() for part in _SEPARATORS.split(people) if part.strip()}


def _terminal(
    folder: Path, pool: _People, inbox: list[Message], sent: list[Message], log: ProblemLog
) -> Terminal:
    """A terminal: terminal.yaml, its own mail files, plus the messages that name its owner."""
    path = folder / "terminal.yaml"
    data = parse_yaml(read_text(path, log) or "", log.rel(path), log) if path.is_file() else None
    fields = Fields(data if isinstance(data, YamlMap) else YamlMap(1), log.rel(path), log)
    if data is not None and not isinstance(data, YamlMap):
        fields.problem(None, "terminal.yaml must be a mapping of owner, terminal_id, ...")
    if isinstance(data, YamlMap) and not fields.has("owner"):
        fields.problem(None, "missing owner")
    owner = fields.text("owner")
    return Terminal(
        slug=folder.name,
        name=fields.text("name", folder.name),
        owner=owner,
        terminal_id=fields.text("terminal_id", folder.name),
        access_level=fields.choice("access_level", ACCESS_LEVELS, "PUBLIC"),
        description=fields.text("description"),
        inbox=_merged(inbox, pool.to.get(owner.strip().casefold(), ())),
        sent=_merged(sent, pool.sent_by.get(owner.strip().casefold(), ())),
    )


def _merged(own: list[Message], addressed: Iterable[Message]) -> tuple[Message, ...]:
    """A terminal's own files and the messages addressed to (or from) its owner, each once."""
    found = {m.message_id: m for m in own}
    for message in addressed:
        found.setdefault(message.message_id, message)
    return _chronological(found.values())


def _chronological(messages: Iterable[Message]) -> tuple[Message, ...]:
    """Oldest first (timestamps as written sort by time), then by file."""
    return tuple(sorted(messages, key=lambda m: (m.timestamp, m.file)))


def _read_messages(paths: list[Path], log: ProblemLog, check_ids: bool = False) -> list[Message]:
    seen: dict[str, str] | None = {} if check_ids else None
    found = (read_message(path, log, seen) for path in paths)
    return [message for message in found if message is not None]


def read_message(path: Path, log: ProblemLog, seen: dict[str, str] | None = None) -> Message | None:
    """One message file; None (and a problem) without a readable front matter.

    With `seen` (message_id -> file so far), a repeated message_id is a problem and skipped.
    """
    found = read_front_matter(path, log, "a message")
    if found is None or found[0] is None:
        return None
    fields = Fields(found[0], log.rel(path), log)
    timestamp = _checked_timestamp(fields)
    message_id = fields.text("message_id", path.stem)
    if seen is not None and _repeated(fields, message_id, seen):
        return None
    return Message(
        message_id=message_id,
        timestamp=timestamp,
        priority=fields.choice("priority", PRIORITIES, "NORMAL"),
        subject=fields.text("subject"),
        sender=_people(fields, "from"),
        recipient=_people(fields, "to"),
        body=body_blocks(found[1]),
        file=fields.file,
        conversation_id=fields.text("conversation_id"),
        in_reply_to=fields.text("in_reply_to"),
        read=fields.flag("read"),
    )


def _checked_timestamp(fields: Fields) -> str:
    """The timestamp, after reporting missing required keys and a malformed timestamp."""
    for key in ("timestamp", "subject", "from", "to", "message_id"):
        if not fields.has(key):
            fields.problem(None, f"missing {key}")
    timestamp = fields.text("timestamp")
    if fields.has("timestamp") and not TIMESTAMP.fullmatch(timestamp):
        fields.problem("timestamp", f"timestamp {timestamp!r} is not YYYY-MM-DD HH:MM:SS")
    return timestamp


def _repeated(fields: Fields, message_id: str, seen: dict[str, str]) -> bool:
    first = seen.setdefault(message_id, fields.file)
    if first != fields.file:
        fields.problem("message_id", f"duplicate message_id {message_id!r} (also {first})")
        return True
    return False


def _people(fields: Fields, key: str) -> str:
    """A `from`/`to` value as text; a YAML list of names becomes "a, b"."""
    value = fields.data.get(key)
    if isinstance(value, YamlList):
        return ", ".join(str(item) for item in value if item is not None)
    return fields.text(key)
