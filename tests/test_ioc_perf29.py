"""Round-29: the document's indicators are placed with fewer look-ups and a plain URL is judged
in one match.

- ``extract.indicators._kind_walk`` answers ``Outline.kind_at`` for lines asked in rising order
  without reading again the parts that end before them. Compared with kind_at on the outline
  of every report we have (every line, in rising order, with repeats, and shuffled) and on
  generated part lists (gaps, overlaps, empty and out-of-order sections).
- ``ioc.placed_indicators`` and ``ioc.find_indicators`` look each hit's line up once for its
  occurrence, context and in_code (``context.context_on``, ``Layout.in_code_on``) and give
  ``assembled`` frozensets of field names. Compared model by model (values, fields set, field
  order, JSON) with the round-28 code kept here, on test_ioc_perf's TEXTS (fixtures, docs, the
  shared corpus when present, the IOC case tables, generated text) and generated URL texts.
- ``classify.url`` takes a plain URL ('https://github.com/org/repo/pull/1') from one match
  (``_PLAIN_URL``). Compared with the general path (``_PLAIN_URL`` swapped for a pattern that
  never matches) on every URL candidate of those texts and on generated URLs (schemes in any
  case and defanged, hosts with capitals, ports, users, brackets, trailing dots, TLDs real and
  not, digits, paths, queries, fragments, closing markup).
"""

from __future__ import annotations

import random
import re
from types import SimpleNamespace
from typing import Any

import pytest

import incidentparse.ioc as ioc
from incidentparse import sections, source, tokens, wrappers
from incidentparse.diagnostics import Sink
from incidentparse.extract.indicators import _kind_walk
from incidentparse.ioc import classify
from incidentparse.ioc.classify import Env, Hit
from incidentparse.ioc.context import Labels, context_of
from incidentparse.ioc.layout import Layout
from incidentparse.ioc.scan import SCANNERS, _candidates, absent_literals, scan
from incidentparse.ioc.vocab import CATEGORY
from incidentparse.models import Indicator, Occurrence, assembled

from .test_ioc_perf import REPORTS, TEXTS
from .test_ioc_perf17 import _place as _some_place
from .test_ioc_perf17 import _same

# ---------------------------------------------------------------- generated URL texts

_SCHEMES = ("http", "https", "HTTP", "Https", "hxxp", "hxxps", "ftp", "wss", "meow", "sftp")
_SEPS = ("://", "://", "://", "[://]", "[:]//")
_LABELS = ("github", "a", "x-y", "a1", "2i2c", "team-compass", "GitHub", "-bad", "bad-", "b_c")
_TLDS = ("com", "org", "io", "cloud", "COM", "zz", "local", "123", "1", "c0m", "x-y", "")
_AFTER = (
    "", "/", "/2i2c-org/infrastructure/pull/6349", "?q=1&b=2", "#frag", "/a/b.html#x",
    ":8080/x", ":80", ":x", "/path(with)parens", "/x_y~z", "/[x]", "/a.", ").", ">", "**",
    "_", "/ok]", "/a](b)", "/%20", "/é",
)  # fmt: skip
_BEFORE = ("", " ", "<", "(", "[link](", "_", "*", "see ", "user:pass@", "u@", "|")


def _host(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(("[::1]", "[2001:db8::1]", "[zz]", "10.0.0.1", "999.1.1.1"))
    labels = [rng.choice(_LABELS) for _ in range(rng.randint(0, 3))]
    host = ".".join([*labels, rng.choice(_TLDS)]) if labels else rng.choice(_LABELS)
    if rng.random() < 0.05:
        host += "."
    return host


def _url_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            before = rng.choice(_BEFORE)
            user = before if before.endswith("@") else ""
            if user:
                before = ""
            url = rng.choice(_SCHEMES) + rng.choice(_SEPS) + user + _host(rng)
            url += "".join(rng.choice(_AFTER) for _ in range(rng.randint(0, 2)))
            parts.append(before + url + rng.choice(("", " ", "\n", ") ", ". ", " | ", "`")))
        texts.append(" ".join(parts))
    return texts


URL_TEXTS = _url_texts(3000, 29)
ALL = [*TEXTS, *URL_TEXTS]


# ---------------------------------------------------------------- section kinds


def _outline(parts: list[Any]) -> sections.Outline:
    return sections.Outline([], parts, None, [])


def _report_outlines() -> list[tuple[sections.Outline, int]]:
    outlines = []
    for path in REPORTS:
        doc = source.load(path.read_text(encoding="utf-8"), None)
        blocks = wrappers.unwrap_fenced_report(tokens.parse_blocks(doc.body))
        outline = sections.build(blocks, len(doc.lines), Sink(), None)
        outlines.append((outline, len(doc.lines)))
    return outlines


def _fake_parts(rng: random.Random) -> list[Any]:
    """Parts of any shape: sorted or not, gaps, overlaps, a section ending before it starts."""
    parts = []
    line = rng.randint(0, 3)
    for index in range(rng.randint(0, 12)):
        start = line if rng.random() < 0.7 else rng.randint(0, 60)
        end = start + rng.randint(-2, 15)
        kind = rng.choice(("summary", "timeline", "indicators", "references", "preamble"))
        section = SimpleNamespace(line_start=start, line_end=end, kind=f"{kind}{index}")
        parts.append(SimpleNamespace(section=section))
        line = end + rng.randint(0, 2) if rng.random() < 0.8 else max(0, end - 3)
    return parts


def _asked(rng: random.Random, top: int) -> list[list[int]]:
    """Orders of asking: every line rising, rising with repeats, and shuffled."""
    every = list(range(0, top + 3))
    rising = sorted(rng.choices(every, k=rng.randint(0, 20)))
    shuffled = rng.sample(every, len(every))
    return [every, rising, shuffled]


def test_kind_walk_is_kind_at_on_the_reports() -> None:
    rng = random.Random(129)
    asked = 0
    for outline, lines in _report_outlines():
        for order in _asked(rng, lines):
            walk = _kind_walk(outline.parts)
            assert [walk(line) for line in order] == [outline.kind_at(line) for line in order]
            asked += len(order)
    assert asked > 1000


def test_kind_walk_is_kind_at_on_generated_parts() -> None:
    rng = random.Random(229)
    for _ in range(6000):
        parts = _fake_parts(rng)
        outline = _outline(parts)
        for order in _asked(rng, 70):
            walk = _kind_walk(parts)
            assert [walk(line) for line in order] == [outline.kind_at(line) for line in order]


def test_kind_walk_is_asked_in_rising_order() -> None:
    """The walk pays off only when the lines rise: placed_indicators asks each group's first
    line, groups in order of first appearance."""
    asked: list[int] = []

    def place(line: int) -> tuple[str | None, str | None]:
        asked.append(line)
        return None, None

    for text in TEXTS[:400]:
        asked.clear()
        ioc.placed_indicators(text, place=place)
        assert asked == sorted(asked)


# ---------------------------------------------------------------- placed and found indicators

_OCCURRENCE_TUPLE = ("raw", "line", "column", "start", "end")
_GIVEN_TUPLE = (
    "type", "value", "raw", "defanged", "category", "context", "scope", "in_code", "line",
    "column", "start", "end", "occurrences",
)  # fmt: skip


def _ref_place(env: Env, hit: Hit) -> Occurrence:
    line, column = env.layout.position(hit.start)
    raw = env.text[hit.start : hit.end]
    values = {"raw": raw, "line": line, "column": column, "start": hit.start, "end": hit.end}
    return assembled(Occurrence, values, _OCCURRENCE_TUPLE)


def _ref_indicator(
    env: Env,
    hit: Hit,
    occurrences: tuple[Occurrence, ...],
    context: str | None,
    defanged: bool,
    placement: dict[str, str | None] | None = None,
) -> Indicator:
    first = occurrences[0]
    placed = placement or {}
    values = {
        "type": hit.type,
        "value": hit.value,
        "raw": first.raw,
        "defanged": defanged,
        "category": CATEGORY[hit.type],
        "context": context,
        "label": placed.get("label"),
        "section": placed.get("section"),
        "scope": hit.scope,
        "in_code": env.layout.in_code(hit.start),
        "line": first.line,
        "column": first.column,
        "start": first.start,
        "end": first.end,
        "occurrences": occurrences,
    }
    given = (*_GIVEN_TUPLE, "section", "label") if placement else _GIVEN_TUPLE
    return assembled(Indicator, values, given)


def _ref_placed(text: str, markdown: bool = True, place: Any = None) -> list[Indicator]:
    """placed_indicators as round 28 wrote it: each step looks the hit's line up again."""
    hits, env = scan(text, markdown)
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.type, hit.value), []).append(hit)
    out = []
    for group in groups.values():
        occurrences = tuple(_ref_place(env, hit) for hit in group)
        context = None
        for hit in group:
            context = context_of(env.layout, env.labels, hit.start, hit.end)
            if context is not None:
                break
        defanged = any(hit.defanged for hit in group)
        placement: dict[str, str | None] = {}
        if place is not None:
            placement["section"], placement["label"] = place(occurrences[0].line)
        out.append(_ref_indicator(env, group[0], occurrences, context, defanged, placement))
    return out


def _ref_found(text: str, markdown: bool = True) -> list[Indicator]:
    hits, env = scan(text, markdown)
    return [
        _ref_indicator(
            env,
            hit,
            (_ref_place(env, hit),),
            context_of(env.layout, env.labels, hit.start, hit.end),
            hit.defanged,
        )
        for hit in hits
    ]


@pytest.mark.parametrize("markdown", [True, False])
def test_placed_and_found_indicators_are_the_round_28_ones(markdown: bool) -> None:
    compared = 0
    for text in ALL:
        try:
            _same(ioc.extract_indicators(text, markdown=markdown), _ref_placed(text, markdown))
            _same(
                ioc.placed_indicators(text, markdown=markdown, place=_some_place),
                _ref_placed(text, markdown, _some_place),
            )
            found = list(ioc.find_indicators(text, markdown=markdown))
            _same(found, _ref_found(text, markdown))
        except AssertionError:
            pytest.fail(f"differs on {text[:300]!r}")
        compared += len(found)
    assert compared > 3000


def test_in_code_on_is_in_code() -> None:
    rng = random.Random(329)
    for text in [*TEXTS[:1500], *URL_TEXTS[:300]]:
        if not text:
            continue
        fast, plain = Layout.build(text), Layout.build(text)
        for _ in range(10):
            offset = rng.randrange(len(text))
            _, start, end = fast.line(offset)
            assert fast.in_code_on(offset, start, end) == plain.in_code(offset)


# ---------------------------------------------------------------- plain URLs

_NEVER = re.compile(r"(?!)")
_URL_SCANNER = next(scanner for scanner in SCANNERS if scanner.name == "url")


def _url_candidates(text: str) -> list[tuple[int, int]]:
    return list(_candidates(text, _URL_SCANNER, absent_literals(text, common=True)))


def test_plain_url_is_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    fast_taken = judged = 0
    for text in ALL:
        layout = Layout.build(text)
        env = Env(text, layout, Labels(layout))
        for start, end in _url_candidates(text):
            fast = classify.url(env, start, end)
            raw = classify.trim(text[start:end], text[start - 1 : start])
            taken = classify._PLAIN_URL.match(classify.refang(raw)) is not None
            with monkeypatch.context() as patch:
                patch.setattr(classify, "_PLAIN_URL", _NEVER)
                plain = classify.url(env, start, end)
            assert fast == plain, (text[start:end], fast, plain)
            judged += 1
            fast_taken += taken and fast is not None
    assert judged > 5000 and fast_taken > 600, (judged, fast_taken)


def test_the_reports_take_the_plain_url_path() -> None:
    """The fixtures alone (no ../shared/corpus) hold URLs the fast path takes."""
    taken = 0
    for path in REPORTS:
        text = path.read_text(encoding="utf-8")
        layout = Layout.build(text)
        env = Env(text, layout, Labels(layout))
        for start, end in _url_candidates(text):
            raw = classify.trim(text[start:end], text[start - 1 : start])
            if classify._PLAIN_URL.match(classify.refang(raw)) is not None:
                taken += classify.url(env, start, end) is not None
    assert taken >= 5
