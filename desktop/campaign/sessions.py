"""Session logs: campaign/sessions/*.md with front matter."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.markdown import body_blocks
from desktop.campaign.model import SessionLog, frozen_map
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap, parse_yaml, read_text, split_front_matter

_KEYS = ("session_number", "date", "title")


def read_sessions(campaign_dir: Path, log: ProblemLog) -> tuple[SessionLog, ...]:
    """The session logs, by session number then file name."""
    folder = campaign_dir / "sessions"
    if not folder.is_dir():
        return ()
    found = (read_session(path, log) for path in sorted(folder.glob("*.md")))
    logs = [session for session in found if session is not None]
    return tuple(sorted(logs, key=lambda s: (s.session_number, s.file)))


def read_session(path: Path, log: ProblemLog) -> SessionLog | None:
    """One session log; without a front matter it is still read (title from the file name)."""
    text = read_text(path, log)
    if text is None:
        return None
    file = log.rel(path)
    parts = split_front_matter(text)
    if parts is None:
        log.add(file, 1, "no front matter: a session log starts with a --- block of YAML")
        parts = ("", text)
    data = parse_yaml(parts[0], file, log, first_line=2) if parts[0].strip() else None
    if data is not None and not isinstance(data, YamlMap):
        log.add(file, 2, "the front matter must be a mapping of session_number, date, title")
    fields = Fields(data if isinstance(data, YamlMap) else YamlMap(2), file, log)
    return SessionLog(
        file=file,
        session_number=fields.integer("session_number", 0),
        date=fields.text("date"),
        title=fields.text("title", path.stem.replace("_", " ")),
        body=body_blocks(parts[1]),
        extra=frozen_map(fields.extra(_KEYS)),
    )
