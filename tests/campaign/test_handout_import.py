"""A dropped file kept as a campaign handout: decoded with bounds, short UTF-8 texts, a key of
its own; refused files named with the reason and never copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from desktop.campaign.handout_import import (
    MAX_PICTURE_SIDE,
    HandoutRefused,
    handout_key,
    keep_dropped,
)
from desktop.campaign.handouts import MAX_TEXT, read_handouts
from desktop.campaign.problems import ProblemLog


def _kept(root: Path) -> list[str]:
    folder = root / "campaign" / "handouts"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_picture_is_copied_under_a_key_of_its_own(tmp_path: Path) -> None:
    root = tmp_path / "camp"
    picture = tmp_path / "Deck plan (old).webp"
    Image.new("RGB", (20, 10), "red").save(picture)
    # A key of the campaign already (any case) or a file of the folder is never reused.
    assert keep_dropped(root, picture, {"deck-plan-old"}) == "Deck-plan-old-2"
    assert keep_dropped(root, picture, {"deck-plan-old"}) == "Deck-plan-old-3"
    assert _kept(root) == ["Deck-plan-old-2.webp", "Deck-plan-old-3.webp"]
    found = read_handouts(root, ProblemLog(root))
    assert set(found) == {"Deck-plan-old-2", "Deck-plan-old-3"}


def test_the_key_keeps_only_safe_characters() -> None:
    assert handout_key("../../etc/passwd", set()) == "etc-passwd"
    assert handout_key("...", set()) == "handout"
    assert handout_key("Map", {"map"}) == "Map-2"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("fake.png", b"<html></html>", "not a readable PNG picture"),
        ("jpeg-in-disguise.png", None, "not a readable PNG picture"),
        ("huge.png", "wide", f"at most {MAX_PICTURE_SIDE} px a side"),
        ("latin1.txt", "caf\u00e9".encode("latin-1"), "not UTF-8 text"),
        ("long.md", ("x" * (MAX_TEXT + 1)).encode(), f"at most {MAX_TEXT} characters"),
        ("blank.txt", b"  \n", "the text is empty"),
        ("notes.pdf", b"%PDF", "not a picture"),
    ],
)
def test_bad_files_are_refused_and_never_copied(
    tmp_path: Path, name: str, content: bytes | str | None, reason: str
) -> None:
    path = tmp_path / name
    if content is None:
        Image.new("RGB", (8, 8)).save(path, format="JPEG")
    elif content == "wide":
        Image.new("1", (MAX_PICTURE_SIDE + 1, 1)).save(path)
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    root = tmp_path / "camp"
    with pytest.raises(HandoutRefused, match=reason):
        keep_dropped(root, path, set())
    assert _kept(root) == []
