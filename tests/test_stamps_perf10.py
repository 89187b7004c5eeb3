"""Round 10 fast paths of a timeline stamp's reading give exactly what the plain code gave.

- `resolve.resolves` tells whether an expression resolves without resolving a clock time on a
  day away from the calendar's ends: the plain answer is ``to_side(...) is not None``. Compared
  at every candidate of every report we have (fixtures, docs, the shared corpus when present)
  under several contexts, and on generated clock times dense in the edges (24:00, out-of-range
  minutes, zones, ranges, deadlines, 'within', dual readings, days near date.min/date.max).
- The model's validator (`_validated_alternative`, the plain way of the ambiguous zone's
  Alternatives; tests/test_timeline_perf14.py compares it with `_new_alternative`) builds the
  same models as `Alternative(**fields)`.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from pydantic import ValidationError

from incidentparse.dates import resolve
from incidentparse.dates.points import Ctx
from incidentparse.dates.scan import Options, candidates, expression_at
from incidentparse.models import Alternative

from .conftest import FIXTURES, ROOT, SHARED

REPORTS = sorted(
    [
        *FIXTURES.glob("**/*.md"),
        *ROOT.glob("*.md"),
        *(ROOT / "docs").glob("**/*.md"),
        *(SHARED / "corpus").glob("*.md"),
    ]
)
DOCS: list[str] = [p.read_text(encoding="utf-8") for p in REPORTS]
REFERENCE = dt.date(2024, 3, 1)
EDGE_DAYS = (
    dt.date.min,
    dt.date.min + dt.timedelta(days=1),
    dt.date.min + dt.timedelta(days=6),
    dt.date.min + dt.timedelta(days=7),
    dt.date.max - dt.timedelta(days=7),
    dt.date.max - dt.timedelta(days=6),
    dt.date.max - dt.timedelta(days=1),
    dt.date.max,
)


def _contexts(reference: dt.date) -> list[tuple[resolve.Env, Ctx]]:
    """The stamp finder's own context, and others a caller could pass (anchors, zones)."""
    out = []
    for zone in ("UTC", "BST", "America/New_York", "+14:00", "-14:00"):
        options = Options(reference, default_zone=zone)
        env, ctx = options.env(), options.ctx()
        out.append((env, ctx))
        for anchor in (reference, *EDGE_DAYS):
            out.append((env, ctx._replace(anchor=anchor)))
    return out


def _check(text: str, contexts: list[tuple[resolve.Env, Ctx]]) -> int:
    """resolves() against the plain answer at every candidate; the clock times seen."""
    clocks = 0
    for pos in candidates(text):
        for env, ctx in contexts:
            for whole in (False, True):
                expr = expression_at(text, pos, ctx, whole=whole)
                if expr is None:
                    continue
                written = text[expr.begin : expr.end]
                plain = resolve.to_side(expr, written, env, ctx, expr.begin) is not None
                assert resolve.resolves(expr, written, env, ctx, expr.begin) == plain, (
                    text,
                    written,
                    ctx,
                )
                clocks += expr.a is not None and expr.a.kind == "time"
    return clocks


@pytest.mark.parametrize("index", range(len(DOCS)), ids=[p.name for p in REPORTS])
def test_resolves_on_reports(index: int) -> None:
    text = DOCS[index]
    options = Options(REFERENCE)
    _check(text, [(options.env(), options.ctx())])


def test_resolves_on_reports_other_contexts() -> None:
    contexts = _contexts(REFERENCE)[::7]
    clocks = 0
    for text in DOCS:
        for line in text.splitlines():
            if any("0" <= c <= "9" for c in line):
                clocks += _check(line, contexts)
    assert clocks > 1000  # the fast path's case is common in the reports


CLOCKS = [
    f"{hour}:{minute}{ap}{zone}"
    for hour, minute, ap, zone in itertools.product(
        ("0", "5", "12", "23", "24", "25"),
        ("00", "30", "59", "60", "75", "00:59", "00:61"),
        ("", " pm", "am"),
        ("", " UTC", " BST", " PST", " IST", " +05:30", " -14:00"),
    )
]
FORMS = [
    "{}",
    "[{}] restarted",
    "### {}",
    "by {}",
    "from {} to 6:00 PM",
    "{}-23:59",
    "within 2 hours of {}",
    "within 99999999 years of {}",
    "{} (07:00 SGT)",
    "week of {}",
    "since {}",
    "around {}",
    "{} on 2024-03-05",
    "2024-03-05 {}",
]


@pytest.mark.parametrize("form", FORMS)
def test_resolves_generated(form: str) -> None:
    contexts = [c for day in (REFERENCE, *EDGE_DAYS[::2]) for c in _contexts(day)[::9]]
    for clock in CLOCKS[::7]:
        _check(form.format(clock), contexts)
    for word in ("noon", "midnight", "5pm", "12am", "24:00", "24:01", "3 p.m."):
        _check(form.format(word), contexts)


def test_alternative_by_validator() -> None:
    values: list[object] = [
        dt.date(2024, 3, 1),
        dt.datetime(2024, 3, 1, 16, 0, tzinfo=dt.timezone.utc),
        dt.datetime(2024, 3, 1, 16, 0),
        None,
        "2024-03-01",
        3,
    ]
    for start, end, reading in itertools.product(values, values, ("BST as UTC+06:00", "", 5)):
        fields = {"start": start, "end": end, "reading": reading}
        try:
            plain = Alternative(**fields)  # type: ignore[arg-type]
        except ValidationError as error:
            with pytest.raises(ValidationError) as fast_error:
                resolve._validated_alternative(fields)
            assert fast_error.value.errors() == error.errors()
            continue
        fast = resolve._validated_alternative(fields)
        assert type(fast) is Alternative
        assert fast == plain
        assert fast.model_fields_set == plain.model_fields_set
        assert fast.model_dump() == plain.model_dump()
