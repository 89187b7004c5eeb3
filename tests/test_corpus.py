"""Every real report in ../shared/corpus parses without a crash and with lossless sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidentparse import parse

from .conftest import SHARED
from .test_sections import assert_lossless

CORPUS = sorted((SHARED / "corpus").glob("*.md")) if (SHARED / "corpus").is_dir() else []
CORPUS = [p for p in CORPUS if p.name != "README.md"]


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:40] for p in CORPUS])
def test_corpus_file_parses_losslessly(path: Path) -> None:
    data = path.read_bytes()
    report = parse(data, path=str(path))
    assert_lossless(report, data.decode("utf-8"))
    assert report.sections and report.source.line_count > 0
    assert not [d for d in report.diagnostics if d.severity == "error"]
