"""`incidentparse check`: reports in, findings out, an exit code for CI (0 / 1 findings / 2 errors).

Input: paths, folders, globs or '-' plus options. Output: findings in the chosen format on
stdout (or -o FILE); one `incidentparse: <msg>` line on stderr per unreadable input.
"""

from __future__ import annotations

import argparse
import sys

from ..cli import error, open_output
from ..errors import ConfigError, IncidentParseError, InputError
from ..inputs import InputItem, expand, iter_inputs
from ..output.findings import FORMATS, Options, formatters
from ..source import decode
from .api import CheckResult, check_report
from .base import SEVERITY_RANK
from .config import Config, ConfigFinder, resolve
from .profiles import PROFILE_NAMES


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `check` subcommand; its handler is run()."""
    cmd = subparsers.add_parser(
        "check", help="check reports for completeness (a CI gate; exit 1 on findings)"
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="report file, folder, glob or -")
    cmd.add_argument(
        "--profile", help="security, outage, auto (default) or a custom profile from config"
    )
    cmd.add_argument(
        "--select", type=_csv, action="extend", help="only these codes/aliases/prefixes"
    )
    cmd.add_argument("--ignore", type=_csv, action="extend", default=[], help="skip these")
    cmd.add_argument("--output-format", choices=FORMATS, default="text", help="default: text")
    cmd.add_argument("-o", "--output", help="write findings to this file instead of stdout")
    cmd.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    cmd.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    cmd.add_argument("--statistics", action="store_true", help="count findings per rule (text)")
    cmd.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    cmd.add_argument("--config", metavar="FILE", help="use this config file for every input")
    cmd.add_argument("--isolated", action="store_true", help="ignore every config file")
    cmd.set_defaults(handler=run)


def _validate(args: argparse.Namespace) -> None:
    for selector in [*(args.select or []), *args.ignore]:
        resolve(selector, "command line")


def _check_one(item: InputItem, args: argparse.Namespace, config: Config) -> CheckResult:
    from ..api import parse  # the parser loads only when there is something to check

    profile = args.profile or config.profile
    if profile not in PROFILE_NAMES and profile not in config.profiles:
        raise ConfigError(f"--profile: unknown profile '{profile}'")
    text = decode(item.data, item.display)
    report = parse(item.data, path=item.path, heading_aliases=config.heading_aliases)
    return check_report(
        report, profile=profile, config=config, text=text, select=args.select, ignore=args.ignore
    )


def run(args: argparse.Namespace) -> int:
    """Check every input; 0 clean, 1 findings at or above --fail-on, 2 usage/config/I/O."""
    try:
        _validate(args)
        configs = ConfigFinder(config=args.config, isolated=args.isolated)
        results, failed = _collect(args, configs)
        with open_output(args.output) as out:
            out.write(
                formatters()[args.output_format](
                    results, Options(statistics=args.statistics, quiet=args.quiet)
                )
            )
    except IncidentParseError as exc:
        error(str(exc))
        return 2
    if failed:
        return 2
    threshold = SEVERITY_RANK[args.fail_on]
    worst = [f for r in results for f in r.findings if SEVERITY_RANK[f.severity] >= threshold]
    return 1 if worst and not args.exit_zero else 0


def _collect(args: argparse.Namespace, configs: ConfigFinder) -> tuple[list[CheckResult], bool]:
    results: list[CheckResult] = []
    failed = False
    paths = list(expand(args.paths))
    progress = len(paths) > 1 and sys.stderr.isatty() and not args.quiet
    for number, item in enumerate(iter_inputs(paths), start=1):
        if progress:
            print(f"\r[{number}/{len(paths)}]", end="", file=sys.stderr, flush=True)
        if isinstance(item, InputError):
            error(str(item))
            failed = True
            continue
        try:
            results.append(_check_one(item, args, configs.for_path(item.path)))
        except InputError as exc:
            error(str(exc))
            failed = True
    if progress:
        print(file=sys.stderr)
    return results, failed
