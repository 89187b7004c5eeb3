"""Command line: `incidentparse parse|schema|…`; argparse, `main(argv) -> int`.

Data goes to stdout, errors and progress to stderr. Exit codes: 0 clean, 1 findings (check),
2 usage, configuration or unreadable input. No traceback without --debug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TextIO

from . import __version__
from .api import parse
from .errors import IncidentParseError, InputError
from .inputs import InputItem, expand, read
from .models import SCHEMA_VERSION, IncidentReport
from .output.report_json import to_json, to_jsonl
from .output.schema import render_schema

# Subcommands that live with their engines: module with register(subparsers). One row each.
PLUGIN_COMMANDS: tuple[str, ...] = (
    "incidentparse.check.cli",
    "incidentparse.ioc.cli",
    "incidentparse.dates.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="incidentparse",
        description="Turn Markdown incident reports and post-mortems into typed, validated data.",
    )
    version = f"incidentparse {__version__} (schema {SCHEMA_VERSION})"
    parser.add_argument("--version", action="version", version=version)
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_parse(sub)
    schema = sub.add_parser("schema", help="print the JSON Schema of the report model")
    schema.set_defaults(handler=_run_schema)
    for module in PLUGIN_COMMANDS:
        importlib.import_module(module).register(sub)
    return parser


def _add_parse(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "parse",
        help="parse reports to JSON (one input: an object; several or a folder: JSON Lines)",
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="report file, folder, glob or -")
    cmd.add_argument("-o", "--output", help="write to this file instead of stdout")
    cmd.add_argument("--pretty", action="store_true", help="indent the JSON")
    cmd.add_argument(
        "--reference-date",
        type=date_arg,
        help="date relative dates are read against (default: from the report, else today)",
    )
    cmd.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    cmd.add_argument(
        "--config", help="configuration file (heading-aliases); default: nearest to each report"
    )
    cmd.add_argument("--isolated", action="store_true", help="ignore every config file")
    cmd.set_defaults(handler=_run_parse)


def date_arg(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout, or the named file (errors become InputError)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    with handle:
        yield handle


def error(message: str) -> None:
    print(f"incidentparse: {message}", file=sys.stderr)


def _run_parse(args: argparse.Namespace) -> int:
    from .check.config import ConfigFinder  # loaded here: configuration is a CLI concern

    configs = ConfigFinder(config=args.config, isolated=args.isolated)
    paths = list(expand(args.paths))
    single = len(args.paths) == 1 and len(paths) == 1 and paths[0] == args.paths[0]
    progress = len(paths) > 1 and sys.stderr.isatty() and not args.quiet
    failed = 0
    with open_output(args.output) as out:
        for number, path in enumerate(paths, start=1):
            if progress:
                print(f"\r[{number}/{len(paths)}] {path}", end="", file=sys.stderr, flush=True)
            try:
                aliases = configs.for_path(None if path == "-" else path).heading_aliases
                report = _parse_one(read(path), args.reference_date, aliases)
            except IncidentParseError as exc:
                failed += 1
                error(str(exc))
                continue
            out.write((to_json(report, pretty=args.pretty) if single else to_jsonl(report)) + "\n")
    if progress:
        print(file=sys.stderr)
    return 2 if failed else 0


def _parse_one(
    item: InputItem, reference_date: dt.date | None, aliases: Mapping[str, str]
) -> IncidentReport:
    return parse(item.data, path=item.path, reference_date=reference_date, heading_aliases=aliases)


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(render_schema())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except IncidentParseError as exc:
        if args.debug:
            raise
        error(str(exc))
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line unless --debug
        if args.debug:
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
