"""Wrappers around a report: a report pasted inside a ```markdown fence, and the closing
remarks a chat assistant appends ("Let me know if you'd like…"). Block nodes in, block nodes
out; lines are never removed, so sections stay lossless.
"""

from __future__ import annotations

import re

from .diagnostics import Sink
from .tokens import Node, parse_blocks

WRAPPER_FENCES: frozenset[str] = frozenset({"markdown", "md", "gfm"})


def unwrap_fenced_report(blocks: list[Node]) -> list[Node]:
    """A report pasted inside a ```markdown fence (as chat assistants answer) is read as the
    report itself: the fence's content is tokenized in place, its line numbers kept true."""
    if any(node.kind == "heading" for node in blocks):
        return blocks
    unwrapped: list[Node] = []
    for node in blocks:
        is_wrapper = node.kind == "code" and node.info.lower() in WRAPPER_FENCES
        if is_wrapper and any(line.startswith("#") for line in node.text.splitlines()):
            inner = parse_blocks(node.text)
            for child in inner:
                _shift(child, node.line)  # the content starts on the line after the opener
            unwrapped.extend(inner)
        else:
            unwrapped.append(node)
    return unwrapped


def _shift(node: Node, offset: int) -> None:
    for each in node.walk():
        each.line += offset
        each.end_line += offset
        each.row_lines = tuple(line + offset for line in each.row_lines)


# Closing remarks of a chat assistant, addressed to the reader of the chat, not the report.
CHATTER: tuple[str, ...] = (
    r"let me know\b",
    r"i hope (?:this|that) helps",
    r"hope (?:this|that) helps",
    r"feel free to\b",
    r"if you(?:'d| would) like\b",
    r"would you like me to\b",
    r"happy to help\b",
    r"is there anything else\b",
)
_CHATTER = re.compile(rf"^\W*(?:{'|'.join(CHATTER)})", re.I)


def drop_trailing_chatter(blocks: list[Node], sink: Sink) -> list[Node]:
    """Leave closing chat remarks out of the report's content, with an info diagnostic so the
    author can see what was not read."""
    kept = list(blocks)
    while kept and kept[-1].kind == "paragraph" and _CHATTER.search(kept[-1].text):
        remark = kept.pop()
        sink.add(
            "assistant-chatter",
            f"closing remark left out of the report: '{remark.text[:60]}'",
            line=remark.line,
            column=1,
        )
    return kept
