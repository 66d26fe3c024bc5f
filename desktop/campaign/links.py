"""Keeping the campaign reader inside the campaign folder, whatever links it meets.

Every path the reader opens is resolved (each link on the way followed) and must end up inside
the resolved campaign folder; a path that leads out is refused and the link that leads out is
reported once, by its own name (`FILE:0: ...`). Links that stay inside are fine.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop.campaign.problems import ProblemLog


def within(root: Path, path: Path) -> Path | None:
    """`path` with every link followed, if that is inside `root` (resolved); else None.

    A link loop is None (on every Python: 3.13's resolve no longer raises for one).
    """
    try:
        resolved = Path(os.path.realpath(path, strict=True))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None
        resolved = Path(os.path.realpath(path))  # missing or unreadable: where it would be
    except (RuntimeError, ValueError):
        return None
    return resolved if resolved.is_relative_to(os.path.realpath(root)) else None


def inside(path: Path, log: ProblemLog) -> bool:
    """True if `path` (a path under the campaign folder) resolves inside it; else the link
    that leads out is reported and False.

    Folders are resolved once each (cached in the log); a path that is not itself a link is
    then inside exactly when its folder is.
    """
    if not _folder_inside(path.parent, log):
        return False
    if not path.is_symlink():
        return True
    if within(log.root, path) is not None:
        return True
    _report(path, log)
    return False


def _folder_inside(folder: Path, log: ProblemLog) -> bool:
    known = log.folders_inside.get(folder)
    if known is None:
        known = within(log.root, folder) is not None
        log.folders_inside[folder] = known
        if not known:
            _report(folder, log)
    return known


def _report(path: Path, log: ProblemLog) -> None:
    """Report the first link on the way from the campaign folder to `path` that leads out."""
    try:
        parts = path.relative_to(log.root).parts
    except ValueError:
        parts = ()
    current = log.root
    for part in parts:
        current = current / part
        if current.is_symlink() and within(log.root, current) is None:
            break
    else:
        current = path
    target = os.path.realpath(current)
    if Path(target).is_relative_to(log.root):  # inside, yet not resolvable: a loop
        log.add_once(current, 0, "a link that leads back to itself (a loop): not read")
    else:
        log.add_once(
            current, 0, f"a link leading outside the campaign folder (to {target}): not read"
        )
