"""Round 13 timeline fast paths, each compared with the way it replaces."""

from __future__ import annotations

import datetime as dt

import pytest

from incidentparse.dates.leading import _defaults
from incidentparse.dates.scan import Options

_REFERENCES = [
    dt.date(2025, 8, 12),
    dt.date(2019, 3, 26),
    dt.date(2000, 2, 29),
    dt.date.min,
    dt.date.max,
]


@pytest.mark.parametrize("reference", _REFERENCES)
def test_leading_defaults_are_the_options_own(reference: dt.date) -> None:
    """dates.leading looks the env and ctx of Options(reference) up by the date alone: the same
    values as building the Options and asking it, whatever was looked up before."""
    for other in _REFERENCES:
        _defaults(other)
        options = Options(reference)
        assert _defaults(reference) == (options.env(), options.ctx())
