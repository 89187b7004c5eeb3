"""The scanner: text to validated, non-overlapping hits in text order.

``SCANNERS`` is the pipeline, one row per indicator family: the cheap literal anchors that any
candidate must contain, how far back from an anchor the candidate may start, the full pattern
and the classifier that judges it. Literal anchors are found by the regex engine's fast literal
search, so prose costs almost nothing; each candidate is matched once and the scan resumes
after it (linear). Overlaps are settled afterwards by span length and type priority, so a URL
swallows its host and a path swallows its file name.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from ..shared_reads import ascii_replaced
from . import classify as c
from . import patterns as p
from .classify import Env, Hit
from .context import Labels
from .layout import Layout
from .vocab import FILE_EXTENSIONS, POSIX_ROOTS, PRIORITY

Judge = Callable[[Env, int, int], "Hit | list[Hit] | None"]
Backoff = Callable[[str, int], int]

# Character sets as strings: str.rstrip takes them as its set of characters to strip.
_LABEL_CHARS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"
_FILE_CHARS: Final = _LABEL_CHARS + "_."
_LOCAL_CHARS: Final = _LABEL_CHARS + "._%+"
_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_HEX: Final = "0123456789abcdefABCDEF"
_WORD: Final = _LETTERS + "0123456789_"
_HEX_DEFANGED: Final = _HEX + "[:]"


def _walk(text: str, pos: int, chars: str, limit: int) -> int:
    """Step back from pos over chars, at most limit steps.

    Every candidate steps back from its anchor; str.rstrip strips the run in C where a Python
    loop stepped one character at a time (a hot spot of candidate finding on small reports).
    """
    low = max(0, pos - limit)
    return low + len(text[low:pos].rstrip(chars))


def _at(anchor: int) -> Backoff:
    """A candidate that starts a fixed distance before its anchor."""
    return lambda text, pos: max(0, pos - anchor)


def _back_label(text: str, pos: int) -> int:
    if pos and text[pos - 1] == " " and text[pos] in "[({":
        pos -= 1  # "evil [.] com"
    return _walk(text, pos, _LABEL_CHARS, 63)


def _back_file(text: str, pos: int) -> int:
    return _walk(text, pos, _FILE_CHARS, 255)


def _back_local(text: str, pos: int) -> int:
    if pos and text[pos - 1] in "[({":
        pos -= 1
    if pos and text[pos - 1] == " ":
        pos -= 1
    return _walk(text, pos, _LOCAL_CHARS, 64)


def _back_scheme(text: str, pos: int) -> int:
    if pos and text[pos - 1] in "[({":
        pos -= 1  # "http[://", "http(:)//"
    return _walk(text, pos, _LETTERS, 6)


def _back_hex(text: str, pos: int) -> int:
    return _walk(text, pos, _HEX, 4)


def _back_hex_defanged(text: str, pos: int) -> int:
    return _walk(text, pos, _HEX_DEFANGED, 48)


def _back_registry(text: str, pos: int) -> int:
    for prefix in ("Registry::", "Computer\\"):
        if text.startswith(prefix, pos - len(prefix)):
            return pos - len(prefix)
    return pos


def _back_windows(text: str, pos: int) -> int:
    """From the first backslash to the head: 'C:', '%VAR%', '$env:NAME' or a UNC '\\\\'."""
    before = text[pos - 1 : pos]
    if before == ":":
        return pos - 2
    if before == "%":
        open_ = text.rfind("%", max(0, pos - 64), pos - 1)
        return open_ if open_ >= 0 else pos
    name = _walk(text, pos, _WORD, 64)
    if text[max(0, name - 5) : name].lower() == "$env:":
        return name - 5
    return pos


def _back_posix(text: str, pos: int) -> int:
    return pos - 1 if pos and text[pos - 1] == "~" else pos


class Anchor(NamedTuple):
    """A literal every candidate of a family holds, with look-arounds after it: the regex
    engine searches for the literal first, and the literal alone says whether a text has any."""

    literal: str
    pattern: re.Pattern[str]


def _anchor(literal: str, after: str = "") -> Anchor:
    """The anchor that opens with ``literal``; ``after`` (look-arounds or a group) follows it."""
    return Anchor(literal, re.compile(re.escape(literal) + after))


def _lit(*literals: str) -> tuple[Anchor, ...]:
    return tuple(_anchor(literal) for literal in literals)


def _spaced(kind: str, pattern: re.Pattern[str]) -> Judge:
    return lambda env, start, end: c.path_like(env, start, end, kind, pattern)


def _spelled(env: Env, start: int, end: int) -> Hit | None:
    return c.email(env, start, end, spelled=True)


def _known_ext(match: re.Match[str]) -> bool:
    """The plain gate of EXT_DOT's matches (_KNOWN_EXT_DOT holds it as a look-ahead)."""
    return match.group(1).lower() in FILE_EXTENSIONS


# Hex-run mask: hex digit -> "h", other [0-9A-Za-z_] -> "w", anything else -> " ".
_HEX_MASK: Final = bytes(
    ord("h") if chr(b) in _HEX else ord("w") if chr(b) in _WORD else ord(" ") for b in range(256)
)
_HEX_NEEDLE: Final = b"h" * 32
_NOT_HEX: Final = re.compile(rb"[^h]")


def hex_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans patterns.HEX_RUN matches, found on a byte mask of the text.

    No literal starts a hex run, so the regex engine would try every position of the prose (it
    was the costliest family); bytes.translate and bytes.find run at memory speed. Encoding with
    "replace" turns each non-ASCII character into one "?", so mask offsets are text offsets.
    """
    # The encoding is the one the date and document passes ask for (shared per parse).
    mask = ascii_replaced(text).translate(_HEX_MASK)
    pos = mask.find(_HEX_NEEDLE)
    while pos >= 0:
        # The search resumes after a run, so the first 32 "h" found open a maximal run.
        after = _NOT_HEX.search(mask, pos + 32)
        end = after.start() if after is not None else len(mask)
        if pos == 0 or mask[pos - 1] == 0x20:  # opens the text or follows a non-word character
            yield pos, end
        pos = mask.find(_HEX_NEEDLE, end)


@dataclass(frozen=True)
class Scanner:
    """One family: anchors (empty = scan the whole text), back-off, full pattern, classifier."""

    name: str
    anchors: tuple[Anchor, ...]
    backoff: Backoff | None
    pattern: re.Pattern[str]
    judge: Judge
    gate: Callable[[re.Match[str]], bool] | None = None  # cheap test of an anchor match
    finder: Callable[[str], Iterator[tuple[int, int]]] | None = None  # replaces the pattern scan
    # A literal every match of the pattern holds, rarer than the anchors: a text without it has
    # no candidate, and one substring test spares the anchor search (" at " is common prose,
    # " dot " is not) or the whole-text pattern scan.
    needs: str = ""
    # A search that matches where ``needs`` occurs (patterns.occurs_finder), where it beats the
    # substring test: "AS", tested on every text (the family has no anchor), in half the time.
    needs_finder: re.Pattern[str] | None = None


# Anchors are literal-first (fast search); the look-arounds after the literal drop anchors that
# cannot start a candidate, so pathological runs ("[.][.][.]", "a:a:a:") stay cheap.
_AFTER_LABEL = r"(?<=[A-Za-z0-9 ]{lit})"
# A plain dot is no candidate's anchor when the run of label characters before it (at most
# _SHORT_RUN of them) follows a character HOSTLIKE's look-behind refuses ('/' in a URL's path,
# '.' in a dotted name the candidate before it did not take): the back-off stops at that
# character and the match fails (or, when the last candidate ended inside the run, it starts
# after a label character and fails). A look-behind per run length turns those dots away in the
# regex engine, where each cost a back-off and a match in Python (~1 us; tests/
# test_ioc_perf23.py compares the candidates with the plain anchor's).
_SHORT_RUN: Final = 16
_REFUSED_BEFORE_RUN: Final = r"[_.\\/$%]"
_DOT_AFTER_REFUSED: Final = "".join(
    rf"(?<!{_REFUSED_BEFORE_RUN}[A-Za-z0-9-]{{{k}}}\.)" for k in range(1, _SHORT_RUN + 1)
)
# What the host-like dot anchor asks after its dot (named: the shared dot pass asks it too).
_HOST_DOT: Final = r"(?<=[A-Za-z0-9-]\.)(?=[A-Za-z0-9])" + _DOT_AFTER_REFUSED
_DOTS = (
    _anchor(".", _HOST_DOT),
    *(
        _anchor(lit, _AFTER_LABEL.format(lit=re.escape(lit)))
        for lit in ("[.", "(.", "{.", "[dot", "(dot", "[DOT", "\\.")
    ),
)
_URL_COLON: Final = r"(?=[/\[])"  # what the URL family's colon anchor asks after the colon
_URL_ANCHORS = (_anchor(":", _URL_COLON), *_lit("[:", "(:", "{:"))
# One anchor for both ways an IPv6 candidate is found: a colon before another ('::') or between
# hex digits. The two anchors they were (the literal '::' and the colon between hex digits) took
# a probe of the whole text for '::' (absent_literals) and, where it was there, the heap walk;
# the one anchor matches at the places either matched (its branches are theirs, behind the
# colon they open with: the regex engine still looks for that colon first), and the walk takes
# those places in order as the heap merged them (a place both matched was tried once there as
# well: its second pop starts where the first did). Tests/test_ioc_perf33.py compares them.
_IPV6_COLON: Final = r"(?:(?=:)|(?<=[0-9A-Fa-f]:)(?=[0-9A-Fa-f]{1,4}:))"
_IPV6_ANCHORS = (_anchor(":", _IPV6_COLON),)
# A slash after a character POSIX_PATH's look-behind refuses (the slashes of a URL: after ':',
# '/' or a label) opens no candidate: the back-off leaves it where it is (it steps back only
# over a '~', which the look-behind here lets through), and the match from there fails. The
# regex engine turns those slashes away by one look-behind, where each tried every root word
# (tests/test_ioc_perf33.py compares the candidates with the plain anchor's).
_POSIX_REFUSED: Final = r"[A-Za-z0-9_.\-\\/]"  # POSIX_PATH's look-behind class less '~'
_POSIX_ANCHORS = (
    _anchor("~/"),
    _anchor("/", rf"(?<!{_POSIX_REFUSED}/)(?=" + "|".join(POSIX_ROOTS) + ")"),
)
_EXT_DOT = Anchor(".", p.EXT_DOT)  # the pattern opens with r"\." (patterns.py)


# EXT_DOT: its dot and look-behind, then its group and what follows it.
_EXT_HEAD: Final = r"\.(?<=[A-Za-z0-9_-]\.)"
_EXT_TAIL: Final = r"([A-Za-z][A-Za-z0-9]{0,7}|7z)(?![A-Za-z0-9_])"


def _known_ext_dot() -> Anchor:
    """EXT_DOT with _known_ext inside it: a look-ahead for the table's extensions.

    Most dots before an extension-shaped word are hosts and sentences ('.com', '.org'), and
    the gate was a Python call per dot (~1 us each, most of the family's cost on a small
    report); the regex engine now turns them away itself. Exact: EXT_DOT's group is the whole
    run of letters and digits after the dot (its look-ahead forbids one more), the look-ahead
    here holds an extension and then no such character, so both name the same run, and
    each extension spelled in either case matches what ``.lower() in FILE_EXTENSIONS``
    accepts (tests/test_ioc_perf23.py compares both)."""
    group = re.compile(r"[A-Za-z][A-Za-z0-9]{0,7}|7z")
    known = sorted(ext for ext in FILE_EXTENSIONS if group.fullmatch(ext))
    # EXT_DOT as it is, then the extensions as a trie (one branch per letter: a flat
    # alternation of them all, tried at every dot, cost more than the gate).
    head, tail = _EXT_HEAD, _EXT_TAIL
    assert p.EXT_DOT.pattern == head + tail  # the anchor is EXT_DOT with a look-ahead between
    known_run = rf"(?=[A-Za-z0-9])(?={_trie(known, _GROUP)}(?![A-Za-z0-9_]))"
    return Anchor(".", re.compile(head + known_run + tail))


def _known_ext_after() -> str:
    """What _KNOWN_EXT_DOT asks after its dot and look-behind, all of it zero-width: its
    look-aheads, then its group and the look-ahead after it inside one more look-ahead. The
    anchor matches where its group and what follows it can match, and so does the look-ahead
    holding them: the same places, none of the text taken (the walk reads a place only)."""
    whole = _KNOWN_EXT_DOT.pattern.pattern
    assert whole.startswith(_EXT_HEAD) and whole.endswith(_EXT_TAIL)
    return whole[len(_EXT_HEAD) : -len(_EXT_TAIL)] + "(?=(?:" + _EXT_TAIL[1:] + ")"


# First-letter branches of the extension trie taken together behind one look-ahead.
_GROUP: Final = 5


def _trie(words: list[str], group: int = 0) -> str:
    """A regex for exactly ``words`` in either case, letter by letter (not (?i), which also
    lets the long s or the Kelvin sign stand for an ASCII letter), one branch per first letter.

    With ``group``, the first-letter branches go ``group`` at a time behind a look-ahead for
    their letters: a dot before no extension ('.com', '.org') tried the first letter of every
    branch (24 of them) at each dot of a URL or host; now about five groups' and one group's
    branches. The same words: each branch sits in the one group whose look-ahead holds its
    first letter, and the trie stands in a look-ahead, which asks only whether some path
    matches (tests/test_ioc_perf27.py compares it with the flat trie)."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[0], []).append(word[1:])
    branches, letters = [], []
    for head, rests in sorted(heads.items()):
        char = f"[{head.lower()}{head.upper()}]" if head.isalpha() else re.escape(head)
        longer = [rest for rest in rests if rest]
        tail = _trie(longer) if longer else ""
        if longer and "" in rests:
            tail = f"(?:{tail})?"
        branches.append(char + tail)
        letters.append(f"{head.lower()}{head.upper()}" if head.isalpha() else re.escape(head))
    if group and len(branches) > group:
        branches = [
            f"(?=[{''.join(letters[at : at + group])}])(?:{'|'.join(branches[at : at + group])})"
            for at in range(0, len(branches), group)
        ]
    return "(?:" + "|".join(branches) + ")"


_KNOWN_EXT_DOT: Final = _known_ext_dot()
SCANNERS: Final[tuple[Scanner, ...]] = (
    Scanner("url", _URL_ANCHORS, _back_scheme, p.URL, c.url),
    Scanner("email", _lit("@", "[at]", "(at)", "{at}", "[AT]", "(AT)"), _back_local, p.EMAIL,
            c.email),
    Scanner("email_spelled", _lit(" at "), _back_local, p.EMAIL_SPELLED, _spelled,
            needs=" dot "),
    Scanner("registry_key", _lit("HK", "\\REG", "\\Reg"), _back_registry, p.REGISTRY,
            _spaced("registry_key", p.REGISTRY_SPACED)),
    Scanner("win_path", _lit("\\"), _back_windows, p.WIN_PATH,
            _spaced("file_path", p.WIN_PATH_SPACED)),
    Scanner("posix_path", _POSIX_ANCHORS, _back_posix, p.POSIX_PATH,
            _spaced("file_path", p.POSIX_PATH_SPACED)),
    Scanner("ipv6", _IPV6_ANCHORS, _back_hex, p.IPV6, c.ipv6),
    Scanner("ipv6_defanged", _lit("[:]"), _back_hex_defanged, p.IPV6_DEFANGED, c.ipv6),
    Scanner("hostlike", _DOTS, _back_label, p.HOSTLIKE, c.hostlike),
    Scanner("hash", (), None, p.HEX_RUN, c.hexhash, finder=hex_runs),
    Scanner("cve", _lit("CVE", "cve", "Cve"), _at(0), p.CVE, c.cve),
    Scanner("attack", (), None, p.ATTACK, c.attack),
    Scanner("asn", (), None, p.ASN, c.asn, needs="AS", needs_finder=p.occurs_finder("AS")),
    Scanner("file_name", (_KNOWN_EXT_DOT,), _back_file, p.FILE_NAME, c.file_name),
)  # fmt: skip


def scan(
    text: str, markdown: bool = True, line_starts: list[int] | None = None
) -> tuple[list[Hit], Env]:
    """Every validated hit of text, overlaps resolved, in text order."""
    layout = Layout.build(text, markdown, line_starts)
    env = Env(text, layout, Labels(layout))
    if text.isspace() or not text:
        return [], env  # every anchor literal and full-text pattern needs a visible character
    return _settle(_hits(text, env)), env


def _hits(text: str, env: Env) -> list[Hit]:
    """Every validated candidate of every family, overlaps not yet settled."""
    absent = _absent(text, _HIT_PROBES)
    places = _shared_places(text, absent)
    hits: list[Hit] = []
    for scanner, literals, own in zip(SCANNERS, _LITERALS, places, strict=True):
        if literals and literals <= absent:
            continue  # none of its anchors is in the text: no candidate (most, in short texts)
        if scanner.needs and (
            scanner.needs not in text
            if scanner.needs_finder is None
            else scanner.needs_finder.search(text) is None
        ):
            continue
        spans = _candidates(text, scanner, absent) if own is None else _placed(text, scanner, own)
        for start, end in spans:
            found = scanner.judge(env, start, end)
            for hit in found if isinstance(found, list) else (found,):
                if hit is not None and hit.end > hit.start:
                    hits.append(hit)
    return hits


# Characters that open the defanged and path anchors ("[at]", "(.", "{:", "\\REG", "~/"):
# rarely written, so one search per character (for what follows each of its places) tells which
# of those twenty literals a text holds at all, where a search per anchor would read the whole
# text twenty times.
RARE_OPENERS: Final = "[({\\~"


@dataclass(frozen=True)
class _Rare:
    opener: str  # one of RARE_OPENERS
    literals: tuple[str, ...]  # the anchor literals opening with it
    tails: re.Pattern[str]  # what follows each place of that character (a look-ahead: overlaps)
    width: int  # the longest of literals, less the opener: how much of each tail is read
    # Each literal and what absent_literals looks for among the tails: a line break and the
    # literal less its opener (built once here, where it was sliced and joined per test).
    needles: tuple[tuple[str, str], ...]
    # A search that matches where any of literals occurs: the opener, then any of the rests.
    held: re.Pattern[str]


def _rare() -> tuple[_Rare, ...]:
    literals = {a.literal for s in SCANNERS for a in s.anchors if a.literal[0] in RARE_OPENERS}
    table = []
    for opener in RARE_OPENERS:
        own = tuple(sorted(lit for lit in literals if lit[0] == opener))
        longest = max(len(lit) for lit in own) - 1
        tails = re.compile(re.escape(opener) + f"(?=(.{{0,{longest}}}))")
        needles = tuple((lit, "\n" + lit[1:]) for lit in own)
        rests = sorted((lit[1:] for lit in own), key=len, reverse=True)
        held = re.compile(re.escape(opener) + "(?:" + "|".join(map(re.escape, rests)) + ")")
        table.append(_Rare(opener, own, tails, longest, needles, held))
    return tuple(table)


_RARE: Final = _rare()
# The other anchor literals ('.', ':', '@', 'HK', 'CVE'…): a test each (_PROBES), which stops
# at the first place of a common one and spares the anchor search of an absent one.
_COMMON: Final = tuple(
    sorted({a.literal for s in SCANNERS for a in s.anchors if a.literal[0] not in RARE_OPENERS})
)
# Characters common in prose: no use testing for them alone.
_PROSE_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz .:/")


def _telling(literal: str) -> str:
    """The characters of a longer literal worth a test of their own before it: a substring
    test of two or more characters reads the whole text when it fails (the costliest part of
    absent_literals), while a one-character test runs at memory speed, and a literal with an
    absent character is absent."""
    if len(literal) < 2:
        return ""
    return "".join(dict.fromkeys(char for char in literal if char not in _PROSE_CHARS))


# Regex searches that find where any of a few common literals occurs, opening with the rarest
# character of them: the regex engine looks for a one-character prefix at memory speed and checks
# the rest (a look-behind for what comes before) at each place of it, where a substring test
# of two or more characters steps through the whole text (~1 ns a character, the costliest part
# of absent_literals). The rest keep the substring test (" at ": no rare character).
_PROBE_PATTERNS: Final[dict[tuple[str, ...], str]] = {
    ("HK",): r"K(?<=HK)",
    ("CVE",): r"V(?<=CV)E",
    ("Cve", "cve"): r"v(?<=[Cc]v)e",
}


class _Probe(NamedTuple):
    """How absent_literals tells whether text holds some of ``literals``."""

    literals: tuple[str, ...]
    telling: str  # characters each of the literals holds: one missing rules them all out
    finder: re.Pattern[str] | None  # a match where any of them occurs; None: a substring test


def _shared_telling(literals: tuple[str, ...]) -> str:
    """The telling characters that every one of literals holds."""
    return "".join(c for c in _telling(literals[0]) if all(c in lit for lit in literals[1:]))


def _probes() -> tuple[_Probe, ...]:
    probed = {literal for literals in _PROBE_PATTERNS for literal in literals}
    table = [
        _Probe(literals, _shared_telling(literals), re.compile(pattern))
        for literals, pattern in _PROBE_PATTERNS.items()
    ]
    table.extend(_Probe((lit,), _telling(lit), None) for lit in _COMMON if lit not in probed)
    return tuple(table)


_PROBES: Final = _probes()


def _needs_only(probe: _Probe) -> bool:
    """Every family holding one of the probe's literals has a ``needs`` (tested after it)."""
    owners = [s for s in SCANNERS if any(a.literal in probe.literals for a in s.anchors)]
    return all(scanner.needs for scanner in owners)


# The probes _hits asks. A family with ``needs`` is skipped when its needed literal is absent,
# whatever its anchors: ' at ' (email_spelled's anchor, found in most prose, after a search up
# to its first place) is asked only of the texts that hold ' dot ', and there by the anchor's
# own search, which finds nothing in a text without it (the same candidates: absent_literals
# only spares searches that find none; tests/test_ioc_perf33.py compares).
_HIT_PROBES: Final = tuple(probe for probe in _PROBES if not _needs_only(probe))


def _absent_common(text: str, probes: tuple[_Probe, ...] = _PROBES) -> list[str]:
    """The common anchor literals that text does not hold (of those ``probes`` ask about)."""
    absent: list[str] = []
    # Plain loops: a generator expression per probe cost more than most of the tests.
    for literals, telling, finder in probes:
        for char in telling:
            if char not in text:
                absent.extend(literals)
                break
        else:
            if finder is None:
                if literals[0] not in text:
                    absent.append(literals[0])
            elif finder.search(text) is None:
                absent.extend(literals)
            elif len(literals) > 1:  # one of them is there (a rare case): which
                absent.extend([literal for literal in literals if literal not in text])
    return absent


def _anchor_literals(scanner: Scanner) -> frozenset[str]:
    """The literals one of which every candidate of the family holds; empty for a family
    without anchors (its pattern or finder reads the whole text)."""
    if scanner.finder is not None or not scanner.anchors or scanner.backoff is None:
        return frozenset()
    return frozenset(anchor.literal for anchor in scanner.anchors)


_LITERALS: Final = tuple(_anchor_literals(scanner) for scanner in SCANNERS)


# Past this many places of one character (defanged appendices: "[.]" on every line), a
# substring search per literal is cheaper than gathering what follows each place.
_DENSE: Final = 256
# Counting the places is a pass over the text of its own (str.count steps through it, where a
# test for the character runs at memory speed): on a text this short even a dense one costs
# little to gather, and the count cost more than it saved (either way the same literals).
_DENSE_TEXT: Final = 16384


def absent_literals(text: str, *, common: bool = False) -> frozenset[str]:
    """The anchor literals opening with a rare character that text does not hold; with
    ``common``, the other anchor literals that it does not hold as well."""
    return _absent(text, _PROBES if common else ())


def _absent(text: str, probes: tuple[_Probe, ...]) -> frozenset[str]:
    """absent_literals, asking ``probes`` about the common literals (none: only the rare)."""
    absent = _absent_common(text, probes) if probes else []
    for rare in _RARE:
        if rare.opener not in text:  # most texts lack some openers: their literals are absent
            absent.extend(rare.literals)
            continue
        # A report's brackets and parentheses (its links) open none of the literals: one
        # search for any of them (the regex engine steps to each place of the opener in C)
        # finds none, and the text lacks every literal, spared the tails' walk, their join and
        # a substring test per literal (each a call or more per place). Exact: the search
        # matches where one of the literals occurs (tests/test_ioc_perf40.py compares). Where
        # one is there (a defanged report, any backslash) the tails below say which.
        if rare.held.search(text) is None:
            absent.extend(rare.literals)
            continue
        if len(text) > _DENSE_TEXT and text.count(rare.opener) > _DENSE:
            absent.extend(lit for lit in rare.literals if lit not in text)
            continue
        # Each place's tail after a line break (a tail never holds one).
        tails = "\n" + "\n".join(_tails(text, rare))
        absent.extend([lit for lit, needle in rare.needles if needle not in tails])
    return frozenset(absent)


# A place of an opener taken by str.find costs what the regex search spends on ~150 characters
# of text; past a place per _SPACING characters (kept wide: the search then reads the rest as
# well) the search takes the rest.
_SPACING: Final = 512


def _tails(text: str, rare: _Rare) -> list[str]:
    """What rare.tails.findall(text) gives, for a text holding rare.opener.

    A report holds a few brackets or parentheses: str.find steps to each at memory speed, where
    the regex search walked the whole text at about a nanosecond a character (3-6 us an opener
    on a report of 4-5 KB). Exact: each tail is the text after a place, up to ``width``
    characters and not past a line break (as '.{0,width}' reads it), and past the first
    len(text) // _SPACING places the search takes the rest from the next one (its look-ahead
    reads nothing before its place)."""
    opener, width = rare.opener, rare.width
    found: list[str] = []
    pos = text.find(opener)
    for _ in range(len(text) // _SPACING):
        tail = text[pos + 1 : pos + 1 + width]
        if "\n" in tail:
            tail = tail[: tail.index("\n")]
        found.append(tail)
        pos = text.find(opener, pos + 1)
        if pos < 0:
            return found
    found.extend(rare.tails.findall(text, pos))
    return found


def _candidates(
    text: str, scanner: Scanner, absent: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int]]:
    """Candidate spans of one family, each text position inside at most one candidate.

    Every anchor pattern is searched again only from the end of the last candidate, so the
    text a candidate covered is never walked twice (linear, even on one huge candidate).
    Anchors whose literal is in ``absent`` have no match in the text and are not searched.
    """
    if scanner.finder is not None:
        yield from scanner.finder(text)
        return
    if not scanner.anchors or scanner.backoff is None:
        for match in scanner.pattern.finditer(text):
            yield match.start(match.lastindex or 0), match.end()
        return
    live = [anchor for anchor in scanner.anchors if anchor.literal not in absent]
    if len(live) == 1:  # most families in most texts: no merge needed
        yield from _single_anchor(text, scanner, live[0].pattern, scanner.backoff)
        return
    heap: list[tuple[int, int]] = []
    for index, anchor in enumerate(scanner.anchors):
        if anchor.literal not in absent:
            _push(heap, text, scanner, index, 0)
    done, tried = 0, -1
    while heap:
        pos, index = heapq.heappop(heap)
        if pos < done:
            _push(heap, text, scanner, index, done)
            continue
        _push(heap, text, scanner, index, pos + 1)
        start = max(scanner.backoff(text, pos), done)
        if start == tried:
            continue
        tried = start
        found = scanner.pattern.match(text, start)
        if found is not None and found.end() > pos:
            done = found.end()
            yield start, done


class _SharedPass(NamedTuple):
    """One search for the places of two families' anchors that open with the same literal."""

    literal: str  # the literal both anchors open with
    pattern: re.Pattern[str]  # the group it sets: 'ab' where both anchors match, 'a', 'b'
    first: int  # the two families' places in SCANNERS
    second: int
    others: frozenset[str]  # their other anchors' literals: with one in the text, no shared pass


def _shared_pass(first: str, second: str, after: tuple[str, str], guard: str) -> _SharedPass:
    """The pass for the families named ``first`` and ``second``, each with one anchor that is
    its literal then ``after`` (the look-arounds the pass asks after it); the rest of their
    anchors are defanged forms, rare literals.

    A search per anchor read the text once each (~1 ns a character, 3-6 us a report, and a
    search call per candidate); this one reads it once for both, its literal still first (the
    regex engine's one-character search). Exact: after the literal it asks what the first
    anchor asks (then whether the second's holds as well) or else what the second asks, so a
    place matches where either anchor matches and its group says which. Every test is
    zero-width, and look-behinds read the text before a place wherever a search starts: each
    family's places are the places its own searches found. ``guard``, a test both anchors
    imply, is asked once before either (a prose dot fails it: a blank follows it)."""
    index = {scanner.name: at for at, scanner in enumerate(SCANNERS)}
    index_a, index_b = index[first], index[second]
    main_a, *rest_a = SCANNERS[index_a].anchors
    main_b, *rest_b = SCANNERS[index_b].anchors
    literal = main_a.literal
    assert main_b.literal == literal
    assert SCANNERS[index_a].gate is None and SCANNERS[index_b].gate is None
    after_a, after_b = after
    head = re.escape(literal) + guard
    pattern = re.compile(f"{head}(?:{after_a}(?:{after_b}(?P<ab>)|(?P<a>))|{after_b}(?P<b>))")
    others = frozenset(anchor.literal for anchor in (*rest_a, *rest_b))
    assert all(other[0] in RARE_OPENERS for other in others)  # absent_literals asks of each
    return _SharedPass(literal, pattern, index_a, index_b, others)


def _shared_passes() -> tuple[_SharedPass, ...]:
    # The colon anchors of URLs and IPv6 (disjoint: '/' or '[' after the colon, or ':' or a
    # hex digit); the dot anchors of host-like names and file names, behind the test both
    # imply (a label character before the dot, a letter or digit after it).
    assert _URL_ANCHORS[0].pattern.pattern == ":" + _URL_COLON
    assert _IPV6_ANCHORS[0].pattern.pattern == ":" + _IPV6_COLON
    assert _DOTS[0].pattern.pattern == r"\." + _HOST_DOT
    # file_name's anchor takes its extension: read here as a look-ahead (the same places).
    file_dot = _EXT_HEAD[2:] + _known_ext_after()
    colon = _shared_pass("url", "ipv6", (_URL_COLON, _IPV6_COLON), "")
    guard = r"(?<=[A-Za-z0-9_-]\.)(?=[A-Za-z0-9])"
    assert _HOST_DOT.startswith(r"(?<=[A-Za-z0-9-]\.)(?=[A-Za-z0-9])")
    assert file_dot.startswith(r"(?<=[A-Za-z0-9_-]\.)(?=[A-Za-z0-9])")
    dot = _shared_pass("hostlike", "file_name", (_HOST_DOT, file_dot), guard)
    return colon, dot


_SHARED: Final = _shared_passes()
_NO_PLACES: Final[tuple[None, ...]] = (None,) * len(SCANNERS)


def _shared_places(text: str, absent: frozenset[str]) -> Sequence[list[int] | None]:
    """Per family (in SCANNERS' order), its anchor's places found by a shared pass, or None:
    the family searches for its anchors itself (_candidates)."""
    places: list[list[int] | None] | None = None
    for shared in _SHARED:
        if shared.literal in absent or not shared.others <= absent:
            continue  # no place of either, or a defanged anchor as well: each searches alone
        first: list[int] = []
        second: list[int] = []
        for match in shared.pattern.finditer(text):
            group = match.lastgroup
            if group != "b":
                first.append(match.start())
            if group != "a":
                second.append(match.start())
        if places is None:
            places = list(_NO_PLACES)
        places[shared.first] = first
        places[shared.second] = second
    return _NO_PLACES if places is None else places


def _placed(text: str, scanner: Scanner, places: list[int]) -> Iterator[tuple[int, int]]:
    """_single_anchor's walk over its anchor's places found beforehand (_shared_places).

    _single_anchor searches again from after a place, or from the end of the candidate it
    took: the first place past the one before and not before that end, which is the next
    place of the list not before the end."""
    pattern, backoff = scanner.pattern, scanner.backoff
    assert backoff is not None
    done, tried = 0, -1
    for pos in places:
        if pos < done:
            continue
        start = max(backoff(text, pos), done)
        if start != tried:
            tried = start
            found = pattern.match(text, start)
            if found is not None and found.end() > pos:
                done = found.end()
                yield start, done


def _single_anchor(
    text: str, scanner: Scanner, anchor: re.Pattern[str], backoff: Backoff
) -> Iterator[tuple[int, int]]:
    """_candidates' walk when one anchor alone can be in the text, without the heap.

    The heap walk takes the next gated match after each one and, when that lies inside the
    last candidate, the next from the candidate's end: the first gated match from the later
    of the two, where this loop searches once (a search answers the same from any start at or
    before a match: the look-behinds read the text before it). Most families in most texts
    have one anchor in the text, and the heap, its pushes and pops cost more than the search.
    """
    pattern, gate = scanner.pattern, scanner.gate
    done, tried = 0, -1
    match = anchor.search(text)
    while match is not None:
        pos = match.start()
        if gate is not None and not gate(match):
            match = anchor.search(text, pos + 1)
            continue
        start = max(backoff(text, pos), done)
        if start != tried:
            tried = start
            found = pattern.match(text, start)
            if found is not None and found.end() > pos:
                done = found.end()
                yield start, done
        match = anchor.search(text, max(pos + 1, done))


def _push(heap: list[tuple[int, int]], text: str, scanner: Scanner, index: int, pos: int) -> None:
    """Queue the next position (from pos on) where anchor ``index`` passes its gate."""
    anchor, gate = scanner.anchors[index].pattern, scanner.gate
    match = anchor.search(text, pos)
    while match is not None and gate is not None and not gate(match):
        match = anchor.search(text, match.start() + 1)
    if match is not None:
        heapq.heappush(heap, (match.start(), index))


def _settle(hits: list[Hit]) -> list[Hit]:
    """Keep the longest, then highest-priority hit wherever candidates overlap (one sweep)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), -PRIORITY.get(h.type, 0)))
    kept: list[Hit] = []
    for hit in hits:
        while kept and kept[-1].end > hit.start:
            if _rank(hit) <= _rank(kept[-1]):
                break
            kept.pop()
        else:
            kept.append(hit)
    return kept


def _rank(hit: Hit) -> tuple[int, int]:
    return hit.end - hit.start, PRIORITY.get(hit.type, 0)
