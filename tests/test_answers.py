"""Placeholder answers (N/A, None, Unknown, TBD) and the author's reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incidentparse.answers import classify

CASES = [
    # value, applicable, known, reason
    ("N/A (Not an external attack)", False, True, "Not an external attack"),
    ("N/A", False, True, None),
    ("n/a.", False, True, None),
    ("*N/A*", False, True, None),
    ("None. No unauthorized access to customer data reported.", False, True,
     "No unauthorized access to customer data reported"),
    ("Not applicable: a service outage, not a breach.", False, True,
     "a service outage, not a breach"),
    ("Unknown - still investigating", True, False, "still investigating"),
    ("**TBD**: owner to confirm", True, False, "owner to confirm"),
    ("Pending", True, False, None),
    ("-", False, True, None),
    ("—", False, True, None),
    ("Ongoing (March–April 2026)", True, True, None),
    ("No data exfiltration reported", True, True, None),
    ("Noneexistent", True, True, None),
    ("", True, True, None),
]  # fmt: skip


@pytest.mark.parametrize(("value", "applicable", "known", "reason"), CASES)
def test_answer(value: str, applicable: bool, known: bool, reason: str | None) -> None:
    answer = classify(value)
    assert (answer.applicable, answer.known, answer.reason) == (applicable, known, reason)


@given(st.text(alphabet=" *_-.:()Nn/Aa", max_size=5000))
def test_never_raises_and_stays_fast_on_markup_runs(value: str) -> None:
    classify(value)  # an earlier regex backtracked for minutes on long '*' / ' ' runs
