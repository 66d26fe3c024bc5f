"""campaign/charon.yaml: the ship computer's voice, refusals and canned lines per topic.

Every key is optional; a campaign without the file gets DEFAULT_VOICE. See docs/charon.md.
"""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.problems import ProblemLog
from desktop.campaign.voice import DEFAULT_STYLE, DEFAULT_VOICE, CharonVoice, Topic
from desktop.campaign.yamlfile import YamlList, YamlMap, read_yaml

CHARON_FILE = "charon.yaml"


def read_voice(campaign_dir: Path, log: ProblemLog) -> CharonVoice:
    """campaign/charon.yaml, or the default voice when there is none (problems are logged)."""
    path = campaign_dir / CHARON_FILE
    if not path.is_file():
        return DEFAULT_VOICE
    data = read_yaml(path, log)
    if not isinstance(data, YamlMap):
        if data is not None:
            log.add(path, 1, "charon.yaml must be a mapping (voice, refusals, topics)")
        return DEFAULT_VOICE
    fields = Fields(data, log.rel(path), log, "charon")
    voice = fields.mapping("voice")
    said = Fields(voice if voice is not None else YamlMap(1), fields.file, log, "voice")
    return CharonVoice(
        name=said.text("name", DEFAULT_VOICE.name) or DEFAULT_VOICE.name,
        style=said.text("style", DEFAULT_STYLE) or DEFAULT_STYLE,
        uppercase=said.flag("uppercase", True),
        max_facts=max(1, min(5, said.integer("max_facts", DEFAULT_VOICE.max_facts))),
        max_sentences=max(1, min(5, said.integer("max_sentences", DEFAULT_VOICE.max_sentences))),
        refusals=_texts(fields, "refusals") or DEFAULT_VOICE.refusals,
        topics=_topics(fields),
    )


def _texts(fields: Fields, key: str) -> tuple[str, ...]:
    """A list of strings (or one string); other items are problems and skipped."""
    value = fields.data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if not isinstance(value, YamlList):
        fields.problem(key, f"{key} must be a list of texts")
        return ()
    found: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, str | int | float) and not isinstance(item, bool) and str(item).strip():
            found.append(str(item).strip())
        else:
            fields.log.add(fields.file, value.line_at(index), f"{key} entry must be a text")
    return tuple(found)


def _topics(fields: Fields) -> tuple[Topic, ...]:
    found: list[Topic] = []
    for name, topic in fields.named("topics", "topic"):
        match, lines = _texts(topic, "match"), _texts(topic, "lines")
        if not match or not lines:
            topic.problem(None, "needs both match and lines")
            continue
        found.append(Topic(str(name), match, lines))
    return tuple(found)
