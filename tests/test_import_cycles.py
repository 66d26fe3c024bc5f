"""No import cycle in desktop/: every module can be read from the bottom up.

Imports under `if TYPE_CHECKING:` and inside functions count too (grimp, which import-linter
uses, sees them all): a cycle hidden there still ties two modules into one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import grimp


def cycles(edges: Mapping[str, set[str]]) -> Iterator[set[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            step = next(todo, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(edges[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    yield group


def import_edges(package: str) -> dict[str, set[str]]:
    graph = grimp.build_graph(package, cache_dir=None)
    modules = set(graph.modules)
    return {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}


def test_the_cycle_finder_finds_a_cycle_and_only_that() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert list(cycles(edges)) == [{"a", "b", "c"}]
    assert list(cycles({"a": {"b"}, "b": set()})) == []


def test_desktop_has_no_import_cycle() -> None:
    assert [sorted(group) for group in cycles(import_edges("desktop"))] == []
