"""The ``iocs`` subcommand: report paths to indicators as JSON, JSON Lines, CSV or text lines.

Text output is for people, so indicators written defanged stay defanged there; ``--defang``
defangs every value in every format.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from ..inputs import iter_inputs
from ..models import Indicator
from ..source import load
from . import defang, extract_indicators

CSV_COLUMNS: tuple[str, ...] = (
    "path", "type", "value", "raw", "defanged", "category", "scope", "context", "in_code",
    "line", "column",
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``iocs PATH|- ... [--format json|jsonl|csv|text] [--defang] [-o FILE]``."""
    parser = subparsers.add_parser(
        "iocs",
        help="extract indicators of compromise",
        description="Extract indicators (URLs, domains, IPs, hashes, CVEs, paths…) from reports.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs or -")
    parser.add_argument(
        "--format", choices=("json", "jsonl", "csv", "text"), default="json",
        help="json: one array (one input) or one object per input; jsonl: one indicator a "
        "line; csv; text: path:line:col: type value",
    )  # fmt: skip
    parser.add_argument("--defang", action="store_true", help="defang values in every format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Extract from every input; 2 when any input could not be read, else 0."""
    results: list[tuple[str, list[Indicator]]] = []
    failed = False
    for item in iter_inputs(args.paths):
        if isinstance(item, InputError):
            print(f"incidentparse: {item}", file=sys.stderr)
            failed = True
            continue
        try:
            doc = load(item.data, item.path)
        except InputError as exc:
            print(f"incidentparse: {exc}", file=sys.stderr)
            failed = True
            continue
        results.append((item.display, extract_indicators(doc.text)))
    rendered = RENDERERS[args.format](results, args.defang)
    _write(rendered, args.output)
    return 2 if failed else 0


def _write(rendered: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(rendered)
        return
    with open(output, "w", encoding="utf-8", newline="") as fh:
        fh.write(rendered)


def _record(path: str, ioc: Indicator, defanged: bool) -> dict[str, Any]:
    data = ioc.model_dump(mode="json")
    if defanged:
        data["value"] = defang(ioc.value, ioc.type)
    return {"path": path, **data}


def _json(results: list[tuple[str, list[Indicator]]], defanged: bool) -> str:
    if len(results) == 1:
        path, iocs = results[0]
        body: Any = [_record(path, i, defanged) for i in iocs]
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    lines = [
        json.dumps({"path": p, "indicators": [_record(p, i, defanged) for i in iocs]},
                   ensure_ascii=False)
        for p, iocs in results
    ]  # fmt: skip
    return "".join(line + "\n" for line in lines)


def _jsonl(results: list[tuple[str, list[Indicator]]], defanged: bool) -> str:
    out = io.StringIO()
    for path, iocs in results:
        for ioc in iocs:
            out.write(json.dumps(_record(path, ioc, defanged), ensure_ascii=False) + "\n")
    return out.getvalue()


def _csv(results: list[tuple[str, list[Indicator]]], defanged: bool) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for path, iocs in results:
        for ioc in iocs:
            writer.writerow(_record(path, ioc, defanged))
    return out.getvalue()


def _text(results: list[tuple[str, list[Indicator]]], defanged: bool) -> str:
    """For people: what the author defanged stays defanged, whatever the flag says."""
    out = io.StringIO()
    for path, iocs in results:
        for ioc in iocs:
            shown = defang(ioc.value, ioc.type) if (defanged or ioc.defanged) else ioc.value
            out.write(f"{path}:{ioc.line}:{ioc.column}: {ioc.type} {shown}\n")
    return out.getvalue()


RENDERERS: dict[str, Callable[[list[tuple[str, list[Indicator]]], bool], str]] = {
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "text": _text,
}
