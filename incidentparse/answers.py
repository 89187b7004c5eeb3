"""Placeholder answers: classify a field value such as 'N/A (Not an external attack)' or 'TBD'.

Absent and not-applicable are different things (data-model.md): a value the author answered
with N/A or None is kept with ``applicable=False``; Unknown/TBD-style answers with
``known=False``; the author's reason (a parenthetical or the text after ':'/'-') is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One row per placeholder word: (lower-cased word, applicable, known).
PLACEHOLDERS: tuple[tuple[str, bool, bool], ...] = (
    ("n/a", False, True),
    ("na", False, True),
    ("not applicable", False, True),
    ("none", False, True),
    ("none observed", False, True),
    ("none identified", False, True),
    ("nothing", False, True),
    ("no", False, True),
    ("nil", False, True),
    ("-", False, True),
    ("—", False, True),
    ("–", False, True),
    ("unknown", True, False),
    ("not known", True, False),
    ("undisclosed", True, False),
    ("not disclosed", True, False),
    ("not specified", True, False),
    ("unspecified", True, False),
    ("tbd", True, False),
    ("tbc", True, False),
    ("tba", True, False),
    ("to be determined", True, False),
    ("not yet determined", True, False),
    ("pending", True, False),
)
_BY_WORD = {word: (applicable, known) for word, applicable, known in PLACEHOLDERS}

# Where the answer word ends and the reason begins: '(', ':', ';', '.', or a spaced dash.
# Found with one left-to-right search (an earlier single regex backtracked badly on long runs
# of spaces and '*').
_SEPARATOR = re.compile(r"[(:;.]|\s[-–—]\s")
MAX_WORD = 24  # longer than any placeholder in the table


@dataclass(frozen=True)
class Answer:
    """How a value answers its question."""

    applicable: bool = True
    known: bool = True
    reason: str | None = None

    @property
    def placeholder(self) -> bool:
        return not (self.applicable and self.known)


PRESENT = Answer()


# The placeholder words' first two characters (lower-cased; '-' whole).
_HEADS = frozenset(word[:2] for word in _BY_WORD)


def classify(value: str) -> Answer:
    """Classify a value: a real answer (PRESENT) or a placeholder with its reason."""
    # Most values (every timeline row, field and statement) are real answers, told by their
    # first two characters: the answer word is what follows the blanks and '*'/'_' markup
    # stripped below, so when the value's first character past them is no blank, '*' or '_',
    # the word is a prefix of the value from there (maybe empty, at a separator), and its
    # lower-cased first one or two characters must start a placeholder word.
    first = value[:1]
    if first and not first.isspace() and first not in "*_":
        # Most values open with a letter or digit: the three strips strip nothing there (lstrip
        # strips the characters str.isspace tells, then '*'/'_'), so the lead is the value's
        # first two characters, read without the three calls.
        lead = value[:2]
    else:
        lead = value.lstrip().lstrip("*_").lstrip()[:2]
    if lead and lead[0] not in "*_":
        lower = lead.lower()[:2]
        if lower[:1] not in _HEADS and lower not in _HEADS:
            return PRESENT
    return _classify(value)


def _classify(value: str) -> Answer:
    """classify() read in full: the answer word before a separator, looked up."""
    text = value.strip().strip("*_").strip()
    separator = _SEPARATOR.search(text, 0, MAX_WORD + 2)
    head = text[: separator.start()] if separator else text
    word = head.strip().strip("*_").strip().lower()
    if len(word) > MAX_WORD or word not in _BY_WORD:
        return PRESENT
    applicable, known = _BY_WORD[word]
    reason = text[separator.end() :] if separator else ""
    if separator and separator.group(0) == "(":
        reason = reason.rsplit(")", 1)[0]
    reason = reason.strip().strip("*_").rstrip(".").strip()
    return Answer(applicable=applicable, known=known, reason=reason or None)


def is_placeholder(value: str) -> bool:
    """True for N/A, None, Unknown, TBD… with or without a reason."""
    return classify(value).placeholder
