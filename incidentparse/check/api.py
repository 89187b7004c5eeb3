"""The check verb: an IncidentReport (or report text) to its findings under a profile.

Input: a report or Markdown text, a profile name, a Config. Output: a CheckResult (the profile
choice and the sorted findings) or, from ``check()``, just the findings. No I/O here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..models import IncidentReport, Severity
from ..source import split_lines
from . import suppressions
from .base import SEVERITY_RANK, Choice, Context, Finding, Hit, Position
from .config import Config, enabled, explicit_codes, file_ignores
from .profiles import choose
from .rules import BY_CODE, RULES


@dataclass(frozen=True)
class CheckResult:
    """Findings for one report and the profile it was checked against."""

    path: str | None
    choice: Choice
    findings: tuple[Finding, ...]


def check(
    report_or_text: IncidentReport | str,
    *,
    profile: str = "auto",
    config: Config | None = None,
    text: str | None = None,
) -> list[Finding]:
    """Findings for a report. Raw text (given, or the str itself) enables placeholder and
    suppression scanning. ``profile="auto"`` defers to ``config.profile`` when a config is given.
    """
    return list(check_report(report_or_text, profile=profile, config=config, text=text).findings)


def check_report(
    report_or_text: IncidentReport | str,
    *,
    profile: str | None = None,
    config: Config | None = None,
    text: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> CheckResult:
    """Like check(), with the profile choice; select replaces and ignore extends the config's."""
    config = config or Config()
    report, text = _as_report(report_or_text, text)
    name = profile if profile not in (None, "auto") else config.profile
    choice = choose(report, name or "auto", config.profiles)
    levels = _levels(choice, config, report.source.path, select, ignore)
    lines = split_lines(text) if text is not None else None
    ctx = Context(report=report, lines=lines, choice=choice)
    findings = _run(ctx, levels)
    if lines is not None:
        findings = _suppress(ctx, lines, findings, levels)
    findings.sort(key=lambda f: (f.start.line, f.start.col, f.code, f.message))
    return CheckResult(report.source.path, choice, tuple(findings))


def _as_report(value: IncidentReport | str, text: str | None) -> tuple[IncidentReport, str | None]:
    if isinstance(value, IncidentReport):
        return value, text
    from ..api import parse  # on use: the rules stay importable by the parser's own modules

    return parse(value), value


def _levels(
    choice: Choice,
    config: Config,
    path: str | None,
    select: Sequence[str] | None,
    ignore: Sequence[str],
) -> dict[str, Severity]:
    """Rule code -> level for this report after profile, select/ignore and per-file-ignores."""
    chosen = list(select) if select is not None else list(config.select or ["ALL"])
    chosen += config.extend_select
    off = [*config.ignore, *ignore, *file_ignores(config, path)]
    on = enabled(chosen, off)
    levels = dict(choice.profile.levels)
    for code in explicit_codes(chosen):  # named in full: runs even outside the profile
        levels.setdefault(code, BY_CODE[code].severity)
    return {code: level for code, level in levels.items() if code in on}


def _finding(ctx: Context, code: str, level: Severity, hit: Hit) -> Finding:
    rule = BY_CODE[code]
    severity = level
    if hit.severity is not None and SEVERITY_RANK[hit.severity] < SEVERITY_RANK[level]:
        severity = hit.severity
    line = hit.line or 1
    col = hit.col or 1
    end_col = hit.end_col if hit.end_col is not None else col
    if hit.line and hit.end_col is None and ctx.lines and hit.line <= len(ctx.lines):
        end_col = max(col, len(ctx.lines[hit.line - 1]) + 1)  # an item: mark its whole line
    return Finding(
        path=ctx.report.source.path,
        code=code,
        name=rule.name,
        severity=severity,
        message=hit.message,
        hint=hit.hint or rule.hint,
        start=Position(line=line, col=col),
        end=Position(line=line, col=end_col),
        profile=ctx.choice.profile.name,
    )


def _run(ctx: Context, levels: Mapping[str, Severity]) -> list[Finding]:
    out: dict[tuple[str, int, int, str], Finding] = {}
    for rule in RULES:
        if rule.code not in levels:
            continue
        for hit in rule.check(ctx):
            finding = _finding(ctx, rule.code, levels[rule.code], hit)
            out.setdefault(
                (finding.code, finding.start.line, finding.start.col, hit.message), finding
            )
    return list(out.values())


def _suppress(
    ctx: Context, lines: tuple[str, ...], findings: list[Finding], levels: Mapping[str, Severity]
) -> list[Finding]:
    items, invalid = suppressions.scan(lines)
    kept = suppressions.apply(findings, items)
    extra = [("IP424", hit) for hit in invalid]
    extra += [("IP423", hit) for hit in suppressions.unused(items, frozenset(levels))]
    kept += [_finding(ctx, code, levels[code], hit) for code, hit in extra if code in levels]
    return kept
