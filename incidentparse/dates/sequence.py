"""Timeline rows: row labels in document order to TimeSpans, carrying dates between rows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TypeGuard

from ..models import TimeSpan
from .calendar import grace_limit
from .grammar import Expr
from .leading import Stamp
from .points import Ctx
from .resolve import Env, Side, to_span
from .scan import LEAD_MARKUP, Options, is_template, parse_value, reads_known, shaped_expression

# '[???]' / '???': an unknown time. The character classes do not overlap, so a long run of '?'
# cannot make the engine try every way of splitting it.
_UNKNOWN_TIME = re.compile(r"^[^\w?]*\?{2,}[^\w?]*$|\[[ \t]*\?+[ \t]*\]")
# '[23:55]' then '[00:07]': a time-only row more than this far before the previous one is
# taken as the next day; smaller steps back are rows out of order (timelines.md T3).
ROLLOVER = dt.timedelta(hours=12)
_LAST = dt.date.max


def resolve_sequence(
    texts: Sequence[str], options: Options, anchor: TimeSpan | None = None
) -> list[TimeSpan | None]:
    """Resolve each label; a dated row or the anchor dates the time-only rows after it.

    A label that is a dates.leading.Stamp hands parse_value the expression it was read with
    (_reading)."""
    day = _day_of(anchor)
    last_local: dt.datetime | None = None
    out: list[TimeSpan | None] = []
    ctx = Ctx(options.reference, anchor=day, dayfirst=options.dayfirst)
    env = options.env()
    for text in texts:
        # both of _UNKNOWN_TIME's alternatives hold a '?': most labels are told without a search
        if "?" in text and _UNKNOWN_TIME.search(text):
            out.append(None)
            continue
        if ctx.anchor != day:  # a new Ctx only when the carried day changed (by position: the
            # keywords cost three times as much, once per dated row of a table)
            ctx = Ctx(options.reference, day, None, options.dayfirst)
        if type(text) is str:  # a plain label (a table's Time cell), not a Stamp
            read = _shape_read(text, ctx) if text else None
            known = None if read is None else read[0]
            if read is None:
                found = None
            elif read[0].begin == 0:
                found = _shaped_value(read[1], read[0], env, ctx)
            else:
                found = _known_value(text, read[0], env, ctx)
        else:
            known = _reading(text, options, ctx) if text else None
            if known is None:
                found = None
            elif _whole_stamp(text, known):
                found = _whole_stamp_value(text, known, env, ctx)
            else:
                found = _known_value(text, known, env, ctx)
        if found is None:
            found = parse_value(text, options, ctx, known)
        if found is None:
            out.append(None)
            continue
        span, side = found
        # _after_report and _rolls_over asked only past their first tests, written here: most
        # rows' year is written or R's, and most rows follow the one before or come without a
        # clock (a call each a row spared, the answers theirs)
        if span.year_source == "context" and _after_report(span, options):
            # '[12-05 16:21]' under a 2019 title is 2018-12-05
            found = parse_value(text, options._replace(context_year=None), ctx, known) or found
            span, side = found
        local = side.local_time
        if (
            local is not None
            and last_local is not None
            and last_local - local > ROLLOVER
            and _rolls_over(span, local, last_local)
            and (day or options.reference) < _LAST
        ):
            day = (day or options.reference) + dt.timedelta(days=1)
            found = parse_value(text, options, ctx._replace(anchor=day), known)
            if found is not None:
                span, side = found
        out.append(span)
        if side.local_day is not None:
            day = side.local_day
        last_local = side.local_time
    return out


def _known_value(text: str, known: Expr, env: Env, ctx: Ctx) -> tuple[TimeSpan, Side] | None:
    """parse_value(text, options, ctx, known) for a label that opens with an ASCII digit and
    is the known Expr whole ('1:06 PM', '2022-03-18 08:37'): its resolution, without the value
    checks parse_value makes first (~1.5 us a row); None where that shortcut does not apply (or
    the resolution gives nothing: parse_value then reads the label as it always did).

    Exact: parse_value strips the label (as here); a value opening with a digit is no
    placeholder (placeholders.placeholder turns away every first character outside its
    _INITIALS, letters and dashes); is_template is asked as parse_value asks it; and where
    reads_known holds, parse_value returns this same to_span when it gives a span
    (tests/test_timeline_perf23.py compares with parse_value on every label we have)."""
    value = text.strip()
    if not "0" <= value[:1] <= "9" or is_template(value) or not reads_known(value, known):
        return None
    return to_span(known, value[known.begin :], env, ctx, None)


def _whole_stamp(text: str, known: Expr) -> TypeGuard[Stamp]:
    """Whether ``known`` is a Stamp's own reading by the shapes at 0 (its reading or its
    shaped month and day, read where the stamp opens with a digit)."""
    return (
        known.begin == 0
        and "0" <= text[:1] <= "9"
        and isinstance(text, Stamp)
        and (known is text.reading or known is text.shaped)
    )


def _whole_stamp_value(
    stamp: Stamp, known: Expr, env: Env, ctx: Ctx
) -> tuple[TimeSpan, Side] | None:
    """_known_value(stamp, known, env, ctx) for a Stamp whose own reading is the shapes' at 0
    (_whole_stamp: a `### 5:02 PM` heading, '2018-08-22, 03:26pm: …'; a stamp opening with a
    digit is read by the shapes alone, a named date opens with a letter): its resolution,
    without _known_value's tests, which such a stamp passes every time (~1.5 us a row). The
    stamp is the text of a shape match from 0 (dates.leading._stamp): it opens with a digit
    and ends with the shape's last digit or its am/pm's 'm', so strip() keeps it whole; a
    shape holds no '[' and no 'mm', 'dd' or 'yyyy' (its one 'm' follows 'a'/'p'), so
    is_template is False; and reads_known holds (its end is the stamp's, nothing stands
    before 0). str() as strip() gives it: the span's text is a plain str
    (tests/test_timeline_perf27_seq.py compares with _known_value)."""
    return to_span(known, str(stamp), env, ctx, None)


def _reading(text: str, options: Options, ctx: Ctx) -> Expr | None:
    """The Expr a label hands parse_value, when it has one: a Stamp's reading; with no dayfirst
    (the Ctx every parse_value call here shares has options.dayfirst) a Stamp's month and day
    read by the shapes too; else the shapes' reading of the label (_shape_reading)."""
    if isinstance(text, Stamp):
        if text.reading is not None:
            return text.reading
        if text.shaped is not None and options.dayfirst is None:
            return text.shaped
    return _shape_reading(text, ctx)


def _shape_reading(text: str, ctx: Ctx) -> Expr | None:
    """The shapes' reading (dates.shapes) of a label that is one shape after lead markup and
    nothing else ('2021-03-31 12:06', a table's Time cell), read with the sequence's Ctx: the
    Expr parse_value's first try reads there (grammar.match_expression starts with the shapes,
    and a shape depends on the Ctx's dayfirst alone), so parse_value resolves it instead of
    reading the label again (scan.reads_known). None where no shape spans the label."""
    read = _shape_read(text, ctx)
    return None if read is None else read[0]


def _shape_read(text: str, ctx: Ctx) -> tuple[Expr, str] | None:
    """_shape_reading's Expr and the stripped label it was read in (its offsets are there)."""
    value = text.strip()
    lead, size = 0, len(value)
    while lead < size and value[lead] in LEAD_MARKUP:
        lead += 1
    if lead == size or not "0" <= value[lead] <= "9":
        return None
    expr = shaped_expression(value, lead, ctx)
    return (expr, value) if expr is not None and expr.end == size else None


def _shaped_value(value: str, known: Expr, env: Env, ctx: Ctx) -> tuple[TimeSpan, Side] | None:
    """_known_value(text, known, env, ctx) for a plain label whose _shape_read gave ``known``
    at 0 of ``value`` (text stripped): a table's Time cell ('2022-03-18 08:37', every row of
    dfds' Node-IPC timeline). Its resolution, without _known_value's second strip, is_template
    and reads_known (~1.5 us a row), which such a label passes every time: its value opens
    with a digit (_shape_read reads only there, no lead markup before it at 0); it is the
    shape's text whole (known ends where it does), which holds only digits, '-', ':', ',',
    blanks and an am/pm (its one 'm' after 'a'/'p'): no '[', 'mm', 'dd' or 'yyyy', so
    is_template is False; and reads_known holds (its end is the value's, nothing before 0)
    (tests/test_timeline_perf31_seq.py compares with _known_value)."""
    return to_span(known, value, env, ctx, None)


def _after_report(span: TimeSpan, options: Options) -> bool:
    """A row read with the context year that lands past R + 31 days: timeline rows describe
    what already happened, so the year comes from R instead (C3)."""
    if span.year_source != "context":  # most rows: their year is written or from R
        return False
    start = span.start.date() if isinstance(span.start, dt.datetime) else span.start
    return start is not None and start > grace_limit(options.reference)


def _rolls_over(span: TimeSpan, local: dt.datetime | None, last: dt.datetime | None) -> bool:
    """A time-only row far before the previous row's time has crossed midnight."""
    # the clock comparison first: the label test (two regex passes) is needed only for a step
    # back of more than ROLLOVER, which few rows make. (A difference, not `last - ROLLOVER`:
    # that could pass datetime.min where the label test used to answer first.)
    if local is None or last is None or not last - local > ROLLOVER:
        return False
    return _time_only(span.text)


_HAS_DATE = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}|(?<![A-Za-z])[A-Za-z]{3,}\s*\d|\d\s*[A-Za-z]{3}")
_CLOCK = re.compile(r"\d{1,2}(?::\d{2}){1,2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?", re.I)


def _time_only(text: str) -> bool:
    """A label with a clock time and no date of its own."""
    return not _HAS_DATE.search(_CLOCK.sub(" ", text))


def _day_of(span: TimeSpan | None) -> dt.date | None:
    if span is None or span.start is None:
        return None
    if isinstance(span.start, dt.datetime):
        return span.start.date()
    return span.start
