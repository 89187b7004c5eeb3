"""JSON findings for tools: one document (files, findings, summary) or JSON Lines (a finding each).

Input: CheckResults and Options. Output: JSON text, keys as in docs/check.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..check.api import CheckResult
from .findings import Options, all_findings, counts, display_path, finding_record


def render_json(results: Sequence[CheckResult], options: Options) -> str:
    document = {
        "files": [
            {
                "path": display_path(r.path, options.cwd),
                "profile": r.choice.profile.name,
                "profile_reason": r.choice.reason,
                "ongoing_relaxation": r.choice.ongoing,
                "findings": len(r.findings),
            }
            for r in results
        ],
        "findings": [finding_record(f, r, options.cwd) for r in results for f in r.findings],
        "summary": {"files": len(results), **counts(all_findings(results))},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_jsonl(results: Sequence[CheckResult], options: Options) -> str:
    rows = (finding_record(f, r, options.cwd) for r in results for f in r.findings)
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
