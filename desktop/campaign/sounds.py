"""A campaign's sounds: campaign/sounds/*.ogg|mp3|wav, and sounds.yaml naming ambient loops
per location or room (docs/campaign-sounds.md)."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.folders import files
from desktop.campaign.problems import ProblemLog
from desktop.campaign.soundfile import SoundFile, SoundLoop
from desktop.campaign.tokens import token_name
from desktop.campaign.yamlfile import YamlMap, read_yaml

SOUND_SUFFIXES: tuple[str, ...] = (".ogg", ".mp3", ".wav")
SOUNDS_FILE = "sounds.yaml"


def read_sounds(campaign_dir: Path, log: ProblemLog) -> dict[str, SoundFile]:
    folder = campaign_dir / "sounds"
    found: dict[str, SoundFile] = {}
    for path in sorted(files(folder, log, SOUND_SUFFIXES)):
        if path.stem in found:
            log.add(path, 0, f"another sound is also named {path.stem!r}")
            continue
        found[path.stem] = SoundFile(path.stem, token_name(path.stem), path.resolve())
    return found


def read_loops(
    campaign_dir: Path, sounds: dict[str, SoundFile], locations: set[str], log: ProblemLog
) -> tuple[SoundLoop, ...]:
    """sounds.yaml's `loops: [{sound, location, room?}]` (in campaign/ or campaign/sounds/)."""
    path = next(
        (
            p
            for p in (campaign_dir / SOUNDS_FILE, campaign_dir / "sounds" / SOUNDS_FILE)
            if p.is_file()
        ),
        None,
    )
    if path is None:
        return ()
    data = read_yaml(path, log)
    file = log.rel(path)
    if data is None:
        return ()
    if not isinstance(data, YamlMap):
        log.add(file, 1, "expected a mapping with a 'loops' list")
        return ()
    loops: list[SoundLoop] = []
    for record in Fields(data, file, log).records("loops"):
        fields = Fields(record, file, log, "loop")
        sound, location = fields.required_text("sound"), fields.required_text("location")
        if sound is None or location is None:
            continue
        sound = Path(sound).stem
        if sound not in sounds:
            fields.problem("sound", f"no sound {sound!r} in campaign/sounds/")
        elif location not in locations:
            fields.problem("location", f"unknown location {location!r}")
        else:
            loops.append(SoundLoop(sound, location, fields.text("room")))
    return tuple(loops)
