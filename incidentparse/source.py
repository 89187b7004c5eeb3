"""Source stage: input bytes or str to a SourceDocument (decoded text, 1-based lines, front matter).

Line numbering follows the contract: BOM removed, CRLF, CR and LF each count as one line break.
"""

from __future__ import annotations

import bisect
import hashlib
import operator
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import yaml

from .errors import InputError
from .models import Source, assembled
from .shared_reads import per_parse

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# Front matter fences: YAML '---' and TOML '+++' (Hugo/Zola). mdit-py-plugins' front_matter
# plugin only knows '---' and runs after tokenising, so we split both here, before markdown-it.
FRONT_MATTER_FENCES: dict[str, str] = {"---": "yaml", "+++": "toml"}


@dataclass(frozen=True)
class SourceDocument:
    """The decoded report: normalised text, its lines and what was split off the top."""

    text: str
    lines: tuple[str, ...]
    source: Source
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_end: int = 0  # last line (1-based) of the front matter block; 0 when none
    front_matter_error: str | None = None

    @per_parse
    def body(self) -> str:
        """The text markdown-it sees: front matter lines blanked so line numbers stay true."""
        if not self.front_matter_end:
            return self.text
        blank = "\n" * self.front_matter_end
        return blank + "\n".join(self.lines[self.front_matter_end :])

    def body_lines(self) -> list[str]:
        """body.split("\n"), a new list each call (tokens.parse_blocks changes it), built from
        ``lines`` without reading the text: text is "\n".join(lines) (load's _joined) and body
        blanks the front matter's lines, or all of them when it closes on the last line (the
        body is then only newlines, one more piece than lines). Spares the parse its split
        (~5-8 µs on a 3-5 KB report)."""
        end = self.front_matter_end
        if not end:
            return list(self.lines)
        return [""] * end + (list(self.lines[end:]) or [""])

    @per_parse
    def line_starts(self) -> list[int]:
        """Offset in ``text`` where each line starts (index 0 is line 1): find_line_starts(text),
        from the lines' lengths (text is "\n".join(lines), load's _joined), without reading
        the text again."""
        return joined_line_starts(self.lines)

    @per_parse
    def body_line_starts(self) -> list[int]:
        """Offset in ``body`` where each line starts; the parse shares it with the IOC engine.
        body is "\n".join(body_lines()) (see body_lines)."""
        return joined_line_starts(self.body_lines()) if self.front_matter_end else self.line_starts

    def line_of(self, offset: int) -> int:
        """1-based line of an offset into ``text`` (or ``body``, which has the same lines)."""
        return bisect.bisect_right(self.line_starts, offset)


_LINE_BREAK = re.compile("\n")


def find_line_starts(text: str) -> list[int]:
    """Offset where each line of text starts: 0, then the offset after every line break."""
    starts = [0]
    starts.extend(map(re.Match.end, _LINE_BREAK.finditer(text)))
    return starts


def joined_line_starts(lines: Sequence[str]) -> list[int]:
    """find_line_starts("\n".join(lines)), from the lines' lengths alone: line i starts after
    the i lines before it and their i breaks. A regex pass over the text built a Match object
    per line for the same offsets (~5-10 us on a 3-5 KB report, every parse: the IOC engine's
    layout, line_of and the context years read them)."""
    return list(map(operator.add, accumulate(map(len, lines), initial=0), range(len(lines))))


def decode(data: bytes, name: str = "<input>") -> str:
    """UTF-8 (with or without BOM) to str; binary or undecodable input is an InputError."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not a text report")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start})") from None
    return text


def split_lines(text: str) -> tuple[str, ...]:
    """Lines without their breaks; CRLF, CR and LF are one break each."""
    text = text.lstrip("\ufeff")
    # Without a CR both replaces give the text back; "\r\n"'s search reads a non-Latin-1
    # text (most reports: typographic quotes) far slower than the one-character search.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    lines = normalised.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()  # a final newline ends the last line; it does not start a new one
    return tuple(lines)


def load(data: bytes | str, path: str | None = None) -> SourceDocument:
    """Decode, fold line endings, and split off front matter."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    text = data if isinstance(data, str) else decode(data, path or "<stdin>")
    lines = split_lines(text)
    values = {
        "path": path,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "size_bytes": len(raw),
        "line_count": len(lines) if text else 0,
    }
    source = _source(values)
    meta, end, error = _front_matter(lines)
    return SourceDocument(
        text=_joined(text, lines),
        lines=lines,
        source=source,
        front_matter=meta,
        front_matter_end=end,
        front_matter_error=error,
    )


def _joined(text: str, lines: tuple[str, ...]) -> str:
    """The lines joined with "\n", for text's split_lines: without a BOM or CR the lines are
    text.split("\n"), less a last empty line when text ends in a newline, so the join is the
    text itself or the text less its last character (one copy, no pass over the lines)."""
    if "\r" in text or text.startswith("\ufeff"):
        return "\n".join(lines)
    return text[:-1] if text.endswith("\n") else text


# The Source is built unvalidated (models.assembled) from values of its field types (a str
# digest, two ints), once per parse: validating them cost as much as the rest of this stage.
# A caller's path of another type than str is validated (refused), as Source(...) does.
# tests/test_fixed_perf20.py compares both.
_SOURCE_GIVEN = frozenset(Source.model_fields)


def _source(values: dict[str, Any]) -> Source:
    if values["path"] is not None and type(values["path"]) is not str:
        return Source(**values)
    return assembled(Source, values, _SOURCE_GIVEN)


def _front_matter(lines: tuple[str, ...]) -> tuple[dict[str, Any], int, str | None]:
    """(parsed mapping, last line of the block, error) for a leading ---/+++ block."""
    if not lines or lines[0].strip() not in FRONT_MATTER_FENCES:
        return {}, 0, None
    fence = lines[0].strip()
    for index in range(1, len(lines)):
        if lines[index].strip() == fence:
            body = "\n".join(lines[1:index])
            meta, error = _parse_front_matter(FRONT_MATTER_FENCES[fence], body)
            if meta is None:  # not front matter after all (e.g. a leading thematic break)
                return {}, 0, error
            return meta, index + 1, None
    return {}, 0, None


def _parse_front_matter(kind: str, body: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        value = yaml.safe_load(body) if kind == "yaml" else tomllib.loads(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        return None, f"front matter is not valid {kind.upper()}: {str(exc).splitlines()[0]}"
    if value is None:
        return {}, None
    if not isinstance(value, dict):
        return None, None
    return {str(k): v for k, v in value.items()}, None
