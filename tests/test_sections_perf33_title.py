"""Round 33: sections._classify_all classifies by headings._classify with the aliases' keys
built once (headings.alias_keys, what classify builds at each call), and tells whether a
heading may be the title (sections._may_be_title: the first H1) from a flag set at each H1,
where _may_be_title and _is_title walked the headings before it while no title was found.

Compared with round 26's _classify_all (test_sections_perf27's reference, which calls
classify, _may_be_title and _is_title) on the headings of every report (the corpus too when
present) and of generated outlines: H1s that are exact sections ('# Overview'), titles
('# ADFS Outage'), several H1s before or after a title, none at all, timelines below them,
under several alias sets; both ways of the title (found first, found late, never) are taken.
"""

from __future__ import annotations

import random

from incidentparse import sections

from .test_sections_perf12 import _blocks
from .test_sections_perf27 import _reference_classify_all
from .test_tokens_perf11 import TEXTS

TEXTS_OF_HEADINGS = (
    "Overview",
    "Summary",
    "What happened",
    "ADFS Outage",
    "Incident report: LEAP hub outage",
    "Node IPC incident response",
    "Timeline",
    "5:02 PM",
    "Details",
    "Root cause of the outage",
    "Date: Feb 6, 2023",
    "Owner: @someone",
    "Summry",
    "x",
)
ALIAS_SETS = (None, {}, {"Details": "timeline"}, {"ADFS Outage": "summary", "x": "meta"})


def _outlines(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        lines = [rng.choice(("", "intro\n"))]
        for _ in range(rng.randint(1, 9)):
            level = rng.choice((1, 1, 2, 2, 3))
            lines.append(f"{'#' * level} {rng.choice(TEXTS_OF_HEADINGS)}\n\nx\n")
        documents.append("\n".join(lines))
    return documents


def test_classify_all_matches_round_26() -> None:
    title_at = {"first": 0, "later": 0, "none": 0}
    for text in [*TEXTS, *_outlines(20261129, 3000)]:
        blocks, _ = _blocks(text)
        heads = [node for node in sections.promote_run_in(blocks) if node.kind == "heading"]
        for aliases in ALIAS_SETS:
            for offset in (0, 1):
                found = sections._classify_all(heads, offset, aliases)
                assert found == _reference_classify_all(heads, offset, aliases)
        title = found[1]
        title_at["none" if title is None else "first" if title == 1 else "later"] += 1
    assert min(title_at.values()) > 300, title_at
