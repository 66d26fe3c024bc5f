"""Listing campaign folders: sorted, hidden entries skipped, unreadable folders reported.

A folder that leads outside the campaign folder is not listed; a linked file is listed when it
stays inside (see links.py); linked folders are never walked into (nothing loops).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from desktop.campaign.links import inside
from desktop.campaign.problems import ProblemLog


def _entries(folder: Path, log: ProblemLog) -> list[os.DirEntry[str]]:
    """Visible entries (not starting with "."), by name; an unreadable folder is a problem."""
    if not inside(folder, log):
        return []
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
    """Visible subfolders; links are not followed (nothing loops), those leading out reported."""
    found: list[Path] = []
    for entry in _entries(folder, log):
        if entry.is_symlink():
            if entry.is_dir():  # not walked; one leading out is reported
                inside(folder / entry.name, log)
        elif entry.is_dir():
            found.append(folder / entry.name)
    return found


def files(folder: Path, log: ProblemLog, suffixes: Iterable[str]) -> list[Path]:
    """Visible files whose suffix (any letter case) is one of `suffixes`; links not followed."""
    wanted = tuple(suffixes)
    return [
        folder / entry.name
        for entry in _entries(folder, log)
        if entry.name.lower().endswith(wanted)
        and entry.is_file()
        and (not entry.is_symlink() or inside(folder / entry.name, log))
    ]


def files_below(folder: Path, log: ProblemLog, suffixes: Iterable[str]) -> list[Path]:
    """Like `files`, in the folder and every visible subfolder, depth first by name."""
    wanted = tuple(suffixes)
    found = files(folder, log, wanted)
    for sub in subfolders(folder, log):
        found.extend(files_below(sub, log, wanted))
    return found
