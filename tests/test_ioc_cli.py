"""The ``iocs`` subcommand through a tiny argparse parser: formats, --defang, -o and errors."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from incidentparse.ioc.cli import register

REPORT = "- **C2:** hxxps[://]evil[.]example[.]com/x (beacon)\n- Host 8.8.8.8\n"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="incidentparse")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "r.md"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_json_one_input_is_one_array(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["iocs", str(report)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["type"], d["value"]) for d in data] == [
        ("url", "https://evil.example.com/x"),
        ("ipv4", "8.8.8.8"),
    ]
    assert data[0]["context"] == "beacon" and data[0]["path"] == str(report)


def test_json_several_inputs_is_one_object_a_line(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "s.md"
    other.write_text("evil[.]com\n", encoding="utf-8")
    assert run(["iocs", str(report), str(other)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["path"] for line in lines] == [str(report), str(other)]
    assert lines[1]["indicators"][0]["value"] == "evil.com"


def test_jsonl(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["iocs", str(report), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["value"] for line in lines] == ["https://evil.example.com/x", "8.8.8.8"]
    assert all(line["path"] == str(report) for line in lines)


def test_csv_has_a_header(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["iocs", str(report), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["type"] == "url" and rows[0]["raw"] == "hxxps[://]evil[.]example[.]com/x"
    assert rows[1]["scope"] == "public"


def test_text_keeps_defanged_indicators_defanged(
    report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["iocs", str(report), "--format", "text"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{report}:1:11: url hxxps[://]evil[.]example[.]com/x",
        f"{report}:2:8: ipv4 8.8.8.8",
    ]


def test_defang_flag_defangs_every_value(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["iocs", str(report), "--format", "jsonl", "--defang"]) == 0
    values = [json.loads(line)["value"] for line in capsys.readouterr().out.splitlines()]
    assert values == ["hxxps[://]evil[.]example[.]com/x", "8[.]8[.]8[.]8"]


def test_output_file(report: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert run(["iocs", str(report), "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))[1]["value"] == "8.8.8.8"


def test_missing_and_binary_inputs_fail_with_2_and_the_rest_goes_on(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01\x02")
    code = run(["iocs", str(tmp_path / "missing.md"), str(binary), str(report), "--format", "text"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("incidentparse: ") == 2
    assert "8.8.8.8" in captured.out
