"""Candidate patterns: one compiled regex per indicator family, run over the text by the scanner.

Each pattern starts behind a look-behind guard so that a failed attempt costs one token, never a
rescan, and none has an ambiguous nested repetition (no catastrophic backtracking). Patterns
only find candidate spans; ``classify`` validates and normalises them.
"""

from __future__ import annotations

import re
from typing import Final

from .vocab import POSIX_ROOTS, REGISTRY_HIVES, SPACED_SEGMENTS

# A dot, plain or defanged: "[.]" "(.)" "{.}" "[dot]" "(dot)" " [.] " "\." and the half "[.".
DOT: Final[str] = (
    r"(?:\.|\[\.\]|\(\.\)|\{\.\}|\[\.|\\\.| ?[\[\(\{] ?(?:\.|[dD][oO][tT]) ?[\]\)\}] ?)"
)
LABEL: Final[str] = r"[A-Za-z0-9-]+"

# Dotted names and numbers: domains, IPv4 (plain or defanged), versions (rejected later).
HOSTLIKE: Final[re.Pattern[str]] = re.compile(rf"(?<![A-Za-z0-9_\-.\\/$%]){LABEL}(?:{DOT}{LABEL})+")

_SCHEME = r"(?:[hH](?:[tT]{2}|[xX]{2})[pP][sS]?|[fF](?:[tT]|[xX])[pP][sS]?|sftp|meows?|MEOWS?|wss?)"
_SEP = r"(?:://|\[://\]|\[:\]//|\[://|:\[//\]|\(:\)//|\(://\)|\{://\}|\[:/\]/)"
# URLs: scheme + separator + everything up to whitespace, a hard Markdown/quote edge or the
# "](" between a link's text and its target; the classifier trims closing markup.
# The tail is "(?:[^…\]]|\](?!\())*" unrolled: runs of plain characters, each "]" not opening
# "](" between them. The two alternatives are disjoint and nothing follows, so both forms take
# the longest run; the regex engine steps through a run in one loop where the alternation
# cost a branch per character (~6x slower on a 100-character URL).
# Every character \s matches in a str pattern (str.isspace's: the ASCII controls, the
# separators U+001C-U+001F, NEL, no-break and the Unicode spaces), written out: the regex engine
# tests a class of characters by one look-up in a bitmap, where \s made it call the category
# test for each character of a URL (~a sixth of a URL's match; tests/test_ioc_perf32.py holds
# the set to \s over every code point, and the URL pattern to the one with \s).
SPACE_CHARS: Final[str] = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
_URL_CHAR: Final[str] = rf"[^{re.escape(SPACE_CHARS)}<>\"`|\]]"
URL: Final[re.Pattern[str]] = re.compile(
    rf"(?<![A-Za-z0-9]){_SCHEME}{_SEP}{_URL_CHAR}*(?:\](?!\(){_URL_CHAR}*)*"
)

_AT = (
    r"(?:@|\[@\]|\(@\)|\{@\}|\[[aA][tT]\]|\([aA][tT]\)|\{[aA][tT]\}| \[[aA][tT]\] | \([aA][tT]\) )"
)
EMAIL: Final[re.Pattern[str]] = re.compile(
    rf"(?<![A-Za-z0-9._%+\-=/])[A-Za-z0-9][A-Za-z0-9._%+\-]*{_AT}{LABEL}(?:{DOT}{LABEL})+"
)
# "name at example dot com": only the spelled-out form with both words, lower-case.
EMAIL_SPELLED: Final[re.Pattern[str]] = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]* at [a-z0-9-]+(?: dot [a-z0-9-]+)+"
)

IPV6: Final[re.Pattern[str]] = re.compile(
    r"(?<![0-9A-Za-z:.\-_])[0-9A-Fa-f]{0,4}(?:::?[0-9A-Fa-f]{0,4}){2,7}(?:\.[0-9.]+)?"
)
# IPv6 written with "[:]" for its colons (what defang() writes): "2001[:]db8[:][:]1".
IPV6_DEFANGED: Final[re.Pattern[str]] = re.compile(
    r"(?<![0-9A-Za-z:.\-_\]])(?:[0-9A-Fa-f]{1,4}|\[:\]|:){3,40}(?:\.[0-9.]+)?"
)

# Hex runs: a maximal run of 32+ hex digits that opens the text or follows a character that is
# not [0-9A-Za-z_]. No literal starts one, so a regex would test every position of the prose;
# the scanner finds them on a byte mask instead (scan.hex_runs). This is the definition it keeps.
HEX_RUN: Final[re.Pattern[str]] = re.compile(r"(?:\A|(?<=[^0-9A-Za-z_]))[0-9A-Fa-f]{32,}")

CVE: Final[re.Pattern[str]] = re.compile(
    r"[cC](?<![A-Za-z0-9][cC])[vV][eE][-\u2010\u2011\u2012\u2013\u00a0 ]?\d{4}"
    r"[-\u2010\u2011\u2012\u2013\u00a0]\d{4,7}"
)

ATTACK: Final[re.Pattern[str]] = re.compile(r"T(?<![A-Za-z0-9]T)A?\d{4}(?:\.\d+)?")

ASN: Final[re.Pattern[str]] = re.compile(r"A(?<![A-Za-z0-9]A)S(?:N:? ?| ?)\d{1,10}")

# Paths. The segment class excludes whitespace; inside a code span, table cell or quotes the
# scanner re-matches with the *_SPACED variant so "C:\Program Files\…" keeps its spaces.
_SEG = r"[^\s:*?\"<>|`,]"
_SEG_SPACED = r"[^\t\n:*?\"<>|`,]"
_WIN_HEADS = (
    r"[A-Za-z]:\\",
    r"\\\\[A-Za-z0-9._$\-]+\\",
    r"%[A-Za-z_][A-Za-z0-9_()]*%\\",
    r"\$[eE][nN][vV]:[A-Za-z_][A-Za-z0-9_]*\\",
)
_WIN_HEAD = "(?:" + "|".join(_WIN_HEADS) + ")"
_POSIX_ROOT = r"/(?:" + "|".join(POSIX_ROOTS) + r")(?![A-Za-z0-9_.\-])"
# A known spaced segment, right after a backslash and ending at one (or at the end of the path).
_KNOWN = (
    r"(?<=\\)(?:"
    + "|".join(re.escape(seg) for seg in sorted(SPACED_SEGMENTS, key=len, reverse=True))
    + r")(?=\\|[^\w\s(]|\s|$)"
)
WIN_PATH: Final[re.Pattern[str]] = re.compile(
    rf"(?<![A-Za-z0-9_\\]){_WIN_HEAD}(?:{_KNOWN}|{_SEG})*"
)
WIN_PATH_SPACED: Final[re.Pattern[str]] = re.compile(rf"{_WIN_HEAD}{_SEG_SPACED}*")
POSIX_PATH: Final[re.Pattern[str]] = re.compile(
    rf"(?<![A-Za-z0-9_.~/\-\\])(?:~/{_SEG}+|{_POSIX_ROOT}(?:/{_SEG}*)?)"
)
POSIX_PATH_SPACED: Final[re.Pattern[str]] = re.compile(
    rf"(?:~/{_SEG_SPACED}+|{_POSIX_ROOT}(?:/{_SEG_SPACED}*)?)"
)

_HIVE = "(?:" + "|".join(re.escape(h) for h in REGISTRY_HIVES) + ")"
_KEY_SEG = r"[^\s\\\"<>|`*?]"
_KEY_SEG_SPACED = r"[^\t\n\\\"<>|`*?]"
REGISTRY: Final[re.Pattern[str]] = re.compile(
    rf"(?<![A-Za-z0-9_])(?:Registry::|Computer\\)?{_HIVE}:?(?:\\(?:{_KNOWN}|{_KEY_SEG}+))+\\?"
)
REGISTRY_SPACED: Final[re.Pattern[str]] = re.compile(
    rf"(?:Registry::|Computer\\)?{_HIVE}:?(?:\\{_KEY_SEG_SPACED}+)+\\?"
)

# The dot before what may be a file extension: the anchor of file-name candidates (the scanner
# checks the extension against the table).
EXT_DOT: Final[re.Pattern[str]] = re.compile(
    r"\.(?<=[A-Za-z0-9_-]\.)([A-Za-z][A-Za-z0-9]{0,7}|7z)(?![A-Za-z0-9_])"
)
FILE_NAME: Final[re.Pattern[str]] = re.compile(
    r"(?<![A-Za-z0-9_.\\/~%$\-])[A-Za-z0-9_][A-Za-z0-9_.\-]*\.[A-Za-z0-9]{1,8}(?![A-Za-z0-9_])"
)

# Markdown structure the scanner must know: fences, code spans, headings (each checked to open
# its line by the layout, so the engine can search for the literal first).
FENCES: Final[tuple[re.Pattern[str], ...]] = (re.compile(r"(```+)"), re.compile(r"(~~~+)"))
FENCE_MARKERS: Final[tuple[str, ...]] = ("```", "~~~")  # the shortest match of each of FENCES


def occurs_finder(literal: str) -> re.Pattern[str]:
    """A search that matches where ``literal`` (two characters or more) occurs: a test of
    whether a text holds it. The regex engine steps to each place of the literal's second
    character in a tight loop and checks the rest there; on Python 3.11 ``literal in text``
    steps through a text without it about twice as slowly (its search of two or more
    characters branches at every character). A match holds the literal, and every place of
    the literal is a match of the look-behind and the rest, so the two answers are the same."""
    assert len(literal) >= 2
    first, second, rest = (re.escape(part) for part in (literal[0], literal[1], literal[2:]))
    return re.compile(f"{second}(?<={first}{second}){rest}")


# Whether a text holds each of FENCE_MARKERS (layout._fences asks when it holds its character).
FENCE_FINDERS: Final[tuple[re.Pattern[str], ...]] = tuple(map(occurs_finder, FENCE_MARKERS))
CODE_SPAN: Final[re.Pattern[str]] = re.compile(r"`(?<!``)(`*)(?!`)([^\n]*?[^`\n])`\1(?!`)")
HEADING: Final[re.Pattern[str]] = re.compile(r"#(?<!##)#{0,5}(?=[ \t])")  # once per run
