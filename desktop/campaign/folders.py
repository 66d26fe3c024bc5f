"""Listing campaign folders: sorted, hidden entries skipped, unreadable folders reported."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from desktop.campaign.problems import ProblemLog


def _entries(folder: Path, log: ProblemLog) -> list[os.DirEntry[str]]:
    """Visible entries (not starting with "."), by name; an unreadable folder is a problem."""
    try:
        with os.scandir(folder) as found:
            entries = [entry for entry in found if not entry.name.startswith(".")]
    except FileNotFoundError:
        return []
    except OSError as error:
        log.add(folder, 0, f"cannot read the folder: {error.strerror or error}")
        return []
    return sorted(entries, key=lambda entry: entry.name)


def subfolders(folder: Path, log: ProblemLog) -> list[Path]:
    """Visible subfolders; symbolic links are not followed (nothing loops or leads out)."""
    return [
        folder / entry.name
        for entry in _entries(folder, log)
        if entry.is_dir(follow_symlinks=False)
    ]


def files(folder: Path, log: ProblemLog, suffixes: Iterable[str]) -> list[Path]:
    """Visible files whose suffix (any letter case) is one of `suffixes`; links not followed."""
    wanted = tuple(suffixes)
    return [
        folder / entry.name
        for entry in _entries(folder, log)
        if entry.name.lower().endswith(wanted) and entry.is_file(follow_symlinks=False)
    ]


def files_below(folder: Path, log: ProblemLog, suffixes: Iterable[str]) -> list[Path]:
    """Like `files`, in the folder and every visible subfolder, depth first by name."""
    wanted = tuple(suffixes)
    found = files(folder, log, wanted)
    for sub in subfolders(folder, log):
        found.extend(files_below(sub, log, wanted))
    return found
