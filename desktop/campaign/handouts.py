"""A campaign's handouts: pictures and short texts in its `campaign/handouts/` folder.

Each file is one handout, keyed by its name without the suffix (`crew-manifest.png` ->
`crew-manifest`), titled by that name made readable ("Crew Manifest") unless a Markdown file's
front matter gives a `title`. Pictures: .png, .jpg, .jpeg, .webp, .gif; texts: .md and .txt
(UTF-8, at most MAX_TEXT characters: longer ones are cut, and the problem named). Other files
are skipped; links leading out of the campaign are reported (folders.files).
"""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.folders import files
from desktop.campaign.model import HandoutFile
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap, parse_yaml, read_text, split_front_matter

FOLDER = ("campaign", "handouts")
PICTURES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
TEXTS = (".md", ".txt")
MAX_TEXT = 4000
MAX_HANDOUTS = 500


def read_handouts(root: Path, log: ProblemLog) -> dict[str, HandoutFile]:
    """The handouts of the campaign in `root`, by key, in name order."""
    folder = root.joinpath(*FOLDER)
    if not folder.is_dir():
        return {}
    found: dict[str, HandoutFile] = {}
    for path in sorted(files(folder, log, PICTURES + TEXTS), key=lambda p: p.name.casefold()):
        key = path.stem
        if key in found:
            log.add(path, 0, f"another handout is already named '{key}': this one is skipped")
        elif len(found) >= MAX_HANDOUTS:
            log.add(folder, 0, f"more than {MAX_HANDOUTS} handouts: the rest are skipped")
            break
        elif path.suffix.lower() in PICTURES:
            found[key] = HandoutFile(key, _title(key), image=path.resolve())
        else:
            found[key] = _text_handout(path, key, log)
    return found


def _title(key: str) -> str:
    return " ".join(w.capitalize() for w in key.replace("_", " ").replace("-", " ").split()) or key


def _text_handout(path: Path, key: str, log: ProblemLog) -> HandoutFile:
    text = read_text(path, log) or ""
    title = _title(key)
    parts = split_front_matter(text) if path.suffix.lower() == ".md" else None
    if parts is not None:
        front, text = parts
        data = parse_yaml(front, log.rel(path), log, first_line=2)
        named = data.get("title") if isinstance(data, YamlMap) else None
        title = named.strip() if isinstance(named, str) and named.strip() else title
    if len(text) > MAX_TEXT:
        log.add(path, 0, f"longer than {MAX_TEXT} characters: the rest is not shown")
        text = text[:MAX_TEXT]
    return HandoutFile(key, title, text=text.strip())
