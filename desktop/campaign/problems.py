"""Problems found while reading a campaign, and the error for a folder that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.campaign.model import Problem


class CampaignError(Exception):
    """The campaign folder itself cannot be read (missing, not a folder, not a campaign)."""


MAX_LISTED = 100  # problems listed per file; the rest of that file's problems are counted


class ProblemLog:
    """Collects `FILE:LINE: message` problems with paths relative to the campaign folder.

    At most MAX_LISTED problems are kept per file; beyond that they are only counted, and one
    closing line says how many more there are (a hostile file cannot flood memory or output).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._prefix = str(root).rstrip(os.sep) + os.sep
        self._problems: list[Problem] = []
        self._per_file: dict[str, int] = {}
        self._unlisted: dict[str, tuple[int, int]] = {}  # file -> (first line unlisted, count)
        self._once: set[Problem] = set()
        self.folders_inside: dict[Path, bool] = {}  # folders resolved so far (see links.py)

    def rel(self, path: Path) -> str:
        """The path relative to the campaign folder, with forward slashes."""
        text = str(path)
        if text.startswith(self._prefix):  # much cheaper than Path.relative_to, called often
            text = text[len(self._prefix) :]
        return text.replace(os.sep, "/")

    def add(self, file: str | Path, line: int, message: str) -> None:
        """Record one problem; `file` is a campaign-relative string or a path inside the root."""
        name = self.rel(file) if isinstance(file, Path) else file
        listed = self._per_file.get(name, 0)
        if listed < MAX_LISTED:
            self._per_file[name] = listed + 1
            self._problems.append(Problem(name, max(line, 0), message))
            return
        first, count = self._unlisted.get(name, (max(line, 0), 0))
        self._unlisted[name] = (first, count + 1)

    def add_once(self, file: str | Path, line: int, message: str) -> None:
        """Record a problem unless the very same one was recorded already."""
        problem = Problem(self.rel(file) if isinstance(file, Path) else file, line, message)
        if problem not in self._once:
            self._once.add(problem)
            self.add(problem.file, line, message)

    def sorted(self) -> tuple[Problem, ...]:
        """Every problem so far, by file and line (messages of one line in the order found);
        a file's count of unlisted problems comes after its listed ones."""
        keyed = [((p.file, 0, p.line), p) for p in self._problems]
        for file, (line, count) in self._unlisted.items():
            message = f"{count:,} more problems in this file are not listed"
            keyed.append(((file, 1, line), Problem(file, line, message)))
        return tuple(problem for _key, problem in sorted(keyed, key=lambda pair: pair[0]))

    def __len__(self) -> int:
        return len(self._problems) + sum(count for _line, count in self._unlisted.values())
