"""Token stage: Markdown text to a small block tree (Node) with 1-based inclusive line ranges.

This is the only module that imports markdown_it. It converts markdown-it's 0-based,
half-open ``map`` to 1-based inclusive lines once, and flattens inline tokens into plain text
(markup stripped) plus the facts later stages need: a bold lead label, links, code spans.

parse_blocks costs less than markdown-it's own parse: it leaves out the footnote plugin and
the block rules the text gives no hold to, it parses inline content itself, handing it to
markdown-it's inline parser only where markup can occur, and its block pass tries only the
rules a line's first character can open and builds tokens without Token's constructor.
tests/test_tokens_fastpath.py proves the result the same as the full pipeline's, and
tests/test_tokens_perf11.py the block pass the same as markdown-it's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache, partial
from importlib import import_module
from itertools import accumulate
from types import FunctionType
from typing import Literal, NamedTuple

from markdown_it import MarkdownIt
from markdown_it.common.utils import (
    MD_TRIM_CHARS,
    isMdAsciiPunct,
    isPunctChar,
    isWhiteSpace,
    mdTrim,
)
from markdown_it.parser_block import ParserBlock
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock, blockquote, heading, list_block, paragraph
from markdown_it.rules_block.list import markTightParagraphs, skipOrderedListMarker
from markdown_it.rules_core import block as core_block
from markdown_it.token import Token
from markdown_it.utils import EnvType
from mdit_py_plugins.footnote import footnote_plugin


# Link and Inline are NamedTuples rather than frozen dataclasses: one Inline is built for every
# paragraph, heading, list line and table cell, and a tuple is built at a quarter of the cost.
class Link(NamedTuple):
    """A link in inline text: its target and its text."""

    href: str
    text: str


class Inline(NamedTuple):
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


# slots: one Node is built per block, and a slotted instance is built and read faster.
@dataclass(slots=True)
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


# A Node built without its __init__ (a Python frame binding eleven parameters, then a
# default_factory call): _Tree.build and _container set every field of NODE_FIELDS themselves,
# one Node per block (tests/test_tokens_perf29.py compares them with the constructor's).
_new_node = object.__new__
NODE_FIELDS: tuple[str, ...] = (
    "kind", "line", "end_line", "level", "text", "inline", "info", "ordered", "rows",
    "row_lines", "children",
)  # fmt: skip


# Every footnote rule needs one of these in the text: a definition or reference `[^label]`,
# an inline note `^[text]`. Without them the plugin changes no token.
_FOOTNOTE_MARKS: tuple[str, ...] = ("[^", "^[")

# Characters that can start commonmark inline markup: escape, code span, emphasis, autolink
# or inline html, entity; and link or image `[`, read in may_hold_markup. (`!` opens an
# image only before `[`; a newline is a soft or hard break, which plain_inline handles.)
_INLINE_MARKUP = re.compile(r"[\\`*_<&]")
# The two characters of _INLINE_MARKUP that may stay plain text (_holds_inline_markup).
_UNDERSCORE_OR_AMPERSAND = re.compile(r"[_&]")
# The text between code spans keeps only unmatched backtick runs, which are plain text.
_MARKUP_BUT_BACKTICKS = re.compile(r"[\\*_<&]")
# What the entity rule (rules_inline/entity.py) needs after `&`: `#`, or a name and `;` (its
# name is [a-z][a-z0-9]{1,31} under re.I, which also reads the Kelvin sign and long s: \w).
_ENTITY_START = re.compile(r"&(?:#|\w{2,32};)")
# Where markdown-it's text rule must stop for this grammar's inline rules: the characters
# above, `[` and `!` of links and images, `]` closing their labels, a line break.
_INLINE_STOPS = re.compile(r"[\n\\`*_\[\]!<&]")

# Block rules that cannot match a text lacking what they look for. Most are tried on every
# line (as paragraph terminators); leaving out those that cannot match saves a sixth of the
# block pass. Each returns False before changing any state, except lheading, which leaves
# state.parentType at "paragraph"; only list reads it, and only when called as a terminator,
# after the caller has set its own (paragraph, blockquote, list, reference, table all do).
# Rule -> strings one of which it needs in the text:
_BLOCK_RULE_MARKS: dict[str, tuple[str, ...]] = {
    "table": ("|",),  # the header row holds a pipe
    "fence": ("```", "~~~"),
    "blockquote": (">",),
    "reference": ("[",),  # a definition opens a line with `[label]:`
    "html_block": ("<",),
}
# Rule -> characters one of which must end a line (but for spaces and tabs):
_BLOCK_RULE_LINE_ENDS: dict[str, frozenset[str]] = {
    "lheading": frozenset("=-"),  # a setext underline: a run of `=` or `-`
    "hr": frozenset("-*_"),  # a thematic break: three `-`, `*` or `_`, spaces between
}
PRUNABLE_BLOCK_RULES: tuple[str, ...] = (*_BLOCK_RULE_MARKS, *_BLOCK_RULE_LINE_ENDS)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # commonmark + tables (timeline and IOC tables need them) + footnotes (references).
    return MarkdownIt("commonmark").enable("table").use(footnote_plugin)


@lru_cache(maxsize=1)
def _plain_parser() -> MarkdownIt:
    # The same grammar without the footnote plugin, whose block, inline and core rules cost
    # time on every document though few hold a footnote.
    return MarkdownIt("commonmark").enable("table")


# A plain http(s) URL: ASCII host (no punycode 'xn--' label), optional port, then only
# characters markdown-it's link normalisers leave as they are: no '%' (normalizeLinkText
# decodes escapes), no '@' (user info), no blank, quote, bracket, backslash or non-ASCII.
_PLAIN_URL = re.compile(
    r"(?i:https?)://(?!.*xn--)[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][A-Za-z0-9\-._~/?#=&+,;:!*'()$]*)?",
    re.ASCII,
)


class _LinkParser(MarkdownIt):
    """markdown-it whose link normalisers hand a plain URL back at once.

    normalizeLink and normalizeLinkText parse a URL with mdurl, recode its host name with
    punycode and percent-encode (or decode) it: most of the cost of a paragraph holding a
    link. For a URL matching _PLAIN_URL both give the URL unchanged (tests/test_tokens_perf6.py
    checks that on generated URLs and every link of the fixtures, docs and corpus).
    """

    def normalizeLink(self, url: str) -> str:
        return url if _PLAIN_URL.fullmatch(url) else super().normalizeLink(url)

    def normalizeLinkText(self, link: str) -> str:
        return link if _PLAIN_URL.fullmatch(link) else super().normalizeLinkText(link)


# What markdown-it's core normalize rule rewrites: CR and CRLF line ends to LF, NUL to U+FFFD.
# A text without them comes back unchanged, yet its newline regex (`\r\n?|\n`, a sub that
# rebuilds the text) cost about a tenth of the block pass on small reports; source.load has
# folded every line end to LF already, so the text parse() hands over never holds one.
_NORMALIZED_CHARACTERS: tuple[str, ...] = ("\r", "\0")


def is_normalized(text: str) -> bool:
    """True when markdown-it's normalize rule would give the text back unchanged."""
    return not _holds_any(text, _NORMALIZED_CHARACTERS)


# One parser per subset of PRUNABLE_BLOCK_RULES (7 rules), with and without normalize.
@lru_cache(maxsize=256)
def _block_parser(absent: frozenset[str] = frozenset(), normalized: bool = False) -> MarkdownIt:
    parser = block_parser_by_rule(absent, normalized)
    if not _known_internals(parser):
        return parser  # a markdown-it of another shape: its own block pass, unchanged
    _split_table_rows_plainly(parser.block.ruler)
    _read_tables_in_place(parser.block.ruler)
    _read_headings_with_str_methods(parser.block.ruler)
    _read_paragraphs_in_place(parser.block.ruler)
    _read_lists_in_place(parser)
    _read_quotes_in_place(parser)
    _dispatch_by_first_character(parser.block.ruler)
    block = _ParserBlock()
    block.ruler = parser.block.ruler  # the rules as configured and dispatched
    block.code_enabled = "code" in block.ruler.get_active_rules()
    parser.block = block
    return parser


# rules_block/list.py, blockquote.py and reference.py read these (markdown-it 4.x).
UNSET_RULE_OPTIONS: tuple[str, ...] = ("tasklists", "alerts", "inline_definitions")


def block_parser_by_rule(absent: frozenset[str], normalized: bool) -> MarkdownIt:
    """_block_parser's grammar with markdown-it's own rule chains (the tests compare them)."""
    # The plain grammar stopping after the block pass, without the block rules that cannot
    # match (absent), and without the normalize rule when the text is normalized already.
    # Inline parsing is half of markdown-it's time and most paragraphs are plain prose:
    # parse_blocks parses inline content itself, with markdown-it's inline parser only where
    # markup can occur.
    parser = _LinkParser("commonmark").disable(["inline", "text_join"])
    # Options the rules read with options.get(key, False) and the preset does not set: a key
    # missing from the OptionsDict costs a KeyError raised and caught per read (~1 µs; the list
    # rule reads 'tasklists' at every item). Set to what get then gives, any preset value kept.
    for key in UNSET_RULE_OPTIONS:
        parser.options.setdefault(key, False)
    if normalized:
        parser.disable("normalize")
    if "table" not in absent:
        parser.enable("table")
    if absent - {"table"}:
        parser.disable(sorted(absent - {"table"}))
    # The text rule stops at every character some rule might react to (markdown-it's default
    # set keeps room for extensions: `:`, `-`, `#`, ...); at the others every rule is tried in
    # vain and the character joins the pending text anyway. Stop only where a rule of this
    # grammar can start, and at `]`, which link labels look for (helpers/parse_link_label).
    # (tests/test_tokens_fastpath.py compares the result with the full pipeline.)
    parser.inline.terminator_re = _INLINE_STOPS
    return parser


# The fast block pass below leans on markdown-it's internals (3.0 to 4.x): Token's fields, which
# _StateBlock.push fills, and the Ruler's compiled chains, which the dispatchers replace. A
# release of another shape gets markdown-it's own block pass instead of tokens missing a field.
_TOKEN_FIELDS = (
    "type", "tag", "nesting", "attrs", "map", "level", "children", "content", "markup", "info",
    "meta", "block", "hidden",
)  # fmt: skip


def _known_internals(parser: MarkdownIt) -> bool:
    """Whether markdown-it's Token and Ruler have the shape the fast block pass was written for."""
    names = tuple(item.name for item in fields(Token))
    ruler = parser.block.ruler
    return names == _TOKEN_FIELDS and hasattr(ruler, "__rules__") and hasattr(ruler, "__cache__")


# Block rules that return False, changing nothing, unless the line's first character (after
# its indent) is one of these: each reads state.src[bMarks + tShift] against its markers
# before anything else (rules_block/*.py). Rule -> those characters.
BLOCK_RULE_FIRST_CHARACTERS: dict[str, str] = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",  # a bullet, or the digits of an ordered marker
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}

_BlockRule = Callable[[StateBlock, int, int, bool], bool]


def _dispatch_by_first_character(ruler: Ruler[_BlockRule]) -> None:
    """Replace each compiled chain of block rules by one rule trying only those that can
    match the line's first character, in the chain's order.

    The block pass tries every rule of a chain at the start of every block, and the
    paragraph chain at every line of a paragraph (as terminators): most calls fail at the
    first character after logging their entry, and they were about a third of the pass.
    A later enable or disable recompiles the plain chains.
    """
    names = {rule.fn: rule.name for rule in ruler.__rules__}
    ruler.getRules()  # compiles the chains
    assert ruler.__cache__ is not None
    for chain, rules in ruler.__cache__.items():
        ruler.__cache__[chain] = [_first_character_dispatch([(names[r], r) for r in rules])]


# Block rules that return False, changing nothing, on a line indented as a code block (four
# columns past state.blkIndent): each reads state.is_code_block(startLine) before it pushes a
# token or sets state (rules_block/*.py). Only code and paragraph match such a line.
_REFUSING_CODE_LINES: frozenset[str] = frozenset(
    ("table", "fence", "blockquote", "hr", "list", "reference", "html_block", "heading", "lheading")
)


def _code_rule(rules: list[tuple[str, _BlockRule]]) -> _BlockRule | None:
    """The chain's code rule when every rule before it refuses code lines (then the chain
    gives a code line to it at once); None otherwise."""
    for name, rule in rules:
        if name == "code":
            return rule
        if name not in _REFUSING_CODE_LINES:
            return None
    return None


def _first_character_dispatch(rules: list[tuple[str, _BlockRule]]) -> _BlockRule:
    """One rule trying, in order, the rules that can match at the line's first character.

    The code rule is tried at the start of every block and matches only a line indented four
    columns past the block's indent, which every rule before it refuses: the dispatch reads
    that indent itself and hands such a line to the code rule alone, any other to the rest.
    """
    code = _code_rule(rules)
    if code is not None:
        rules = [(name, rule) for name, rule in rules if rule is not code]
    characters = set("".join(BLOCK_RULE_FIRST_CHARACTERS.get(name, "") for name, _ in rules))
    anywhere = tuple(rule for name, rule in rules if name not in BLOCK_RULE_FIRST_CHARACTERS)
    by_character = {
        character: tuple(
            rule
            for name, rule in rules
            if character in BLOCK_RULE_FIRST_CHARACTERS.get(name, character)
        )
        for character in characters
    }

    def dispatch(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if code is not None and state.sCount[start] - state.blkIndent >= 4:
            return code(state, start, end, silent)
        at = state.bMarks[start] + state.tShift[start]
        for rule in by_character.get(state.src[at : at + 1], anywhere):
            if rule(state, start, end, silent):
                return True
        return False

    table = dict(rules).get("table")
    if table is None:
        return dispatch
    # The table rule is tried at every line of a paragraph once the text holds a `|`, and
    # returns False, changing nothing, unless the next line (its delimiter row) opens with
    # one of _TABLE_ROW_STARTS after its indent: read those two characters here instead.
    no_table = {character: _without(table, chain) for character, chain in by_character.items()}
    anywhere_no_table = _without(table, anywhere)

    def dispatch_with_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if code is not None and state.sCount[start] - state.blkIndent >= 4:
            return code(state, start, end, silent)
        at = state.bMarks[start] + state.tShift[start]
        first = state.src[at : at + 1]
        below = start + 1
        row = state.bMarks[below] + state.tShift[below] if below < end else -1
        if row >= 0 and state.src[row : row + 2] in _TABLE_ROW_STARTS:
            chain = by_character.get(first, anywhere)
        else:
            chain = no_table.get(first, anywhere_no_table)
        for rule in chain:  # noqa: SIM110 - any() over a generator costs a frame per line
            if rule(state, start, end, silent):
                return True
        return False

    return dispatch_with_table


def _split_table_rows_plainly(ruler: Ruler[_BlockRule]) -> None:
    """Give the table rule (if enabled) a row split that calls str.split on rows without a
    backslash.

    rules_block/table.py splits each row with escapedSplit, which walks it in Python a
    character at a time to find the pipes a backslash escapes: a tenth of the block pass on
    reports holding tables. A row without a backslash escapes no pipe, and escapedSplit gives
    str.split("|")'s list. The rule's own code runs, with that one global name bound to
    _plain_split (tests/test_tokens_perf15.py compares the two splits); a markdown-it whose
    table rule reads no escapedSplit keeps its rule.
    """
    for rule in ruler.__rules__:
        if rule.name == "table" and rule.enabled:
            table = rule.fn
            if not isinstance(table, FunctionType) or table.__closure__ is not None:
                continue  # a closure or a callable of another kind is kept as it is
            names = table.__globals__
            if "escapedSplit" in table.__code__.co_names and "escapedSplit" in names:
                bound = {**names, "escapedSplit": partial(_plain_split, names["escapedSplit"])}
                fast = FunctionType(table.__code__, bound, table.__name__, table.__defaults__)
                fast.__kwdefaults__ = table.__kwdefaults__
                ruler.at("table", fast, {"alt": list(rule.alt)})


# rules_block/table.py: the package's name `table` is its rule, which hides the module.
table_module = import_module("markdown_it.rules_block.table")
# What table_rule reads of the module besides its rule (markdown-it 4.x).
_TABLE_MODULE_NAMES: tuple[str, ...] = ("headerLineRe", "MAX_AUTOCOMPLETED_CELLS", "escapedSplit")


def _read_tables_in_place(ruler: Ruler[_BlockRule]) -> None:
    """Put table_rule in the place of markdown-it's own table rule (not of another's), as
    markdown-it wrote it or with its row split bound to _plain_split."""
    module = vars(table_module)
    if not all(name in module for name in _TABLE_MODULE_NAMES):
        return
    for rule in ruler.__rules__:
        if rule.name == "table" and getattr(rule.fn, "__code__", None) is module["table"].__code__:
            ruler.at("table", table_rule, {"alt": list(rule.alt)})


def table_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """rules_block/table.py's rule with its state methods read in place, rows split by
    _plain_split and each cell's three tokens built in one call (_push_cell).

    A table row is eight tokens or more (a timeline table is most of a small report's
    tokens), each pushed by state.push, and the rule called state.is_code_block and getLine
    per row. The steps, their order and the tokens are markdown-it's (tests/
    test_tokens_perf25.py compares the rules on generated tables). Under parse_blocks' state
    (_NodeState) the table is one _TableBlock (_push_table_block) in the place of its tokens:
    a row was eight tokens or more, most of a timeline table's cost (tests/
    test_tokens_perf40.py compares the tree's table Nodes with markdown-it's tables').
    """
    module = vars(table_module)
    if start + 2 > end:
        return False
    bMarks, eMarks, tShift, sCount = state.bMarks, state.eMarks, state.tShift, state.sCount
    src = state.src
    code_enabled = state._code_enabled
    next_line = start + 1
    if sCount[next_line] < state.blkIndent:
        return False
    if code_enabled and sCount[next_line] - state.blkIndent >= 4:
        return False  # state.is_code_block
    # The delimiter row: `|`, `-` or `:`, then one of them or a space or tab (not `-` and a
    # space: a list item), then only those.
    pos = bMarks[next_line] + tShift[next_line]
    maximum = eMarks[next_line]
    if pos >= maximum:
        return False
    first = src[pos]
    pos += 1
    if first not in ("|", "-", ":"):
        return False
    if pos >= maximum:
        return False
    second = src[pos]
    pos += 1
    if second not in ("|", "-", ":", " ", "\t"):
        return False
    if first == "-" and second in (" ", "\t"):
        return False
    if src[pos:maximum].strip("|-: \t"):
        return False
    aligns: list[str] = []
    columns = src[bMarks[next_line] + tShift[next_line] : maximum].split("|")
    last = len(columns) - 1
    header_line = module["headerLineRe"]
    for i, column in enumerate(columns):
        text = column.strip(MD_TRIM_CHARS)  # mdTrim(column)
        if not text:
            # empty columns are allowed before and after the table, not between columns
            if i == 0 or i == last:
                continue
            return False
        if not header_line.search(text):
            return False
        if text[-1] == ":":
            aligns.append("center" if text[0] == ":" else "right")
        elif text[0] == ":":
            aligns.append("left")
        else:
            aligns.append("")

    line_text = src[bMarks[start] + tShift[start] : eMarks[start]].strip(MD_TRIM_CHARS)
    if "|" not in line_text:
        return False
    if code_enabled and sCount[start] - state.blkIndent >= 4:
        return False  # state.is_code_block
    columns = escapedSplit(line_text)
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    # the header row sets the table's number of columns; the delimiter row must match it
    column_count = len(columns)
    if column_count == 0 or column_count != len(aligns):
        return False
    if silent:
        return True

    old_parent = state.parentType
    state.parentType = "table"
    # blockquote's terminators: the most similar to a table's
    terminators = state.md.block.ruler.getRules("blockquote")
    # parse_blocks' pass (_NodeState) gathers the rows into one _TableBlock: each row's line
    # and its cells' contents, what _Tree._table reads off the tokens, which are not built.
    nodes = type(state) is _NodeState
    if nodes:
        # mdTrim(column) is column.strip(MD_TRIM_CHARS), as below
        rows = [tuple([_new_tuple(_Cell, (column.strip(MD_TRIM_CHARS),)) for column in columns])]
        row_lines = [start + 1]
        empty = _new_tuple(_Cell, ("",))  # "".strip() is ""
    else:
        token = state.push("table_open", "table", 1)
        token.map = table_lines = [start, 0]
        token = state.push("thead_open", "thead", 1)
        token.map = [start, start + 1]
        token = state.push("tr_open", "tr", 1)
        token.map = [start, start + 1]
        # mdTrim(column) is column.strip(MD_TRIM_CHARS): read in place, a call per cell spared
        for i, column in enumerate(columns):
            _push_cell(state, "th", aligns[i], start, column.strip(MD_TRIM_CHARS))
        state.push("tr_close", "tr", -1)
        state.push("thead_close", "thead", -1)

    tbody_lines: list[int] | None = None
    autocompleted_cells = 0
    most_cells = module["MAX_AUTOCOMPLETED_CELLS"]
    next_line = start + 2
    while next_line < end:
        if sCount[next_line] < state.blkIndent:
            break
        for rule in terminators:
            if rule(state, next_line, end, True):
                break
        else:
            line_text = src[bMarks[next_line] + tShift[next_line] : eMarks[next_line]].strip(
                MD_TRIM_CHARS
            )
            if not line_text:
                break
            if code_enabled and sCount[next_line] - state.blkIndent >= 4:
                break  # state.is_code_block
            columns = escapedSplit(line_text)
            if columns and columns[0] == "":
                columns.pop(0)
            if columns and columns[-1] == "":
                columns.pop()
            # negative when a row has more columns than the header: no matter
            present = len(columns)
            autocompleted_cells += column_count - present
            if autocompleted_cells > most_cells:
                break
            if nodes:
                # the td cells below: the first column_count columns, then empty ones
                cells = [
                    _new_tuple(_Cell, (column.strip(MD_TRIM_CHARS),)) if column else empty
                    for column in columns[:column_count]
                ]
                if present < column_count:
                    cells += [empty] * (column_count - present)
                rows.append(tuple(cells))
                next_line += 1
                row_lines.append(next_line)  # the row's line, 1-based
                continue
            if next_line == start + 2:
                token = state.push("tbody_open", "tbody", 1)
                token.map = tbody_lines = [start + 2, 0]
            token = state.push("tr_open", "tr", 1)
            token.map = [next_line, next_line + 1]
            for i in range(column_count):
                column = columns[i] if i < present else ""
                content = column.strip(MD_TRIM_CHARS) if column else ""
                _push_cell(state, "td", aligns[i], next_line, content)
            state.push("tr_close", "tr", -1)
            next_line += 1
            continue
        break

    if nodes:
        _push_table_block(state, start + 1, next_line, rows, row_lines)
    else:
        if tbody_lines:
            state.push("tbody_close", "tbody", -1)
            tbody_lines[1] = next_line
        state.push("table_close", "table", -1)
        table_lines[1] = next_line
    state.parentType = old_parent
    state.line = next_line
    return True


class _Cell(NamedTuple):
    """A table cell's inline content in a _TableBlock: what _Tree's inline_of reads of the
    cell's inline token (a tuple: built in C, its field read in C)."""

    content: str


class _TableBlock:
    """A table in a _NodeState's token list, in the place of its tokens (eight or more a row:
    tr, th/td, inline, each opened and closed): its Node, all but rows, and each row's cells,
    whose inline content _Tree.build reads once the block pass is done."""

    __slots__ = ("cells", "node")
    # What the block rules read of a token (list_rule's markTightParagraphs: type and level)
    # and _Tree.build's mark.
    nesting = 3
    type = "table_block"
    level = -1

    cells: list[tuple[_Cell, ...]]
    node: Node


def _push_table_block(
    state: StateBlock,
    line: int,
    end_line: int,
    rows: list[tuple[_Cell, ...]],
    row_lines: list[int],
) -> None:
    """Append a _TableBlock for the table on lines line to end_line (1-based, inclusive): the
    Node _Tree._table builds from the table's tokens (its lines the table_open's map, each
    row's line its tr_open's, text, inline, info, ordered, level and children the defaults),
    but for its rows, and the rows' cells (tests/test_tokens_perf40.py)."""
    node = _text_node("table", line, end_line, 0)
    node.text = ""
    node.inline = EMPTY_INLINE
    node.row_lines = tuple(row_lines)
    block = _new_text_block(_TableBlock)
    block.cells = rows
    block.node = node
    state.tokens.append(block)  # type: ignore[arg-type]


def _plain_split(escaped_split: Callable[[str], list[str]], row: str) -> list[str]:
    """escapedSplit(row): str.split when no backslash can escape a pipe."""
    return escaped_split(row) if "\\" in row else row.split("|")


# table_rule's row split, under the name markdown-it's rule reads it by (so the split a
# parser's table rule uses is found the same way, whichever of the two rules it holds).
escapedSplit = partial(_plain_split, table_module.escapedSplit)


def _in_place_of(
    ruler: Ruler[_BlockRule], name: str, original: _BlockRule, replacement: _BlockRule
) -> None:
    """Put replacement in the place of the rule called name where that is markdown-it's own
    (original), with its alternation chains; a rule of another's under the name is kept."""
    for rule in ruler.__rules__:
        if rule.name == name and rule.fn is original:
            ruler.at(name, replacement, {"alt": list(rule.alt)})


def _read_headings_with_str_methods(ruler: Ruler[_BlockRule]) -> None:
    """Put heading_rule in the place of markdown-it's own heading rule (not of another's)."""
    _in_place_of(ruler, "heading", heading, heading_rule)


def heading_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """rules_block/heading.py's rule (`# Title`) with str methods for its character loops.

    Reports hold a heading every few lines, and the rule counted the `#` run, then skipped
    the trailing spaces and closing `#` run, a character at a time in Python. Here the run
    is lstrip's, the tail rstrip's: the same bounds, so the same tokens (tests/
    test_tokens_perf15.py compares the rules on generated headings).
    """
    pos = state.bMarks[start] + state.tShift[start]
    maximum = state.eMarks[start]
    if state._code_enabled and state.sCount[start] - state.blkIndent >= 4:
        return False  # state.is_code_block(start), read in place (a call per heading spared)
    line = state.src[pos:maximum]
    level = len(line) - len(line.lstrip("#"))  # markdown-it counts up to 7
    if not level or level > 6 or line[level : level + 1] not in ("", " ", "\t"):
        return False
    if silent:
        return True
    # The text after the run, without trailing spaces and tabs, and without a closing `#`
    # run when a space or tab precedes it (`## Title ##`).
    text = line[level:].rstrip(" \t")
    unclosed = text.rstrip("#")
    if unclosed[-1:] in (" ", "\t"):
        text = unclosed
    state.line = start + 1
    if type(state) is _NodeState:
        _push_node(state, "heading", start + 1, start + 1, level, text.strip(MD_TRIM_CHARS))
        return True
    tag = _HEADING_TAGS[level]
    lines = [start, start + 1]
    _push_three(
        state,
        "heading_open",
        "heading_close",
        tag,
        "#" * level,
        {},
        lines,
        lines.copy(),
        text.strip(MD_TRIM_CHARS),  # mdTrim(text), without its call
    )
    return True


_HEADING_TAGS = ("", "h1", "h2", "h3", "h4", "h5", "h6")  # level -> f"h{level}"


def _push_cell(state: StateBlock, tag: str, align: str, line: int, content: str) -> None:
    """What the table rule pushes for a th or td cell on line (_push_three)."""
    attrs: dict[str, str | int | float] = {"style": "text-align:" + align} if align else {}
    inline_map = [line, line + 1]
    _push_three(state, tag + "_open", tag + "_close", tag, "", attrs, None, inline_map, content)


def _push_three(
    state: StateBlock,
    opening_type: str,
    closing_type: str,
    tag: str,
    markup: str,
    attrs: dict[str, str | int | float],
    opening_map: list[int] | None,
    inline_map: list[int],
    content: str,
) -> None:
    """Append an opening token (attrs, opening_map), an inline token holding content
    (inline_map, children []) and its closing token, markup on the two tags: what state.push
    gives for a heading or paragraph (both maps [start, end], each its own list) and what the
    table rule pushes for a cell (an align style attribute, no map on the opening, the inline's
    [line, line + 1], no markup).

    One token in three of a report is pushed here: the three are built in one call, each
    field set once, the levels known (open at state.level, inline one deeper, close back),
    instead of three push calls setting defaults, then the map, content and markup
    (tests/test_tokens_perf25.py compares the tokens with push's).
    """
    level = state.level
    opening = _new_token(Token)
    opening.type = opening_type
    opening.tag = tag
    opening.nesting = 1
    opening.attrs = attrs
    opening.map = opening_map
    opening.level = level
    opening.children = None
    opening.content = opening.info = ""
    opening.markup = markup
    opening.meta = {}
    opening.block = True
    opening.hidden = False
    inline = _new_token(Token)
    inline.type = "inline"
    inline.tag = ""
    inline.nesting = 0
    inline.attrs = {}
    inline.map = inline_map
    inline.level = level + 1
    inline.children = []
    inline.content = content
    inline.markup = inline.info = ""
    inline.meta = {}
    inline.block = True
    inline.hidden = False
    closing = _new_token(Token)
    closing.type = closing_type
    closing.tag = tag
    closing.nesting = -1
    closing.attrs = {}
    closing.map = None
    closing.level = level
    closing.children = None
    closing.content = closing.info = ""
    closing.markup = markup
    closing.meta = {}
    closing.block = True
    closing.hidden = False
    state.tokens += (opening, inline, closing)


class _TextBlock:
    """A heading or paragraph in a _NodeState's token list, in the place of its three tokens:
    its Node, all but text and inline, and its inline content, which _Tree.build reads once
    the block pass is done (the link reference definitions known)."""

    __slots__ = ("content", "node")
    # What the block rules read of a token (list_rule's markTightParagraphs reads type and
    # level: a paragraph_open's hidden flag, which no Node holds) and _Tree.build's mark.
    nesting = 2
    type = "text_block"
    level = -1

    content: str
    node: Node


def _push_node(
    state: StateBlock, kind: str, line: int, end_line: int, level: int, content: str
) -> None:
    """Append a _TextBlock for a heading or paragraph: the Node _Tree.build builds from the
    three tokens _push_three appends (opening, inline, closing), but for text and inline."""
    block = _new_text_block(_TextBlock)
    block.content = content
    block.node = _text_node(kind, line, end_line, level)
    state.tokens.append(block)  # type: ignore[arg-type]


_new_text_block = object.__new__


def _text_node(
    kind: str, line: int, end_line: int, level: int, info: str = "", ordered: bool = False
) -> Node:
    """A block's Node, all but its text and inline, which the caller sets (a heading's or
    paragraph's, and with info and ordered a list's or item's, _container): Node(kind, line,
    end_line, level, …) with its fields set here (_new_node), a third of the tree's time having
    gone to Node's __init__."""
    node = _new_node(Node)
    node.kind = kind
    node.line = line
    node.end_line = end_line
    node.level = level
    node.info = info
    node.ordered = ordered
    node.rows = node.row_lines = ()
    node.children = []
    return node


def _read_paragraphs_in_place(ruler: Ruler[_BlockRule]) -> None:
    """Put paragraph_rule in the place of markdown-it's own paragraph rule (not of another's)."""
    _in_place_of(ruler, "paragraph", paragraph, paragraph_rule)


def paragraph_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """rules_block/paragraph.py's rule with its line tests read from the line marks in place
    and a one-line paragraph's content sliced from the text.

    The paragraph is the commonest block (nearly half of a small report's): its rule logged
    its entry, called state.isEmpty at every line and state.getLines, a Python loop over the
    indent, for the content. getLines drops from a line's start only spaces and tabs and the
    characters before its content (state.tShift), and pads with spaces: when those characters
    are spaces and tabs too, or a list marker and spaces on a list item's first line, the
    content trimmed is the rest of the line trimmed (tests/test_tokens_perf18.py and
    tests/test_tokens_perf22.py compare the rules on generated paragraphs and lists).
    """
    next_line = start + 1
    terminators = state.md.block.ruler.getRules("paragraph")
    end = state.lineMax
    bMarks, eMarks, tShift, sCount = state.bMarks, state.eMarks, state.tShift, state.sCount
    old_parent = state.parentType
    state.parentType = "paragraph"
    # jump line by line until an empty one or the end
    while next_line < end:
        if bMarks[next_line] + tShift[next_line] >= eMarks[next_line]:
            break  # state.isEmpty
        # An indent of a code block after a paragraph line, or a negative one (a blockquote's
        # quirk: the blockquote rule has read that line), is a lazy continuation.
        indent = sCount[next_line]
        if indent - state.blkIndent > 3 or indent < 0:
            next_line += 1
            continue
        # Some blocks end a paragraph without an empty line (the chain is one dispatch).
        for rule in terminators:
            if rule(state, next_line, end, True):
                break
        else:
            next_line += 1
            continue
        break
    line_start = bMarks[start]
    shift = tShift[start]
    before = state.src[line_start : line_start + shift]  # an indent, or a list marker
    # getLines skips a column per character of before (a tab to its tab stop) up to
    # state.blkIndent: with no tab and blkIndent at least its length (a list item's first
    # line: the item's indent counts its marker) it skips all of before and no more, the
    # content's first character being no space. Then the content is the rest of the line.
    if next_line == start + 1 and (
        not before.strip(" \t") or ("\t" not in before and shift <= state.blkIndent)
    ):
        content = state.src[line_start + shift : eMarks[start]].strip(MD_TRIM_CHARS)
    elif state.blkIndent == 0 and _adjoining(bMarks, eMarks, start + 1, next_line):
        # getLines at indent 0 skips nothing: each line from its start, with its newline but
        # the last. Lines whose starts no blockquote moved ('>' read off) adjoin, and those
        # pieces joined are one slice of the text (a wrapped paragraph outside lists).
        content = state.src[line_start : eMarks[next_line - 1]].strip(MD_TRIM_CHARS)
    else:
        content = mdTrim(state.getLines(start, next_line, state.blkIndent, False))
    state.line = next_line
    if type(state) is _NodeState:
        # The lines of the map [start, next_line] as _Tree.build reads them (1-based,
        # inclusive): next_line is past start, so the last line is next_line itself.
        _push_node(state, "paragraph", start + 1, next_line, 0, content)
    else:
        lines = [start, next_line]
        _push_three(
            state, "paragraph_open", "paragraph_close", "p", "", {}, lines, lines.copy(), content
        )
    state.parentType = old_parent
    return True


def _adjoining(bMarks: list[int], eMarks: list[int], first: int, stop: int) -> bool:
    """Whether each line from first to stop starts right after the newline ending the line
    before it (a blockquote moves a quoted line's start past its '>')."""
    for line in range(first, stop):  # noqa: SIM110 - all() over a generator costs a frame
        if bMarks[line] != eMarks[line - 1] + 1:
            return False
    return True


def _read_lists_in_place(parser: MarkdownIt) -> None:
    """Put list_rule in the place of markdown-it's own list rule (not of another's), when the
    task-list option it leaves out is off (block_parser_by_rule sets it False)."""
    if not parser.options.get("tasklists", False):
        _in_place_of(parser.block.ruler, "list", list_block, list_rule)


def _bullet_after(src: str, pos: int, maximum: int) -> int:
    """rules_block/list.py's skipBulletListMarker on the line's first character at pos."""
    if src[pos : pos + 1] not in ("*", "-", "+"):
        return -1
    if pos + 1 < maximum and src[pos + 1] not in (" ", "\t"):
        return -1
    return pos + 1


def list_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """rules_block/list.py's list_block without the task-list option (off in our parsers),
    its state methods and option reads done in place.

    A report holds a list every few blocks and an item every few lines: the rule logged its
    entry, called state.is_code_block, both marker readers and state.isEmpty per item, and
    read options.get('tasklists') twice per item and once per list (a Mapping method through
    OptionsDict). The steps, their order and the tokens are markdown-it's (tests/
    test_tokens_perf22.py compares the rules on generated lists).
    """
    bMarks, eMarks, tShift, sCount = state.bMarks, state.eMarks, state.tShift, state.sCount
    src = state.src
    code_enabled = state._code_enabled
    if code_enabled and sCount[start] - state.blkIndent >= 4:
        return False  # state.is_code_block
    # An item indented past a list's content but less than its container: a continuation.
    if (
        state.listIndent >= 0
        and sCount[start] - state.listIndent >= 4
        and sCount[start] < state.blkIndent
    ):
        return False
    terminating = silent and state.parentType == "paragraph" and sCount[start] >= state.blkIndent
    first = bMarks[start] + tShift[start]
    after = skipOrderedListMarker(state, start) if src[first : first + 1].isdigit() else -1
    ordered = after >= 0
    if ordered:
        marker_value = int(src[first : after - 1])
        if terminating and marker_value != 1:
            return False  # an ordered list interrupting a paragraph starts at 1
    else:
        after = _bullet_after(src, first, eMarks[start])
        if after < 0:
            return False
    if terminating and state.skipSpaces(after) >= eMarks[start]:
        return False  # a list interrupting a paragraph has text on its first line
    marker = src[after - 1]
    if silent:
        return True

    # parse_blocks' pass (_NodeState) has each item be an _ItemBlock and _ITEM_CLOSE, not
    # two tokens: the tree reads its Node off it, not _container off the opening token.
    nodes = type(state) is _NodeState
    list_index = len(state.tokens)
    if ordered:
        token = state.push("ordered_list_open", "ol", 1)
        if marker_value != 1:
            token.attrs = {"start": marker_value}
    else:
        token = state.push("bullet_list_open", "ul", 1)
    token.map = list_lines = [start, 0]
    token.markup = marker

    next_line = start
    previous_empty_end = False
    tight = True
    terminators = state.md.block.ruler.getRules("list")
    tokenize = state.md.block.tokenize
    old_parent = state.parentType
    state.parentType = "list"

    while next_line < end:
        pos = after
        maximum = eMarks[next_line]
        initial = offset = sCount[next_line] + after - (bMarks[start] + tShift[start])
        while pos < maximum:
            character = src[pos]
            if character == "\t":
                offset += 4 - (offset + state.bsCount[next_line]) % 4
            elif character == " ":
                offset += 1
            else:
                break
            pos += 1
        content_start = pos
        # trimming space in the "-    \n  3" case, and more than 4 spaces: the indent is 1
        indent_after_marker = 1 if content_start >= maximum else offset - initial
        if indent_after_marker > 4:
            indent_after_marker = 1
        indent = initial + indent_after_marker

        if nodes:
            # the item's Node as _container makes it of list_item_open (info: its number, or
            # else its marker), but for the level (its depth, the tree's) and the last line
            item = _new_text_block(_ItemBlock)
            item.node = node = _text_node(
                "list_item", start + 1, 0, 0, src[first : after - 1] if ordered else marker
            )
            node.text = ""
            node.inline = EMPTY_INLINE
            state.tokens.append(item)  # type: ignore[arg-type]
            state.level += 1  # as push("list_item_open", "li", 1) does
        else:
            token = state.push("list_item_open", "li", 1)
            token.markup = marker
            token.map = item_lines = [start, 0]
            if ordered:
                token.info = src[first : after - 1]

        old_tight = state.tight
        old_tshift = tShift[start]
        old_scount = sCount[start]
        old_list_indent = state.listIndent
        state.listIndent = state.blkIndent
        state.blkIndent = indent
        state.tight = True
        tShift[start] = content_start - bMarks[start]
        sCount[start] = offset

        if content_start >= maximum and bMarks[start + 1] + tShift[start + 1] >= eMarks[start + 1]:
            # an empty item before an empty line: the list ends before what follows
            state.line = min(state.line + 2, end)
        else:
            tokenize(state, start, end)

        if not state.tight or previous_empty_end:
            tight = False
        # an item ending in an empty line is loose, but for the last one (the list ends)
        line = state.line
        previous_empty_end = (
            line - start > 1 and bMarks[line - 1] + tShift[line - 1] >= eMarks[line - 1]
        )

        state.blkIndent = state.listIndent
        state.listIndent = old_list_indent
        tShift[start] = old_tshift
        sCount[start] = old_scount
        state.tight = old_tight

        next_line = state.line
        if nodes:
            state.level -= 1  # as push("list_item_close", "li", -1) does
            state.tokens.append(_ITEM_CLOSE)  # type: ignore[arg-type]
            # max(line, map's end), as _container reads it: the item's line is start + 1
            node.end_line = next_line if next_line > start + 1 else start + 1
        else:
            token = state.push("list_item_close", "li", -1)
            token.markup = marker
            item_lines[1] = next_line
        start = next_line
        if next_line >= end:
            break
        if sCount[next_line] < state.blkIndent:
            break
        if code_enabled and sCount[start] - state.blkIndent >= 4:
            break  # state.is_code_block
        for rule in terminators:
            if rule(state, next_line, end, True):
                break
        else:
            # the list goes on only with an item of its type and marker
            first = bMarks[next_line] + tShift[next_line]
            if ordered:
                after = skipOrderedListMarker(state, next_line)
            else:
                after = _bullet_after(src, first, eMarks[next_line])
            if after < 0 or src[after - 1] != marker:
                break
            continue
        break

    token = state.push(
        "ordered_list_close" if ordered else "bullet_list_close", "ol" if ordered else "ul", -1
    )
    token.markup = marker
    list_lines[1] = next_line
    state.line = next_line
    state.parentType = old_parent
    if tight:
        markTightParagraphs(state, list_index)
    return True


class _ItemBlock:
    """A list item's opening in a _NodeState's token list, in the place of its list_item_open
    token: the item's Node, all but its level, which _Tree.build sets (the item's depth) and
    its children, which it reads from the blocks up to the item's close (_ITEM_CLOSE)."""

    __slots__ = ("node",)
    # What the block rules read of a token (list_rule's markTightParagraphs: type and level)
    # and _Tree.build's mark.
    nesting = 4
    type = "list_item_block"
    level = -1

    node: Node


class _ItemClose:
    """The close of an _ItemBlock: what _Tree.build and markTightParagraphs read of a
    list_item_close token (its nesting; its type and a level no paragraph has)."""

    __slots__ = ()
    nesting = -1
    type = "list_item_close"
    level = -1


# One close serves every item: nothing changes it.
_ITEM_CLOSE = _ItemClose()


def _read_quotes_in_place(parser: MarkdownIt) -> None:
    """Put blockquote_rule in the place of markdown-it's own blockquote rule (not of
    another's), when the alerts option it leaves out is off (block_parser_by_rule sets it
    False)."""
    if not parser.options.get("alerts", False):
        _in_place_of(parser.block.ruler, "blockquote", blockquote, blockquote_rule)


def blockquote_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """rules_block/blockquote.py's rule without the alerts option, its state methods read in
    place, the first line read by the loop over the quote's lines and each line's old marks
    kept as one tuple.

    The rule logged its entry, read the character after each '>' under a try/except, called
    isStrSpace per blank and appended to four lists per line. The steps, their order and the
    tokens are markdown-it's (tests/test_tokens_perf28.py compares the rules on generated
    quotes: nested, lazy, in lists, with tabs, ended by other blocks).
    """
    if state.md.options.get("alerts", False):  # the options changed since the install
        return blockquote(state, start, end, silent)
    bMarks, eMarks, tShift, sCount = state.bMarks, state.eMarks, state.tShift, state.sCount
    src = state.src
    # state.is_code_block(start)
    if state._code_enabled and sCount[start] - state.blkIndent >= 4:
        return False
    pos = bMarks[start] + tShift[start]
    if src[pos : pos + 1] != ">":  # a slice: '' past the text's end, as the IndexError gave
        return False
    # we know that it's going to be a valid blockquote,
    # so no point trying to find the end of it in silent mode
    if silent:
        return True
    bsCount = state.bsCount
    old_line_max = state.lineMax
    old_parent = state.parentType
    # (markdown-it sets it after reading the first line, which reads no parentType)
    state.parentType = "blockquote"
    terminators = state.md.block.ruler.getRules("blockquote")
    # (bMarks, bsCount, sCount, tShift) of each line from start on, restored at the end
    old: list[tuple[int, int, int, int]] = []
    last_line_empty = False
    # The first line is read as the quoted lines below it are: it is not empty (it holds
    # '>'), and not outdented (tokenize, the one caller not silent, stops at such a line;
    # the test skips it there as markdown-it's rule reads it without the test).
    next_line = start
    while next_line < end:
        # outdented: inside a list item and indented less than it
        is_outdented = sCount[next_line] < state.blkIndent
        pos = bMarks[next_line] + tShift[next_line]
        maximum = eMarks[next_line]
        if pos >= maximum:
            break  # an empty line outside the blockquote
        if src[pos] == ">" and (not is_outdented or next_line == start):
            # a quoted line: its marks set to the text after '>' and one optional blank
            pos += 1
            initial = offset = sCount[next_line] + 1
            after = src[pos : pos + 1]
            # A tab after '>' not taken whole counts a column more while the blanks are
            # read (markdown-it's adjustTab, read only at a tab: after a space or tab here).
            adjust_tab = 0
            if after == " ":
                # skip one optional space after '>'
                pos += 1
                initial += 1
                offset += 1
                space_after_marker = 1
            elif after == "\t":
                space_after_marker = 1
                if (bsCount[next_line] + offset) % 4 == 3:
                    pos += 1  # the tab spans one column: taken as the space
                    initial += 1
                    offset += 1
                else:
                    adjust_tab = 1
            else:
                space_after_marker = 0
            old_b_mark = bMarks[next_line]
            bMarks[next_line] = line_start = pos
            # isStrSpace(character) is character in ("\t", " "): compared in place
            while pos < maximum:
                character = src[pos]
                if character == " ":
                    offset += 1
                elif character == "\t":
                    offset += 4 - (offset + bsCount[next_line] + adjust_tab) % 4
                else:
                    break
                pos += 1
            last_line_empty = pos >= maximum
            s_count = sCount[next_line]
            old.append((old_b_mark, bsCount[next_line], s_count, tShift[next_line]))
            bsCount[next_line] = s_count + 1 + space_after_marker
            sCount[next_line] = offset - initial
            tShift[next_line] = pos - line_start
            next_line += 1
            continue
        if last_line_empty:
            break  # a line outside after an empty line inside
        terminate = False
        for rule in terminators:
            if rule(state, next_line, end, True):
                terminate = True
                break
        if terminate:
            # "hard termination mode" for paragraphs: they must not read on below next_line
            state.lineMax = next_line
            if state.blkIndent != 0:
                # blkIndent is set to zero below: offsets as if the indent were unchanged
                old.append(
                    (bMarks[next_line], bsCount[next_line], sCount[next_line], tShift[next_line])
                )
                sCount[next_line] -= state.blkIndent
            break
        old.append((bMarks[next_line], bsCount[next_line], sCount[next_line], tShift[next_line]))
        sCount[next_line] = -1  # a paragraph continuation (lazy line)
        next_line += 1
    old_indent = state.blkIndent
    state.blkIndent = 0
    lines = [start, 0]
    token = state.push("blockquote_open", "blockquote", 1)
    token.markup = ">"
    token.map = lines
    state.md.block.tokenize(state, start, next_line)
    token = state.push("blockquote_close", "blockquote", -1)
    token.markup = ">"
    state.lineMax = old_line_max
    state.parentType = old_parent
    lines[1] = state.line
    # Restore the marks of every line read.
    line = start
    for b_mark, bs_count, s_count, t_shift in old:
        bMarks[line] = b_mark
        tShift[line] = t_shift
        sCount[line] = s_count
        bsCount[line] = bs_count
        line += 1
    state.blkIndent = old_indent
    return True


# What rules_block/table.py needs first on the line below a table's header row: two of its
# characters, a `|`, `-` or `:` then one of them or a space or tab, but not `-` and a space
# or tab (a list item's marker). A paragraph followed by a list is a paragraph line whose
# next line opens with `- `: the rule was tried there in vain.
_TABLE_ROW_STARTS: frozenset[str] = frozenset(
    first + second
    for first in "|-:"
    for second in "|-: \t"
    if not (first == "-" and second in " \t")
)


def _without(rule: _BlockRule, chain: tuple[_BlockRule, ...]) -> tuple[_BlockRule, ...]:
    return tuple(other for other in chain if other is not rule)


class _StateBlock(StateBlock):
    """markdown-it's block state building its tokens without Token's constructor.

    The block pass builds ~190 tokens on a small report, and a third of the pass went to
    Token(ttype, tag, nesting): a thirteen-field dataclass __init__, then __post_init__
    and convert_attrs to turn the default {} into {}. push fills the same fields with the
    same values (tests/test_tokens_perf11.py compares every field of every token).
    Its line marks come from str.split instead of a Python loop over every line's start
    (tests/test_tokens_perf15.py compares the state with StateBlock's on many texts).
    """

    def __init__(
        self,
        src: str,
        md: MarkdownIt,
        env: EnvType,
        tokens: list[Token],
        lines: list[str] | None = None,
    ) -> None:
        # StateBlock.__init__ sets the same attributes, in this order, then finds each line's
        # marks with str.find and a per-character scan of its indent: about a tenth of the
        # block pass on small reports. _line_marks gives the same lists in a few C calls.
        self.src = src
        self.md = md
        self.env = env
        self.tokens = tokens
        self.bMarks, self.eMarks, self.tShift, self.sCount, self.bsCount = _line_marks(src, lines)
        self.blkIndent = 0
        self.line = 0
        self.lineMax = len(self.bMarks) - 1  # the last entry is a sentinel, not a line
        self.tight = False
        self.ddIndent = -1
        self.listIndent = -1
        self.parentType = "root"
        self.level = 0
        self.result = ""
        # StateBlock reads the active rules' names at every parse; a parser of _block_parser
        # holds the answer, read once when its rules were set (they never change after).
        block = md.block
        code_enabled = block.code_enabled if type(block) is _ParserBlock else None
        if code_enabled is None:
            code_enabled = "code" in block.ruler.get_active_rules()
        self._code_enabled = code_enabled

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        token = _new_token(Token)
        token.type = ttype
        token.tag = tag
        token.nesting = nesting
        token.attrs = {}
        token.map = None
        token.children = None
        token.content = token.markup = token.info = ""
        token.meta = {}
        token.block = True
        token.hidden = False
        if nesting < 0:
            self.level -= 1  # closing tag
        token.level = self.level
        if nesting > 0:
            self.level += 1  # opening tag
        self.tokens.append(token)
        return token


_new_token = object.__new__


class _NodeState(_StateBlock):
    """A _StateBlock whose heading and paragraph rules append a _TextBlock each in the place
    of three tokens (parse_blocks' block pass: _Tree.build reads the Node off it)."""


_LineMarks = tuple[list[int], list[int], list[int], list[int], list[int]]


def _line_marks(src: str, lines: list[str] | None = None) -> _LineMarks:
    """StateBlock's bMarks, eMarks, tShift, sCount and bsCount for src: each line's start and
    end offsets, its indent in characters and in columns (a tab to the next multiple of 4),
    and zeros; one sentinel entry (len(src), len(src), 0, 0, 0) ends each list. lines, when
    given, is src.split("\n"), and is changed.

    StateBlock gives no line to the text after the last newline when it is empty or holds
    only spaces and tabs.
    """
    if lines is None:
        lines = src.split("\n")
    if not lines[-1].strip(" \t"):
        lines.pop()
    length = len(src)
    sizes = [len(line) + 1 for line in lines]  # each line with its newline
    starts = list(accumulate(sizes, initial=0))
    starts[-1] = length  # the sentinel
    if sizes:
        sizes[0] -= 1  # then the running sums are the lines' ends
    ends = list(accumulate(sizes))
    ends.append(length)
    # lstrip gives the line itself back when it has no indent: most lines.
    shifts = [len(line) - len(line.lstrip(" \t")) for line in lines]
    shifts.append(0)
    columns = shifts.copy()  # the block rules change the two lists apart
    if "\t" in src:
        for number, line in enumerate(lines):
            if "\t" in line[: shifts[number]]:
                columns[number] = _indent_columns(line[: shifts[number]])
    return starts, ends, shifts, columns, [0] * len(starts)


def _indent_columns(indent: str) -> int:
    """Columns an indent of spaces and tabs spans, a tab reaching the next multiple of 4."""
    column = 0
    for character in indent:
        column += 4 - column % 4 if character == "\t" else 1
    return column


class _ParserBlock(ParserBlock):
    """markdown-it's block parser on a _StateBlock (ParserBlock.parse, its state replaced),
    with its tokenize loop reading the line marks itself."""

    # Whether the code rule is active, which _block_parser sets once its rules are final
    # (None: the state asks the ruler, as StateBlock does).
    code_enabled: bool | None = None

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """ParserBlock.tokenize with state.skipEmptyLines and state.isEmpty read from the
        line marks in place: the loop runs at every block of the text and of each list item
        and blockquote, and those method calls were a twentieth of the block pass. The rules
        change the marks in place (blockquote, list) and lineMax and blkIndent by assignment,
        so the lists are bound once and the others read at each use, as the methods read them.
        """
        rules = self.ruler.getRules("")
        line = startLine
        maxNesting = state.md.options.maxNesting
        hasEmptyLines = False
        bMarks, eMarks, tShift, sCount = state.bMarks, state.eMarks, state.tShift, state.sCount

        while line < endLine:
            while line < state.lineMax and bMarks[line] + tShift[line] >= eMarks[line]:
                line += 1  # state.skipEmptyLines
            state.line = line
            if line >= endLine:
                break
            if sCount[line] < state.blkIndent:
                # Termination condition for nested calls (lists and blockquotes).
                break
            if state.level >= maxNesting:
                # If nesting level exceeded - skip tail to the end.
                state.line = endLine
                break

            ok = False
            for rule in rules:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            if not ok:
                raise RuntimeError("none of the block rules matched")

            # set state.tight if we had an empty line before current tag
            # i.e. latest empty line should not count
            state.tight = not hasEmptyLines
            line = state.line

            # paragraph might "eat" one newline after it in nested lists
            if (line - 1) < endLine and bMarks[line - 1] + tShift[line - 1] >= eMarks[line - 1]:
                hasEmptyLines = True

            if line < endLine and bMarks[line] + tShift[line] >= eMarks[line]:
                hasEmptyLines = True
                line += 1
                state.line = line

    def parse(
        self, src: str, md: MarkdownIt, env: EnvType, outTokens: list[Token]
    ) -> list[Token] | None:
        if not src:
            return None
        state = _StateBlock(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens


def may_hold_footnote(text: str) -> bool:
    """False when no footnote rule can fire on the text (the plain parser gives the same)."""
    # Both marks hold '^', which few texts do: one search for it answers most texts. (A
    # two-character search reads a text holding non-Latin-1 characters, as most reports do
    # with their typographic quotes, forty times slower than memchr reads one character.)
    return "^" in text and _holds_any(text, _FOOTNOTE_MARKS)


# What str.splitlines breaks lines at besides "\n" (str.split("\n") breaks only there).
_OTHER_LINE_BREAKS: tuple[str, ...] = tuple("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# The ASCII characters str.split() and str.isspace() take for whitespace besides the space,
# "\n" and _OTHER_LINE_BREAKS' (tests/test_tokens_perf35.py checks the three make them all).
_OTHER_ASCII_BLANKS: tuple[str, ...] = ("\t", "\x1f")


def absent_block_rules(
    text: str, lines: list[str] | None = None, other_breaks: bool | None = None
) -> frozenset[str]:
    """The block rules that cannot match anywhere in the text; lines, when given, is
    text.split("\n") (parse_blocks shares its split with the block state's line marks);
    other_breaks, when given, is _holds_any(text, _OTHER_LINE_BREAKS) (parse_blocks reads it
    for the inline contents too)."""
    absent: list[str] = [] if _holds_fence_mark(text) else ["fence"]
    for rule, marks in _SEARCHED_MARKS:
        # _holds_any(text, marks) in place: a call per rule is most of the cost on small texts
        for mark in marks:
            if (len(mark) == 1 or mark[0] in text) and mark in text:
                break
        else:
            absent.append(rule)
    # str.splitlines breaks lines at \r and \n, as markdown-it does, and at a few characters
    # more: extra line ends can only keep a rule in. (A regex over the text costs ten times.)
    # Without those characters its lines are split("\n")'s, but for a last empty line: an
    # empty end, which no rule looks for.
    if other_breaks is None:
        other_breaks = _holds_any(text, _OTHER_LINE_BREAKS)
    if lines is None or other_breaks:
        lines = text.splitlines()
    line_ends = {line[-1:] for line in lines}
    if " " in line_ends or "\t" in line_ends:
        # Few lines end in a blank (a hard break): only then is each line stripped first.
        line_ends = {line.rstrip(" \t")[-1:] for line in lines}
    absent += [rule for rule, ends in _BLOCK_RULE_LINE_ENDS.items() if ends.isdisjoint(line_ends)]
    return frozenset(absent)


# The fence marks as patterns: sre finds a literal of three characters by its first one, where
# str's search for one ('```' in text) lets every space through its skip test (a space and a
# backtick share a bit of its filter) and reads a report with typographic quotes slowly.
_BACKTICK_FENCE = re.compile("```")
_TILDE_FENCE = re.compile("~~~")
# The other rules' marks, searched as substrings (one character each: memchr's search).
_SEARCHED_MARKS = tuple(
    (rule, marks) for rule, marks in _BLOCK_RULE_MARKS.items() if rule != "fence"
)


def _holds_fence_mark(text: str) -> bool:
    """'```' in text or '~~~' in text, the test _BLOCK_RULE_MARKS["fence"] asks: each pattern
    searched from its character's first place (no mark starts before it), and '~~~' only
    where two tildes are (a report's one '~' in "~5 min" is answered by two finds)."""
    at = text.find("`")
    if at >= 0 and _BACKTICK_FENCE.search(text, at) is not None:
        return True
    at = text.find("~")
    return at >= 0 and text.find("~", at + 1) > 0 and _TILDE_FENCE.search(text, at) is not None


def _holds_any(text: str, marks: tuple[str, ...]) -> bool:
    # a loop, not any() over a generator: a generator's frame per call costs more than the
    # searches on small texts, and this runs seven times per parse. A longer mark is looked
    # for only where its first character occurs: a one-character search is memchr's, one of
    # several characters reads a non-Latin-1 text forty times slower ('~~~' in most texts).
    for mark in marks:  # noqa: SIM110
        if (len(mark) == 1 or mark[0] in text) and mark in text:
            return True
    return False


def parse_blocks(text: str, lines: list[str] | None = None) -> list[Node]:
    """Top-level block nodes of a Markdown text. lines, when given, is text.split("\n") (a
    new list: the block pass changes it), which a caller holding the text's lines builds
    without reading the text again (source.SourceDocument.body_lines)."""
    if may_hold_footnote(text):
        # Footnotes are rare; the footnote plugin's core rule needs the inline pass done.
        tree = _Tree(_parser().parse(text), _parsed_inline)
        line_count = text.count("\n") + 1 if lines is None else len(lines)
    else:
        if lines is None:
            # One split of the text serves the line ends absent_block_rules reads, the block
            # state's line marks and the root's last line (a split of a 3 KB report ~7 µs).
            lines = text.split("\n")
        # text.count("\n") + 1 read off the split (the count read the whole text again),
        # before the block state's line marks drop an empty last line from the list.
        line_count = len(lines)
        other_breaks = _holds_any(text, _OTHER_LINE_BREAKS)
        parser = _block_parser(absent_block_rules(text, lines, other_breaks), is_normalized(text))
        env: EnvType = {}  # the block pass stores link reference definitions here
        tokens = block_tokens(parser, text, env, lines, nodes=True)
        # Whether the text's only ASCII whitespace is the space and "\n": then so is an ASCII
        # content's (a content holds the text's characters and spaces getLines pads with).
        spaces_only = not other_breaks and not _holds_any(text, _OTHER_ASCII_BLANKS)
        tree = _Tree(tokens, _lazy_inline_of(parser, env, spaces_only))
    root = Node("root", 1, max(1, line_count))
    tree.build(0, len(tree.tokens), root, depth=0)
    return root.children


def block_tokens(
    parser: MarkdownIt,
    text: str,
    env: EnvType,
    lines: list[str] | None = None,
    nodes: bool = False,
) -> list[Token]:
    """parser.parse(text, env): with only the core block rule left (_block_parser's parsers on
    normalized text), its block parser called straight. lines, when given, is
    text.split("\n"), which the block state's line marks then read (and change). nodes, with
    lines on that straight call, has each heading and paragraph given as one _TextBlock
    (_NodeState) in the place of its three tokens: parse_blocks' stream, which only _Tree reads.

    MarkdownIt.parse checks its arguments' types (an ABC isinstance for env), builds a
    StateCore and runs the core chain, whose one rule calls the block parser: a few
    microseconds of every parse's fixed cost.
    """
    if parser.core.ruler.getRules("") != _ONLY_CORE_BLOCK:
        return parser.parse(text, env)
    tokens: list[Token] = []
    block = parser.block
    if lines is not None and type(block) is _ParserBlock:
        if text:  # _ParserBlock.parse, its state given the lines
            state = (_NodeState if nodes else _StateBlock)(text, parser, env, tokens, lines)
            block.tokenize(state, state.line, state.lineMax)
        return tokens
    block.parse(text, parser, env, tokens)
    return tokens


_ONLY_CORE_BLOCK = [core_block]


def _parsed_inline(token: Token) -> Inline:
    """An inline token's content, from the children markdown-it parsed."""
    return flatten(token.children or [])


def _lazy_inline(parser: MarkdownIt, env: EnvType, token: Token) -> Inline:
    """An inline token's content, parsed only when it can hold markup."""
    return _lazy_inline_of(parser, env)(token)


def _lazy_inline_of(
    parser: MarkdownIt, env: EnvType, spaces_only: bool = False
) -> Callable[[Token], Inline]:
    """_lazy_inline with parser and env bound: a closure, called ~45 ns faster than
    functools.partial(_lazy_inline, parser, env) (one call per paragraph, heading, item and
    cell). spaces_only, when True, says the text holds no ASCII whitespace but the space and
    "\n" (no character of _OTHER_LINE_BREAKS or _OTHER_ASCII_BLANKS)."""

    def lazy_inline(token: Token) -> Inline:
        content = token.content
        # may_hold_markup(content, env) read in place, sparing a call per paragraph, heading,
        # item and cell. _holds_inline_markup answers True at once at a backslash, backtick,
        # '*' or '<' (each opens markup wherever it stands): substring tests (C searches)
        # answer for those, and its regex walk is left for '_' and '&', which may stay text
        # (the code spans of most contents holding markup no longer walk it); '[' is
        # _may_hold_link's. A content holding none of the seven characters takes no call.
        if not (
            "`" in content
            or "*" in content
            or "\\" in content
            or "<" in content
            or (
                ("_" in content or "&" in content)
                and _holds_inline_markup(content, _UNDERSCORE_OR_AMPERSAND)
            )
            or ("[" in content and _may_hold_link(content, env))
        ):
            if "\n" in content:
                return plain_inline(content)
            # Most contents are one line of prose: plain_inline's _plain(content, ()), built
            # here without its two calls, and _clean(content) read in place (its test of a
            # clean text, then its fold). isprintable stands there for "no whitespace but
            # the space" (every other is unprintable): an ASCII content of a spaces_only
            # text is known to hold none, and is not read a character at a time for it (an
            # unprintable control character it may hold folds to itself as well).
            if (
                ((spaces_only and content.isascii()) or content.isprintable())
                and "  " not in content
                and content[:1] != " "
                and content[-1:] != " "
            ):
                text = content
            else:
                text = " ".join(content.split())
            return _new_tuple(Inline, (text, None, False, "", (), (), (), content))
        # lead_strong_inline gives None at once to a content not opening with '**' (most)
        found = lead_strong_inline(content, env) if content[:2] == "**" else None
        if found is None:
            found = code_span_inline(content, env)
        if found is None:
            found = emphasis_inline(content, env)
        if found is None:
            found = flatten(parser.inline.parse(content, parser, env, []))
        return found

    return lazy_inline


def _markup_free(content: str) -> bool:
    """Whether the content holds no character of _INLINE_MARKUP and no `[`: then no inline rule
    but line breaks can fire. Most contents are prose; seven substring tests (C searches) cost
    a third of the character-class search that may_hold_markup starts with. lazy_inline makes
    the same seven tests in place, with may_hold_markup's (a call per block spared); the tests
    check its reading against this one's (tests/test_tokens_perf29.py)."""
    return not (
        "\\" in content
        or "`" in content
        or "*" in content
        or "_" in content
        or "<" in content
        or "&" in content
        or "[" in content
    )


def may_hold_markup(content: str, env: EnvType) -> bool:
    """False when no commonmark inline rule but line breaks can fire on the content.

    env is the block pass's: it holds the link reference definitions, if any.
    """
    return _holds_inline_markup(content) or _may_hold_link(content, env)


def _holds_inline_markup(content: str, characters: re.Pattern[str] = _INLINE_MARKUP) -> bool:
    """Whether a character of _INLINE_MARKUP (or of characters) in the content can start markup.

    Two of them are plain text in most places: `&` opens an entity only as `&#…` or `&name;`
    ('Detection & Response', 'ATT&CK'), and a run of `_` between ASCII letters or digits
    can neither open nor close emphasis (`max_concurrency`, `:smiling_face:`).
    """
    for found in characters.finditer(content):
        at = found.start()
        char = content[at]
        if char == "&":
            if _ENTITY_START.match(content, at):
                return True
        elif char != "_" or not _inert_underscores(content, at):
            return True
    return False


def _inert_underscores(content: str, at: int) -> bool:
    """Whether the run of `_` holding content[at] can neither open nor close emphasis.

    rules_inline/state_inline.py scanDelims: a `_` run with a character on each side that
    is neither whitespace nor punctuation is both left- and right-flanking, and such a run
    opens only after punctuation and closes only before it. ASCII letters and digits are
    neither; the run stays text, as plain_inline reads it.
    """
    start = at
    while start and content[start - 1] == "_":
        start -= 1
    end = at + 1
    while end < len(content) and content[end] == "_":
        end += 1
    if not start or end == len(content):
        return False  # the content's edges count as whitespace
    before, after = content[start - 1], content[end]
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def _may_hold_link(content: str, env: EnvType) -> bool:
    # `[` (or `![`) opens a link or image only as `[label](destination)` or as a reference
    # to a definition (rules_inline/link.py, image.py); brackets alone are plain text:
    # checkboxes `[ ]`, chat stamps `[7:40 AM]`, timeline times `[13:26]`.
    return "[" in content and ("](" in content or bool(env.get("references")))


def lead_strong_inline(content: str, env: EnvType) -> Inline | None:
    """What flatten gives for `**Label:** value` holding no other markup but code spans and
    plain autolinks after the label (code_span_inline's); None otherwise.

    Templates write most fields this way, and emphasis is the costliest inline rule to run.
    The two runs pair into one strong span exactly when the first `**` can open and the second
    can close, read as markdown-it's scanDelims reads them, with its own character classes
    (rules_inline/state_inline.py); any other shape goes to markdown-it's inline parser.
    """
    if not content.startswith("**"):
        return None  # before the search for the closing run, which reads the whole content
    close = content.find("**", 2)
    if close < 3:
        return None
    label, rest = content[2:close], content[close + 2 :]
    tail: Inline | None = None
    if may_hold_markup(label + rest, env):
        # `**Host:** `web-01``: code spans and autolinks after the label. The closing `**`
        # flushes pending text, so the rest reads as a content of its own.
        if _may_hold_link(content, env) or _holds_inline_markup(label):
            return None
        tail = code_span_inline(rest, env)
        if tail is None:
            return None
    # The opening run follows the start of the line (whitespace to scanDelims): it can open
    # unless whitespace follows it. The closing run can close unless whitespace precedes it,
    # or punctuation precedes it and neither whitespace nor punctuation follows.
    after = rest[:1] or " "
    if _is_space(label[0]) or _is_space(label[-1]):
        return None
    if _is_punct(label[-1]) and not (_is_space(after) or _is_punct(after)):
        return None
    head = plain_inline(label)
    if tail is None:
        tail = plain_inline(rest)
    raw = head.text_raw + tail.text_raw
    breaks = head.breaks + tuple(len(head.text_raw) + offset for offset in tail.breaks)
    return Inline(
        _clean(raw),
        lead=head.text,
        lead_strong=True,
        rest=tail.text,
        links=tail.links,
        code=tail.code,
        breaks=breaks,
        text_raw=raw,
    )


def _is_space(char: str) -> bool:
    return isWhiteSpace(ord(char))


def _is_punct(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


# _is_space's and _is_punct's answers for the ASCII characters, asked once at import: _flanks
# asks four per delimiter run, most of them about letters and spaces, where each answer cost
# one or two Python calls and a Unicode category look-up. Other characters ask the functions.
_ASCII: frozenset[str] = frozenset(map(chr, range(128)))
_ASCII_SPACES: frozenset[str] = frozenset(filter(_is_space, _ASCII))
_ASCII_PUNCTS: frozenset[str] = frozenset(filter(_is_punct, _ASCII))


def code_span_inline(content: str, env: EnvType) -> Inline | None:
    """What flatten gives for content whose only markup is code spans, plain autolinks
    (`<https://…>`) and plain inline links (`[text](url)`); None otherwise.

    Commands, paths and hosts are written in backticks, sources as autolinks or links;
    markdown-it's inline parser costs ten times plain_inline. Runs are read as
    rules_inline/backticks.py reads them: a run of backticks opens a code span closed by the
    next run of the same length, and stays plain text when there is none. A `<` outside code
    spans must open an autolink (rules_inline/autolink.py: up to the next `>`, no `<` inside)
    whose URL is a _PLAIN_URL: the link normalisers give it back unchanged and validateLink
    accepts http(s). Any other `<` (inline html, e-mail, another scheme) goes to markdown-it.
    A `[` is read by _link_at. The text between spans must hold no other markup (a backslash
    before an opener could take it; emphasis delimiters would pair around a span), so each
    stretch of it is plain_inline's: the newline rule reads pending text, which a code or
    link token flushes, so a stretch breaks lines as a content of its own would.
    """
    # Without a destination or definitions every bracket is plain text (_may_hold_link);
    # with definitions any bracket may be a reference, which markdown-it reads.
    links_possible = _may_hold_link(content, env)
    if links_possible and env.get("references"):
        return None
    # The stretches and the spans' raw texts in turn, a stretch at each even place: one list
    # where two were kept (the stretches, and each span with its breaks), and the spans'
    # breaks apart, which only a link's label can hold and only _joined reads.
    pieces: list[str] = []
    span_breaks: list[tuple[int, ...]] = []
    codes: list[str] = []
    links: list[Link] = []
    size = len(content)
    text_start = search = 0
    # The next span's opener, read in place (round 25's _next_span, a call per span and one
    # more, kept in tests/test_tokens_perf25.py): the first backtick or `<` (or `[` when links
    # are possible) from search on; without a `<` in the content its search is spared.
    angles = "<" in content
    while True:
        if links_possible:
            found = _SPAN_OPENERS.search(content, search)
            opener = found.start() if found else -1
        else:
            opener = content.find("`", search)
            if angles:
                angle = content.find("<", search, opener if opener >= 0 else size)
                if angle >= 0:
                    opener = angle
        if opener < 0:
            break
        char = content[opener]
        if char == "[":
            link = _link_at(content, opener)
            if link is None:
                return None
            if not link:  # a plain bracket
                search = opener + 1
                continue
            label, href, end = link
            text = plain_inline(label)
            pieces += (content[text_start:opener], text.text_raw)
            span_breaks.append(text.breaks)
            links.append(_new_tuple(Link, (href, text.text)))
            text_start = search = end
            continue
        if char == "<":
            close = content.find(">", opener + 1)
            url = content[opener + 1 : close]
            if close < 0 or not _PLAIN_URL.fullmatch(url):
                return None
            pieces += (content[text_start:opener], url)
            span_breaks.append(())
            links.append(_new_tuple(Link, (url, url)))
            text_start = search = close + 1
            continue
        after = opener + 1  # _run_end(content, opener, size) in place
        while after < size and content[after] == "`":
            after += 1
        closer = _closing_run(content, after, after - opener, size)
        if closer < 0:  # an unmatched run is plain text
            search = after
            continue
        code = _code_content(content[after:closer])
        pieces += (content[text_start:opener], code)
        span_breaks.append(())
        codes.append(code)
        text_start = search = closer + after - opener
    if not span_breaks:  # no span
        return None
    pieces.append(content[text_start:])
    # The stretches are parts of the content: when it holds none of these characters, no
    # stretch does (one search instead of one per stretch, most contents holding none).
    # (_MARKUP_BUT_BACKTICKS.search(content) as five substring tests: C searches, a third of
    # the character-class search's cost.)
    if ("\\" in content or "*" in content or "_" in content or angles or "&" in content) and any(
        _holds_inline_markup(part, _MARKUP_BUT_BACKTICKS) for part in pieces[::2]
    ):
        return None
    if "\n" in content:
        raw, breaks = _joined(pieces[::2], list(zip(pieces[1::2], span_breaks, strict=True)), True)
    else:
        # One line: plain_inline gives each stretch back as it is, and no stretch or span
        # holds a break (a link label is a part of the content too): _joined(..., False).
        raw, breaks = "".join(pieces), ()
    # Inline(_clean(raw), links=..., code=..., breaks=..., text_raw=raw), built as _plain does
    return _new_tuple(
        Inline, (_clean(raw), None, False, "", tuple(links), tuple(codes), breaks, raw)
    )


def _joined(
    stretches: list[str], spans: list[tuple[str, tuple[int, ...]]], broken: bool
) -> tuple[str, tuple[int, ...]]:
    """The raw text and line breaks of code_span_inline's stretches (each plain_inline's) with
    the spans between them; broken is whether the content holds a line break."""
    if not broken:
        # Most contents are one line: plain_inline gives each stretch back as it is, and no
        # stretch or span holds a break (a link label is a part of the content too).
        pieces = [stretches[0]]
        for (span, _), stretch in zip(spans, stretches[1:], strict=True):
            pieces += (span, stretch)
        return "".join(pieces), ()
    raw_parts: list[str] = []
    breaks: list[int] = []
    offset = 0
    for number, stretch in enumerate(stretches):
        plain = plain_inline(stretch)
        breaks.extend(offset + at for at in plain.breaks)
        raw_parts.append(plain.text_raw)
        offset += len(plain.text_raw)
        if number < len(spans):
            span, span_breaks = spans[number]
            breaks.extend(offset + at for at in span_breaks)
            raw_parts.append(span)
            offset += len(span)
    return "".join(raw_parts), tuple(breaks)


# The openers code_span_inline reads when the content may hold a link ('`' and '<' else).
_SPAN_OPENERS = re.compile(r"[`<\[]")


# A link destination the fast path takes besides a _PLAIN_URL: a relative path or fragment
# (`docs/iocs.md`, `#ip101-unknown-section`) of characters mdurl's encode keeps and no `:`
# (no scheme for validateLink to judge) nor leading `//` (which mdurl reads as a host).
_PLAIN_PATH = re.compile(r"(?!//)[A-Za-z0-9\-._~/#]+", re.ASCII)


def _link_at(content: str, opener: int) -> tuple[str, str, int] | tuple[()] | None:
    """How markdown-it's link rule (rules_inline/link.py, no definitions) reads the `[` at
    opener: (label, href, end of the link) for a plain inline link, () when the bracket stays
    plain text, None when the shape is another (markdown-it must read it).

    The label must hold no markup and no bracket: then parseLinkLabel ends it at the first
    `]`. A `(` right after opens the destination, which must run to the first `)` with no
    whitespace, parenthesis or escape (no title) and need no normalising; any other
    character after `]` leaves the bracket plain, as no definition can match.
    """
    close = content.find("]", opener + 1)
    if close < 0:
        return ()  # parseLinkLabel finds no end: the bracket is text
    label = content[opener + 1 : close]
    if "[" in label or _holds_inline_markup(label):
        return None
    if content[close + 1 : close + 2] != "(":
        return ()
    if opener and content[opener - 1] == "!":
        return None  # an image
    end = content.find(")", close + 2)
    href = content[close + 2 : end]
    if end < 0 or not (_PLAIN_URL.fullmatch(href) or _PLAIN_PATH.fullmatch(href)):
        return None
    if "(" in href:
        return None  # parseLinkDestination balances parentheses
    return label, href, end + 1


def emphasis_inline(content: str, env: EnvType) -> Inline | None:
    """What flatten gives for plain text holding one emphasis or strong run (`*nodes*`,
    `_okay_`, `**outage starts**`) and no other markup; None otherwise.

    The first `*` (or, without one, the first `_`) opens a run of one or two markers; the
    next run of the same marker must be as long and the last. The two pair into one span
    exactly when the first can open and the second can close, read as scanDelims reads them
    (_can_open, _can_close); their lengths (1+1, 2+2) are never a multiple of three, so the
    rule of three in balance_pairs cannot part them. The text before, inside and after must
    hold no other markup: each is then a stretch plain_inline reads, as the delimiter tokens
    flush pending text.
    """
    marker = "*" if "*" in content else "_"
    opener = content.find(marker)
    size = len(content)
    inner = _run_end_of(content, opener, marker, size)
    length = inner - opener
    closer = content.find(marker, inner)
    if opener < 0 or length > 2 or closer <= inner:
        return None
    after = _run_end_of(content, closer, marker, size)
    if after - closer != length or marker in content[after:]:
        return None
    before, within, rest = content[:opener], content[inner:closer], content[after:]
    # No part holds the marker (the first run, the next, none after the second) nor, for
    # '_', a '*' (then '*' would be the marker): without the other characters of
    # _INLINE_MARKUP in the content (substring tests, C searches) no part holds markup, and
    # the three regex walks over the parts are spared.
    if _may_hold_link(content, env) or (
        (
            "\\" in content
            or "`" in content
            or "<" in content
            or "&" in content
            or (marker == "*" and "_" in content)
        )
        and any(_holds_inline_markup(part) for part in (before, within, rest))
    ):
        return None
    word_split = marker == "*"  # scanDelims' canSplitWord
    if not _can_open(content, opener, inner, word_split):
        return None
    if not _can_close(content, closer, after, word_split):
        return None
    if "\n" not in content:
        # One line (most): plain_inline gives each part back with no breaks, its text
        # _clean's; the raw text is the content without the runs. The Inline below, its
        # tuple filled in place.
        raw = before + within + rest
        if before:
            return _new_tuple(Inline, (_clean(raw), None, False, "", (), (), (), raw))
        return _new_tuple(
            Inline, (_clean(raw), _clean(within), length == 2, _clean(rest), (), (), (), raw)
        )
    head, span, tail = plain_inline(before), plain_inline(within), plain_inline(rest)
    raw = head.text_raw + span.text_raw + tail.text_raw
    breaks = (
        *head.breaks,
        *(len(head.text_raw) + at for at in span.breaks),
        *(len(head.text_raw) + len(span.text_raw) + at for at in tail.breaks),
    )
    if before:
        return Inline(_clean(raw), breaks=breaks, text_raw=raw)
    return Inline(
        _clean(raw),
        lead=span.text,
        lead_strong=length == 2,
        rest=tail.text,
        breaks=breaks,
        text_raw=raw,
    )


def _run_end_of(content: str, start: int, marker: str, size: int) -> int:
    """End of the run of marker starting at start."""
    end = start + 1
    while end < size and content[end] == marker:
        end += 1
    return end


def _flanks(content: str, start: int, end: int) -> tuple[bool, bool, bool, bool]:
    """scanDelims' left_flanking and right_flanking of the run content[start:end], and
    whether the characters before and after it are punctuation (the edges are spaces)."""
    last = content[start - 1] if start else " "
    following = content[end] if end < len(content) else " "
    if last in _ASCII:
        last_punct, last_space = last in _ASCII_PUNCTS, last in _ASCII_SPACES
    else:
        last_punct, last_space = _is_punct(last), _is_space(last)
    if following in _ASCII:
        next_punct, next_space = following in _ASCII_PUNCTS, following in _ASCII_SPACES
    else:
        next_punct, next_space = _is_punct(following), _is_space(following)
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    return left, right, last_punct, next_punct


def _can_open(content: str, start: int, end: int, word_split: bool) -> bool:
    left, right, last_punct, _ = _flanks(content, start, end)
    return left and (word_split or not right or last_punct)


def _can_close(content: str, start: int, end: int, word_split: bool) -> bool:
    left, right, _, next_punct = _flanks(content, start, end)
    return right and (word_split or not left or next_punct)


def _run_end(content: str, start: int, size: int) -> int:
    """End of the run of backticks starting at start."""
    end = start + 1
    while end < size and content[end] == "`":
        end += 1
    return end


def _closing_run(content: str, search: int, length: int, size: int) -> int:
    """Start of the first run of exactly length backticks from search on; -1 when none."""
    while (start := content.find("`", search)) >= 0:
        search = _run_end(content, start, size)
        if search - start == length:
            return start
    return -1


def _code_content(code: str) -> str:
    """A code span's content as markdown-it keeps it: line breaks read as spaces, and one
    space stripped from each end when both ends hold one, unless all of it is spaces."""
    code = code.replace("\n", " ")
    if code.startswith(" ") and code.endswith(" ") and code.strip(" "):
        return code[1:-1]
    return code


def plain_inline(content: str) -> Inline:
    """What flatten gives for inline content holding no markup: text and line breaks.

    markdown-it's newline rule (rules_inline/newline.py) drops the spaces ending a line (two
    or more make a hard break) and skips spaces and tabs opening the next; a tab ending a
    line stays. flatten joins the lines with one space and records where each break sits.
    """
    if "\n" not in content:
        return _plain(content, ())
    lines = content.split("\n")
    last = len(lines) - 1
    pieces: list[str] = []
    breaks: list[int] = []
    offset = 0
    for number, line in enumerate(lines):
        if number:
            line = line.lstrip(" \t")
        if number < last:
            line = line.rstrip(" ")
            breaks.append(offset + len(line))
        offset += len(line) + 1
        pieces.append(line)
    return _plain(" ".join(pieces), tuple(breaks))


# Inline's own __new__ is a Python function taking keywords; plain_inline builds one Inline per
# content, so it fills the tuple directly (tests/test_tree_perf8.py checks the fields' order).
_new_tuple = tuple.__new__


def _plain(raw: str, breaks: tuple[int, ...]) -> Inline:
    """Inline(_clean(raw), breaks=breaks, text_raw=raw)."""
    return _new_tuple(Inline, (_clean(raw), None, False, "", (), (), breaks, raw))


# Container token types that open a child Node: token type prefix -> node kind.
_CONTAINERS: dict[str, str] = {
    "bullet_list": "list",
    "ordered_list": "list",
    "list_item": "list_item",
    "blockquote": "blockquote",
    "footnote": "footnote",
}
# Their opening token types -> the prefix: _opening reads it with one lookup, without
# cutting `_open` off every opening type.
_CONTAINER_OPENINGS: dict[str, str] = {f"{base}_open": base for base in _CONTAINERS}
# Blocks holding one inline token: opening token type -> node kind.
_TEXT_BLOCKS: dict[str, str] = {"heading_open": "heading", "paragraph_open": "paragraph"}
# Heading tags -> levels (other tags: 0).
_HEADING_LEVELS: dict[str, int] = {f"h{level}": level for level in range(1, 7)}
# Self-contained block tokens: token type -> node kind.
_LEAVES: dict[str, str] = {
    "fence": "code",
    "code_block": "code",
    "html_block": "html",
    "hr": "hr",
}


def _lines(token: Token, fallback: int) -> tuple[int, int]:
    if lines := token.map:
        line = lines[0] + 1
        # max(line, lines[1]) as a comparison: the builtin's call costs more than the rest
        return line, lines[1] if lines[1] > line else line
    return fallback, fallback


class _Tree:
    """Builds Nodes from one token stream; inline_of turns an inline token into an Inline.

    The stream is balanced (markdown-it closes every block it opens), so each container is
    built by reading on until the token that closes it: one pass, no table of closes.
    """

    def __init__(self, tokens: list[Token], inline_of: Callable[[Token], Inline]) -> None:
        self.tokens = tokens
        self.inline_of = inline_of

    def build(self, start: int, stop: int, parent: Node, depth: int, inside: bool = False) -> int:
        """Add the blocks from start on to parent, up to the token closing the block they are
        inside (or stop); the index of that token."""
        tokens = self.tokens
        inline_of = self.inline_of
        children = parent.children
        index = start
        while index < stop:
            token = tokens[index]
            nesting: int = token.nesting  # 2 on a _TextBlock
            if nesting == 2:
                # a _TextBlock (_push_node): its Node wants only its inline read
                node = token.node  # type: ignore[attr-defined]
                inline = inline_of(token)
                node.text = inline.text
                node.inline = inline
                children.append(node)
            elif nesting == 4:
                # an _ItemBlock (list_rule): its Node wants its level and its blocks, read up
                # to its _ITEM_CLOSE, as _opening reads an item's (one level deeper)
                node = token.node  # type: ignore[attr-defined]
                node.level = depth + 1
                index = self.build(index + 1, stop, node, depth + 1, True)
                children.append(node)
            elif nesting == 1:
                kind = _TEXT_BLOCKS.get(token.type)
                if kind is None:
                    index = self._opening(index, token, stop, parent, depth)
                else:
                    # Headings and paragraphs, most blocks, are built here: open, inline,
                    # close (the footnote plugin adds an anchor to a note's last paragraph).
                    inline = inline_of(tokens[index + 1])
                    if lines := token.map:
                        line = lines[0] + 1
                        end = lines[1] if lines[1] > line else line
                    else:
                        line = end = parent.line
                    # int(tag[1]) costs twice the look-up
                    node = _text_node(kind, line, end, _HEADING_LEVELS.get(token.tag, 0))
                    node.text = inline.text
                    node.inline = inline
                    children.append(node)
                    index += 2
                    while tokens[index].nesting != -1:
                        index += 1
            elif nesting == -1:
                if inside:
                    return index
                # A close with nothing open: the footnote plugin leaves some behind when it
                # drops a definition's tokens (tests/test_tree_perf7.py has one). Skip it.
            elif nesting == 3:
                # a _TableBlock (_push_table_block): its Node wants only its rows' inline read
                node = token.node  # type: ignore[attr-defined]
                # _Cells stand for the cells' inline tokens: inline_of reads their content
                rows: list[tuple[Token, ...]] = token.cells  # type: ignore[attr-defined]
                node.rows = tuple([tuple(map(inline_of, cells)) for cells in rows])
                children.append(node)
            elif token.type in _LEAVES:
                line, end = _lines(token, parent.line)
                info = token.info.strip()
                children.append(Node(_LEAVES[token.type], line, end, text=token.content, info=info))
            index += 1
        return stop

    def _opening(self, index: int, token: Token, stop: int, parent: Node, depth: int) -> int:
        """Add the node a token opens (not a heading or paragraph); the index of the token
        closing it."""
        base = _CONTAINER_OPENINGS.get(token.type)
        if base is not None:
            # The first line inside is read only for a container without a map (footnotes).
            first = parent.line if token.map else self._first_line(index, parent.line)
            node = _container(token, base, first, depth)
            # a list item's blocks sit one level deeper: at its own level
            close = self.build(index + 1, stop, node, node.level, True)
            if node.children and not token.map:  # footnotes carry no map of their own
                node.line, node.end_line = node.children[0].line, node.children[-1].end_line
            parent.children.append(node)
            return close
        if token.type == "table_open":
            node, close = self._table(index)
            parent.children.append(node)
            return close
        # Not a block of ours (the footnote plugin's footnote_block, which gathers every
        # definition at the end of the stream, among them): read what it holds as its
        # parent's, so each definition stays in the section it was written in.
        return self.build(index + 1, stop, parent, depth, True)

    def _first_line(self, start: int, fallback: int) -> int:
        """Line of the first token with a map from start to the token closing it (containers
        without a map: footnotes)."""
        level = 0
        for index in range(start, len(self.tokens)):
            token = self.tokens[index]
            level += token.nesting
            if level == 0:  # the closing token
                break
            if token.map:
                return token.map[0] + 1
        return fallback

    def _table(self, start: int) -> tuple[Node, int]:
        """The table opened at start, and the index of its table_close (tables do not nest)."""
        tokens = self.tokens
        rows: list[tuple[Inline, ...]] = []
        row_lines: list[int] = []
        cells: list[Inline] = []
        first, last = _lines(tokens[start], 1)
        index = start
        while (kind := tokens[index].type) != "table_close":
            if kind == "tr_open":
                cells = []
                row_lines.append(_lines(tokens[index], first)[0])
            elif kind == "inline":
                cells.append(self.inline_of(tokens[index]))
            elif kind == "tr_close":
                rows.append(tuple(cells))
            elif kind in ("th_open", "td_open") and tokens[index + 1].type != "inline":
                cells.append(EMPTY_INLINE)
            index += 1
        node = Node("table", first, last, rows=tuple(rows), row_lines=tuple(row_lines))
        return node, index


def _container(token: Token, base: str, fallback: int, depth: int) -> Node:
    # _lines(token, fallback), read in place (one call spared per list and item)
    if lines := token.map:
        line = lines[0] + 1
        end = lines[1] if lines[1] > line else line
    else:
        line = end = fallback
    kind = _CONTAINERS[base]
    level = depth + 1 if kind == "list_item" else depth
    # Node(kind, line, end, level, "", EMPTY_INLINE, token.info or token.markup,
    # base == "ordered_list"), its fields set by _text_node (one Node per list and item)
    node = _text_node(kind, line, end, level, token.info or token.markup, base == "ordered_list")
    node.text = ""
    node.inline = EMPTY_INLINE
    return node


# Text tokens. Escapes and entities are `text_special` until markdown-it's core text_join
# rule renames them `text`; parse_blocks runs the inline parser without that rule.
_TEXT: frozenset[str] = frozenset({"text", "text_special"})
_EMPHASIS_OPEN: frozenset[str] = frozenset({"strong_open", "em_open"})
_EMPHASIS_CLOSE: frozenset[str] = frozenset({"strong_close", "em_close"})


def flatten(children: Sequence[Token]) -> Inline:
    """Plain text of inline tokens, with the leading emphasis run, links and code spans."""
    # markdown-it leaves an empty text token before a leading delimiter run; skip it.
    kept = [c for c in children if c.content or c.type not in _TEXT]
    opens_with_emphasis = bool(kept) and kept[0].type in _EMPHASIS_OPEN
    parts: list[str] = []
    size = 0  # len("".join(parts))
    links: list[Link] = []
    code: list[str] = []
    lead_end: int | None = None
    breaks: list[int] = []
    emphasis_depth = 0
    link_href: str | None = None
    link_start = 0
    for child in kept:
        kind = child.type
        if kind in _TEXT or kind == "html_inline" or kind == "image":
            part = child.content
        elif kind == "code_inline":
            part = child.content
            code.append(part)
        elif kind == "softbreak" or kind == "hardbreak":
            breaks.append(size)
            part = " "
        elif kind == "footnote_ref":
            part = f"[^{child.meta.get('label', child.meta.get('id', ''))}]"
        else:
            if kind == "link_open":
                link_href, link_start = str(child.attrGet("href") or ""), len(parts)
            elif kind == "link_close" and link_href is not None:
                links.append(Link(link_href, _clean("".join(parts[link_start:]))))
                link_href = None
            elif kind in _EMPHASIS_OPEN:
                emphasis_depth += 1
            elif kind in _EMPHASIS_CLOSE:
                emphasis_depth -= 1
                if emphasis_depth == 0 and lead_end is None and opens_with_emphasis:
                    lead_end = len(parts)
            continue
        parts.append(part)
        size += len(part)
    raw = "".join(parts)
    if lead_end is None:
        return Inline(
            _clean(raw), links=tuple(links), code=tuple(code), breaks=tuple(breaks), text_raw=raw
        )
    return Inline(
        _clean(raw),
        lead=_clean("".join(parts[:lead_end])),
        lead_strong=kept[0].type == "strong_open",
        rest=_clean("".join(parts[lead_end:])),
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
    # Folds whitespace runs to one space and trims, as re.sub(r"\s+", " ", text).strip()
    # would (str.split and \s agree on what is whitespace), at a fraction of the cost.
    # Most texts are clean already: every whitespace character but the ASCII space is
    # unprintable, so a printable text without double or edge spaces folds to itself.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())
