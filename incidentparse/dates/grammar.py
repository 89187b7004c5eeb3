"""Expression grammar: text at a position to an Expr (prefixes, point or range, suffixes).

Hand-written because the meaning lives in the words around the dates ("since", "by", "week of",
"mid-", "– present", "April 2-3"), which no date library reads as an interval (dates.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .points import (
    DAY,
    NUMBER_WORDS,
    RULES_BY_KEY,
    UNIT_WORDS,
    WEEKDAY,
    YEAR,
    Ctx,
    Point,
    build_month_day,
    build_time,
    rules_at,
)
from .shapes import (
    NAMED_BEFORE_SYMBOL,
    NAMED_INITIALS,
    match_date_at_line_end,
    match_named,
    match_shape,
)
from .sre_facts import initials, never_first
from .vocab import (
    APPROX_PREFIXES,
    MONTH_BY_NAME,
    OPEN_END_WORDS,
    PART_BY_WORD,
    UNIT_BY_NAME,
    WEEKDAY_BY_NAME,
    case_unsafe,
)

_I = re.IGNORECASE


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# Words before an expression, one row per role. 'slot' words (in, on…) stay outside the span.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("approx", rf"(?:{_alternation(list(APPROX_PREFIXES))})(?:\s+|(?<=~)|(?<=≈))"),
    (
        "within",
        r"within\s+(?P<wn>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|"
        r"nine|ten|twelve|twenty-four|forty-eight|seventy-two)\s+(?P<wu>[a-z]+)\s+of\s+",
    ),
    ("since", r"(?:ever\s+)?since\s+|starting\s+(?:(?:on|in|from)\s+)?|beginning\s+(?:on|in)\s+"),
    ("between", r"between\s+"),
    ("from", r"from\s+"),
    ("until", r"(?:until|till|til|through|thru|up\s+(?:to|until))\s+"),
    ("by", r"(?:by|no\s+later\s+than|not\s+later\s+than|due(?:\s+by)?)\s+"),
    ("week_of", r"(?:the\s+)?week\s+(?:of|beginning|starting)\s+"),
    (
        "slot",
        r"(?:in|on|during|at|of|as\s+of|dated|throughout|for|as\s+early\s+as|"
        r"as\s+late\s+as|effective)\s+",
    ),
)
# One alternation of every role: a single match call per position names the role.
_PREFIX_RE = re.compile("|".join(f"(?P<{role}>{pattern})" for role, pattern in PREFIXES), _I)

_PART = re.compile(
    r"(?:the\s+)?(?P<part>"
    + _alternation([w for w in PART_BY_WORD if not w.startswith("the ")])
    + r")(?:\s*-\s*|\s+)(?:the\s+)?",
    _I,
)
# Joins stay on one line ([ \t], not \s): a date on one line and a time on the next are two rows.
# No two quantifiers may share a run of blanks ("[ \t]*,?[ \t]*"): a long blank run would make
# the regex engine try every split of it.
_RANGE_SEP = re.compile(
    r"[ \t]*(?:--|-|–|—|−|~)[ \t]*|[ \t]+(?:to|until|till|through|thru)[ \t]+", _I
)
_AND_SEP = re.compile(r"[ \t]+(?:and|&)[ \t]+", _I)
_OPEN_END = re.compile(
    r"(?:[ \t]*(?:--|-|–|—)|[ \t]+(?:to|until|through))[ \t]*(?:the[ \t]+)?(?:"
    + _alternation(list(OPEN_END_WORDS))
    + r")(?![a-z])",
    _I,
)
_ONWARD = re.compile(r"[ \t]*(?:and\s+)?(?:on(?:wards?)|forwards?|and\s+later)(?![a-z])", _I)
_APPROX_SUFFIX = re.compile(r"(?:-?ish(?![a-z])|[ \t]+or\s+so(?![a-z]))", _I)
# Most expressions have no tail: one match of the five tail patterns together says so.
_ANY_TAIL = re.compile(
    "|".join(p.pattern for p in (_APPROX_SUFFIX, _OPEN_END, _RANGE_SEP, _AND_SEP, _ONWARD)), _I
)
_BARE_DAY = re.compile(DAY + rf"(?:(?:\s*,\s*|\s+){YEAR})?", _I)
_WEEKDAY_PREFIX = re.compile(WEEKDAY + r"(?:\s*,)?\s+", _I)
# A weekday name and what joins it to a date after it, as _match_weekday_shape reads them (also
# read by dates.document, which reads a weekday before a shape date without the grammar).
WEEKDAY_PREFIX = _WEEKDAY_PREFIX
_WEEKDAY_SUFFIX = re.compile(r"(?:[ \t]*,)?[ \t]*\(?" + WEEKDAY + r"\)?", _I)
_DATE_TIME_JOIN = re.compile(r"(?:[ \t]*,)?[ \t]*(?:at[ \t]+|@[ \t]*)?|T", _I)
_TIME_DATE_JOIN = re.compile(r"(?:[ \t]*,)?[ \t]*(?:on[ \t]+)?", _I)
_DUAL_OPEN = re.compile(r"[ \t]*[(\[][ \t]*")
_DUAL_CLOSE = re.compile(r"\s*[)\]]")
# The direction words of points.RULES' offset rule ('ago', 'later', 'before'...): a count and a
# unit start a point only before one of them.
_OFFSET_DIRECTIONS = r"ago|earlier|previously|later|afterwards|from\s+now|hence|before|after|prior"
# What a point can start with, by rule (points.RULES) and attachment (part-of, weekday, bare
# day and year ranges). Most words the scanner hands over ('the', 'in', 'of', 'a') start no
# date: one match of this turns them away before the rules are tried one by one. It may let
# through more than the rules take, never less (tests/test_dates_perf.py).
POINT_STARTS: tuple[str, ...] = (
    r"\d",  # numeric and ISO dates, times, years, Q/H numbers, ordinals, counts
    rf"(?:{_alternation(list(MONTH_BY_NAME))}|{_alternation(list(WEEKDAY_BY_NAME))})(?![a-z])",
    # a relative word, then the start of the word its rule reads next (weekday, day word,
    # neighbour day, period, weekend): 'this package', 'over and' start none, and turned away
    # here they skip match_expression's prefixes and rules (~15 regex calls, as much as
    # reading two timeline stamps)
    r"(?:last|next|this|past|previous|coming|current|following|prior|preceding)\s+"
    r"(?:mon|tue|wed|thu|fri|sat|sun|morning|afternoon|evening|night|day|week|month|quarter"
    r"|year)|over\s+(?:the|last|previous|past|next|this)\s",
    # An ordinal after 'the' only as quarter_words, half_words and the part-of words read it
    # ('the 2nd half', 'the first fiscal quarter', 'the first days of'), and 'last' only as
    # 'the last days of': no other rule, part-of word or prefix at 'the' reads one next, and
    # 'the 2019 outage', 'the first engineer', 'the last 15 minutes' cost a grammar call each
    # (~10 us; as the branch above does for an ordinal without 'the')
    r"the\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal|quarter|half|days)"
    r"|last\s+days|following|next|previous|prior|preceding|day|night|weekend|end|early"
    r"|beginning|start|mid|late)",
    r"(?:first|second|third|fourth)\s+(?:fiscal|quarter|half|days)",
    r"q[1-4]|h[12]|fy|fiscal\s",
    r"yesterday|today|tonight|tomorrow|noon|midnight|eo[dwmqy]",
    r"(?:early|mid|late)[\s-]|(?:beginning|start|middle|end)\s",
    # offsets ('three weeks later'): the offset rule's count, unit and direction word. Prose
    # holds many counts of units that are no offset ('for a few hours due to'): each cost three
    # grammar calls (at 'for', 'a', 'few'; ~15 us each) before the direction word was asked.
    rf"(?:{NUMBER_WORDS})\s+(?:{UNIT_WORDS})\s+(?:{_OFFSET_DIRECTIONS})(?![a-z])",
)
_POINT_START = re.compile("|".join(POINT_STARTS), _I)
# The characters no prefix or point starts with: a position starting with one ('March' has no
# prefix, 'in' no point) skips the regex, told by a set lookup (sre_facts reads the regexes).
_NO_PREFIX = never_first(initials(_PREFIX_RE))
# match_expression's first test away from a digit, up to three prefixes then a point's start,
# as one regex over the LOWER-CASED text with no re.IGNORECASE: without it the regex engine
# skips an alternative by comparing its first letter, with it every alternative is entered
# (three times faster on the words the scanner turns away: 'the', 'in the', 'for a').
# Backtracking makes it accept at least what the sequential reading accepts, and on a text
# without CASE_UNSAFE characters the lower-cased text matches as the original does under
# re.IGNORECASE (tests/test_dates_scan_perf.py): where it fails, no expression starts.
START_LOWER = re.compile(
    "(?:"
    + re.sub(r"\(\?P<\w+>", "(?:", _PREFIX_RE.pattern)
    + "){0,3}(?:"
    + _POINT_START.pattern
    + ")"
)
_NO_POINT = never_first(initials(_POINT_START))
_PART_INITIALS = frozenset(w[0] for w in PART_BY_WORD)
_WEEKDAY_INITIALS = frozenset(w[0] for w in WEEKDAY_BY_NAME)
_SLOT_KINDS = frozenset({"slot", "since", "from", "until", "by", "between", "week_of", "within"})


@dataclass(slots=True)
class Expr:
    """One expression found in the text, not yet resolved to dates."""

    begin: int
    end: int
    a: Point | None
    b: Point | None = None
    mode: str = "point"  # point | range | open | until | by | within
    week_of: bool = False  # 'week of X': the week around X (C8)
    approximate: bool = False
    ongoing: bool = False
    within: tuple[float, str] | None = None  # (count, unit) of an anchored duration


def match_point(text: str, pos: int, ctx: Ctx, beyond: int = -1) -> tuple[Point, int] | None:
    """The longest point rule matching at pos (slot-only rules need a slot); with ``beyond``,
    that point only if it ends after beyond, else None (the longest is the first rule to reach
    the farthest end, so a floor on the end leaves it as it is)."""
    best: tuple[Point, int] | None = None
    floor = beyond  # the end a point must pass: beyond, then the best point's end
    for rule in rules_at(text, pos):
        # a rule that cannot match further than the floor cannot win: not even tried
        # ('2026-04-03' read by ymd leaves out iso_month and year)
        if pos + rule.width <= floor:
            continue
        m = rule.pattern.match(text, pos)
        if m is None or m.end() <= floor or case_unsafe(m.group(0)):
            continue
        try:
            point = rule.build(m, ctx)
        except (OverflowError, ValueError):  # an offset or period past date.min/date.max
            continue
        if point is None or (point.needs_slot and not (ctx.slot or ctx.slot_word)):
            continue
        if point.needs_word and not ctx.slot_word:
            continue
        best = (point, m.end())
        floor = m.end()
    return best


def match_compound(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """A point with its attachments: part-of prefix, weekday, date+time, dual zone."""
    first = text[pos : pos + 1]
    if first in NAMED_INITIALS:
        # a named-month date read by one regex when nothing attaches to it (dates.shapes)
        named = match_named(text, pos, ctx)
        if named is not None:
            return named
    first = first.lower()
    found = _match_part(text, pos, ctx) if first in _PART_INITIALS else None
    dated = None
    if found is None and first in _WEEKDAY_INITIALS:
        found = dated = _match_weekday_date(text, pos, ctx)
    # the plain point wins only by reaching further: its rules are read past found's end alone
    # ('mid-2019' leaves out the rules whose longest match is shorter). After a weekday's date
    # ('Friday 29 November 2019') none can: the weekday rule stops at the name, and every other
    # rule rules_at offers at a weekday's initial spells a word that parts from each weekday
    # name by its second letter ('fiscal', 'the', 'second', 'May'), so the rules are not tried
    # (~8 regex calls; tests/test_dates_perf24_gram.py compares with trying them).
    if dated is None:
        plain = match_point(text, pos, ctx, -1 if found is None else found[1])
        if plain is not None:
            found = plain
    if found is None:
        return None
    point, end = found
    if end >= len(text):  # nothing left to attach (most field values end here)
        return point, end
    if point.kind != "time" and not point.has_time and _is_day(point):
        point, end = _attach_time(text, end, ctx, point)
        point, end = _attach_weekday(text, end, point)
    elif point.kind == "time":
        point, end = _attach_date(text, end, ctx, point)
    if point.has_time:
        point, end = _attach_dual(text, end, ctx, point)
    return point, end


def _is_day(point: Point) -> bool:
    return (point.kind == "ymd" and point.day is not None) or (
        point.kind == "fixed" and point.grain == "day" and point.start == point.end
    )


def _match_part(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """early/mid/late + a month (C4) or a year (C5)."""
    m = _PART.match(text, pos)
    if m is None or case_unsafe(m.group(0)):
        return None
    found = match_point(text, m.end(), ctx.slotted(ctx.slot, True))
    if found is None:
        return None
    point, end = found
    if not ((point.kind == "ymd" and point.day is None) or point.kind == "year"):
        return None
    word = " ".join(m.group("part").lower().split())
    return point.evolve(part=PART_BY_WORD[word], approximate=True, needs_slot=False), end


def _match_weekday_date(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    m = _WEEKDAY_PREFIX.match(text, pos)
    if m is None or case_unsafe(m.group(0)):
        return None
    found = match_point(text, m.end(), ctx)
    if found is None or not _is_day(found[0]) or found[0].kind != "ymd":
        return None
    weekday = WEEKDAY_BY_NAME[m.group("wd").lower().rstrip(".")]
    return found[0].evolve(weekday=weekday), found[1]


def _match_weekday_shape(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """match_compound's answer at a weekday written before one of dates.shapes' dates ('Wednesday,
    2018-08-22', 'Wed 2018-08-22 03:26pm', 'Fri 03-26 07:16 |'), or before a date alone at the
    end of its line (shapes.match_date_at_line_end), else None.

    The grammar reads the same point there: no prefix, part-of word or month name starts with
    a weekday name, so match_expression reaches match_compound with no roles; there
    _match_weekday_date reads the weekday, then match_point the date, the very point match_shape
    reads at a digit (with its time, which _attach_time would join); the other rules at a
    weekday's initial ('this', 'first', 'fiscal', 'the following') read no weekday name and the
    weekday rule stops before the date, so the plain point never reaches further; and the shape's
    follower test leaves nothing for a time, a weekday after it, a dual zone or a tail to read
    (tests/test_dates_perf21_weekday.py compares both on the repo, the corpus and generated
    text)."""
    m = _WEEKDAY_PREFIX.match(text, pos)
    if m is None or not "0" <= text[m.end() : m.end() + 1] <= "9" or case_unsafe(m.group(0)):
        return None
    shaped = match_shape(text, m.end(), ctx) or match_date_at_line_end(text, m.end())
    if shaped is None or shaped[0].kind != "ymd" or shaped[0].day is None:
        return None
    weekday = WEEKDAY_BY_NAME[m.group("wd").lower().rstrip(".")]
    return shaped[0].evolve(weekday=weekday), shaped[1]


def _attach_time(text: str, end: int, ctx: Ctx, point: Point) -> tuple[Point, int]:
    join = _DATE_TIME_JOIN.match(text, end)
    if join is None or (join.end() == end and text[end : end + 1] != "T"):
        return point, end
    if not _may_start_time(text, join.end()):
        return point, end  # most dates are followed by a word: its rules read no time
    found = match_point(text, join.end(), ctx)
    if found is None or found[0].kind != "time":
        return point, end
    time = found[0]
    return _with_time(point, time), found[1]


# The letters where rules_at offers a rule that reads a clock time ('noon', 'midnight'):
# build_time is the one builder of a "time" Point. At any other letter match_point's best
# point is no time, so _attach_time has nothing to attach (tests/test_dates_perf15.py).
_TIME_LETTERS = frozenset(
    key
    for key, rules in RULES_BY_KEY.items()
    if not key.startswith("#") and any(rule.build is build_time for rule in rules)
)


def _may_start_time(text: str, pos: int) -> bool:
    """Whether match_point(text, pos) can give a "time" Point, told without trying its rules:
    rules_at reads a digit run further, any other character by its lower case alone."""
    char = text[pos : pos + 1]
    return char.isdigit() or char.lower() in _TIME_LETTERS


def _with_time(point: Point, time: Point) -> Point:
    return point.evolve(
        hour=time.hour,
        minute=time.minute,
        second=time.second,
        time_grain=time.time_grain,
        zone=time.zone,
        extra=dict(time.extra),
    )


def _attach_date(text: str, end: int, ctx: Ctx, time: Point) -> tuple[Point, int]:
    join = _TIME_DATE_JOIN.match(text, end)
    if join is None or join.end() == end:
        return time, end
    found = match_compound_date(text, join.end(), ctx)
    if found is None:
        return time, end
    return _with_time(found[0], time), found[1]


def match_compound_date(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    found = _match_weekday_date(text, pos, ctx) or match_point(text, pos, ctx)
    if found is None or not _is_day(found[0]):
        return None
    return found


def _attach_weekday(text: str, end: int, point: Point) -> tuple[Point, int]:
    m = _WEEKDAY_SUFFIX.match(text, end)
    if (
        m is None
        or (m.group("wd").islower() and len(m.group("wd")) <= 4)
        or case_unsafe(m.group(0))
    ):
        return point, end
    return point.evolve(weekday=WEEKDAY_BY_NAME[m.group("wd").lower().rstrip(".")]), m.end()


def _attach_dual(text: str, end: int, ctx: Ctx, point: Point) -> tuple[Point, int]:
    """'13:14 EDT (17:14 UTC)': the bracketed reading is kept to check or supply the zone."""
    opened = _DUAL_OPEN.match(text, end)
    if opened is None:
        return point, end
    found = match_point(text, opened.end(), ctx)
    if found is None or found[0].kind != "time" or found[0].zone is None:
        return point, end
    closed = _DUAL_CLOSE.match(text, found[1])
    if closed is None:
        return point, end
    extra = dict(point.extra, dual=found[0])
    return point.evolve(extra=extra), closed.end()


# --- expression level ------------------------------------------------------------------------


def match_expression(text: str, pos: int, ctx: Ctx) -> Expr | None:
    """Prefixes, then a point or a range, then suffixes, at pos; None when no date is there."""
    if "0" <= text[pos : pos + 1] <= "9":
        # the commonest stamps ('2019-03-26 16:21 |') in one match, when nothing can follow on
        shaped = match_shape(text, pos, ctx)
        if shaped is not None:
            return Expr(pos, shaped[1], shaped[0])
        # most dates start with a digit: no prefix starts with one, and every point rule may
        roles: list[tuple[str, re.Match[str]]] = []
        begin = start = pos
        inner = ctx
    else:
        if text[pos : pos + 1] in NAMED_INITIALS:
            # 'July 11, 2025' alone in one match (no prefix, attachment or tail can be there)
            named = match_named(text, pos, ctx)
            if named is not None:
                return Expr(pos, named[1], named[0])
            dashed = _named_before_symbol(text, pos, ctx)
            if dashed is not None:
                return dashed
        if text[pos : pos + 1].lower() in _WEEKDAY_INITIALS:
            # 'Wednesday, 2018-08-22' in two matches instead of the grammar's sixty calls
            dated = _match_weekday_shape(text, pos, ctx)
            if dated is not None:
                return Expr(pos, dated[1], dated[0])
        roles, begin, start = _read_prefixes(text, pos)
        if text[start : start + 1] in _NO_POINT or not _POINT_START.match(text, start):
            return None
        worded = False
        for role, _ in roles:
            worded = worded or role in _SLOT_KINDS or role == "approx"
        inner = ctx.slotted(ctx.slot, ctx.slot_word or worded)
    found = match_compound(text, start, inner)
    if found is None and _may_open_digit_range(text, start):
        found = _match_year_range(text, start, inner)
        if found is None:
            return _match_bare_day_range(text, start, inner, begin, roles)
    if found is None:
        return None
    a, end = found
    expr = Expr(begin, end, a)
    if roles:
        _apply_roles(expr, roles)
    if end < len(text) and _ANY_TAIL.match(text, end) is not None:
        _read_tail(text, expr, inner, any(role == "between" for role, _ in roles))
    elif expr.mode in ("from", "between"):
        expr.mode = "point"  # no tail: a lone 'from X' is just X
    if roles and roles[0][0] in ("from", "between") and expr.mode == "point":
        expr.begin = roles[0][1].end()  # a lone 'from X' is just X
    return expr


def _named_before_symbol(text: str, pos: int, ctx: Ctx) -> Expr | None:
    """match_expression's Expr at a named-month date with its day and year, blanks and a range
    symbol after it ('July 11 2025 - CloudBank', a 2i2c title), where no range can follow: the
    date alone. None wherever the grammar may read more (it then reads the date itself).

    Why it is the grammar's: no prefix, part-of word or weekday starts a month name, and only
    the month_day rule reads one (test_dates_perf16), its first match NAMED's date; so
    match_compound's point is build_month_day of that match (refused by case_unsafe as the rule
    is). Blanks then a symbol leave _attach_time nothing (its join stops at the symbol, which is
    no digit and no letter of _TIME_LETTERS), _attach_weekday nothing (no '(' or weekday name
    there) and _ONWARD nothing (it needs 'and', 'on' or 'forward' after the blanks). Of the
    tails, '-ish' and an open end are asked by their own regexes, and the range's right side,
    where _RANGE_SEP ends, by _POINT_START, which lets through every point match_compound and
    _bare_day_after can read (a digit among them): where it fails no range is read, and the
    mode stays 'point' with no role. Spares the second match_named, the prefixes, the rules at
    the month name and the right side's (~25 us a title; tests/test_dates_perf35_dash.py)."""
    m = NAMED_BEFORE_SYMBOL.match(text, pos)
    if m is None or case_unsafe(m.group(0)):
        return None
    end = m.end()
    if _APPROX_SUFFIX.match(text, end) is not None or _OPEN_END.match(text, end) is not None:
        return None
    sep = _RANGE_SEP.match(text, end)
    assert sep is not None  # blanks and one of its symbols are there
    right = sep.end()
    if text[right : right + 1] not in _NO_POINT and _POINT_START.match(text, right) is not None:
        return None
    return Expr(pos, end, build_month_day(m, ctx))


def _may_open_digit_range(text: str, pos: int) -> bool:
    """Whether a year range ('2019–2023') or a bare day range ('1–3 April') can start at pos:
    both open with an ASCII digit (YEAR, DAY), so at a word neither regex is tried
    (tests/test_dates_perf15.py)."""
    return "0" <= text[pos : pos + 1] <= "9"


_SECOND_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_RANGE = re.compile(rf"{YEAR}(?=\s*(?:-|–|—)\s*(?:19|20)\d\d(?!\d))", _I)


def _match_year_range(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """'2019–2023' is a range of years even without a slot word (a later, close second year)."""
    m = _YEAR_RANGE.match(text, pos)
    if m is None:
        return None
    sep = _RANGE_SEP.match(text, m.end())
    if sep is None:
        return None
    second = _SECOND_YEAR.match(text, sep.end())
    first = int(m.group("year"))
    if second is None or not 0 < int(second.group(0)) - first <= 30:
        return None
    return Point("year", first), m.end()


def _read_prefixes(text: str, pos: int) -> tuple[list[tuple[str, re.Match[str]]], int, int]:
    roles: list[tuple[str, re.Match[str]]] = []
    begin = cursor = pos
    if "0" <= text[pos : pos + 1] <= "9":
        return roles, begin, cursor  # every prefix starts with a letter, '~' or '≈'
    for _ in range(3):
        if text[cursor : cursor + 1] in _NO_PREFIX:
            break
        found = _prefix_at(text, cursor)
        if found is None:
            break
        role, m = found
        roles.append(found)
        if role == "slot" and cursor == begin:
            begin = m.end()  # neutral words stay outside the span
        cursor = m.end()
    return roles, begin, cursor


def _prefix_at(text: str, pos: int) -> tuple[str, re.Match[str]] | None:
    m = _PREFIX_RE.match(text, pos)
    if m is None:
        return None
    role = m.lastgroup  # the role's group closes last (within's count and unit are inside it)
    assert role is not None
    return role, m


def _apply_roles(expr: Expr, roles: list[tuple[str, re.Match[str]]]) -> None:
    for role, m in roles:
        if role == "approx":
            expr.approximate = True
        elif role == "since":
            expr.mode, expr.ongoing = "open", True
        elif role == "week_of":
            expr.week_of = True
        elif role in ("until", "by", "between", "from"):
            expr.mode = role
        elif role == "within":
            unit = UNIT_BY_NAME.get(m.group("wu").lower())
            count = _count(m.group("wn"))
            if unit is not None and count is not None:
                expr.mode, expr.within = "within", (count, unit[0])


def _count(word: str) -> float | None:
    numbers = {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "twelve": 12,
        "twenty-four": 24,
        "forty-eight": 48,
        "seventy-two": 72,
    }
    word = word.lower()
    return float(word) if word[0].isdigit() else numbers.get(word)


def _read_tail(text: str, expr: Expr, ctx: Ctx, between: bool) -> None:
    """Range end, open end ('– present'), 'onwards', '-ish' (_ANY_TAIL matched at the end)."""
    tail = _APPROX_SUFFIX.match(text, expr.end)
    if tail is not None:
        expr.approximate, expr.end = True, tail.end()
    opened = _OPEN_END.match(text, expr.end)
    if opened is not None and expr.mode in ("point", "from"):
        expr.mode, expr.ongoing, expr.end = "open", True, opened.end()
        return
    ranged = expr.mode in ("point", "from", "between", "open", "until", "by")
    if ranged and _read_range_end(text, expr, ctx, _AND_SEP if between else _RANGE_SEP):
        return
    onward = _ONWARD.match(text, expr.end)
    if onward is not None and expr.mode in ("point", "from"):
        expr.mode, expr.ongoing, expr.end = "open", True, onward.end()
    elif expr.mode in ("from", "between"):
        expr.mode = "point"


def _read_range_end(text: str, expr: Expr, ctx: Ctx, sep_re: re.Pattern[str]) -> bool:
    sep = sep_re.match(text, expr.end)
    if sep is None or expr.a is None:
        return False
    if expr.a.kind == "year":
        ctx = ctx.slotted(ctx.slot, True)  # '2019–2023': the second year is in a range slot
    found = match_compound(text, sep.end(), ctx) or _bare_day_after(text, sep.end(), expr.a)
    if found is None or not _range_compatible(expr.a, found[0]):
        return False
    expr.b, expr.end = found
    if expr.mode in ("point", "from", "between"):
        expr.mode = "range"
    tail = _APPROX_SUFFIX.match(text, expr.end)
    if tail is not None:
        expr.approximate, expr.end = True, tail.end()
    return True


def _range_compatible(a: Point, b: Point) -> bool:
    """A range joins like with like: no '2026-04-03 - 3 days ago' or '14:00 - Q3'."""
    if a.kind == "time" or b.kind == "time":
        return a.has_time and b.has_time
    return not (a.relative and not b.relative and b.kind == "year")


def _bare_day_after(text: str, pos: int, a: Point) -> tuple[Point, int] | None:
    """'April 2-3', 'March 3rd–5th': the second day shares month and year with the first."""
    if a.kind != "ymd" or a.day is None or a.has_time:
        return None
    m = _BARE_DAY.match(text, pos)
    if m is None:
        return None
    year = int(m.group("year")) if m.group("year") else a.year
    return Point("ymd", year, a.month, int(m.group("day"))), m.end()


def _match_bare_day_range(
    text: str, pos: int, ctx: Ctx, begin: int, roles: list[tuple[str, re.Match[str]]]
) -> Expr | None:
    """'1–3 April 2026', '05-06 March 2026': the first day shares month and year with the second."""
    m = _BARE_DAY.match(text, pos)
    if m is None or m.group("year"):
        return None
    sep = _RANGE_SEP.match(text, m.end()) or _AND_SEP.match(text, m.end())
    if sep is None:
        return None
    found = match_compound(text, sep.end(), ctx)
    if found is None or found[0].kind != "ymd" or found[0].day is None:
        return None
    b, end = found
    a = Point("ymd", None, b.month, int(m.group("day")))
    expr = Expr(begin, end, a, b, "range")
    _apply_roles(expr, roles)
    expr.mode = "range" if expr.mode in ("point", "from", "between", "range") else expr.mode
    return expr
