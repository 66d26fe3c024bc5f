"""Image references of a campaign (portraits, backgrounds), resolved to files inside it."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from desktop.campaign.links import inside
from desktop.campaign.problems import ProblemLog

BACKGROUND_SUFFIXES: tuple[str, ...] = (".png", ".jpg", ".jpeg", ".webp")
_OLD_URL_PREFIX = "/data/"


class ImageRef:
    """Resolves image paths written in a campaign to existing files inside its folder.

    Accepts paths relative to the campaign folder or to its `campaign/` folder, and the old
    system's URLs under `/data/`. Nothing outside the folder is ever returned (no `..`
    escapes, no absolute paths, no links leading out: those are reported).
    """

    def __init__(self, root: Path, log: ProblemLog) -> None:
        self.root = root.resolve()
        self.log = log

    def resolve(self, written: str) -> tuple[Path | None, str]:
        """(the image file, "") or (None, why not) for a path as the campaign wrote it."""
        text = written.strip()
        if "://" in text or text.startswith("data:"):
            return None, f"{written!r} is a URL, not an image file in the campaign folder"
        if text.startswith(_OLD_URL_PREFIX):
            text = unquote(text[len(_OLD_URL_PREFIX) :])
        elif text.startswith(("/", "\\")) or Path(text).is_absolute():
            return None, f"{written!r} is outside the campaign folder"
        relative = PurePosixPath(text.replace("\\", "/"))
        if ".." in relative.parts:
            return None, f"{written!r} is outside the campaign folder"
        led_out = False
        for candidate in self._candidates(relative):
            if candidate.is_file():
                if inside(candidate, self.log):
                    return candidate.resolve(), ""
                led_out = True
        if led_out:
            return None, f"{written!r} leads outside the campaign folder"
        return None, f"image file not found: {written}"

    def _candidates(self, relative: PurePosixPath) -> list[Path]:
        parts = relative.parts
        found: list[Path] = []
        tails = [parts]
        if len(parts) > 1 and parts[0] == self.root.name:  # "/data/<campaign folder>/..."
            tails.append(parts[1:])
        for tail in tails:
            found.extend(base.joinpath(*tail) for base in (self.root, self.root / "campaign"))
        return found


def background_beside(deck_file: Path, log: ProblemLog) -> Path | None:
    """The map image with the deck file's name (png, jpg, webp), if there is one inside."""
    for suffix in BACKGROUND_SUFFIXES:
        path = deck_file.with_suffix(suffix)
        if path.is_file() and inside(path, log):
            return path.resolve()
    return None
