"""Markdown bodies become safe blocks of text: never HTML."""

from __future__ import annotations

from desktop.campaign.markdown import body_blocks, plain_text
from desktop.campaign.model import Block, Span


def test_paragraph_marks_and_links() -> None:
    (block,) = body_blocks("A **b** *c* ~~d~~ `e` [f](http://x.test/) ![g](g.png)\n")
    assert block == Block(
        "p",
        (
            Span("A "),
            Span("b", ("strong",)),
            Span(" "),
            Span("c", ("em",)),
            Span(" "),
            Span("d", ("strike",)),
            Span(" "),
            Span("e", ("code",)),
            Span(" "),
            Span("f", (), "http://x.test/"),
            Span(" g"),
        ),
    )


def test_raw_html_comes_out_as_text() -> None:
    text = '<div onclick="x()">hi</div>\n\n<script>alert("x")</script> and <b>bold</b>\n'
    blocks = body_blocks(text)
    assert (
        plain_text(blocks)
        == '<div onclick="x()">hi</div>\n<script>alert("x")</script> and <b>bold</b>'
    )
    assert all(block.kind == "p" for block in blocks)


def test_entities_are_decoded_to_plain_text() -> None:
    assert plain_text(body_blocks("&lt;b&gt; &amp; &copy;\n")) == "<b> & ©"


def test_line_breaks_are_kept() -> None:
    (block,) = body_blocks("line one\nline two  \nline three\n")
    assert block.spans == (Span("line one\nline two\nline three"),)


def test_headings_lists_quotes_code_rules() -> None:
    blocks = body_blocks(
        "## Title\n\n- a\n  - b\n1. c\n\n> q\n> > qq\n\n```\nx = 1\n```\n\n---\n\n    indented\n"
    )
    assert [(b.kind, b.ordered, b.depth, plain_text([b])) for b in blocks] == [
        ("h2", False, 0, "Title"),
        ("li", False, 0, "a"),
        ("li", False, 1, "b"),
        ("li", True, 0, "c"),
        ("quote", False, 0, "q"),
        ("quote", False, 1, "qq"),
        ("code", False, 0, "x = 1"),
        ("hr", False, 0, ""),
        ("code", False, 0, "indented"),
    ]


def test_empty_body() -> None:
    assert body_blocks("") == ()
