"""Where a file chooser of the map tools opens: the folder the GM last picked a file from
(remembered in the window's settings), else the campaign folder, else the home folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.campaign.sample_path import sample_campaign_path


class Folders(Protocol):
    """The last folder a kind of file was picked from (desktop/ui/window/settings.py)."""

    def last_folder(self, kind: str) -> Path | None: ...
    def remember_folder(self, kind: str, folder: Path) -> None: ...


def start_folder(folders: Folders, kind: str, campaign_root: Path) -> Path:
    last = folders.last_folder(kind)
    if last is not None and last.is_dir():
        return last
    built_in = campaign_root.resolve() == sample_campaign_path().resolve()
    if campaign_root.is_dir() and not built_in:
        return campaign_root
    return Path.home()


def pick_file(
    parent: QWidget,
    title: str,
    filters: str,
    where: tuple[Folders, str, Path],
    chosen: Callable[[Path], object],
) -> QFileDialog:
    """A file chooser opened at start_folder(*where); the picked file's folder is remembered
    before `chosen` gets the file."""
    folders, kind, campaign_root = where
    dialog = QFileDialog(parent, title, str(start_folder(folders, kind, campaign_root)), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

    def picked(name: str) -> None:
        path = Path(name)
        folders.remember_folder(kind, path.parent)
        chosen(path)

    dialog.fileSelected.connect(picked)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
