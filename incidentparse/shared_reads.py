"""Reads of a report's whole text that several stages of one parse ask for, done once a parse.

The date engine's worth-lines filter, the indicator engine's hex-run scan and the document
facts' vendor ids each need the report encoded to ASCII bytes; the worth-lines filter and the
Context's year index each need the offsets of '19' and '20'. Each costs a pass over the report.
``api.parse`` opens a scope (``one_parse``) in which the first ask computes the value and the
later asks for the same str object get it; outside a scope (a stage called on its own) every
ask computes it. Nothing is kept once the parse ends, so parsing the same text twice does the
work twice. The scope lives in a context variable: parses in other threads or tasks each have
their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")

# (what was read, id of the text) -> (the text, the value). The text is held, so its id cannot
# be taken by another object while the scope lasts: the same id is the same str object, whose
# characters cannot change.
_Memo = dict[tuple[str, int], tuple[str, object]]
_SCOPE: ContextVar[_Memo | None] = ContextVar("incidentparse_shared_reads", default=None)


class one_parse:  # lower case: used as a function is, in `with one_parse():`
    """The scope of one parse: the reads below are shared within it and dropped at its end.
    A class whose __enter__ and __exit__ set and reset the scope, where a @contextmanager
    generator built its helper object and resumed the generator twice, a fixed ~1 us a parse
    (tests/test_api_perf37.py). As that one, it does not swallow an exception, and each scope
    restores the one it found (nested scopes, or none)."""

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _SCOPE.set({})

    def __exit__(self, *exc: object) -> None:
        _SCOPE.reset(self._token)


def _shared(name: str, text: str, read: Callable[[str], _T]) -> _T:
    memo = _SCOPE.get()
    if memo is None:
        return read(text)
    key = (name, id(text))
    found = memo.get(key)
    if found is not None and found[0] is text:
        return found[1]  # type: ignore[return-value]  # stored by this function under name
    value = read(text)
    memo[key] = (text, value)
    return value


def _encoded(text: str) -> bytes:
    return text.encode("ascii", "replace")


def ascii_replaced(text: str) -> bytes:
    """text.encode("ascii", "replace"): each character beyond ASCII one '?', so the offsets are
    the text's. A pure-ASCII text encodes at memory speed and is not kept; once a text holds a
    character beyond ASCII (a dash, a quote: most reports) encoding it is a slow pass (~6-14 us
    on a report), done once a parse."""
    if text.isascii():
        return text.encode("ascii")
    return _shared("ascii", text, _encoded)


# The offsets of '19' and '20', each found by a regex that is the literal itself: the regex
# engine looks for a literal with a tight C loop, faster over a report than str.find's for a
# two-character needle (whose skip is at most three characters), and a comprehension over its
# matches spares a find call per offset (~4-6 us a parse). Neither literal can overlap itself
# ('1' is not '9', '2' not '0'), so the non-overlapping matches are every offset
# (tests/test_doc_perf27.py).
_NINETEEN = re.compile("19")
_TWENTY = re.compile("20")


def _centuries(text: str) -> list[int]:
    starts = [match.start() for match in _NINETEEN.finditer(text)]
    starts += [match.start() for match in _TWENTY.finditer(text)]
    starts.sort()
    return starts


def century_starts(text: str) -> list[int]:
    """Every offset of '19' or '20' in text, in order: where a year can start. Within a parse
    the list is shared by the callers that ask for the same text: none may change it."""
    return _shared("centuries", text, _centuries)


class per_parse(Generic[_T]):  # lower case: a decorator, like cached_property
    """functools.cached_property without its lock: the value is computed on first use and
    stored in the instance's __dict__, where every later lookup finds it (a non-data
    descriptor, as cached_property is: the instance's entry shadows it). Python 3.11's
    cached_property takes an RLock at each first use (about half its cost, ~1 us): a parse's
    SourceDocument (body, line_starts, body_line_starts), Context and the IOC engine's Layout
    compute a few such values each, once, in the thread of their parse. Two threads reading
    a value of one object for the first time at once would each compute it, the same value
    (nothing here depends on more than the object's own fields)."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> per_parse[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> per_parse[_T] | _T:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
