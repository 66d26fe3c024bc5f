"""Problems found while reading a campaign, and the error for a folder that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.campaign.model import Problem


class CampaignError(Exception):
    """The campaign folder itself cannot be read (missing, not a folder, not a campaign)."""


class ProblemLog:
    """Collects `FILE:LINE: message` problems with paths relative to the campaign folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._prefix = str(root).rstrip(os.sep) + os.sep
        self._problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        """The path relative to the campaign folder, with forward slashes."""
        text = str(path)
        if text.startswith(self._prefix):  # much cheaper than Path.relative_to, called often
            text = text[len(self._prefix) :]
        return text.replace(os.sep, "/")

    def add(self, file: str | Path, line: int, message: str) -> None:
        """Record one problem; `file` is a campaign-relative string or a path inside the root."""
        name = self.rel(file) if isinstance(file, Path) else file
        self._problems.append(Problem(name, max(line, 0), message))

    def sorted(self) -> tuple[Problem, ...]:
        """Every problem so far, by file and line (messages of one line in the order found)."""
        return tuple(sorted(self._problems, key=lambda p: (p.file, p.line)))

    def __len__(self) -> int:
        return len(self._problems)
