"""A file the GM drops onto the window, kept as a campaign handout (campaign/handouts/).

Copied there only when the GM shows it, so it survives restarts and is read back like every
other handout (handouts.py); nothing of it is served before that. Pictures (PNG, JPEG, WebP)
are decoded first, with bounds; texts (.txt, .md) must be UTF-8 and short.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from desktop.campaign.handouts import FOLDER, MAX_TEXT

DROPPED_PICTURES: dict[str, str] = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
DROPPED_TEXTS = (".txt", ".md")
MAX_PICTURE_BYTES = 25 * 1024 * 1024
MAX_PICTURE_SIDE = 8192
MAX_TEXT_BYTES = MAX_TEXT * 4  # UTF-8: at most 4 bytes a character


class HandoutRefused(ValueError):
    """A dropped file that cannot be a handout; the message names why."""


def droppable(path: Path) -> bool:
    """Whether the file's kind (by its suffix) may become a handout."""
    suffix = path.suffix.lower()
    return suffix in DROPPED_PICTURES or suffix in DROPPED_TEXTS


def check_dropped(path: Path) -> None:
    """HandoutRefused unless the file is a picture that decodes within bounds or a short
    UTF-8 text."""
    suffix = path.suffix.lower()
    if not droppable(path):
        raise HandoutRefused(f"{path.name}: not a picture (PNG, JPEG, WebP) or a text (.txt, .md)")
    if not path.is_file():
        raise HandoutRefused(f"{path.name}: not a file")
    size = path.stat().st_size
    if suffix in DROPPED_TEXTS:
        if size > MAX_TEXT_BYTES:
            raise HandoutRefused(f"{path.name}: a handout text is at most {MAX_TEXT} characters")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise HandoutRefused(f"{path.name}: not UTF-8 text") from error
        if not text.strip():
            raise HandoutRefused(f"{path.name}: the text is empty")
        if len(text) > MAX_TEXT:
            raise HandoutRefused(f"{path.name}: a handout text is at most {MAX_TEXT} characters")
        return
    if size > MAX_PICTURE_BYTES:
        raise HandoutRefused(f"{path.name}: larger than {MAX_PICTURE_BYTES // (1024 * 1024)} MB")
    _check_picture(path, DROPPED_PICTURES[suffix])


def _check_picture(path: Path, expected: str) -> None:
    try:
        with Image.open(path, formats=[expected]) as image:
            width, height = image.size
            if max(width, height) > MAX_PICTURE_SIDE:
                raise HandoutRefused(
                    f"{path.name}: {width}x{height} px, at most {MAX_PICTURE_SIDE} px a side"
                )
            image.verify()
    except HandoutRefused:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise HandoutRefused(f"{path.name}: not a readable {expected} picture") from error
    except Image.DecompressionBombError as error:
        raise HandoutRefused(f"{path.name}: too many pixels") from error


def handout_key(stem: str, taken: set[str]) -> str:
    """A handout key from a file name: letters, digits, '-' and '_', not one of `taken`."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")[:60] or "handout"
    key, n = base, 1
    while key.casefold() in {t.casefold() for t in taken}:
        n += 1
        key = f"{base}-{n}"
    return key


def keep_dropped(root: Path, path: Path, taken: set[str]) -> str:
    """Check the file, copy it into the campaign's handouts folder, and return its key."""
    check_dropped(path)
    folder = root.joinpath(*FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    existing = {p.stem for p in folder.iterdir()}
    key = handout_key(path.stem, taken | existing)
    shutil.copyfile(path, folder / f"{key}{path.suffix.lower()}")
    return key
