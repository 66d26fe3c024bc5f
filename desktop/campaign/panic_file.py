"""Reading campaign/panic.yaml: overlaps, gaps and rolls the die cannot show are problems."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.fields import Fields, describe
from desktop.campaign.panic import DEFAULT_DIE, PanicEntry, PanicTable
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlList, YamlMap, read_optional_yaml

PANIC_FILE = "panic.yaml"


def read_panic(campaign_dir: Path, log: ProblemLog) -> PanicTable | None:
    """campaign/panic.yaml, or None when the campaign has none."""
    path = campaign_dir / PANIC_FILE
    data = read_optional_yaml(path, log)
    if data is None:
        return None
    file = log.rel(path)
    if not isinstance(data, YamlMap) or not isinstance(data.get("table"), YamlList):
        log.add(file, 1, "expected a mapping with a 'table' list")
        return None
    top = Fields(data, file, log, "panic")
    die = top.integer("die", DEFAULT_DIE, minimum=2)
    found = [(e, r.line) for r in top.records("table") if (e := _entry(Fields(r, file, log), die))]
    _check_cover(found, die, top)
    return PanicTable(die, tuple(sorted((e for e, _ in found), key=lambda e: e.low)))


def _entry(fields: Fields, die: int) -> PanicEntry | None:
    span = _span(fields)
    effect = fields.required_text("effect")
    if span is None or effect is None:
        return None
    low, high = span
    if not 1 <= low <= high <= die:
        written = str(low) if low == high else f"{low}-{high}"
        fields.problem("roll", f"roll {written} is outside 1-{die} (the panic die)")
        return None
    return PanicEntry(low, high, effect.strip(), fields.text("name").strip())


def _span(fields: Fields) -> tuple[int, int] | None:
    value = fields.data.get("roll")
    if value is None:
        fields.problem("roll", "missing roll (a number or [from, to])")
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value, value
    if (
        isinstance(value, YamlList)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        low, high = (int(str(v)) for v in value)
        if low <= high:
            return low, high
    fields.problem("roll", f"roll must be a number or [from, to], not {describe(value)}")
    return None


def _check_cover(found: list[tuple[PanicEntry, int]], die: int, top: Fields) -> None:
    """Every face of the die in exactly one entry: overlaps and gaps are problems."""
    owner: dict[int, int] = {}  # face -> line of its entry
    for entry, line in found:
        taken = [face for face in range(entry.low, entry.high + 1) if face in owner]
        if taken:
            other = owner[taken[0]]
            top.log.add(top.file, line, f"panic: roll {_ranges(taken)} is also in line {other}")
        owner.update((face, line) for face in range(entry.low, entry.high + 1) if face not in owner)
    missing = [face for face in range(1, die + 1) if face not in owner]
    if found and missing:
        top.problem("table", f"no entry for roll {_ranges(missing)}")


def _ranges(faces: list[int]) -> str:
    runs: list[list[int]] = []
    for face in faces:
        if runs and runs[-1][1] == face - 1:
            runs[-1][1] = face
        else:
            runs.append([face, face])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
