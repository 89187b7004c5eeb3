"""`incidentparse check` through its own argparse hook: exit codes, errors, formats, config."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from incidentparse.check.cli import register

from .check_helpers import CHECK

REPORTS = CHECK / "reports"
SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="incidentparse")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["check", *argv])
    return int(args.handler(args))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch repository holding copies of a few reports, as the cwd."""
    for name in (
        "outage-complete.md",
        "outage-ongoing.md",
        "security-live-indicator.md",
        "outage-missing-title.md",
    ):
        shutil.copy(REPORTS / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clean_report_exits_0(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["outage-complete.md"]) == 0
    out = capsys.readouterr().out
    assert (
        out == "0 findings (0 errors, 0 warnings, 0 info) in 1 file; profile: outage "
        "(auto: report type service_outage)\n"
    )


def test_live_indicator_fails_under_security(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["security-live-indicator.md", "--profile", "security"]) == 1
    out = capsys.readouterr().out
    assert (
        "security-live-indicator.md:39:27: IP301 [live-indicator] "
        "url hxxp[://]203[.]0[.]113[.]7/x is written live" in out
    )
    assert out.splitlines()[-1].endswith("profile: security (selected)")


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["outage-ongoing.md"], 0),  # warnings only, --fail-on error by default
        (["outage-ongoing.md", "--fail-on", "warning"], 1),
        (["outage-ongoing.md", "--fail-on", "info"], 1),
        (["outage-missing-title.md"], 1),
        (["outage-missing-title.md", "--exit-zero"], 0),
        (["outage-missing-title.md", "--ignore", "missing-title"], 0),
        (["outage-missing-title.md", "--select", "IP41,IP42"], 0),
        (["security-live-indicator.md", "--profile", "outage", "--select", "IP301"], 0),
    ],
)
def test_exit_codes(work: Path, argv: list[str], code: int) -> None:
    assert run(argv) == code


def test_unreadable_input_is_reported_and_the_rest_checked(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "binary.md").write_bytes(b"\x00\x01")
    assert run(["missing.md", "binary.md", "outage-missing-title.md"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "incidentparse: missing.md: no such file",
        "incidentparse: binary.md: looks like a binary file, not a text report",
    ]
    assert "outage-missing-title.md:1:1: IP401 [missing-title]" in captured.out


@pytest.mark.parametrize(
    ("argv", "config", "message"),
    [
        (["--select", "IP999"], None, "command line: unknown rule code, alias or prefix 'IP999'"),
        (["--profile", "nope"], None, "--profile: unknown profile 'nope'"),
        ([], "selekt = []\n", ".incidentparse.toml: unknown key 'selekt'"),
    ],
)
def test_usage_and_config_errors_exit_2(
    work: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    config: str | None,
    message: str,
) -> None:
    if config:
        (work / ".incidentparse.toml").write_text(config)
    assert run(["outage-complete.md", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("incidentparse: ") and message in err and err.count("\n") == 1


def test_config_discovery_config_flag_and_isolated(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / ".incidentparse.toml").write_text('ignore = ["missing-title"]\n')
    assert run(["outage-missing-title.md"]) == 0
    other = work / "elsewhere.toml"
    other.write_text('select = ["IP4"]\nignore = ["IP42"]\n')
    assert run(["outage-missing-title.md", "--config", str(other)]) == 1
    assert run(["outage-missing-title.md", "--isolated"]) == 1
    assert run(["outage-missing-title.md", "--isolated", "--config", str(other)]) == 1
    capsys.readouterr()


def test_pyproject_section_and_per_file_ignores(work: Path) -> None:
    (work / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.incidentparse.per-file-ignores]\n'
        '"outage-missing-*.md" = ["IP401"]\n'
    )
    assert run(["outage-missing-title.md"]) == 0


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github"])
def test_every_format_to_a_file(work: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = work / f"out.{fmt}"
    assert run([".", "--output-format", fmt, "-o", str(target)]) == 1
    assert capsys.readouterr().out == ""
    body = target.read_text(encoding="utf-8")
    assert "security-live-indicator.md" in body or fmt in ("text", "jsonl", "github")
    if fmt == "sarif":
        jsonschema.validate(
            json.loads(body), json.loads(SCHEMA.read_text()), cls=jsonschema.Draft4Validator
        )
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(body)["runs"][0]["results"]
        }
        assert uris == {
            "outage-missing-title.md",
            "outage-ongoing.md",
            "security-live-indicator.md",
        }
    if fmt == "json":
        files = json.loads(body)["files"]
        assert [f["path"] for f in files] == sorted(f["path"] for f in files)
        assert {f["profile"] for f in files} == {"outage", "security"}


def test_statistics_and_quiet(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["outage-ongoing.md", "outage-missing-title.md", "--statistics", "-q"])
    lines = capsys.readouterr().out.splitlines()
    assert "    1  IP401  [missing-title]" in lines
    assert not any(line.startswith(("0 findings", "2 findings")) for line in lines)


def test_stdin(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (REPORTS / "outage-missing-title.md").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(["-"]) == 1
    assert capsys.readouterr().out.startswith("-:1:1: IP401 [missing-title]")


def test_github_format_on_stdout(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["security-live-indicator.md", "--output-format", "github"]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if "IP301" in x]
    assert line.startswith("::error file=security-live-indicator.md,line=39,col=27,")
