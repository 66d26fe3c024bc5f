"""Reading campaign/warden.yaml (docs/campaign-warden.md): countdown presets and the
campaign's own alerts; a bad entry is a FILE:LINE problem and left out."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.presets import Presets, TimerPreset
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlList, YamlMap, read_optional_yaml

PRESETS_FILE = "warden.yaml"
MAX_SECONDS = 7 * 24 * 3600


def read_presets(campaign_dir: Path, log: ProblemLog) -> Presets:
    path = campaign_dir / PRESETS_FILE
    data = read_optional_yaml(path, log)
    if data is None:
        return Presets()
    file = log.rel(path)
    if not isinstance(data, YamlMap):
        log.add(file, 1, "expected a mapping with 'timers' and/or 'alerts'")
        return Presets()
    top = Fields(data, file, log)
    timers = [t for r in top.records("timers") if (t := _timer(Fields(r, file, log, "timer")))]
    return Presets(tuple(timers), _alerts(top))


def _timer(fields: Fields) -> TimerPreset | None:
    label = fields.required_text("label")
    if label is None:
        return None
    if fields.has("phases"):
        phases = []
        for record in fields.records("phases"):
            phase = Fields(record, fields.file, fields.log, "phase")
            name = phase.required_text("label")
            seconds = phase.required_int("seconds", 1, MAX_SECONDS)
            if name is None or seconds is None:
                return None
            phases.append((name.strip(), seconds))
        return TimerPreset(label.strip(), 0, tuple(phases)) if phases else None
    seconds = fields.required_int("seconds", 1, MAX_SECONDS)
    return TimerPreset(label.strip(), seconds) if seconds is not None else None


def _alerts(top: Fields) -> tuple[str, ...]:
    value = top.data.get("alerts")
    if value is None:
        return ()
    if not isinstance(value, YamlList):
        top.problem("alerts", "alerts must be a list of texts")
        return ()
    found: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip() or len(item) > 60:
            top.log.add(top.file, value.line_at(index), "an alert is a text of 1 to 60 characters")
            continue
        found.append(item.strip())
    return tuple(dict.fromkeys(found))
