"""Round 40 of the speed work: a timeline's clock stamps built without new_span.

- dates/resolve.py `_clock_span` builds the TimeSpan of a clock stamp with no approximate or
  suspect flag and no offset (every row of a time-stamped timeline, every `### 1:06 PM`
  heading) by models.assembled, its values written out in the model's order and its fields set
  one of three frozensets, where new_span copied the defaults, updated them and made a set of
  the dict's names.

Every answer of _clock_span is compared with the general path (_to_fields then new_span, as
to_span resolved before round 24) by tests/test_dates_perf24_zone.py's `_checked`: the span
(==, repr, its values in order, its fields set, its Alternatives' fields sets) and the Side.
Here that comparison runs over every report we have (fixtures, README and docs, the shared
corpus when present) and over generated timelines in fixed and ambiguous zones (BST, IST: an
Alternative per row; 'Mon 2024-03-05 14:00' rows whose weekday is not the date's: ambiguous
without Alternatives), and each of the three fields sets must be met, through the direct
build (new_span not called) and through new_span (an approximate or offset stamp). No timings.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from incidentparse import parse
from incidentparse.dates import resolve
from incidentparse.models import TimeSpan

from .test_dates_perf24_zone import _checked
from .test_timeline_perf import DOCS
from .test_timeline_perf39 import _generated_timeline_reports


def _generated_clock_reports(count: int, seed: int) -> list[str]:
    """Timelines of clock rows in several zones: dated, time-only, weekday-named (a wrong
    weekday is ambiguous), approximate ('~14:00'), with written zones and a table."""
    rng = random.Random(seed)
    rows = ("- 13:10 paged on-call", "- 2024-03-05 14:00: rolled back", "- 14:02 restarted",
            "- Mon 2024-03-05 14:00: wrong weekday", "- Tue 2024-03-05 09:00: right weekday",
            "- ~14:30 roughly then", "- 15:00 UTC: written zone", "- 16:00 PDT: summer zone",
            "- 2024-03-05 17:45 IST: dated, written", "- March 5, 2024 18:00: named",
            "- Engineer joins",
            "| Time | Event |\n| --- | --- |\n| 2024-03-05 08:37 | paged |")  # fmt: skip
    zones = ("", " (times in BST)", " (times in IST)", " (UTC)", " (times in PST)", " (UTC+05:30)")
    out = []
    for _ in range(count):
        parts = [f"# Incident\n\n## Timeline{rng.choice(zones)}\n"]
        parts.extend(rng.choice(rows) for _ in range(rng.randint(1, 8)))
        parts.append("\n## Summary\n\nOn March 5, 2024 at 09:55 the first alerts fired.\n")
        out.append("\n".join(parts))
    return out


def test_clock_spans_as_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    built = resolve.new_span
    through_new_span: list[frozenset[str]] = []

    def counted(fields: dict[str, object]) -> TimeSpan:
        through_new_span.append(frozenset(fields))
        return built(fields)

    clock = resolve._clock_span
    direct: Counter[frozenset[str]] = Counter()
    general: Counter[frozenset[str]] = Counter()

    def sorted_out(*args: object) -> object:
        before = len(through_new_span)
        found = clock(*args)  # type: ignore[arg-type]
        if found is not None:
            sets = general if len(through_new_span) > before else direct
            sets[frozenset(found[0].model_fields_set)] += 1
        return found

    monkeypatch.setattr(resolve, "new_span", counted)
    monkeypatch.setattr(resolve, "_clock_span", sorted_out)  # _checked wraps this one
    texts = [*DOCS, *_generated_timeline_reports(60, 40), *_generated_clock_reports(300, 40)]
    with _checked() as counts:
        for text in texts:
            parse(text)
    assert counts[0] > 1000, counts
    assert set(direct) == {resolve._CLOCK, resolve._CLOCK_AMBIGUOUS, resolve._CLOCK_ALTERNATIVES}
    assert min(direct.values()) > 20, direct
    # the stamps the direct build leaves to new_span: approximate, zone-suspect, offset
    for name in ("approximate", "zone_suspect", "char_start"):
        assert sum(n for names, n in general.items() if name in names) > 0, (name, general)
    assert sum(general.values()) > 100, general
