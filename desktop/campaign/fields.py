"""Typed reading of one YAML mapping: wrong or missing values become problems, not errors."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlList, YamlMap


def describe(value: object) -> str:
    """A short quote of a YAML value for a problem message."""
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def as_mapping(value: object, file: str, line: int, what: str, log: ProblemLog) -> YamlMap | None:
    """The value if it is a mapping; else None and a problem (None itself is silent)."""
    if isinstance(value, YamlMap):
        return value
    if value is not None:
        log.add(file, line, f"{what} must be a mapping, not {describe(value)}")
    return None


class Fields:
    """One YAML mapping of a file, read key by key; `label` prefixes its problem messages."""

    def __init__(self, data: YamlMap, file: str, log: ProblemLog, label: str = "") -> None:
        self.data = data
        self.file = file
        self.log = log
        self.label = label

    def line(self, key: str | None = None) -> int:
        return self.data.line if key is None else self.data.line_of(key)

    def problem(self, key: str | None, message: str) -> None:
        prefix = f"{self.label}: " if self.label else ""
        self.log.add(self.file, self.line(key), prefix + message)

    def _wrong(self, key: str, expected: str) -> None:
        self.problem(key, f"{key} must be {expected}, not {describe(self.data[key])}")

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _as_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        self._wrong(key, "text")
        return None

    def text(self, key: str, default: str = "") -> str:
        """A text value (numbers are taken as their text); missing or wrong: the default."""
        if not self.has(key):
            return default
        value = self._as_text(key)
        return default if value is None else value

    def required_text(self, key: str) -> str | None:
        """A non-empty text value that must be present (an id, a file name)."""
        if not self.has(key):
            self.problem(key, f"missing {key}")
            return None
        value = self._as_text(key)
        if value is not None and not value.strip():
            self.problem(key, f"{key} is empty")
            return None
        return value

    def integer(self, key: str, default: int, minimum: int | None = None) -> int:
        """A whole number; missing or wrong: the default (wrong is a problem)."""
        value = self.required_int(key, minimum) if self.has(key) else None
        return default if value is None else value

    def required_int(
        self, key: str, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        """A whole number that must be present (within minimum and maximum when given)."""
        value = self.data.get(key)
        if value is None:
            self.problem(key, f"missing {key}")
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self._wrong(key, "a whole number")
            return None
        if minimum is not None and value < minimum:
            self.problem(key, f"{key} must be at least {minimum}, not {value}")
            return None
        if maximum is not None and value > maximum:
            self.problem(key, f"{key} must be at most {maximum}, not {value}")
            return None
        return value

    def number(self, key: str, default: float | None = 0.0) -> float | None:
        """A number (whole or fractional); missing or wrong: the default."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        self._wrong(key, "a number")
        return default

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self._wrong(key, "true or false")
        return default

    def choice(self, key: str, choices: Iterable[str], default: str) -> str:
        """One of `choices` (any letter case, given back as listed); else the default."""
        value = self.text(key, default)
        allowed = tuple(choices)
        for option in allowed:
            if value.casefold() == option.casefold():
                return option
        self.problem(key, f"{key} {value!r} is not one of {', '.join(allowed)}")
        return default

    def mapping(self, key: str) -> YamlMap | None:
        """A nested mapping; missing: None; wrong type: None and a problem."""
        return as_mapping(self.data.get(key), self.file, self.line(key), key, self.log)

    def point(self, key: str) -> tuple[float, float] | None:
        """A nested `{x, y}` of numbers; missing, incomplete or wrong: None (and a problem
        unless it is missing)."""
        data = self.mapping(key)
        if data is None:
            return None
        where = Fields(data, self.file, self.log, self.label)
        x, y = where.number("x", None), where.number("y", None)
        if x is None or y is None:
            if not (where.has("x") and where.has("y")):
                where.problem(None, f"{key} needs x and y")
            return None
        return x, y

    def records(self, key: str) -> list[YamlMap]:
        """The mappings of a list value; other items are problems and skipped."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, YamlList):
            self._wrong(key, "a list")
            return []
        found: list[YamlMap] = []
        for index, item in enumerate(value):
            line = value.line_at(index)
            record = as_mapping(item, self.file, line, f"{key} entry", self.log)
            if record is not None:
                found.append(record)
            elif item is None:
                self.log.add(self.file, line, f"{key} entry is empty")
        return found

    def named(self, key: str, what: str) -> list[tuple[str, Fields]]:
        """(name, fields) of each entry of a nested `name: {...}` mapping, labelled
        `what 'name'`; an entry that is not a mapping is a problem and skipped."""
        data = self.mapping(key)
        found: list[tuple[str, Fields]] = []
        for name, value in (data or {}).items():
            if isinstance(value, YamlMap):
                found.append((name, Fields(value, self.file, self.log, f"{what} {name!r}")))
            elif data is not None:
                self.log.add(self.file, data.line_of(name), f"{what} {name!r} must be a mapping")
        return found

    def extra(self, known: Iterable[str]) -> dict[str, object]:
        """The keys this reader does not use, as plain Python values."""
        skip = set(known)
        return {k: plain(v) for k, v in self.data.items() if k not in skip}


def plain(value: object) -> object:
    """A YAML value with line information dropped (plain dicts and lists)."""
    if isinstance(value, YamlMap):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, YamlList):
        return [plain(v) for v in value]
    return value
