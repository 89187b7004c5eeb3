"""The seed report yields exactly its one defanged URL, with its note as context."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidentparse.ioc import extract_indicators

SEED = Path("/work/shared/seeds/000_b9ce0a70cba81852.txt")


@pytest.mark.skipif(not SEED.exists(), reason="seed report not available")
def test_seed_yields_exactly_the_admin_url() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = extract_indicators(text)
    assert [(i.type, i.value) for i in found] == [("url", "https://admin.microsoft.com")]
    ioc = found[0]
    assert ioc.raw == "hxxps[://]admin[.]microsoft[.]com"
    assert ioc.defanged is True
    assert ioc.category == "network"
    assert ioc.context == "Official admin notifications"
    assert text[ioc.start : ioc.end] == ioc.raw
    assert ioc.section is None and ioc.label is None
