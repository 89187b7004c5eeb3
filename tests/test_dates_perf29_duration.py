"""Round 29: a found duration is read with one pass of its parts and built without validation.

- `dates.durations.find_duration` sums the parts it has found already (`_PART_RE.findall`)
  instead of a second `_PART_RE` pass, searches the vague words with a compiled pattern and
  builds the `Duration` by `models.assembled`: the very Duration the round-28 code (kept here
  as `_plain_find_duration`) validated, field for field, type for type and with the same
  fields set, on every line, field value and cell of our reports and on generated durations
  (digits and number words, every unit spelling, joins, vague prefixes and suffixes, huge
  counts, directions that make an offset).
"""

from __future__ import annotations

import random
import re

from incidentparse.dates import durations
from incidentparse.dates.durations import find_duration, parse_duration
from incidentparse.dates.placeholders import placeholder
from incidentparse.dates.vocab import NUMBER_BY_WORD, UNIT_BY_NAME, case_unsafe
from incidentparse.models import Duration

from .test_dates_perf29_placeholder import _doc_values


def _plain_seconds(body: str) -> float:
    total = 0.0
    for m in durations._PART_RE.finditer(body):
        if m.group("n"):
            value = float(m.group("n").replace(",", "."))
        else:
            value = NUMBER_BY_WORD[" ".join(m.group("w").lower().split())][0]
        total += value * UNIT_BY_NAME[m.group("u").lower()][1]
    return total


def _plain_find_duration(text: str) -> Duration | None:
    """find_duration as round 28 wrote it."""
    for m in durations._DURATION.finditer(text):
        if durations._NOT_AFTER.match(text, m.end()):
            continue
        body = m.group("body")
        if case_unsafe(body):
            continue
        words = durations._PART_RE.findall(body)
        if (
            len(words) == 1
            and words[0][2].lower() in durations._NO_PLAIN_COUNT
            and " " in body.strip()
        ):
            continue
        seconds = _plain_seconds(body)
        if seconds <= 0:
            continue
        vague = bool(durations._VAGUE.search(m.group("pre") or "") or m.group("post"))
        vague = vague or bool(re.search(r"several|few|couple", body, re.I))
        raw = m.group(0).strip()
        return Duration(text=raw, seconds=seconds, approximate=vague)
    return None


PIECES: tuple[str, ...] = (
    *list(UNIT_BY_NAME)[::2], *list(NUMBER_BY_WORD)[::3], "1", "2", "3.5", "1,5", "0", "00",
    "12", "45", "9" * 400, " ", "  ", "\t", ", ", " and ", ", and ", "~", "≈", "about ",
    "around ", "for ", "within ", "some ", "several ", "a few ", "a couple of ", " or so",
    "-ish", "ish", " ago", " later", " from now", "h", "m", "d", "w", "y", "s", "hrs", "mins",
    "N/A", "x", ":", "/", ".", "-", "ſ", "K", "İ", "days", "Days", "HOURS", "weeks",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 7))]
        out.append("".join(parts))
    return out


VALUES = [*_doc_values(), *_generated(30000, 29)]


def _same(new: Duration | None, old: Duration | None) -> bool:
    if new is None or old is None:
        return new is old
    return (
        type(new) is type(old)
        and new == old
        and new.model_fields_set == old.model_fields_set
        and [type(v) for v in new.__dict__.values()] == [type(v) for v in old.__dict__.values()]
        and new.model_dump_json() == old.model_dump_json()
    )


def test_find_duration_as_before() -> None:
    found = vague = 0
    for value in VALUES:
        new, old = find_duration(value), _plain_find_duration(value)
        assert _same(new, old), value
        found += new is not None
        vague += new is not None and new.approximate
    # durations read often, without ../shared/corpus too (the generated ones)
    assert found > 1000 and vague > 200, (found, vague)


def test_parse_duration_as_before() -> None:
    for value in VALUES[::2]:
        old = None if not value.strip() or placeholder(value) else _plain_find_duration(value)
        assert _same(parse_duration(value), old), value
