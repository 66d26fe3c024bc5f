"""YAML with line numbers: mappings and lists that remember where each key and item starts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from desktop.campaign.problems import ProblemLog

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlMap(dict[str, object]):
    """A YAML mapping (keys as text) with the 1-based line of itself and of each key."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        """The line of `key`, or of the mapping itself when the key is absent."""
        return self.lines.get(key, self.line)


class YamlList(list[object]):
    """A YAML sequence with the 1-based line of itself and of each item."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []

    def line_at(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class _LineLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, building YamlMap/YamlList and keeping timestamps as written."""


def _construct_map(loader: Any, node: yaml.MappingNode) -> Iterator[YamlMap]:
    data = YamlMap(node.start_mark.line + 1)
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        name = key if isinstance(key, str) else str(key)
        data[name] = loader.construct_object(value_node, deep=False)
        data.lines[name] = key_node.start_mark.line + 1


def _construct_list(loader: Any, node: yaml.SequenceNode) -> Iterator[YamlList]:
    data = YamlList(node.start_mark.line + 1)
    yield data
    for item in node.value:
        data.append(loader.construct_object(item, deep=False))
        data.lines.append(item.start_mark.line + 1)


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_list)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def parse_yaml(text: str, file: str, log: ProblemLog, first_line: int = 1) -> object:
    """Parse YAML text whose first line is `first_line` of `file`; a syntax error is a problem."""
    try:
        return yaml.load("\n" * (first_line - 1) + text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        log.add(file, line, f"YAML syntax error: {error.problem or error.context or 'unreadable'}")
    except yaml.YAMLError as error:
        log.add(file, 0, f"YAML syntax error: {error}")
    return None


def read_text(path: Path, log: ProblemLog) -> str | None:
    """The file's text (UTF-8, a byte-order mark allowed), or None with a problem."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        log.add(path, 0, "not UTF-8 text")
    except OSError as error:
        log.add(path, 0, f"cannot read the file: {error.strerror or error}")
    return None


def read_yaml(path: Path, log: ProblemLog) -> object:
    """The parsed YAML file (None when empty or unreadable; problems are logged)."""
    text = read_text(path, log)
    return None if text is None else parse_yaml(text, log.rel(path), log)


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter YAML, body) of a Markdown file starting with a `---` line, else None."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    return None
