"""Round-21 status fast paths give exactly what the plain search gives: the companion words
(STATUS_ALSO) every match holds, and status() as a whole, on every report we have (fixtures,
docs, the shared corpus when present) and on generated text."""

from __future__ import annotations

import random

import pytest

from incidentparse import api
from incidentparse.extract import Context, document
from incidentparse.extract.context import letter_runs
from incidentparse.models import Status

from .test_extract_perf import REPORTS
from .test_extract_perf import _plain_status as _plain_status_in

# Status wording with the companion words, their near misses and the places text may break.
PIECES: tuple[str, ...] = (
    "the incident", "the issue", "the problem", "service", "services", "outage", "is", "was",
    "were", "has been", "is now", "fully", "remain", "remains", "still", "currently",
    "continue", "continues", "to", "exploit", "target", "affect", "attack", "spread",
    "unresolved", "ongoing", "open", "under investigation", "investigating", "working",
    "monitoring", "resolved", "mitigated", "restored", "fixed", "closed", "on", "at", "by",
    "back", "back to normal", "normal", "operational", "verified", "fix", "patched", "clean",
    "release", "releases", "version", "versions", "build", "builds", "update", "updates",
    "published", "released", "deployed", "shipped", "stil", "stills", "currentl", "tos", "ons",
    "was-", "is_", "xfully", "backs", "1.2", "v2", "-", "*", ".", ". ", "\n", "\n\n", "_", "é",
    "É", "İ", "2", "non-", "re", "STILL", "Currently", "Is", "\u212a", "continues to",
    "continue to", "to exploit", "to spread", "fixed release", "patched versions", "clean build",
    "fix updates", "was deployed", "fully operational", "service restored",
    "resolved on", "resolved by", "fixed version was shipped", "clean update published",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(("", " ", " ", "\n")).join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        for _ in range(count)
    ]


def _texts() -> list[str]:
    reports = [path.read_text(encoding="utf-8") for path in REPORTS]
    lines = [line for text in reports for line in text.splitlines()]
    return reports + lines + _generated(6000, 21)


TEXTS = _texts()


def test_status_in_is_the_plain_search() -> None:
    verdicts: dict[str, int] = {}
    for text in TEXTS:
        lowered = text.lower()
        verdict = document._status_in(lowered)
        assert verdict == _plain_status_in(text), text
        assert document._status_in(lowered, letter_runs(lowered)) == verdict, text
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    assert min(verdicts.get(v, 0) for v in ("ongoing", "resolved", "unknown")) > 300, verdicts


def test_every_match_holds_a_word_of_each_companion_group() -> None:
    matched = [0] * len(document._STATUS)
    for text in TEXTS:
        lowered = text.lower()
        text_runs = set(letter_runs(lowered))
        for index, rule in enumerate(document._STATUS):
            for match in rule.pattern.finditer(lowered):
                runs = set(letter_runs(match.group(0)))
                assert runs <= text_runs, (rule.pattern, text)
                for group in rule.also:
                    assert not group.isdisjoint(runs), (rule.pattern, group, text)
                matched[index] += 1
    # every rule with companion words is seen matching (the generated texts alone give these)
    gated = [count for rule, count in zip(document._STATUS, matched, strict=True) if rule.also]
    assert min(gated) > 20, matched


def test_the_companion_groups_rule_texts_out() -> None:
    # the gate is no dead code: texts holding a rule's own words but lacking a companion group
    ruled_out = 0
    for text in TEXTS:
        present = document._STATUS_WORDS.intersection(letter_runs(text.lower()))
        for rule in document._STATUS:
            if present & rule.runs and any(present.isdisjoint(g) for g in rule.also):
                ruled_out += 1
    assert ruled_out > 500


def _plain_status(ctx: Context) -> Status:
    """status() as it was written first: each source in turn, searched whole."""
    draft = ctx.draft
    fields = [*draft.metadata, *(draft.details.fields if draft.details else ())]
    declared = [f.value for f in fields if f.label.strip().lower() in ("status", "state")]
    detail_text = " ".join(f.value for f in draft.details.fields) if draft.details else ""
    latest = [event.text for event in reversed(draft.timeline)]
    for text in (*declared, draft.summary or "", detail_text, *latest, ctx.doc.text):
        verdict = _plain_status_in(text)
        if verdict != "unknown":
            return verdict
    return "unknown"


def status_contexts(monkeypatch: pytest.MonkeyPatch) -> list[Context]:
    """The Context of every parse from here on, in order (document.status is spied on: the
    parse asks it once, with its Context)."""
    seen: list[Context] = []
    status = document.status

    def spy(ctx: Context) -> Status:
        seen.append(ctx)
        return status(ctx)

    monkeypatch.setattr(document, "status", spy)
    return seen


def test_status_of_every_report_is_the_plain_one(monkeypatch: pytest.MonkeyPatch) -> None:
    status = document.status
    seen = status_contexts(monkeypatch)
    verdicts = set()
    for path in REPORTS:
        api.parse(path.read_text(encoding="utf-8"))
        verdict = status(seen[-1])
        assert verdict == _plain_status(seen[-1]), path
        verdicts.add(verdict)
    assert verdicts == {"ongoing", "resolved", "unknown"}
