"""YAML with line numbers, and front matter splitting."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlList, YamlMap, parse_yaml, split_front_matter


def test_lines_of_keys_and_items() -> None:
    log = ProblemLog(Path("/c"))
    data = parse_yaml("a: 1\nlist:\n  - x: 1\n    y: 2\n  - 3\nwhen: 2024-01-02\n", "f", log)
    assert isinstance(data, YamlMap)
    assert data.line == 1 and data.lines == {"a": 1, "list": 2, "when": 6}
    items = data["list"]
    assert isinstance(items, YamlList) and items.lines == [3, 5]
    assert isinstance(items[0], YamlMap) and items[0].line_of("y") == 4
    assert data["when"] == "2024-01-02"  # dates are kept as written
    assert len(log) == 0


def test_first_line_offsets_the_numbers() -> None:
    log = ProblemLog(Path("/c"))
    data = parse_yaml("a: 1\nb: 2\n", "f", log, first_line=5)
    assert isinstance(data, YamlMap) and data.lines == {"a": 5, "b": 6}
    assert parse_yaml("a: [\n", "f", log, first_line=5) is None
    assert [p.line for p in log.sorted()] == [6]


def test_merge_keys_and_anchors() -> None:
    data = parse_yaml("base: &b {x: 1}\nroom:\n  <<: *b\n  y: 2\n", "f", ProblemLog(Path("/")))
    assert data == {"base": {"x": 1}, "room": {"x": 1, "y": 2}}


def test_split_front_matter() -> None:
    assert split_front_matter("---\na: 1\n---\nbody\n") == ("a: 1\n", "body\n")
    assert split_front_matter("---\r\na: 1\r\n...\r\nbody") == ("a: 1\r\n", "body")
    assert split_front_matter("no front\n---\n") is None
    assert split_front_matter("---\nnever closed\n") is None


def test_scalars_and_odd_documents() -> None:
    log = ProblemLog(Path("/c"))
    text = "a: 0x10\nb: yes\nc: ~\nd: 1.5\ne: '7'\nf: !custom x\ng: 2024-01-02 10:00:00\n"
    assert parse_yaml(text, "f", log) == {
        "a": 16,
        "b": True,
        "c": None,
        "d": 1.5,
        "e": "7",
        "f": "x",
        "g": "2024-01-02 10:00:00",
    }
    assert parse_yaml("1: one\n", "f", log) == {"1": "one"}  # keys are text
    assert len(log) == 0
    assert parse_yaml("a: &x\n  - *x\n", "f", log) is None  # a list that holds itself
    assert [str(p) for p in log.sorted()] == [
        "f:1: a YAML alias refers to a value that holds it (a loop): not read"
    ]
