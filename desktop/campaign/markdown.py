"""Markdown bodies as safe structure: blocks of marked-up text, never HTML.

Raw HTML is not interpreted: it comes out as the literal text the author typed. A line break
inside a paragraph is kept as "\\n" (mail is written line by line, the display keeps the lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from desktop.campaign.model import Block, Span

_MARKS = {"strong_open": "strong", "em_open": "em", "s_open": "strike"}
_CLOSERS = {"strong_close": "strong", "em_close": "em", "s_close": "strike"}


MAX_BODY_CHARS = 200_000  # a Markdown body longer than this is cut (with a problem)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def body_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a Markdown body (paragraphs, headings, list items, quotes, code, rules)."""
    return tuple(_BlockWalker().walk(_parser().parse(text)))


def cut_body(body: str) -> str | None:
    """The body cut to at most MAX_BODY_CHARS at a line end, or None when it is short enough."""
    if len(body) <= MAX_BODY_CHARS:
        return None
    head = body[:MAX_BODY_CHARS]
    end = head.rfind("\n")
    return head[: end + 1] if end > 0 else head


def plain_text(blocks: Sequence[Block]) -> str:
    """The blocks' text without marks, one block a line (for search and previews)."""
    return "\n".join("".join(span.text for span in block.spans) for block in blocks)


class _BlockWalker:
    """Turns markdown-it's token stream into Blocks, tracking lists and quotes."""

    def __init__(self) -> None:
        self.lists: list[bool] = []  # ordered? for each open list
        self.quotes = 0
        self.heading = ""
        self.item_started = False  # the current list item already has its first block

    def walk(self, tokens: Sequence[Token]) -> list[Block]:
        blocks: list[Block] = []
        for token in tokens:
            block = self._step(token)
            if block is not None:
                blocks.append(block)
        return blocks

    def _step(self, token: Token) -> Block | None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.item_started = False
        elif kind == "blockquote_open":
            self.quotes += 1
        elif kind == "blockquote_close":
            self.quotes -= 1
        elif kind == "heading_open":
            self.heading = token.tag
        elif kind == "heading_close":
            self.heading = ""
        elif kind == "inline":
            return self._text_block(inline_spans(token.children or []))
        elif kind in ("fence", "code_block"):
            return Block("code", (Span(token.content.rstrip("\n"), ("code",)),))
        elif kind == "hr":
            return Block("hr")
        return None

    def _text_block(self, spans: tuple[Span, ...]) -> Block:
        if self.lists and not self.item_started:
            self.item_started = True
            return Block("li", spans, ordered=self.lists[-1], depth=len(self.lists) - 1)
        if self.quotes:
            return Block("quote", spans, depth=self.quotes - 1)
        if self.heading:
            return Block(self.heading, spans)
        return Block("p", spans, depth=len(self.lists))


def inline_spans(tokens: Sequence[Token]) -> tuple[Span, ...]:
    """The spans of one inline token's children, adjacent runs with equal marks merged."""
    runs = _Runs()
    marks: list[str] = []
    href = ""
    for token in tokens:
        kind = token.type
        if kind in _MARKS:
            marks.append(_MARKS[kind])
        elif kind in _CLOSERS and _CLOSERS[kind] in marks:
            marks.remove(_CLOSERS[kind])
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
        elif kind == "link_close":
            href = ""
        elif kind == "code_inline":
            runs.add(token.content, (*marks, "code"), href)
        elif kind in ("text", "image", "html_inline"):
            runs.add(token.content, tuple(marks), href)
        elif kind in ("softbreak", "hardbreak"):
            runs.add("\n", tuple(marks), href)
    return runs.spans()


class _Runs:
    """Text pieces gathered per run of equal marks and link, joined once (linear in the text)."""

    def __init__(self) -> None:
        self.done: list[Span] = []
        self.pieces: list[str] = []
        self.marks: tuple[str, ...] = ()
        self.href = ""

    def add(self, text: str, marks: tuple[str, ...], href: str) -> None:
        if not text:
            return
        if self.pieces and (marks != self.marks or href != self.href):
            self._close()
        self.pieces.append(text)
        self.marks, self.href = marks, href

    def _close(self) -> None:
        self.done.append(Span("".join(self.pieces), self.marks, self.href))
        self.pieces = []

    def spans(self) -> tuple[Span, ...]:
        if self.pieces:
            self._close()
        return tuple(self.done)
