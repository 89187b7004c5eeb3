"""The command line as users run it: outputs, batches, stdin, errors and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from incidentparse import __version__
from incidentparse.cli import main

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "reports" / "seed-exchange-online.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_one_file_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(SEED))
    assert code == 0 and err == ""
    report = json.loads(out)
    assert report["title"] == "Exchange Online Connectivity Issues"
    assert report["source"]["path"] == str(SEED)


def test_parse_pretty_is_indented(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "--pretty", str(SEED))
    assert code == 0 and out.startswith("{\n  ")


def test_parse_folder_prints_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n## Summary\nOne.\n")
    (tmp_path / "b.md").write_text("# B\n\n## Summary\nTwo.\n")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    code, out, _ = run(capsys, "parse", str(tmp_path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["title"], Path(r["source"]["path"]).name) for r in rows] == [
        ("A", "a.md"),
        ("B", "b.md"),
    ]


def test_bad_inputs_are_one_line_errors_and_the_rest_still_parse(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, err = run(capsys, "parse", str(tmp_path / "missing.md"), str(binary), str(SEED))
    assert code == 2
    assert len(out.splitlines()) == 1 and json.loads(out)["title"]
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("incidentparse: ") for line in lines)
    assert "no such file" in lines[0] and "binary" in lines[1]
    assert "Traceback" not in err


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "parse", str(SEED), "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["status"] == "ongoing"


def test_reference_date_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("# R\n\n## Timeline\n- Nov 3: thing happened\n")
    code, out, _ = run(capsys, "parse", "--reference-date", "2026-04-03", str(report))
    event = json.loads(out)["timeline"][0]
    assert code == 0 and event["when"]["start"] == "2025-11-03"


def test_bad_reference_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--reference-date", "April", str(SEED)])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"# From stdin\n\n## Summary\nHello.\n"))
    monkeypatch.setattr(sys, "stdin", fake)
    code, out, _ = run(capsys, "parse", "-")
    report = json.loads(out)
    assert code == 0 and report["title"] == "From stdin" and report["source"]["path"] is None


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"incidentparse {__version__} (schema 1.0)"


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "incidentparse", "parse", str(SEED)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "https://admin.microsoft.com" in result.stdout


def test_parse_reads_heading_aliases_from_the_nearest_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / ".incidentparse.toml").write_text(
        '[heading-aliases]\n"Blast zone review" = "impact"\n'
    )
    report = tmp_path / "r.md"
    report.write_text("# R\n\n## Blast zone review\n- **Operational:** checkout down\n")
    code, out, _ = run(capsys, "parse", str(report))
    assert code == 0 and json.loads(out)["impact"]["operational"]["text"] == "checkout down"
    code, out, _ = run(capsys, "parse", "--isolated", str(report))
    assert json.loads(out)["impact"] is None


def test_bad_config_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[heading-aliases]\nX = 'not-a-kind'\n")
    code, _, err = run(capsys, "parse", "--config", str(config), str(SEED))
    assert code == 2 and err.startswith("incidentparse: ") and len(err.strip().splitlines()) == 1
