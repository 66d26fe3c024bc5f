"""YAML with line numbers: mappings and lists that remember where each key and item starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import yaml

from desktop.campaign.links import inside
from desktop.campaign.markdown import MAX_BODY_CHARS, cut_body
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


_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_MAX_CACHED = 20_000


class _NodeLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader's parser (C when available) with a faster resolver.

    Campaign files repeat the same plain scalars (keys, small numbers) thousands of times, so
    their tags are cached; no path resolvers are used, so descending into nodes is skipped.
    """

    _tags: ClassVar[dict[str, str]] = {}

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode or not implicit[0]:
            return str(super().resolve(kind, value, implicit))
        tag = self._tags.get(value)
        if tag is None:
            tag = str(super().resolve(kind, value, implicit))
            if len(self._tags) < _MAX_CACHED:
                self._tags[value] = tag
        return tag


MAX_FILE_BYTES = 16 << 20  # a campaign file is a few hundred KB; a bigger one is not read
MAX_DEPTH = 64  # campaign files nest a few levels; deeper documents are refused
MAX_REPEATED = 200_000  # values aliases may repeat in one document (beyond that: a bomb)
EXPANSION = 8  # times its own size a document may grow to once its aliases are expanded
MIN_EXPANDED = 1 << 20  # characters any document may expand to, however small the file


class YamlRefused(yaml.YAMLError):
    """A document that parses but is not built: an alias loop, too deep, an alias bomb."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Builder:
    """Turns composed nodes into YamlMap / YamlList / plain scalars, with their lines.

    Timestamps stay text as written; unknown tags give their plain value; aliases share the
    value built for their anchor. What would hurt later is refused (YamlRefused): an alias to
    a value that holds it (a loop), nesting deeper than MAX_DEPTH, and aliases that would
    repeat more than MAX_REPEATED values once expanded (the "billion laughs") or expand the
    text past `limit` characters (a long value aliased many times: few values, many bytes).
    """

    def __init__(self, loader: Any, limit: int) -> None:
        self.loader = loader
        self.limit = limit
        self.built: dict[int, object] = {}
        self.sizes: dict[int, int] = {}  # values of each collection once expanded, by node
        self.chars: dict[int, int] = {}  # characters of each collection once expanded, by node
        self.distinct = 0  # values built so far
        self.depth = 0

    def value(self, node: yaml.Node) -> object:
        self.distinct += 1
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else self._scalar(node)
        if id(node) in self.built:  # an alias
            if id(node) not in self.sizes:
                loop = "a YAML alias refers to a value that holds it (a loop)"
                raise YamlRefused(_line(node), loop)
            return self.built[id(node)]
        return self._collection(node)

    def _collection(self, node: yaml.Node) -> object:
        if self.depth >= MAX_DEPTH:
            raise YamlRefused(_line(node), f"YAML nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        try:
            built: object
            if isinstance(node, yaml.SequenceNode):
                built, size = self._list(node)
            else:
                built, size = self._map(node)  # type: ignore[arg-type]
        finally:
            self.depth -= 1
        self.sizes[id(node)] = size
        self.chars[id(node)] = chars = sum(self._chars(item) for item in _children(node))
        if size - self.distinct > MAX_REPEATED:
            bomb = f"YAML aliases repeat more than {MAX_REPEATED:,} values (an alias bomb)"
            raise YamlRefused(0, bomb)
        if chars > self.limit:
            bomb = f"YAML aliases expand the file to more than {EXPANSION} times its size"
            raise YamlRefused(0, bomb + " (an alias bomb)")
        return built

    def _size(self, node: yaml.Node) -> int:
        return self.sizes.get(id(node), 1)

    def _chars(self, node: yaml.Node) -> int:
        """The characters of a built node once expanded (a scalar: its text, plus one)."""
        if isinstance(node, yaml.ScalarNode):
            return len(node.value) + 1
        return self.chars[id(node)]

    def _scalar(self, node: yaml.ScalarNode) -> object:
        kind = node.tag[len(_TAG) :] if node.tag.startswith(_TAG) else ""
        if kind == "null":
            return None
        if kind in ("int", "float", "bool"):
            return getattr(self.loader, f"construct_yaml_{kind}")(node)
        return node.value

    def _list(self, node: yaml.SequenceNode) -> tuple[YamlList, int]:
        data = YamlList(_line(node))
        self.built[id(node)] = data
        for item in node.value:
            data.append(self.value(item))
            data.lines.append(_line(item))
        return data, 1 + sum(self._size(item) for item in node.value)

    def _map(self, node: yaml.MappingNode) -> tuple[YamlMap, int]:
        data = YamlMap(_line(node))
        self.built[id(node)] = data
        self.loader.flatten_mapping(node)  # `<<` merge keys
        size = 1
        for key_node, value_node in node.value:
            key = self.value(key_node)
            name = key if isinstance(key, str) else str(key)
            data[name] = self.value(value_node)
            data.lines[name] = _line(key_node)
            size += 1 + self._size(value_node)
        return data, size


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return [part for pair in node.value for part in pair]


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def parse_yaml(text: str, file: str, log: ProblemLog, first_line: int = 1) -> object:
    """Parse YAML text whose first line is `first_line` of `file`; a syntax error is a problem."""
    try:
        return _load("\n" * (first_line - 1) + text)
    except YamlRefused as error:
        log.add(file, error.line, f"{error.message}: not read")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        log.add(file, line, f"YAML syntax error: {error.problem or error.context or 'unreadable'}")
    except yaml.YAMLError as error:
        log.add(file, 0, f"YAML syntax error: {error}")
    return None


def _load(text: str) -> object:
    loader = _NodeLoader(text)
    try:
        node = loader.get_single_node()
        limit = max(EXPANSION * len(text), MIN_EXPANDED)
        return None if node is None else _Builder(loader, limit).value(node)
    finally:
        loader.dispose()


def read_text(path: Path, log: ProblemLog) -> str | None:
    """The file's text (UTF-8, a byte-order mark allowed), or None with a problem.

    A file that leads outside the campaign folder is not read (links.py reports the link),
    nor one larger than MAX_FILE_BYTES. Every line end is read as a newline.
    """
    if not inside(path, log):
        return None
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            log.add(path, 0, f"the file is larger than {MAX_FILE_BYTES >> 20} MB: not read")
            return None
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        log.add(path, 0, "not UTF-8 text")
    except OSError as error:
        log.add(path, 0, f"cannot read the file: {error.strerror or error}")
    return None


def read_yaml(path: Path, log: ProblemLog) -> object:
    """The parsed YAML file (None when empty or unreadable; problems are logged)."""
    text = read_text(path, log)
    return None if text is None else parse_yaml(text, log.rel(path), log)


def read_optional_yaml(path: Path, log: ProblemLog) -> object:
    """The parsed YAML file, or None when it is absent, empty or unreadable."""
    return read_yaml(path, log) if path.is_file() else None


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter YAML, body) of a Markdown file starting with a `---` line, else None."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    return None


def read_front_matter(path: Path, log: ProblemLog, what: str) -> tuple[YamlMap | None, str] | None:
    """(front matter, body) of a Markdown file, or None when it cannot be read at all.

    A missing front matter, or one that is not a mapping, is a problem and gives None for the
    mapping (the body is then the whole text, or what follows the front matter).
    """
    text = read_text(path, log)
    if text is None:
        return None
    file = log.rel(path)
    parts = split_front_matter(text)
    if parts is None:
        log.add(file, 1, f"no front matter: {what} starts with a --- block of YAML")
        return None, _capped(text, file, 1, log)
    known = len(log)
    data = parse_yaml(parts[0], file, log, first_line=2)
    body = _capped(parts[1], file, parts[0].count("\n") + 3, log)
    if isinstance(data, YamlMap):
        return data, body
    if len(log) == known:  # not a syntax error (that one is reported already)
        log.add(file, 2, "the front matter must be a mapping of keys and values")
    return None, body


def _capped(body: str, file: str, line: int, log: ProblemLog) -> str:
    """The body, cut at MAX_BODY_CHARS (said so at its first line) so reading stays quick."""
    cut = cut_body(body)
    if cut is None:
        return body
    log.add(
        file,
        line,
        f"the text is longer than {MAX_BODY_CHARS:,} characters: only the start is shown",
    )
    return cut
