"""A text's leading date expression: the scanner's first one, when it starts near the text's
start (a timeline row's stamp: '[23:55] restarted', '### 12:49 PM', 'April 1: reopened')."""

from __future__ import annotations

import datetime as dt

from .grammar import Expr
from .resolve import resolves
from .scan import Options, candidates, expression_at


def leading_expression(text: str, reference: dt.date, limit: int, end: int) -> Expr | None:
    """The first expression ``extents(text, Options(reference), end=end)`` gives, when it
    begins by ``limit``; else None.

    The scan's walk without its generators and paragraph bookkeeping (the anchor it carries only
    changes after the first find, where this stops). An expression begins at or after the
    candidate word it was read at, so the walk ends at the first candidate past ``limit``; and
    every candidate is tried, not only those where grammar.START_LOWER matches: no expression
    starts at the others, so the scanner's prefilter changes nothing here.
    """
    found = candidates(text, 0, end)
    first = next(found, None)
    # Most texts asked (every paragraph under a `### 12:49 PM` heading) open with no date: their
    # first candidate word starts past the limit, and nothing is read.
    if first is None or first > limit:
        return None
    options = Options(reference)
    env, ctx = options.env(), options.ctx()
    cursor = 0
    pos: int | None = first
    while pos is not None and pos <= limit:
        if pos >= cursor:
            expr = expression_at(text, pos, ctx)
            if expr is not None:
                # The scanner keeps only expressions that resolve (the TimeSpan is not built; a
                # clock time is known to resolve without resolving it).
                if resolves(expr, text[expr.begin : expr.end], env, ctx, expr.begin):
                    return expr if expr.begin <= limit else None
                cursor = expr.end
        pos = next(found, None)
    return None
