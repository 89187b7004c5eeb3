"""Round 33: a table body row is a NamedTuple (extract.readers.Row), not a frozen dataclass.

Its readers (the timeline's table rows, action and ATT&CK tables, metrics tables) read its
three fields by name. Compared with round 32's table_rows, kept here with its dataclass, field
for field on every table of our reports, docs and the corpus when present, and on generated
tables with short, long and unlabelled rows and every column role; every report parses the
same with the old rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from incidentparse import parse, tokens
from incidentparse.extract import actions, fields, readers, timeline
from incidentparse.tokens import Inline, Node

from .test_timeline_perf11 import DOCS


@dataclass(frozen=True)
class _OldRow:
    line: int
    cells: tuple[Inline, ...]
    roles: dict[str, Inline]


def _old_table_rows(node: Node, record: Callable[..., Any] = _OldRow) -> list[Any]:
    """readers.table_rows as it was (round 32), each row built by record (round 39's test
    builds readers.Row, as the rows were built before it)."""
    if not node.rows:
        return []
    header = [cell.text.strip().lower().rstrip(":") for cell in node.rows[0]]
    roles = [readers._ROLE_BY_HEADER.get(name) for name in header]
    rows = []
    for cells, line in zip(node.rows[1:], node.row_lines[1:], strict=True):
        by_role: dict[str, Inline] = {}
        for role, cell in zip(roles, cells, strict=False):
            if role and role not in by_role:
                by_role[role] = cell
        rows.append(record(line, cells, by_role))
    return rows


_HEADERS = (*readers._ROLE_BY_HEADER, "Other", "", "Time:", " WHEN ", "x")
_CELLS = ("2022-03-18 08:37", "12:49 PM", "Deploy", "", "Ana", "P1", "done", "**b**", "a | b")


def _tables(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        width = rng.randint(1, 5)
        header = [rng.choice(_HEADERS) for _ in range(width)]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
        for _ in range(rng.randint(0, 6)):
            cells = [rng.choice(_CELLS) for _ in range(rng.randint(1, width + 1))]
            lines.append("| " + " | ".join(cells) + " |")
        out.append("\n".join(lines))
    return out


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def test_rows_are_those_of_round_32() -> None:
    compared = 0
    for text in [*DOCS, *_tables(3000, 3303)]:
        for node in _walk(tokens.parse_blocks(text)):
            if node.kind != "table":
                continue
            new, old = readers.table_rows(node), _old_table_rows(node)
            assert len(new) == len(old)
            for a, b in zip(new, old, strict=True):
                assert (a.line, a.cells, a.roles) == (b.line, b.cells, b.roles), text
                assert type(a.line) is int and type(a.cells) is tuple and type(a.roles) is dict
                compared += 1
    assert compared > 5000


def test_reports_parse_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    for module in (actions, fields, timeline):
        monkeypatch.setattr(module, "table_rows", _old_table_rows)
    assert [parse(doc).model_dump_json() for doc in DOCS] == fast
