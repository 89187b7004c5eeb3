"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

Input: CheckResults and Options. Output: one command per finding, escaped as the actions
toolkit escapes them (its `issueCommand`), so annotations land on the right lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..check.api import CheckResult
from .findings import Options, display_path

COMMANDS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}

# The toolkit's escapeData and escapeProperty tables, in the order it applies them.
DATA_ESCAPES: tuple[tuple[str, str], ...] = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
PROPERTY_ESCAPES: tuple[tuple[str, str], ...] = (*DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def escape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for raw, escaped in table:
        text = text.replace(raw, escaped)
    return text


def render(results: Sequence[CheckResult], options: Options) -> str:
    lines = []
    for result in results:
        for f in result.findings:
            props = {
                "file": display_path(f.path, options.cwd),
                "line": str(f.start.line),
                "col": str(f.start.col),
                "endLine": str(f.end.line),
                "endColumn": str(f.end.col),
                "title": f"{f.code} {f.name} (profile {result.choice.label})",
            }
            rendered = ",".join(f"{k}={escape(v, PROPERTY_ESCAPES)}" for k, v in props.items())
            message = f.message + (f"\n{f.hint}" if f.hint else "")
            lines.append(f"::{COMMANDS[f.severity]} {rendered}::{escape(message, DATA_ESCAPES)}")
    return "".join(line + "\n" for line in lines)
