"""Round 39: a View is built without its dataclass __init__ (``sections._views``).

Each root section's View is made by object.__new__ with its two fields set in their order,
where View(kind, [part]) ran the dataclass's generated __init__ (a Python frame per view).
Checked here against _views as it was (kept below as the reference), on every report we have
(fixtures, README and docs, the corpus when present) and on generated outlines mixing root
sections, known and unknown sub-sections and timeline phases: the same views (kinds, parts,
the very Part objects, the attribute order), and the same whole parses. No timings.
"""

from __future__ import annotations

import random

import pytest

import incidentparse
from incidentparse import sections, tokens
from incidentparse.diagnostics import Sink
from incidentparse.sections import Part, View

from .conftest import REPO_MARKDOWN, SHARED


def _old_views(parts: list[Part]) -> list[View]:
    """sections._views before round 39."""
    views: list[View] = []
    owner: dict[int, View] = {}
    for part in parts:
        parent = part.section.parent
        parent_view = owner.get(parent) if parent is not None else None
        if parent_view is not None and part.section.kind in (parent_view.kind, "unknown"):
            parent_view.parts.append(part)
            owner[part.index] = parent_view
            continue
        view = View(part.section.kind, [part])
        views.append(view)
        owner[part.index] = view
    return views


HEADINGS = (
    "Summary", "Timeline", "Impact", "Root cause", "Notes", "Background", "Details",
    "Action items", "Lessons learned", "What went well", "Detection", "Odd heading",
)  # fmt: skip
BODIES = ("Some prose.", "- an item\n- another", "10:00 paged", "", "**Owner:** ann")


def _generated(count: int, seed: int = 3902) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        parts = [f"# Report {number}"] if rng.random() < 0.8 else ["Preamble text."]
        for _ in range(rng.randint(0, 10)):
            parts.append(f"{'#' * rng.randint(2, 4)} {rng.choice(HEADINGS)}")
            parts.append(rng.choice(BODIES))
        texts.append("\n\n".join(parts) + "\n")
    return texts


def _texts() -> list[str]:
    paths = [*REPO_MARKDOWN, *sorted((SHARED / "corpus").glob("*.md"))]
    return [path.read_text(encoding="utf-8") for path in paths] + _generated(800)


def test_views_are_those_of_the_dataclass_init() -> None:
    views = 0
    for text in _texts():
        blocks = tokens.parse_blocks(text)
        outline = sections.build(blocks, text.count("\n") + 1, Sink())
        new, old = outline.views, _old_views(outline.parts)
        assert new == old, text
        for view, reference in zip(new, old, strict=True):
            assert type(view) is View
            assert list(vars(view)) == list(vars(reference))
            assert all(a is b for a, b in zip(view.parts, reference.parts, strict=True))
            views += 1
    assert views > 4000  # 4916 without the corpus (the generated outlines)


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(sections, "_views", _old_views)  # build calls it by this name
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
