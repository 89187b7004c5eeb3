"""Finding formatters table: check results to text, JSON, JSON Lines, SARIF or GitHub commands.

Input: CheckResults (one per report) and display options. Output: the rendered text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..check.api import CheckResult
from ..check.base import SEVERITY_RANK, Finding


@dataclass(frozen=True)
class Options:
    """How to render: the directory paths are shown relative to, and the text extras."""

    cwd: str = field(default_factory=os.getcwd)
    statistics: bool = False
    quiet: bool = False


Formatter = Callable[[Sequence[CheckResult], Options], str]


def display_path(path: str | None, cwd: str) -> str:
    """Path relative to cwd when it is inside it, with '/' separators; '-' for stdin."""
    if path is None:
        return "-"
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, cwd)
    shown = path if relative.startswith("..") else relative
    return shown.replace(os.sep, "/")


def all_findings(results: Sequence[CheckResult]) -> list[Finding]:
    return [f for result in results for f in result.findings]


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """Findings per severity, worst first."""
    out = {level: 0 for level in sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True)}
    for f in findings:
        out[f.severity] += 1
    return out


def finding_record(finding: Finding, result: CheckResult, cwd: str) -> dict[str, object]:
    """A finding as the JSON / JSON Lines record (path shown relative to cwd)."""
    record = finding.model_dump(mode="json")
    record["path"] = display_path(finding.path, cwd)
    record["ongoing_relaxation"] = result.choice.ongoing
    return record


def formatters() -> dict[str, Formatter]:
    """--output-format name -> formatter; one row per format."""
    from . import findings_json, findings_text, github, sarif

    return {
        "text": findings_text.render,
        "json": findings_json.render_json,
        "jsonl": findings_json.render_jsonl,
        "sarif": sarif.render,
        "github": github.render,
    }


FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "sarif", "github")
