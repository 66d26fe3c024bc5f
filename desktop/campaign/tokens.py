"""Images for tokens: campaign/tokens/ files, crew portraits and NPC portraits.

Files directly in `campaign/tokens/` and in `campaign/tokens/creatures/` are creatures; files
in `campaign/tokens/objects/` are objects (see docs/campaign-tokens.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from desktop.campaign.folders import files, subfolders
from desktop.campaign.model import CrewMember, Npc, TokenImage
from desktop.campaign.problems import ProblemLog

TOKEN_SUFFIXES: tuple[str, ...] = (".png", ".svg", ".jpg", ".jpeg", ".webp")
_FOLDERS: tuple[tuple[str, str], ...] = (
    ("", "creature"),
    ("creatures", "creature"),
    ("objects", "object"),
)


def read_token_images(
    campaign_dir: Path, crew: Iterable[CrewMember], npcs: Mapping[str, Npc], log: ProblemLog
) -> dict[str, TokenImage]:
    """Token images by id: `crew:<id>`, `npc:<id>`, then `token:<file name without suffix>`."""
    images: dict[str, TokenImage] = {}
    for member in crew:
        if member.portrait is not None:
            images[f"crew:{member.id}"] = TokenImage(
                f"crew:{member.id}", member.name, "player", member.portrait
            )
    for npc in npcs.values():
        if npc.portrait is not None:
            images[f"npc:{npc.id}"] = TokenImage(f"npc:{npc.id}", npc.name, "npc", npc.portrait)
    for image in _token_files(campaign_dir / "tokens", log):
        if image.id in images:
            log.add(image.path, 0, f"another token image is also named {image.id[6:]!r}")
            continue
        images[image.id] = image
    return images


def _token_files(folder: Path, log: ProblemLog) -> list[TokenImage]:
    found: list[TokenImage] = []
    for sub, kind in _FOLDERS:
        here = folder / sub if sub else folder
        subfolders(here, log)  # not read, but a linked folder leading out is reported
        for path in files(here, log, TOKEN_SUFFIXES):
            found.append(
                TokenImage(f"token:{path.stem}", token_name(path.stem), kind, path.resolve())
            )
    return found


def token_name(stem: str) -> str:
    """A display name from a file name: `rime_crawler` -> `Rime crawler` (a name, capitalised
    like one; the rest as the file has it)."""
    name = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return name[:1].upper() + name[1:]
