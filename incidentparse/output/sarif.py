"""SARIF 2.1.0 for code-scanning services: rules with help, results with regions.

Input: CheckResults and Options. Output: one SARIF log (one run) as JSON. URIs are relative to
the repository root (the nearest folder above the working directory holding `.git`, else the
working directory) under uriBaseId %SRCROOT%, as code scanning expects; columns count Unicode
code points.
"""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..check.api import CheckResult
from ..check.base import Finding
from ..check.rules import RULES, Rule
from .findings import Options, display_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "%SRCROOT%"


def _rule(rule: Rule) -> dict[str, Any]:
    profiles = ", ".join(f"{name}: {level}" for name, level in rule.levels.items()) or "custom"
    help_text = rule.rationale + (f" Fix: {rule.hint}." if rule.hint else "")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text, "markdown": f"**{rule.name}** — {help_text}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"profiles": profiles},
    }


def _location(f: Finding, cwd: str) -> dict[str, Any]:
    shown = display_path(f.path, cwd)
    artifact: dict[str, Any] = {"uri": pathlib.PurePosixPath(shown).as_posix()}
    if f.path is not None and not os.path.isabs(shown) and not shown.startswith(".."):
        artifact["uriBaseId"] = BASE_ID
    elif f.path is not None:
        artifact["uri"] = pathlib.Path(os.path.abspath(f.path)).as_uri()
    region = {
        "startLine": f.start.line,
        "startColumn": f.start.col,
        "endLine": f.end.line,
        "endColumn": max(f.end.col, f.start.col),
    }
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _result(f: Finding, result: CheckResult, index: dict[str, int], cwd: str) -> dict[str, Any]:
    text = f.message + (f" ({f.hint})" if f.hint else "")
    return {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [_location(f, cwd)],
        "properties": {"profile": f.profile, "ongoingRelaxation": result.choice.ongoing},
    }


def repo_root(start: str) -> str:
    """The nearest folder at or above start that holds `.git`; start itself when none does."""
    here = pathlib.Path(os.path.abspath(start))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return str(folder)
    return str(here)


def render(results: Sequence[CheckResult], options: Options) -> str:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    root = repo_root(options.cwd)
    run = {
        "tool": {
            "driver": {
                "name": "incidentparse",
                "version": __version__,
                "rules": [_rule(rule) for rule in RULES],
            }
        },
        "originalUriBaseIds": {BASE_ID: {"uri": pathlib.Path(root).as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, r, index, root) for r in results for f in r.findings],
        "properties": {
            "profiles": [
                {
                    "path": display_path(r.path, options.cwd),
                    "profile": r.choice.profile.name,
                    "reason": r.choice.reason,
                    "ongoingRelaxation": r.choice.ongoing,
                }
                for r in results
            ]
        },
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
