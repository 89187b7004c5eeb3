"""Round 29: line starts from the lines; Fields, the Response and Diagnostics assembled.

- `SourceDocument.line_starts` and `body_line_starts` come from the lines' lengths
  (`source.joined_line_starts`), where a regex pass over the text found every line break: the
  same offsets as `find_line_starts` of the text and of the body, on every report we have
  (fixtures, docs, the shared corpus when present) and generated texts of line breaks (LF, CR,
  CRLF), BOMs, front matter and characters beyond ASCII, given as str and as bytes.
- `readers.answered_field` (every `Label: value` entry's Field, and extract_meta's heading
  fields) and `statements.extract_response` build their models with `models.assembled`; the
  plain way validates the same values (`Model(**values)` with the given names). Each report is
  parsed and every Field and Response built is compared with the validated one (values, the
  very objects, fields set, key order, JSON) on every report we have and generated documents
  (N/A answers with and without reasons, response sections one after the other); and whole
  parses are compared with parses by the old code (Field(...) validated from the answer, an
  empty Response() and Response(...) validated), kept here as the reference.
- `diagnostics.make` builds a Diagnostic with `models.assembled` when its values are of the
  field types, else validates them: every diagnostic a parse of our reports and generated
  documents raises is compared with the validated one, and values of other types (bools, str
  subclasses, a float line, a severity outside the Literal) are validated as before. No timings.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from pydantic import ValidationError

from incidentparse import diagnostics, parse, source
from incidentparse.answers import classify
from incidentparse.extract import EXTRACTORS, fields, readers, statements
from incidentparse.extract.statements import response_phase, view_statements
from incidentparse.models import Diagnostic, Field, IncidentReport, Response, Statement
from incidentparse.source import find_line_starts

from .conftest import REPO_MARKDOWN, SHARED
from .test_doc_perf18 import PIECES
from .test_timeline_perf14 import DOCS, _same_model


def _reports() -> list[str]:
    corpus = sorted((SHARED / "corpus").glob("*.md"))
    return [*DOCS, *(path.read_text(encoding="utf-8") for path in [*REPO_MARKDOWN, *corpus])]


# --- line starts from the lines ---

_LINE_PIECES = (
    "a", "text", " ", "\n", "\n", "\r", "\r\n", "\r\n", "\n\n", "\ufeff", "---", "---\n",
    "title: x\n", "+++\n", 'title = "x"\n', "key: [unclosed\n", "é", "😀", "—", "\u2028", "",
)  # fmt: skip


def _line_texts(count: int, seed: int = 2901) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        body = "".join(rng.choices(_LINE_PIECES, k=rng.randint(0, 14)))
        lead = rng.choice(("", "", "---\n", "+++\n", "\ufeff", "---\ntitle: A\n---\n"))
        texts.append(lead + body)
    return texts


def test_line_starts_are_those_of_the_text() -> None:
    texts = [*_reports(), *_line_texts(6000), "", "\n", "\r", "\r\n", "a", "a\n", "\n\n"]
    with_front_matter = 0
    for text in texts:
        for given in (text, text.encode("utf-8", "surrogatepass")):
            doc = source.load(given)
            assert doc.line_starts == find_line_starts(doc.text), repr(text)
            assert doc.body_line_starts == find_line_starts(doc.body), repr(text)
            assert len(doc.line_starts) == len(doc.lines)
            with_front_matter += bool(doc.front_matter_end)
    assert with_front_matter > 500  # body_line_starts' own path, without the corpus too


def test_joined_line_starts_of_any_lines() -> None:
    rng = random.Random(29)
    pieces = ("", "a", "bc", "\r", "é", "😀", " ")
    for _ in range(3000):
        lines = [
            "".join(rng.choices(pieces, k=rng.randint(0, 4))) for _ in range(rng.randint(1, 6))
        ]
        assert source.joined_line_starts(lines) == find_line_starts("\n".join(lines)), lines


# --- Fields and the Response assembled ---


def _documents(count: int, seed: int = 2902) -> list[str]:
    """Generated reports: round 18's pieces with N/A / Unknown answers and response sections."""
    extra = (
        "**Status:** N/A (not an external attack)", "**Owner:** Unknown", "- **Severity:** TBD",
        "Detection date: none", "## Status: resolved", "## Owner: N/A", "## Date: 2024-03-01",
        "## Response", "## Mitigation", "### Eradication", "- **Containment:** isolated hosts",
        "- **Recovery:** restored from backup", "Contained: N/A - nothing to contain",
    )  # fmt: skip
    pieces = (*PIECES, *extra)
    rng = random.Random(seed)
    return ["\n\n".join(rng.choices(pieces, k=rng.randint(1, 25))) for _ in range(count)]


def test_fields_and_response_built_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Counter[str] = Counter()

    def comparing(module: Any) -> Any:
        fast_build = module.assembled

        def compared(model: Any, values: dict[str, Any], given: Any) -> Any:
            fast = fast_build(model, values, given)
            if model in (Field, Response):
                _same_model(fast, model(**{name: values[name] for name in given}))
                seen[model.__name__] += 1
                if model is Response and any(len(v) > 1 for v in values.values()):
                    seen["response with several"] += 1
            return fast

        return compared

    monkeypatch.setattr(readers, "assembled", comparing(readers))
    monkeypatch.setattr(statements, "assembled", comparing(statements))
    placeholders = 0
    for text in [*_reports(), *_documents(400)]:
        report = parse(text)
        placeholders += any(not (item.applicable and item.known) for item in (*report.metadata,))
    # without the shared corpus too: the generated documents build each often
    assert seen["Field"] > 1000, seen
    assert seen["Response"] > 100, seen
    assert seen["response with several"] > 50, seen
    assert placeholders > 50


def test_a_second_response_section_adds_to_the_first() -> None:
    text = "# R\n\n## Response\n\n- **Containment:** a\n\n## Mitigation\n\n- **Containment:** b\n"
    response = parse(text).response
    assert response is not None
    assert [item.text for item in response.containment] == ["a", "b"]
    assert response.model_fields_set == set(Response.model_fields)


# --- whole parses against the old code ---


def _plain_field(label: str, value: str, line: int) -> Field:
    """Entry.field and extract_meta's Field as they were: validated from the answer."""
    answer = classify(value)
    return Field(
        label=label,
        value=value,
        applicable=answer.applicable,
        known=answer.known,
        reason=answer.reason,
        line=line,
    )


def _plain_extract_response(view: Any, ctx: Any) -> None:
    """extract_response as it was: an empty Response() for the first, Response(...) validated."""
    groups: dict[str, list[Statement]] = {"containment": [], "eradication": [], "recovery": []}
    groups["other"] = []
    for item in view_statements(view, ctx):
        groups[response_phase(item.label)].append(item)
    previous = ctx.draft.response or Response()
    ctx.draft.response = Response(
        containment=previous.containment + tuple(groups["containment"]),
        eradication=previous.eradication + tuple(groups["eradication"]),
        recovery=previous.recovery + tuple(groups["recovery"]),
        other=previous.other + tuple(groups["other"]),
    )


def _same_report(mine: IncidentReport, plain: IncidentReport, text: str) -> None:
    assert mine == plain, text[:200]
    assert mine.model_dump_json() == plain.model_dump_json(), text[:200]
    assert mine.model_dump_json(exclude_unset=True) == plain.model_dump_json(exclude_unset=True)
    mine_fields = [*mine.metadata, *(mine.details.fields if mine.details else ())]
    plain_fields = [*plain.metadata, *(plain.details.fields if plain.details else ())]
    for fast, old in zip(mine_fields, plain_fields, strict=True):
        assert fast.model_fields_set == old.model_fields_set
    if plain.response is not None:
        assert mine.response is not None
        assert mine.response.model_fields_set == plain.response.model_fields_set


def test_whole_parses_as_the_old_code(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_documents(300, 2903)]
    fast = [parse(text) for text in texts]
    built = Counter[str]()
    plain_response = _plain_extract_response

    def counted_field(label: str, value: str, line: int) -> Field:
        built["field"] += 1
        return _plain_field(label, value, line)

    def counted_response(view: Any, ctx: Any) -> None:
        built["response"] += 1
        plain_response(view, ctx)

    monkeypatch.setattr(readers, "answered_field", counted_field)
    monkeypatch.setattr(fields, "answered_field", counted_field)
    monkeypatch.setattr(statements, "extract_response", counted_response)
    monkeypatch.setitem(EXTRACTORS, "response", counted_response)
    for text, mine in zip(texts, fast, strict=True):
        _same_report(mine, parse(text), text)
    assert built["field"] > 1000 and built["response"] > 100, built


# --- Diagnostics assembled ---


def _plain_make(
    name: str,
    message: str,
    *,
    line: int | None = None,
    column: int | None = None,
    hint: str | None = None,
) -> Diagnostic:
    """diagnostics.make as it was: validated."""
    c = diagnostics.BY_NAME[name]
    return Diagnostic(
        code=c.code,
        name=c.name,
        severity=c.severity,
        message=message,
        line=line,
        column=column,
        hint=hint,
    )


def _same_diagnostic(mine: Diagnostic, plain: Diagnostic) -> None:
    assert type(mine) is Diagnostic
    assert mine == plain
    assert [type(value) for value in mine.__dict__.values()] == [
        type(value) for value in plain.__dict__.values()
    ]
    assert list(mine.__dict__) == list(plain.__dict__)
    assert mine.model_fields_set == plain.model_fields_set
    assert mine.model_dump_json() == plain.model_dump_json()
    assert mine.model_dump_json(exclude_unset=True) == plain.model_dump_json(exclude_unset=True)


def test_diagnostics_built_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Counter[str] = Counter()
    fast_make = diagnostics.make

    def compared(name: str, message: str, **where: Any) -> Diagnostic:
        mine = fast_make(name, message, **where)
        _same_diagnostic(mine, _plain_make(name, message, **where))
        seen[name] += 1
        return mine

    monkeypatch.setattr(diagnostics, "make", compared)
    for text in [*_reports(), *_documents(300, 2904)]:
        parse(text)
    # without the shared corpus too: the generated documents raise these often
    assert sum(seen.values()) > 300 and len(seen) >= 3, seen


class _Text(str):
    pass


def test_diagnostics_of_other_types_are_validated() -> None:
    for where in (
        {"line": True},
        {"column": False},
        {"line": 3, "column": 4, "hint": _Text("h")},
        {"line": None, "column": None, "hint": None},
        {"line": 7},
    ):
        for message in ("m", _Text("m")):
            _same_diagnostic(
                diagnostics.make("ambiguous-date", message, **where),
                _plain_make("ambiguous-date", message, **where),
            )
    with pytest.raises(ValidationError):
        diagnostics.make("ambiguous-date", "m", line=1.5)  # type: ignore[arg-type]
    code = diagnostics.Code("IP999", "perf29-odd", "notice", "x")  # type: ignore[arg-type]
    monkeypatch_free = dict(diagnostics.BY_NAME)
    try:
        diagnostics.BY_NAME["perf29-odd"] = code
        with pytest.raises(ValidationError):
            diagnostics.make("perf29-odd", "m")
    finally:
        diagnostics.BY_NAME.clear()
        diagnostics.BY_NAME.update(monkeypatch_free)
