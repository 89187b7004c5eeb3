"""Text findings for people and editors: `path:line:col: CODE [alias] message`, then a summary.

Input: CheckResults and Options. Output: lines in the ruff/flake8 shape plus one summary line
that names the profile each report was checked against.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..check.api import CheckResult
from ..check.rules import BY_CODE
from .findings import Options, all_findings, counts, display_path


def render(results: Sequence[CheckResult], options: Options) -> str:
    lines = [
        f"{display_path(f.path, options.cwd)}:{f.start.line}:{f.start.col}: "
        f"{f.code} [{f.name}] {f.message}"
        for result in results
        for f in result.findings
    ]
    if options.statistics:
        lines += _statistics(results)
    if not options.quiet:
        lines.append(_summary(results))
    return "".join(line + "\n" for line in lines)


def _statistics(results: Sequence[CheckResult]) -> list[str]:
    tally = Counter(f.code for f in all_findings(results))
    return [
        f"{n:>5}  {code}  [{BY_CODE[code].name}]"
        for code, n in sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")


def _profiles(results: Sequence[CheckResult]) -> str:
    if len(results) == 1:
        choice = results[0].choice
        return f"profile: {choice.label} ({choice.reason})"
    tally = Counter(r.choice.label for r in results)
    return "profiles: " + ", ".join(f"{label} ×{n}" for label, n in sorted(tally.items()))


def _summary(results: Sequence[CheckResult]) -> str:
    findings = all_findings(results)
    by_level = counts(findings)
    levels = ", ".join(_plural(n, level) for level, n in by_level.items())
    head = f"{_plural(len(findings), 'finding')} ({levels}) in {_plural(len(results), 'file')}"
    return f"{head}; {_profiles(results)}" if results else head
