"""Token stage: Markdown text to a small block tree (Node) with 1-based inclusive line ranges.

This is the only module that imports markdown_it. It converts markdown-it's 0-based,
half-open ``map`` to 1-based inclusive lines once, and flattens inline tokens into plain text
(markup stripped) plus the facts later stages need: a bold lead label, links, code spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Link:
    """A link in inline text: its target and its text."""

    href: str
    text: str


@dataclass(frozen=True)
class Inline:
    """Inline content flattened: plain text, the leading bold/italic run, links, code spans."""

    text: str
    lead: str | None = None  # text of a strong/em run that opens the inline content
    lead_strong: bool = False
    rest: str = ""  # text after the lead run
    links: tuple[Link, ...] = ()
    code: tuple[str, ...] = ()
    breaks: tuple[int, ...] = ()  # offsets in text_raw where the author broke a line
    text_raw: str = ""  # plain text before whitespace folding, for source_lines()

    def source_lines(self) -> list[str]:
        """The plain text split where the author broke lines (soft or hard breaks)."""
        return [line for line in _split_at(self.text_raw, self.breaks) if line]

    @property
    def all_emphasis(self) -> bool:
        """True when the whole text is one bold/italic run (`*Not applicable: …*`)."""
        return self.lead is not None and not self.rest


EMPTY_INLINE = Inline("")


@dataclass
class Node:
    """A block: heading, paragraph, list, list_item, table, code, blockquote, html, hr, footnote.

    ``line``/``end_line`` are 1-based and inclusive. ``text`` is the plain inline text for
    headings and paragraphs and the raw content for code and html blocks.
    """

    kind: str
    line: int
    end_line: int
    level: int = 0  # heading level, or list nesting depth for list items
    text: str = ""
    inline: Inline = EMPTY_INLINE
    info: str = ""  # fence info; list marker; 'x'/' ' checkbox on items
    ordered: bool = False
    rows: tuple[tuple[Inline, ...], ...] = ()  # tables: header row first
    row_lines: tuple[int, ...] = ()
    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """This node and every descendant, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # commonmark + tables (timeline and IOC tables need them) + footnotes (references).
    return MarkdownIt("commonmark").enable("table").use(footnote_plugin)


@lru_cache(maxsize=1)
def _plain_parser() -> MarkdownIt:
    # The same grammar without the footnote plugin, whose block, inline and core rules cost
    # time on every document though few hold a footnote.
    return MarkdownIt("commonmark").enable("table")


# Every footnote rule needs one of these in the text: a definition or reference `[^label]`,
# an inline note `^[text]`. Without them the plugin changes no token.
_FOOTNOTE_MARKS: tuple[str, ...] = ("[^", "^[")


def may_hold_footnote(text: str) -> bool:
    """False when no footnote rule can fire on the text (the plain parser gives the same)."""
    return any(mark in text for mark in _FOOTNOTE_MARKS)


def tokenize(text: str) -> list[Token]:
    """Raw markdown-it tokens (commonmark + table + footnotes)."""
    parser = _parser() if may_hold_footnote(text) else _plain_parser()
    return parser.parse(text)


def parse_blocks(text: str) -> list[Node]:
    """Top-level block nodes of a Markdown text."""
    tokens = tokenize(text)
    root = Node("root", 1, max(1, text.count("\n") + 1))
    _build(tokens, 0, len(tokens), root, depth=0)
    return root.children


# Container token types that open a child Node: token type prefix -> node kind.
_CONTAINERS: dict[str, str] = {
    "bullet_list": "list",
    "ordered_list": "list",
    "list_item": "list_item",
    "blockquote": "blockquote",
    "footnote": "footnote",
}
# Self-contained block tokens: token type -> node kind.
_LEAVES: dict[str, str] = {
    "fence": "code",
    "code_block": "code",
    "html_block": "html",
    "hr": "hr",
}


def _lines(token: Token, fallback: int) -> tuple[int, int]:
    if token.map:
        start, end = token.map
        return start + 1, max(start + 1, end)
    return fallback, fallback


def _close_index(tokens: Sequence[Token], start: int) -> int:
    """Index of the token closing the one at start (matching nesting)."""
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _build(tokens: Sequence[Token], start: int, stop: int, parent: Node, depth: int) -> None:
    index = start
    while index < stop:
        token = tokens[index]
        base = token.type.removesuffix("_open")
        if token.type in _LEAVES:
            line, end = _lines(token, parent.line)
            parent.children.append(
                Node(_LEAVES[token.type], line, end, text=token.content, info=token.info.strip())
            )
        elif token.nesting == 1 and base in ("heading", "paragraph"):
            parent.children.append(_text_block(tokens, index, base, parent.line))
            index = _close_index(tokens, index)
        elif token.nesting == 1 and base == "table":
            close = _close_index(tokens, index)
            parent.children.append(_table(tokens[index : close + 1]))
            index = close
        elif token.nesting == 1 and base == "footnote_block":
            # The plugin gathers every footnote definition into one block at the end of the
            # stream; unwrap it so each definition stays in the section it was written in.
            close = _close_index(tokens, index)
            _build(tokens, index + 1, close, parent, depth)
            index = close
        elif token.nesting == 1 and base in _CONTAINERS:
            close = _close_index(tokens, index)
            node = _container(token, base, _first_line(tokens, index, close, parent.line), depth)
            _build(tokens, index + 1, close, node, depth + (base == "list_item"))
            if node.children and not token.map:  # footnotes carry no map of their own
                node.line, node.end_line = node.children[0].line, node.children[-1].end_line
            parent.children.append(node)
            index = close
        index += 1


def _first_line(tokens: Sequence[Token], start: int, stop: int, fallback: int) -> int:
    """Line of the first token with a map in start..stop (containers without a map)."""
    for token in tokens[start:stop]:
        if token.map:
            return token.map[0] + 1
    return fallback


def _container(token: Token, base: str, fallback: int, depth: int) -> Node:
    line, end = _lines(token, fallback)
    kind = _CONTAINERS[base]
    return Node(
        kind,
        line,
        end,
        level=depth + 1 if kind == "list_item" else depth,
        info=token.info or token.markup,
        ordered=base == "ordered_list",
    )


def _text_block(tokens: Sequence[Token], index: int, base: str, fallback: int) -> Node:
    token = tokens[index]
    line, end = _lines(token, fallback)
    inline = flatten(tokens[index + 1].children or [])
    level = int(token.tag[1]) if base == "heading" else 0
    return Node(base, line, end, level=level, text=inline.text, inline=inline)


def _table(tokens: Sequence[Token]) -> Node:
    rows: list[tuple[Inline, ...]] = []
    row_lines: list[int] = []
    cells: list[Inline] = []
    first, last = _lines(tokens[0], 1)
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            cells = []
            row_lines.append(_lines(token, first)[0])
        elif token.type == "inline":
            cells.append(flatten(token.children or []))
        elif token.type == "tr_close":
            rows.append(tuple(cells))
        elif token.type in ("th_open", "td_open") and tokens[index + 1].type != "inline":
            cells.append(EMPTY_INLINE)
    return Node("table", first, last, rows=tuple(rows), row_lines=tuple(row_lines))


def flatten(children: Sequence[Token]) -> Inline:
    """Plain text of inline tokens, with the leading emphasis run, links and code spans."""
    # markdown-it leaves an empty text token before a leading delimiter run; drop it.
    children = [c for c in children if not (c.type == "text" and not c.content)]
    parts: list[str] = []
    links: list[Link] = []
    code: list[str] = []
    lead_end: int | None = None
    breaks: list[int] = []
    lead_strong = False
    emphasis_depth = 0
    link_href: str | None = None
    link_start = 0
    for position, child in enumerate(children):
        kind = child.type
        if kind in ("text", "html_inline"):
            parts.append(child.content)
        elif kind == "code_inline":
            parts.append(child.content)
            code.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            breaks.append(sum(len(p) for p in parts))
            parts.append(" ")
        elif kind == "footnote_ref":
            parts.append(f"[^{child.meta.get('label', child.meta.get('id', ''))}]")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            link_href, link_start = str(child.attrGet("href") or ""), len(parts)
        elif kind == "link_close" and link_href is not None:
            links.append(Link(link_href, _clean("".join(parts[link_start:]))))
            link_href = None
        elif kind in ("strong_open", "em_open"):
            if position == 0:
                lead_strong = kind == "strong_open"
            emphasis_depth += 1
        elif kind in ("strong_close", "em_close"):
            emphasis_depth -= 1
            if emphasis_depth == 0 and lead_end is None and children[0].type.endswith("_open"):
                lead_end = len(parts)
    raw = "".join(parts)
    opens_with_emphasis = bool(children) and children[0].type in ("strong_open", "em_open")
    has_lead = lead_end is not None and opens_with_emphasis
    return Inline(
        _clean(raw),
        lead=_clean("".join(parts[:lead_end])) if has_lead else None,
        lead_strong=lead_strong and has_lead,
        rest=_clean("".join(parts[lead_end:])) if has_lead else "",
        links=tuple(links),
        code=tuple(code),
        breaks=tuple(breaks),
        text_raw=raw,
    )


def _split_at(text: str, offsets: Sequence[int]) -> Iterator[str]:
    start = 0
    for offset in offsets:
        yield _clean(text[start:offset])
        start = offset + 1
    yield _clean(text[start:])


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
