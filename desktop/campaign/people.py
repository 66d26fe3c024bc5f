"""The people of a campaign: npcs.yaml and crew.yaml, portraits resolved inside the folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from desktop.campaign.fields import Fields, plain
from desktop.campaign.images import ImageRef
from desktop.campaign.model import CrewMember, Npc, frozen_map
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap, read_optional_yaml

_NPC_KEYS = ("id", "name", "role", "faction", "location", "portrait", "status", "description")
_CREW_KEYS = ("id", "name", "role", "class", "portrait", "stats", "saves", "stress", "health")


def read_list_file(path: Path, key: str, log: ProblemLog) -> list[Fields]:
    """The records of a file holding `key: [{...}, ...]`, as Fields (none if it is absent)."""
    data = read_optional_yaml(path, log)
    if data is None:
        return []
    file = log.rel(path)
    if not isinstance(data, YamlMap) or key not in data:
        log.add(file, 1, f"expected a mapping with a {key!r} list")
        return []
    return [Fields(record, file, log, key) for record in Fields(data, file, log).records(key)]


def _people(path: Path, key: str, kind: str, log: ProblemLog) -> Iterator[tuple[str, Fields]]:
    """(id, fields) of each record of a people file, in file order; a record without an id, or
    with an id already read, is a problem and skipped."""
    seen: set[str] = set()
    for fields in read_list_file(path, key, log):
        person_id = fields.required_text("id")
        if person_id is None:
            continue
        fields.label = f"{kind} {person_id!r}"
        if person_id in seen:
            fields.problem("id", f"duplicate {kind} id {person_id!r}")
            continue
        seen.add(person_id)
        yield person_id, fields


def read_npcs(campaign_dir: Path, images: ImageRef, log: ProblemLog) -> dict[str, Npc]:
    """npcs.yaml: NPCs by id (a repeated id is a problem and skipped)."""
    npcs: dict[str, Npc] = {}
    for npc_id, fields in _people(campaign_dir / "npcs.yaml", "npcs", "npc", log):
        npcs[npc_id] = Npc(
            npc_id,
            fields.text("name", npc_id),
            role=fields.text("role"),
            faction=fields.text("faction"),
            location=fields.text("location"),
            status=fields.text("status"),
            description=fields.text("description"),
            portrait=portrait(fields, images),
            extra=frozen_map(fields.extra(_NPC_KEYS)),
        )
    return npcs


def read_crew(campaign_dir: Path, images: ImageRef, log: ProblemLog) -> tuple[CrewMember, ...]:
    """crew.yaml: the player characters in file order."""
    crew: list[CrewMember] = []
    for member_id, fields in _people(campaign_dir / "crew.yaml", "crew", "crew", log):
        crew.append(
            CrewMember(
                member_id,
                fields.text("name", member_id),
                role=fields.text("role"),
                char_class=fields.text("class"),
                portrait=portrait(fields, images),
                stats=_table(fields, "stats"),
                saves=_table(fields, "saves"),
                stress=plain(fields.data.get("stress")),
                health=plain(fields.data.get("health")),
                extra=frozen_map(fields.extra(_CREW_KEYS)),
            )
        )
    return tuple(crew)


def portrait(fields: Fields, images: ImageRef) -> Path | None:
    """The `portrait` image file, or None (a path that does not lead to a file is a problem)."""
    written = fields.text("portrait")
    if not written:
        return None
    path, why = images.resolve(written)
    if path is None:
        fields.problem("portrait", why)
    return path


def _table(fields: Fields, key: str) -> dict[str, object]:
    data = fields.mapping(key)
    return {} if data is None else {k: plain(v) for k, v in data.items()}
