"""Session logs: campaign/sessions/*.md with front matter."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.folders import files
from desktop.campaign.markdown import body_blocks
from desktop.campaign.model import SessionLog, frozen_map
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap, read_front_matter

_KEYS = ("session_number", "date", "title")


def read_sessions(campaign_dir: Path, log: ProblemLog) -> tuple[SessionLog, ...]:
    """The session logs, by session number then file name."""
    found = (read_session(path, log) for path in files(campaign_dir / "sessions", log, (".md",)))
    logs = [session for session in found if session is not None]
    return tuple(sorted(logs, key=lambda s: (s.session_number, s.file)))


def read_session(path: Path, log: ProblemLog) -> SessionLog | None:
    """One session log; without a front matter it is still read (title from the file name)."""
    found = read_front_matter(path, log, "a session log")
    if found is None:
        return None
    data, body = found
    fields = Fields(data if data is not None else YamlMap(2), log.rel(path), log)
    return SessionLog(
        file=fields.file,
        session_number=fields.integer("session_number", 0),
        date=fields.text("date"),
        title=fields.text("title", path.stem.replace("_", " ")),
        body=body_blocks(body),
        extra=frozen_map(fields.extra(_KEYS)),
    )
