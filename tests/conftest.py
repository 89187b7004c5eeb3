"""Shared test setup: the --update-goldens flag and paths to fixtures and the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
# The repository's own Markdown (README, docs, fixtures): not what tools leave in the checkout
# (.pytest_cache, a virtualenv's packages), which differs from one machine to the next.
REPO_MARKDOWN = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").rglob("*.md")),
    *sorted(FIXTURES.rglob("*.md")),
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite fixtures/expected/*.json from the current parser (review the diff!)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
