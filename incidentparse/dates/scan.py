"""Scanning: a field value or a passage of prose to the TimeSpans of its date expressions.

The package's API is in dates/__init__.py. Besides the scanner's entry points, the pieces the
other readers of dates (the reference date, timeline stamps and sequences) share with it have
names without an underscore: CANDIDATE, expression_candidates, next_paragraph, carry_anchor,
LEAD_MARKUP, is_template, reads_known, count_at, closes_cleanly, EXPR_CANDIDATE. Any other
underscore name is this module's own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal, NamedTuple

from ..errors import ConfigError
from ..models import TimeSpan
from .durations import find_duration
from .grammar import START_LOWER, Expr, match_expression
from .placeholders import placeholder
from .points import UNIT_WORDS, Ctx
from .resolve import Env, Side, to_fields, to_side, to_span
from .shapes import match_shape
from .vocab import (
    APPROX_PREFIXES,
    MONTH_BY_NAME,
    NUMBER_BY_WORD,
    OPEN_END_WORDS,
    ORDINAL_BY_WORD,
    PART_BY_WORD,
    UNIT_BY_NAME,
    WEEKDAY_BY_NAME,
    case_unsafe,
    trie_pattern,
)
from .zones import ABBREVIATIONS, LONG_NAMES, UTC, lookup_zone

# Word starts worth trying: first words of every rule and prefix (one row per source table).
TRIGGER_WORDS: frozenset[str] = frozenset(
    [*MONTH_BY_NAME, *WEEKDAY_BY_NAME, *ORDINAL_BY_WORD]
    + [w.split()[0].rstrip(".") for w in (*APPROX_PREFIXES, *PART_BY_WORD, *NUMBER_BY_WORD)]
    + [
        "within",
        "ever",
        "since",
        "starting",
        "beginning",
        "between",
        "from",
        "until",
        "till",
        "til",
        "through",
        "thru",
        "up",
        "by",
        "no",
        "not",
        "due",
        "the",
        "week",
        "in",
        "on",
        "during",
        "at",
        "of",
        "as",
        "dated",
        "throughout",
        "for",
        "effective",
        "this",
        "next",
        "previous",
        "past",
        "current",
        "coming",
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "following",
        "prior",
        "preceding",
        "over",
        "noon",
        "midnight",
        "fiscal",
        "eod",
        "eow",
        "eom",
        "eoq",
        "eoy",
        "end",
        "start",
        "middle",
        "first",
        "last",
        "weekend",
    ]
)
_TOKEN = re.compile(r"[~≈]|\w+")
_CODE_TOKEN = re.compile(r"(?:[qh][1-4]|fy|[12][qh]|\d).*", re.I)
_GLUE = frozenset("-./:_@#$\\'’")


# _token_candidates as one regex over the lower-cased text: a token start (no word character
# or glued word before it) holding a whole trigger word, a code token or '~'/'≈'. Trigger words
# with a non-word character ('forty-eight') can never be a whole token and are left out. The
# cheap tests come first: the padding of Markdown tables is long runs of blanks.
_CANDIDATE_HEAD = r"(?<!\w)(?=[\w~≈])(?<![^\W_][-./:_@#$\\'’])"
_TRIGGER_TRIE = trie_pattern(sorted(w for w in TRIGGER_WORDS if re.fullmatch(r"\w+", w)))
CANDIDATE = re.compile(
    _CANDIDATE_HEAD + "(?:" + _TRIGGER_TRIE + r"(?!\w)|(?:[qh][1-4]|fy|[12][qh]|\d)|[~≈])"
)
# A cheap gate before START_LOWER, which costs 1-3 us at each prose word that is a trigger word
# ('the', 'for', 'of', 'a': a third of the candidate search). START_LOWER reads up to three
# prefixes, then a point start. A trigger word that cannot start a point alone (_ALONE: asked of
# START_LOWER itself at import, with nothing but a non-word character after the word) is matched
# by START_LOWER only through the next word: every prefix and point start that takes more than
# the word goes on past blanks (\s, [\s-]; '~' of the approximate prefix) to a word that
# starts with one of START_LOWER's own letter runs ('the' 'week' of, 'no' 'later' than, 'for'
# 'q1'), a digit, '~' or '≈', or is one letter (a unit 'h', 'a', 'q1'). _NEXT allows all of
# these, so the gate turns away only words START_LOWER fails at ('the outage', 'of our');
# it is exact as START_LOWER is (tests/test_dates_perf30_gate.py compares both).
_ALONE = trie_pattern(
    sorted(
        word
        for word in TRIGGER_WORDS
        if re.fullmatch(r"\w+", word)
        and any(START_LOWER.match(word + tail) for tail in (" #", "-#", "#", ""))
    )
)
_LETTER_RUNS = re.findall(
    r"[a-z]+",
    re.sub(
        r"\[[^\]]*\]", "#", re.sub(r"\\.", "#", re.sub(r"\(\?P<\w+>", "(", START_LOWER.pattern))
    ),
)
_NEXT = r"\d|[~≈]|[a-z](?![a-z])|" + trie_pattern(sorted({r for r in _LETTER_RUNS if len(r) > 1}))
# The commonest trigger words of prose ask more of what follows. 'the' starts one prefix ('the
# week of') and one point start ('the first quarter', 'the day'), each with a word of _THE_NEXT
# after the blanks; 'a'/'an' start only the offset count ('a few hours ago', 'an hour later'),
# with 'couple', 'few' or a unit word then a blank. A _SLOT word's one role is a one-word
# prefix (the word, then blanks: no point start or longer prefix opens with it), so what
# follows it must pass START_LOWER's own test at the next word: 'the' and 'a'/'an' as above,
# any other word by _NEXT ('for the outage', 'in a few days' are turned away or kept as
# START_LOWER would).
_THE_NEXT = (
    *("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "last", "following"),
    *("next", "previous", "prior", "preceding", "day", "night", "weekend", "end", "early"),
    *("beginning", "start", "mid", "late", "week"),
)
_SLOT = (
    *("in", "on", "during", "at", "of", "dated", "throughout", "for", "effective", "from"),
    *("between", "until", "till", "til", "through", "thru", "by", "since", "around", "about"),
    *("circa", "roughly", "approximately"),
)
_THE = r"the\s+(?:" + trie_pattern(sorted(_THE_NEXT)) + ")"
_A = r"an?\s+(?:couple|few|" + UNIT_WORDS + r")\s"
_SLOT_TRIE = trie_pattern(sorted(_SLOT))
# 'the' (a quarter of the trigger words of prose) and 'a'/'an' are asked their one branch
# first, and every other branch only at a word that is none of them: at 'the' the gate's
# other branches all fail ('the' is no word of _ALONE, no slot word, and the last branch
# excludes it; asserted below), so its answer is _THE's, and likewise _A's at 'a'/'an', while
# at any other word _THE and _A fail (each needs its word, then a blank). The same answer,
# without the trie walks of _ALONE and the slot words at each 'the' of the text.
_START_GATE = (
    r"(?="
    + _THE
    + "|"
    + _A
    + r"|(?!(?:the|an?)(?!\w))(?:"
    + _ALONE
    + r"(?!\w)|[qh][1-4]|fy|[~≈]|(?:"
    + _SLOT_TRIE
    + r")\s+(?:"
    + _THE
    + "|"
    + _A
    + r"|(?!(?:the|an?)(?!\w))(?:"
    + _NEXT
    + r"))|(?!(?:"
    + _SLOT_TRIE
    + r")(?!\w))\w+\W+(?:"
    + _NEXT
    + ")))"
)
assert not any(re.fullmatch(f"(?:{_ALONE})|(?:{_SLOT_TRIE})", w) for w in ("the", "a", "an"))
# The scanner's own candidates: CANDIDATE's word starts where an expression can start, that is
# a digit (match_expression's shapes and rules) or a trigger word, code token or '~'/'≈' where
# grammar.START_LOWER matches. Most trigger words of prose ('the', 'in', 'of', 'for') start no
# expression: one regex turns them away instead of a grammar call each (~5 regex matches).
# The tests are lookaheads, the cheap ones first (the word, then _START_GATE); a match consumes
# one character, so the year of 'the 2019' stays a candidate of its own.
EXPR_CANDIDATE = re.compile(
    _CANDIDATE_HEAD
    + r"(?:\d|(?=(?:"
    + _TRIGGER_TRIE
    + r"(?!\w)|[qh][1-4]|fy|[~≈]))"
    + _START_GATE
    + r"(?="
    + START_LOWER.pattern
    + r")[\w~≈])"
)
# EXPR_CANDIDATE as found by a search: a pattern opening with a lookbehind makes the regex
# engine start a match at every character (some 300 instructions each, a third of
# infer_reference_date). This one opens with the character before the candidate, an ASCII
# non-word character or any non-ASCII one (a bitmap test), so matches start only there, and
# then asks what EXPR_CANDIDATE asks at the next position: candidate = match start + 1. A
# candidate at the search's first position has no character before it in the search and is
# tried with EXPR_CANDIDATE itself (tests/test_dates_perf7.py).
# Its tests are zero-width at that one position, so their order is free: the word test (a digit
# or a trigger word) turns most word starts away, so it runs before the two look-behinds, which
# then run only at the few candidates left (a tenth of the pass on the corpus).
_EXPR_CANDIDATE_AFTER = re.compile(
    r"[^0-9a-zA-Z_](?=[\w~≈])(?=\d|(?:"
    + _TRIGGER_TRIE
    + r")(?!\w)|[qh][1-4]|fy|[~≈])(?<!\w)(?<![^\W_][-./:_@#$\\'’])(?:\d|"
    + _START_GATE
    + r"(?="
    + START_LOWER.pattern
    + r"))"
)
# _EXPR_CANDIDATE_AFTER with a second branch after its first character: a blank followed by
# two or more blanks and then one more blank is taken whole (three or more characters; a
# candidate match takes one or two). The search tries a match at every non-word character,
# and a table's padding is long runs of blanks: this takes a run in one match instead of one
# failed attempt per blank. It leaves the run's last blank, the only one a candidate can
# follow, and a blank never is a candidate: the candidate matches are the same
# (tests/test_dates_perf25_pad.py). It costs a Python step per run taken, so it is used only
# where such runs are common (_PADDED).
_CANDIDATE_FIRST = "[^0-9a-zA-Z_]"
assert _EXPR_CANDIDATE_AFTER.pattern.startswith(_CANDIDATE_FIRST)
_EXPR_CANDIDATE_PADDED = re.compile(
    _CANDIDATE_FIRST
    + r"(?:(?<=[ \t])[ \t]{2,}(?=[ \t])|"
    + _EXPR_CANDIDATE_AFTER.pattern[len(_CANDIDATE_FIRST) :]
    + ")"
)
# Runs of four blanks per character of text from which the padded search is the faster one
# (a table padded to its widest cell); below it each run taken costs more than it spares.
# They are counted in the first _SAMPLE characters only: the count is a pass of its own, and
# either search finds the same candidates.
_PADDED = 1 / 20
_SAMPLE = 2048
_PARAGRAPH = re.compile(r"\n[ \t>]*\n")
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_TEMPLATE = re.compile(r"\b(?:YYYY|MM|DD|HH:MM|hh:mm)\b|\[(?:date|time|specific)\b", re.I)
_ONGOING = re.compile(
    r"\b(?:ongoing|continuing|still\s+(?:active|ongoing|open|occurring)|unresolved|"
    r"not\s+(?:yet\s+)?resolved|to\s+date|until\s+now|present)\b",
    re.I,
)
_APPROX = re.compile(
    r"~|≈|\b(?:approx\w*|estimated|est\.|around|about|roughly|circa|"
    r"unconfirmed|uncertain)\b",
    re.I,
)
# _ONGOING, _APPROX and find_duration each need a letter (a word or a unit), '~' or '≈' in
# what is left of a value: '[03-26 07:16' leaves '[ ', which skips the three searches.
_FLAG_CHARS = re.compile(r"[^\W\d_]|[~≈]")
_LINE_MARKUP = " \t#*_>|-+:`"
_FOUR_DIGITS = re.compile(r"\d{4}\b")
LEAD_MARKUP = frozenset(" \t*_`[(\"'")


class Options(NamedTuple):
    """The caller's options, shared by every public entry point."""

    reference: dt.date
    context_year: int | None = None
    default_zone: str = "UTC"
    dayfirst: bool | None = None
    fiscal_start: int | None = None  # None: calendar-aligned fiscal years, read as approximate

    def env(self) -> Env:
        return _env(self)

    def ctx(self) -> Ctx:
        return _ctx(self)


# Both cached by the options: a document reads many values with the same ones, and a whole
# call of parse_timespan costs a few dozen microseconds, so their set-up is worth skipping.
@lru_cache(maxsize=256)
def _env(options: Options) -> Env:
    """The Env of the options (C15: plain "UTC" is the fallback, 'assumed'; any other zone was
    declared. A caller that read "All times in UTC" and wants 'declared' passes "UTC+00:00")."""
    declared = options.default_zone.strip().upper() not in ("", "UTC")
    zone = lookup_zone(options.default_zone) or UTC
    fiscal_start = options.fiscal_start
    if fiscal_start is not None and not 1 <= fiscal_start <= 12:
        raise ConfigError(f"fiscal_year_start_month must be 1-12, got {fiscal_start}")
    return Env(
        options.reference,
        options.context_year,
        zone,
        "declared" if declared else "assumed",
        fiscal_start or 1,
        fiscal_start is not None,
    )


@lru_cache(maxsize=256)
def _ctx(options: Options) -> Ctx:
    return Ctx(options.reference, dayfirst=options.dayfirst)


def candidates(text: str, begin: int = 0, end: int | None = None) -> Iterator[int]:
    """Word starts that can open a date expression, skipping glued tokens (CVE-2021, 1.2.3)."""
    lower = text.lower()
    if len(lower) != len(text):  # 'İ' lower-cases to two characters: offsets would shift
        yield from _token_candidates(text, begin, end)
        return
    # The scanner's first step runs over every word of the text: one regex pass in the
    # lower-cased text finds the trigger words instead of a Python test per word.
    for m in CANDIDATE.finditer(lower, begin, len(text) if end is None else end):
        yield m.start()


def expression_candidates(text: str, begin: int, end: int | None) -> Iterator[int]:
    """candidates() less those where no expression can start (grammar.START_LOWER): the same
    expressions follow, as a candidate that gives none leaves the scanner's state as it was."""
    lower = text.lower()
    if len(lower) != len(text) or case_unsafe(text):
        yield from candidates(text, begin, end)  # lower-cased, these would not match as re.I does
        return
    if end is None or end >= len(text):
        if EXPR_CANDIDATE.match(lower, begin):
            yield begin
        sample = min(len(lower) - begin, _SAMPLE)
        if lower.count("    ", begin, begin + sample) < _PADDED * sample:
            for m in _EXPR_CANDIDATE_AFTER.finditer(lower, begin):
                yield m.start() + 1
            return
        for m in _EXPR_CANDIDATE_PADDED.finditer(lower, begin):
            start, stop = m.span()
            if stop - start < 3:  # not a run of blanks taken whole
                yield start + 1
        return
    # A range that ends early (a timeline row's first words): the words are tried up to `end`,
    # the expression is read on past it (a regex bounded at `end` would not see it whole).
    for pos in candidates(text, begin, end):
        if "0" <= text[pos] <= "9" or START_LOWER.match(lower, pos):
            yield pos


def resumable_candidates(text: str, resume: list[int]) -> Iterator[int]:
    """expression_candidates(text, 0, None), for a reader that skips every candidate before its
    cursor (what it has read): the reader keeps the cursor in resume[0], and where it has moved
    past the next character the search starts again there, sparing the regex work (and a match
    and a yield per candidate) inside what was read: some half of a timeline's candidates are
    the clock of a stamp just read. Exact: each match's first character is the one before its
    candidate, and what a match takes beyond it is a digit or blanks, where no match starts; so
    the matches found are those at every place the pattern matches, and a search from
    resume[0] - 1 finds the same candidates at or after resume[0] as the search from 0 (the
    look-behinds see the text before the search's start). Candidates before resume[0] may or
    may not be given (tests/test_dates_perf34_resume.py)."""
    lower = text.lower()
    if len(lower) != len(text) or case_unsafe(text):
        yield from candidates(text, 0, None)  # as expression_candidates
        return
    if EXPR_CANDIDATE.match(lower):
        yield 0
    sample = min(len(lower), _SAMPLE)
    padded = lower.count("    ", 0, sample) >= _PADDED * sample
    finditer = (_EXPR_CANDIDATE_PADDED if padded else _EXPR_CANDIDATE_AFTER).finditer
    start = 0
    while True:
        for m in finditer(lower, start):
            first, stop = m.span()
            if stop - first > 2:  # a run of blanks taken whole (padded only)
                continue
            yield first + 1
            if resume[0] > stop + 1:  # the reader moved past: search on from its cursor
                start = resume[0] - 1
                break
        else:
            return


def _token_candidates(text: str, begin: int, end: int | None) -> Iterator[int]:
    """candidates() one token at a time: the definition, and the way for texts with an 'İ'."""
    stop = len(text) if end is None else end
    for m in _TOKEN.finditer(text, begin, stop):
        pos = m.start()
        if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
            continue
        if pos > 1 and text[pos - 1] in _GLUE and text[pos - 2].isalnum():
            continue
        word = m.group(0).lower()
        if word in TRIGGER_WORDS or word in "~≈" or _CODE_TOKEN.fullmatch(word):
            yield pos


# A count ('12 nodes', '2 nodes (to 8)', '100% IP'): one to three digits, then either ')', '%'
# or '+', or blanks on the line and a whole ASCII word. expression_at reads none of them out of
# a date slot (whole=False: the scanner's reading, with or without a slot word, any anchor or
# dayfirst): the digit run's rules (points.rules_at) read a month, a unit, a clock's am/pm or
# zone after it, or nothing after ')', '%', '+'; the year rules need four digits; the bare day
# and year ranges a range word or dash. Each such failed candidate cost a grammar call (~6-10
# us: shapes, compound, the two ranges; eight in dfds-2019's reference date). The word is
# turned away only when it is no prefix of a word the grammar spells after a number and none
# of these is a prefix of it ('p' of 'p.m.', 'hrs', 'Nov.'): a superset of what any rule,
# attachment or tail reads (tests/test_dates_perf23_ref.py proves it on every text and on
# counts before every word of the dates modules, their tables and regexes).
_COUNT = re.compile(r"\d{1,3}(?:[)%+]|[ \t]+([A-Za-z]+)(?!\w))")
_AFTER_NUMBER: frozenset[str] = frozenset(
    word.lower()
    for word in (
        *MONTH_BY_NAME,
        *WEEKDAY_BY_NAME,
        *UNIT_BY_NAME,
        *OPEN_END_WORDS,
        *(row[0] for row in ABBREVIATIONS),
        *(word for name, _ in LONG_NAMES for word in name.split()),
        *("am", "pm", "a", "p", "o", "oclock", "h", "hrs", "t", "z", "utc", "gmt"),
        *("st", "nd", "rd", "th", "of", "and", "or", "to", "until", "till", "through", "thru"),
        *("on", "at", "in", "ish", "so", "later", "earlier", "ago", "before", "after", "from"),
        *("onward", "onwards", "forward", "forwards", "the", "fiscal", "q", "fy"),
    )
)
_AFTER_NUMBER_PREFIXES: frozenset[str] = frozenset(
    word[:size] for word in _AFTER_NUMBER for size in range(1, len(word) + 1)
)


def count_at(text: str, pos: int) -> bool:
    """True where _COUNT says expression_at(text, pos, ctx) gives None (whole=False, any ctx)."""
    if not "0" <= text[pos : pos + 1] <= "9":
        return False
    m = _COUNT.match(text, pos)
    if m is None:
        return False
    word = m.group(1)
    if word is None:
        return True
    word = word.lower()
    if word in _AFTER_NUMBER_PREFIXES:  # a word the grammar spells begins with it
        return False
    return not any(word[:size] in _AFTER_NUMBER for size in range(1, len(word)))


def closes_cleanly(text: str, end: int) -> bool:
    """An expression ending at end must not run into a longer token ('2026-04-03x',
    '14:30:99')."""
    if end >= len(text):
        return True
    nxt = text[end]
    if nxt.isalnum() or nxt == "_":
        return False
    return not (nxt in "./:-" and text[end + 1 : end + 2].isalnum())


def _alone_on_line(text: str, pos: int, end: int) -> bool:
    """A bare year on a line of its own is a date-context line (timelines.md T9)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:pos].strip(_LINE_MARKUP) and not text[end:line_end].strip(
        _LINE_MARKUP
    )


def expression_at(text: str, pos: int, ctx: Ctx, whole: bool = False) -> Expr | None:
    """The expression at pos, if it is a clean one."""
    expr = match_expression(text, pos, ctx.slotted(whole, ctx.slot_word))
    if expr is None and not whole:
        token = _FOUR_DIGITS.match(text, pos)
        if token and _alone_on_line(text, pos, pos + 4):
            expr = match_expression(text, pos, ctx.slotted(True, ctx.slot_word))
    if expr is None or expr.end <= expr.begin or not closes_cleanly(text, expr.end):
        return None
    return expr


def shaped_expression(text: str, pos: int, ctx: Ctx) -> Expr | None:
    """expression_at(text, pos, ctx) when dates.shapes reads it (grammar.match_expression's
    first step for a digit), else None: the same Expr, told apart from the grammar's."""
    if not "0" <= text[pos : pos + 1] <= "9":
        return None
    shaped = match_shape(text, pos, ctx)
    if shaped is None:
        return None
    expr = Expr(pos, shaped[1], shaped[0])
    if expr.end <= expr.begin or not closes_cleanly(text, expr.end):
        return None
    return expr


def scan(
    text: str,
    options: Options,
    ctx: Ctx | None = None,
    begin: int = 0,
    end: int | None = None,
) -> Iterator[tuple[Expr, TimeSpan, Side]]:
    """Every expression in text[begin:end], the anchor carried within each paragraph (C2)."""
    for expr, span, side in _found(text, options, ctx, begin, end, "span"):
        assert isinstance(span, TimeSpan)
        yield expr, span, side


def scan_fields(
    text: str, options: Options, ctx: Ctx | None = None, begin: int = 0, end: int | None = None
) -> Iterator[tuple[Expr, dict[str, object], Side]]:
    """scan() with each TimeSpan as the fields it would be validated from (resolve.to_fields),
    for a caller that reads a few of them and keeps none (infer_reference_date): the same
    expressions, the same values, one model validation less each."""
    for expr, fields, side in _found(text, options, ctx, begin, end, "fields"):
        assert isinstance(fields, dict)
        yield expr, fields, side


def extents(
    text: str, options: Options, ctx: Ctx | None = None, begin: int = 0, end: int | None = None
) -> Iterator[Expr]:
    """scan()'s expressions without their TimeSpans, for a caller that only needs where they
    are (a timeline row's leading stamp): the same expressions, one model less each."""
    for expr, _, _ in _found(text, options, ctx, begin, end, "side"):
        yield expr


# What _found gives with each expression: its TimeSpan, the span's fields, or nothing.
_Build = Literal["span", "fields", "side"]


def _found(
    text: str, options: Options, ctx: Ctx | None, begin: int, end: int | None, build: _Build
) -> Iterator[tuple[Expr, TimeSpan | dict[str, object] | None, Side]]:
    env = options.env()
    base = ctx or options.ctx()
    current = base
    cursor = begin
    paragraph_end = next_paragraph(text, begin)
    for pos in expression_candidates(text, begin, end):
        if pos < cursor:
            continue
        if pos >= paragraph_end:
            current, paragraph_end = base, next_paragraph(text, pos)
        expr = expression_at(text, pos, current)
        if expr is None:
            continue
        written = text[expr.begin : expr.end]
        span: TimeSpan | dict[str, object] | None = None
        resolved: tuple[TimeSpan | dict[str, object], Side] | None
        if build == "side":
            side = to_side(expr, written, env, current, expr.begin)
        else:
            if build == "span":
                resolved = to_span(expr, written, env, current, expr.begin)
            else:
                resolved = to_fields(expr, written, env, current, expr.begin)
            side = None if resolved is None else resolved[1]
            span = None if resolved is None else resolved[0]
        cursor = expr.end
        if side is None:
            continue
        yield expr, span, side
        current = carry_anchor(current, side)


def next_paragraph(text: str, pos: int) -> int:
    m = _PARAGRAPH.search(text, pos)
    return m.start() if m else len(text)


def carry_anchor(ctx: Ctx, side: Side) -> Ctx:
    if side.local_day is None:
        return ctx
    return ctx._replace(anchor=side.local_day, anchor_instant=side.local_time)


def parse_value(
    text: str, options: Options, ctx: Ctx | None = None, known: Expr | None = None
) -> tuple[TimeSpan, Side] | None:
    """C19/C20: one field value to its first date expression outside parentheses, with flags.

    ``known``: the Expr shapes.match_shape read at the value's first word when the value was
    read before (a timeline stamp, dates.leading.Stamp), for a point that no option or anchor
    changes (a clock time, a date with its year). The value must end where it does."""
    value = text.strip()
    if not value or placeholder(value):
        return None
    if is_template(value):
        return None
    base = ctx or options.ctx()
    if known is not None and reads_known(value, known):
        # The plain path would read the same Expr at the same place first (tests/
        # test_timeline_perf11.py): only its resolution, which the options change, is redone.
        resolved = to_span(known, value[known.begin :], options.env(), base, None)
        if resolved is not None:
            return resolved
    found = _first(value, options, base, _outside_parens(value))
    if found is None and ("(" in value or "[" in value):
        found = _first(value, options, base, _inside_parens(value))
    if found is None:
        return None
    expr, span, side = found
    rest = value[: expr.begin] + " " + value[expr.end :]
    if not _FLAG_CHARS.search(rest):  # nothing but blanks, digits and punctuation
        return span, side
    updates: dict[str, object] = {}
    if _ONGOING.search(rest) and span.start is not None:
        updates.update(ongoing=True, end=None)
    if _APPROX.search(" ".join(m.group(0) for m in _PAREN.finditer(rest))):
        updates["approximate"] = True
    duration = find_duration(rest)
    if duration is not None:
        updates["duration"] = duration
    return span.model_copy(update=updates) if updates else span, side


def reads_known(value: str, known: Expr) -> bool:
    """True when _first's first try is expression_at(value, known.begin, whole=True) and gives
    ``known`` with nothing to flag. The value ends where the expression does: so it is the text
    the shapes read ``known`` in, cut there, and their follower test passes at its end as it
    did there. What stands before it is markup _first skips: so that try is at known.begin, and
    there is no letter, '~' or '≈' to flag; neither that markup nor a shape holds ')' or ']', so
    _outside_parens gives the whole value as one piece."""
    return known.end == len(value) and all(char in LEAD_MARKUP for char in value[: known.begin])


def is_template(value: str) -> bool:
    """A form template ('YYYY-MM-DD', '[date]'). Each of its words holds '[', 'yyyy', 'mm' or
    'dd' in the lower-cased value (no character but these ASCII ones reads as y, m or d under
    re.IGNORECASE): most values hold none and skip the search."""
    lower = value.lower()
    if "[" not in value and "mm" not in lower and "dd" not in lower and "yyyy" not in lower:
        return False
    return _TEMPLATE.search(value) is not None


def _outside_parens(value: str) -> list[tuple[int, int]]:
    if "(" not in value and "[" not in value:
        return [(0, len(value))]
    pieces, cursor = [], 0
    for m in _PAREN.finditer(value):
        pieces.append((cursor, m.start()))
        cursor = m.end()
    pieces.append((cursor, len(value)))
    return pieces


def _inside_parens(value: str) -> list[tuple[int, int]]:
    return [(m.start() + 1, m.end() - 1) for m in _PAREN.finditer(value)]


def _first(
    value: str, options: Options, ctx: Ctx, pieces: list[tuple[int, int]]
) -> tuple[Expr, TimeSpan, Side] | None:
    env = options.env()
    for begin, end in pieces:
        lead = begin
        while lead < end and value[lead] in LEAD_MARKUP:
            lead += 1
        # Most values are a date alone: the first word first, then the other candidates.
        found = _resolved_at(value, lead, ctx, env, True)
        if found is not None:
            return found
        for pos in expression_candidates(value, begin, end):
            if pos != lead:
                found = _resolved_at(value, pos, ctx, env, False)
                if found is not None:
                    return found
    return None


def _resolved_at(
    value: str, pos: int, ctx: Ctx, env: Env, whole: bool
) -> tuple[Expr, TimeSpan, Side] | None:
    expr = expression_at(value, pos, ctx, whole=whole)
    if expr is None:
        return None
    resolved = to_span(expr, value[expr.begin : expr.end], env, ctx, None)
    return None if resolved is None else (expr, resolved[0], resolved[1])
