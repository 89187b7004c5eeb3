"""The input edge: command-line specs (paths, directories, globs, '-') to bytes, one item each.

Unreadable inputs come back as ``InputError`` values, not raised, so that a batch goes on with
the other files and the CLI prints one line per failure.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .errors import InputError

REPORT_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd", ".txt")


@dataclass(frozen=True)
class InputItem:
    """One input: its display path (None for stdin) and its bytes."""

    path: str | None
    data: bytes

    @property
    def display(self) -> str:
        return "-" if self.path is None else self.path


def expand(specs: Sequence[str], suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> Iterator[str]:
    """Paths named by specs: files as given, directories walked (sorted), globs expanded."""
    for spec in specs:
        if spec == "-" or os.path.isfile(spec):
            yield spec
        elif os.path.isdir(spec):
            yield from _walk(spec, suffixes)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            yield from (m for m in matches if os.path.isfile(m)) if matches else (spec,)
        else:
            yield spec  # read() reports it as missing


def _walk(root: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(suffixes):
                yield os.path.join(dirpath, name)


def read(spec: str) -> InputItem:
    """Read one path (or '-' for stdin) as bytes; raise InputError with a one-line reason."""
    if spec == "-":
        return InputItem(None, sys.stdin.buffer.read())
    try:
        with open(spec, "rb") as fh:
            return InputItem(spec, fh.read())
    except FileNotFoundError:
        raise InputError(f"{spec}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{spec}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{spec}: cannot read ({exc.strerror or exc})") from None


def iter_inputs(
    specs: Sequence[str], suffixes: tuple[str, ...] = REPORT_SUFFIXES
) -> Iterator[InputItem | InputError]:
    """Every input named by specs, in order; failures are yielded, not raised."""
    for path in expand(specs, suffixes):
        try:
            yield read(path)
        except InputError as exc:
            yield exc
