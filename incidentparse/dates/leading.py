"""A text's leading date expression: the scanner's first one, when it starts near the text's
start (a timeline row's stamp: '[23:55] restarted', '### 12:49 PM', 'April 1: reopened')."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from .grammar import START_LOWER, Expr
from .points import Ctx
from .resolve import Env, resolves
from .scan import (
    CANDIDATE,
    EXPR_CANDIDATE,
    TRIGGER_WORDS,
    Options,
    candidates,
    closes_cleanly,
    expression_at,
    shaped_expression,
)
from .shapes import NAMED_INITIALS, match_named
from .vocab import CASE_UNSAFE


class Stamp(str):
    """A row's stamp text (the row's text up to its leading expression's end) that remembers
    the expression it was read with, when that expression is one every later reading of the
    stamp gives too: the timeline resolves the stamp again with its own options
    (scan.parse_value), and hands it this reading instead of reading the stamp twice.

    A str, so that whatever takes the stamp as text (and the plain path) is none the wiser.
    """

    reading: Expr | None = None
    # The shapes' reading whatever its point, read with no dayfirst: a month and day with no
    # year ('[03-26 17:40') reads the same for a sequence whose dayfirst is None too (a shape
    # depends on the Ctx's dayfirst alone).
    shaped: Expr | None = None


def leading_stamp(
    text: str, reference: dt.date, limit: int, end: int, shapeless: bool = False
) -> Stamp | None:
    """``text`` up to the end of its leading_expression, as a Stamp. ``shapeless``: the
    shapes were asked at 0 already and read nothing there (shaped_stamp's False)."""
    found = _leading_read(text, reference, limit, end, shapeless)
    if found is None:
        return None
    expr, shaped = found
    return _stamp(text, expr, shaped)


def _leading_read(
    text: str, reference: dt.date, limit: int, end: int, shapeless: bool
) -> tuple[Expr, bool] | None:
    """_leading's expression, and whether its reading is one every later reading of the stamp
    gives too (the shapes' or a named-month date's: _stamp hands it on). An ASCII text (most
    rows) is walked by _leading_ascii: _leading's walk with the text lower-cased once, where
    _first_candidate, each _may_open and the candidates' generator lower-cased it again and
    looked for CASE_UNSAFE characters it cannot hold (~2-4 us of a row opening with a short
    word: 'A second engineer …', 'It does.'); any other text by _leading itself."""
    if text.isascii():
        return _leading_ascii(text, reference, limit, end, shapeless)
    return _leading(text, reference, limit, end, shapeless)


def _stamp(text: str, expr: Expr, shaped: bool) -> Stamp:
    stamp = Stamp(text[: expr.end])
    # A shape's point with a year, or a clock time alone, is read the same whatever the
    # options and anchors; a month and day with no year ('03-26 07:16') depends on dayfirst.
    # (``shaped`` is also true for a named-month date, read by shapes.match_named: its year is
    # always written, so it is a reading.)
    if shaped:
        stamp.shaped = expr
        a = expr.a
        if a is not None and (a.kind == "time" or a.year is not None):
            stamp.reading = expr
    return stamp


def shaped_stamp(text: str, reference: dt.date) -> Stamp | Literal[False] | None:
    """leading_stamp(text, reference, limit, end) for a text opening with an ASCII digit
    whose shapes' reading at 0 resolves ('2018-08-22, 03:26pm: first noticed …', '5:02 PM'),
    with any limit and end > 0; None where that reading is not there (the general path
    answers then). A timeline's dated rows and heading stamps are most of its stamps, and
    the general path's steps around this one reading (the opener and word-run matches of
    extract.timeline._stamp_of, the candidate walk) cost about as much as the reading.

    Exact: in an ASCII text opening with a digit, _first_candidate's first candidate is 0
    (with no generator), at or before every limit; _may_open holds at a digit; so _leading's
    first try is shaped_expression at 0, and when it reads an expression that resolves, that
    is _leading's answer, shaped (tests/test_timeline_perf26_stamp.py compares with
    leading_stamp). False where the shapes read nothing at 0: the general path, told so
    (leading_stamp's shapeless), does not ask them again there (the same answer: the same
    text and _defaults' Ctx), for a row the grammar reads ('2024-11-12 02:10 UTC – …')."""
    if not ("0" <= text[:1] <= "9" and text.isascii()):
        return None
    env, ctx = _defaults(reference)
    expr = shaped_expression(text, 0, ctx)
    if expr is None:
        return False
    if not _shape_resolves(expr, text, env, ctx):
        return None
    return _stamp(text, expr, True)


def _kept(expr: Expr, handed: bool, text: str, env: Env, ctx: Ctx) -> bool:
    """Whether the scanner keeps expr: only expressions that resolve (the TimeSpan is not
    built; a reading handed on, the shapes' or a named date's, is told by _shape_resolves)."""
    if handed:
        return _shape_resolves(expr, text, env, ctx)
    return resolves(expr, text[expr.begin : expr.end], env, ctx, expr.begin)


def _shape_resolves(expr: Expr, text: str, env: Env, ctx: Ctx) -> bool:
    """resolves(expr, text[expr.begin : expr.end], env, ctx, expr.begin) for an Expr of the
    shapes (scan.shaped_expression) read with _defaults' Env and Ctx. A shape's dated point
    ('2018-08-22, 03:26pm', '2019-03-26') holds its written year (1900-2099), a month
    1-12, a day 1-31 and maybe a clock 00:00-23:59, and nothing else: its resolution (a
    written year, the day's interval, the clock in _defaults' UTC) fails only where the day
    does not exist (interval's None) and raises nothing, a year away from the calendar's
    ends; told by building the day, where the resolution built the TimeSpan's every field
    (~a third of reading a dated stamp). Every other shape is resolved as before."""
    a = expr.a
    if a is not None and a.kind == "ymd" and a.year is not None and a.day is not None:
        if a.day <= 28:
            return True
        try:
            dt.date(a.year, a.month or 1, a.day)
        except ValueError:
            return False
        return True
    return resolves(expr, text[expr.begin : expr.end], env, ctx, expr.begin)


# The words scan.CANDIDATE's trie reads whole (those of \w characters only, as it is built).
_TRIE_WORDS: frozenset[str] = frozenset(w for w in TRIGGER_WORDS if re.fullmatch(r"\w+", w))
# A text opening with three ASCII letters: its first \w run.
_OPENING_WORD = re.compile(r"[A-Za-z]{3}\w*")
# A candidate where an expression can start (scan.EXPR_CANDIDATE: CANDIDATE's word, and a
# digit or grammar.START_LOWER there) at one of positions 0-3 of a lower-cased text.
_EXPR_BY_THREE = re.compile(r"[\s\S]{0,3}?(?:" + EXPR_CANDIDATE.pattern + ")")


def opens_with_plain_word(text: str) -> bool:
    r"""True when text opens with an ASCII letter (so a timeline row's stamp must start by
    position 3: extract.timeline._stamp_of's limit) and no expression starts by then, so
    leading_stamp gives None with that limit: told by a match or two, where most texts asked
    ('Engineer attempts hub pod restarts.', 'The hub is down', 'A second engineer joins',
    'It does.', the lines under a `### 1:06 PM` heading) paid ~2-8 us through _STAMP_OPEN,
    the candidate searches and four calls.

    Exact for an ASCII text (its lower-casing keeps offsets and holds no CASE_UNSAFE
    character: leading_stamp walks it by _leading_ascii). First, one opening with a \w run of
    three ASCII letters or more: positions 1-3 follow one of its letters, where
    _CANDIDATE_HEAD's (?<!\w) fails, so only position 0 can be a candidate by the limit; and
    there, with a letter after the first two, CANDIDATE reads only a trie word ending where
    the run does ((?!\w)) or 'fy': a run that is neither has no candidate by the limit (told
    by a set lookup). Else _leading_ascii tries only the candidates by the limit, a digit by
    the grammar, a letter or '~' only where START_LOWER matches over the lower-cased text:
    where no such candidate is there (_EXPR_BY_THREE finds none at 0-3, its words read whole
    as _stamp_of's end, past the word at 3, lets the walk read them) it reads nothing (round
    28: 'The', 'Second', 'A second', 'It' took the walk whole;
    tests/test_timeline_perf28_open.py compares with leading_stamp, and
    tests/test_timeline_perf23.py with the walk)."""
    if not (text[:1].isalpha() and text.isascii()):
        return False
    match = _OPENING_WORD.match(text)
    if match is not None:
        word = match.group().lower()
        if word not in _TRIE_WORDS and not word.startswith("fy"):
            return True
    return _EXPR_BY_THREE.match(text.lower()) is None


def leading_expression(text: str, reference: dt.date, limit: int, end: int) -> Expr | None:
    """The first expression ``extents(text, Options(reference), end=end)`` gives, when it
    begins by ``limit``; else None.

    The scan's walk without its generators and paragraph bookkeeping (the anchor it carries only
    changes after the first find, where this stops). An expression begins at or after the
    candidate word it was read at, so the walk ends at the first candidate past ``limit``; and
    every candidate is tried, not only those where grammar.START_LOWER matches: no expression
    starts at the others, so the scanner's prefilter changes nothing here.
    """
    found = _leading(text, reference, limit, end)
    return None if found is None else found[0]


@lru_cache(maxsize=64)
def _defaults(reference: dt.date) -> tuple[Env, Ctx]:
    """Options(reference).env() and .ctx(), looked up by the date alone (as scan's own caches
    look them up by the options): building the Options tuple, hashing it and two cache look-ups
    cost about as much as reading a clock stamp's shape."""
    options = Options(reference)
    return options.env(), options.ctx()


def _leading(
    text: str, reference: dt.date, limit: int, end: int, shapeless: bool = False
) -> tuple[Expr, bool] | None:
    """leading_expression's answer, and whether the shapes (dates.shapes) read it.
    ``shapeless``: shaped_expression(text, 0, ctx) is known to be None (leading_stamp)."""
    first, found = _first_candidate(text, end)
    # Most texts asked (every paragraph under a `### 12:49 PM` heading) open with no date: their
    # first candidate word starts past the limit, and nothing is read.
    if first is None or first > limit:
        return None
    env, ctx = _defaults(reference)
    cursor = 0
    pos: int | None = first
    while pos is not None and pos <= limit:
        if pos >= cursor and _may_open(text, pos):
            # expression_at's first step, told apart: a shape's reading can be handed on
            expr = None if shapeless and pos == 0 else shaped_expression(text, pos, ctx)
            shaped = expr is not None
            if expr is None:
                expr = expression_at(text, pos, ctx)
            if expr is not None:
                if _kept(expr, shaped, text, env, ctx):
                    return (expr, shaped) if expr.begin <= limit else None
                cursor = expr.end
        if found is None:  # the first candidate gave no stamp: the scan's walk goes on
            found = _after_first(text, pos, end)
        pos = next(found, None)
    return None


def _leading_ascii(
    text: str, reference: dt.date, limit: int, end: int, shapeless: bool
) -> tuple[Expr, bool] | None:
    """_leading's walk over an ASCII text. Its lower-casing keeps offsets and holds no
    CASE_UNSAFE character, so _first_candidate's search, candidates' finditer and _may_open's
    START_LOWER all read one lower-cased copy (made only once a candidate word needs it: a
    text opening with a digit is read at 0 without it), and _may_open is a digit or that match.

    A named-month date with its day and year ('July 11, 2025, 12:42 PM', the 2i2c rows) is read
    by shapes.match_named as expression_at reads it (match_expression's first step at a month's
    initial, with this Ctx: slotted(False, False) is the Ctx itself), and told to resolve as a
    shape's dated point is (_shape_resolves: a written year 1900-2099, a month, a day 1-31 and
    maybe a clock, nothing else). Its point depends on no option or anchor (a written year,
    no dayfirst), so it is handed on as a shape's is (_stamp): the timeline does not read the
    stamp again (tests/test_timeline_perf27_stamp.py compares with the walk of _leading)."""
    lower = ""
    if end > 0 and "0" <= text[:1] <= "9":
        first = 0  # CANDIDATE's \d branch at 0 (_first_candidate)
    else:
        lower = text.lower()
        match = CANDIDATE.search(lower, 0, end)
        if match is None:
            return None
        first = match.start()
    if first > limit:
        return None
    env, ctx = _defaults(reference)
    cursor = 0
    pos = first
    later: Iterator[re.Match[str]] | None = None
    while True:
        if pos >= cursor:
            expr: Expr | None = None
            handed = False
            char = text[pos]
            if "0" <= char <= "9":
                if not (shapeless and pos == 0):
                    expr = shaped_expression(text, pos, ctx)
                    handed = expr is not None
                if expr is None:
                    expr = expression_at(text, pos, ctx)
            else:
                if not lower:
                    lower = text.lower()
                if START_LOWER.match(lower, pos) is not None:
                    named = match_named(text, pos, ctx) if char in NAMED_INITIALS else None
                    if named is None:
                        expr = expression_at(text, pos, ctx)
                    elif named[1] > pos and closes_cleanly(text, named[1]):
                        expr, handed = Expr(pos, named[1], named[0]), True
                    # (else expression_at gives None: match_expression answers with the named
                    # Expr, which it refuses, and finds no four digits at a letter)
            if expr is not None:
                if _kept(expr, handed, text, env, ctx):
                    return (expr, handed) if expr.begin <= limit else None
                cursor = expr.end
        if later is None:
            if not lower:
                lower = text.lower()
            later = CANDIDATE.finditer(lower, first + 1, end)
        following = next(later, None)
        if following is None:
            return None
        pos = following.start()
        if pos > limit:
            return None


def _first_candidate(text: str, end: int) -> tuple[int | None, Iterator[int] | None]:
    """``next(candidates(text, 0, end), None)``, and the generator when it was needed.

    Most texts asked are answered by their first candidate (a stamp there, or none by the
    limit): one search finds it without the generator, which cost more than the search. The
    candidates after it are ``candidates(text, first + 1, end)`` (_after_first): none starts
    inside a CANDIDATE match (its words are \\w runs or one '~'/'≈', and a word start needs
    no \\w before it), so the finditer resumed there gives the same ones. A text whose
    lower-casing moves offsets takes candidates' own path whole (tests/test_timeline_perf16.py).
    """
    # A stamp opening with a digit ('1:06 PM', '2018-08-22, 03:26pm: ...'): in an ASCII text
    # CANDIDATE matches at 0 by its \d branch (nothing before it for the lookbehinds), so the
    # first candidate is 0, told without lower-casing the text and the search.
    if end > 0 and "0" <= text[:1] <= "9" and text.isascii():
        return 0, None
    lower = text.lower()
    if len(lower) != len(text):
        found = candidates(text, 0, end)
        return next(found, None), found
    match = CANDIDATE.search(lower, 0, end)
    return (None if match is None else match.start()), None


def _after_first(text: str, first: int, end: int) -> Iterator[int]:
    """The candidates after _first_candidate's ``first`` (see there): the finditer resumed."""
    return candidates(text, first + 1, end)


def _may_open(text: str, pos: int) -> bool:
    """False where no expression starts at candidate ``pos``, told without the grammar: a word
    there that grammar.START_LOWER turns away ('Second engineer …', 'It does.', 'To test, …')
    starts none, and expression_at's other try needs a digit. START_LOWER reads the lower-cased
    text, which only a text whose lower-casing keeps its offsets and holds no CASE_UNSAFE
    character allows (as scan.expression_candidates; else the grammar is asked)."""
    if "0" <= text[pos] <= "9":
        return True
    lower = text.lower()
    if len(lower) != len(text) or any(char in text for char in CASE_UNSAFE):
        return True
    return START_LOWER.match(lower, pos) is not None
