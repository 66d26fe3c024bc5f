"""Writing campaign YAML the way a GM would type it: keys in the order given, short lists of
numbers inline ([3, 4]), text quoted only when it must be."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Block style, except lists of plain numbers (cells, positions), which stay on one line."""


def _list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = len(data) <= 4 and all(isinstance(v, int | float) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _list)


def yaml_text(data: object, header: str = "") -> str:
    """The YAML text of plain data, after `header` as comment lines."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + body


def write_atomically(path: Path, data: bytes) -> None:
    """The file replaced as a whole (a crash leaves the old file or the new one; two writers
    at once each write their own partial file, and the last to finish wins)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as partial:
            partial.write(data)
        os.chmod(name, 0o644)  # as a file the GM saved (mkstemp makes it private)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
