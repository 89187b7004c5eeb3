"""Shared readers: a section's block nodes to entries (labelled lines), fields and table rows.

Every extractor reads sections through these, so `**Label:** value`, `Label: value`, nested
and flat lists and tables mean the same thing in every section kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..answers import classify
from ..models import Field, assembled
from ..tokens import Inline, Node

# A plain (unbolded) run-in label: short, starts like a label, no sentence inside.
_PLAIN_LABEL = re.compile(r"^(?P<label>[A-Z0-9\[][^:.!?]{0,48}?)\s*:(?:\s+(?P<value>.*))?$")
_DASH_SEP = re.compile(r"^\s*[-–—]\s+")
MAX_LABEL_WORDS = 6


# A NamedTuple rather than a frozen dataclass: one is built for every paragraph and list line,
# and a tuple is built at a quarter of the cost.
class Entry(NamedTuple):
    """One paragraph or list item's first paragraph, with its label split off."""

    line: int
    end_line: int
    depth: int  # 0 for top-level paragraphs, list depth (1, 2…) for items
    text: str
    label: str | None
    value: str
    bold: bool  # the label was written in bold
    inline: Inline
    checked: bool | None = None  # task-list checkbox state, when the item has one

    def field(self) -> Field:
        """This entry as a Field (label required), with its N/A / Unknown answer."""
        return answered_field(self.label or "", self.value, self.line)


# An Entry or Row built per paragraph, list line and table row is filled by tuple.__new__ with
# every field in its order (an Entry's checked, the last, given too): the NamedTuple's __new__
# (a Python frame, ~0.3 us an entry) makes that same call with its arguments
# (tests/test_doc_perf39_entries.py compares the entries and rows with those Entry(...) and
# Row(...) build).
_new_tuple = tuple.__new__


# A Field is built unvalidated (models.assembled), every field given, as Field(label=…,
# value=…, applicable=…, known=…, reason=…, line=…) sets them: its values are of the field
# types already (two str, the Answer's two bools of the answers table and its str or None
# reason, an int line), which the validator hands on unchanged, so the model is the one it
# builds, at less than half the cost (~2.5 us a field; tests/test_doc_perf29.py compares both
# on every field a parse of our reports builds).
_FIELD_GIVEN = frozenset(Field.model_fields)


def answered_field(label: str, value: str, line: int) -> Field:
    """The Field of a label and value (str) on a line (int), with the value's N/A / Unknown
    answer (answers.classify)."""
    answer = classify(value)
    values = {
        "label": label,
        "value": value,
        "applicable": answer.applicable,
        "known": answer.known,
        "reason": answer.reason,
        "line": line,
    }
    return assembled(Field, values, _FIELD_GIVEN)


def split_label(inline: Inline) -> tuple[str | None, str, bool]:
    """(label, value, bold) of `**Label:** value`, `**Label**: value`, `**L** - v`, `L: v`."""
    if inline.lead is not None and inline.rest:
        lead, rest = inline.lead, inline.rest
        if lead.endswith(":"):
            return lead[:-1].strip(), rest, inline.lead_strong
        if rest.startswith(":"):
            return lead, rest[1:].strip(), inline.lead_strong
        if _DASH_SEP.match(rest):
            return lead, _DASH_SEP.sub("", rest, count=1), inline.lead_strong
    if inline.lead is not None and not inline.rest and inline.lead.endswith(":"):
        return inline.lead[:-1].strip(), "", inline.lead_strong
    return _plain_label(inline.text)


def _plain_label(text: str) -> tuple[str | None, str, bool]:
    # Every label ends at a ':'. Most entries hold none, and on a sentence the pattern's lazy
    # label run fails only after trying the colon at each of its 49 lengths (~40x the `in`).
    colon = text.find(":")
    if colon < 0:
        return None, text, False
    # The label's ':' is the text's first (neither the label's first character nor its run
    # can be one), and after it the pattern takes blanks or ends ('$': the end or a last
    # '\n'): a text whose first ':' is followed by a character \s does not match
    # ('03:26pm: …', '10:08am', a URL's 'https:') holds no label, told without the regex's
    # lazy run over the label's lengths (str.isspace is \s's own test for a str pattern;
    # tests/test_timeline_perf37_label.py).
    after = text[colon + 1 : colon + 2]
    if after and not after.isspace():
        return None, text, False
    match = _PLAIN_LABEL.match(text)
    if not match or len(match.group("label").split()) > MAX_LABEL_WORDS:
        return None, text, False
    return match.group("label").strip(), (match.group("value") or "").strip(), False


_CHECKBOX = re.compile(r"^\[([ xX])\]\s+")


def entries(nodes: Iterable[Node]) -> list[Entry]:
    """Entries of every paragraph and list item, depth first, in document order."""
    # Built into one list by plain recursion: every extractor (and each timeline block) reads
    # its entries here, and a generator per node, resumed through a chain of `yield from`,
    # cost more than the entries (tests/test_doc_perf17.py compares it with that walk).
    found: list[Entry] = []
    for node in nodes:
        _collect(node, 0, found)
    return found


# `<START OF OUTAGE>`: parsed as an HTML block by CommonMark, written as a timeline marker.
_MARKER = re.compile(r"^\s*<([A-Z][A-Z0-9 _-]*)>\s*$")


def _collect(node: Node, depth: int, found: list[Entry]) -> None:
    """Append the entries of a node and its descendants to found."""
    kind = node.kind
    if kind == "paragraph":
        _paragraph_entries(node, depth, found)
    elif kind == "list_item":
        for child in node.children:
            _collect(child, node.level, found)
    elif kind == "list" or kind == "blockquote":
        for child in node.children:
            _collect(child, depth, found)
    elif kind == "html" and _MARKER.match(node.text):
        text = node.text.strip()
        found.append(Entry(node.line, node.end_line, depth, text, None, text, False, Inline(text)))


def _paragraph_entries(node: Node, depth: int, found: list[Entry]) -> None:
    """One entry per paragraph, or one per line when every line is `Label: value`
    ('Start: Wednesday, 2018-08-22⏎End: Thursday, 2018-08-23')."""
    inline = node.inline
    # One line, as most paragraphs are: nothing to split. Each line of a split paragraph holds
    # a label's ':' and there are two lines at least, so with fewer than two colons in the
    # text the lines are not even built (a colon is no whitespace: the lines keep every one).
    if not inline.breaks or inline.text_raw.count(":") < 2:
        # Most paragraphs and items are plain prose: built at once (_unlabelled_entry).
        found.append(_unlabelled_entry(node, depth))
        return
    # The first line is cut from text_raw at the first break and keeps its characters but for
    # blanks folded (tokens._clean): where the raw text's first ':' stands before that break
    # with a character other than a blank right after it, it is that line's first ':' with the
    # same character after it, so the line holds no label (_plain_label) and the paragraph is
    # one entry, told without splitting its lines ('2018-08-22, 03:26pm: first noticed …⏎…',
    # every row of a 'date, time: text' timeline; tests/test_timeline_perf37_label.py).
    raw = inline.text_raw
    colon = raw.find(":")
    after = raw[colon + 1 : colon + 2]
    if 0 <= colon < inline.breaks[0] - 1 and after and not after.isspace():
        found.append(_unlabelled_entry(node, depth))
        return
    lines = inline.source_lines()
    if len(lines) < 2 or not all(_plain_label(line)[0] for line in lines):
        found.append(_entry(node, depth))
        return
    for offset, line in enumerate(lines):
        found.append(_entry(node, depth, Inline(line), node.line + offset))


def _unlabelled_entry(node: Node, depth: int) -> Entry:
    """_entry(node, depth), built at once where its text has no leading bold run, no checkbox
    ('[') and no ':' (every label ends at one) or a first ':' with a character other than a
    blank after it ('at 10:30', 'https:': _plain_label's no label). There _entry's split gives
    (None, text, False) and it keeps the node's lines and no checked state: the entry is built
    here, without the three calls (_entry, split_label, _plain_label) to learn that."""
    inline = node.inline
    text = inline.text
    if inline.lead is None and not text.startswith("["):
        colon = text.find(":")
        if colon < 0 or (colon + 1 < len(text) and not text[colon + 1].isspace()):
            return _new_tuple(
                Entry, (node.line, node.end_line, depth, text, None, text, False, inline, None)
            )
    return _entry(node, depth)


def _entry(node: Node, depth: int, inline: Inline | None = None, line: int = 0) -> Entry:
    inline = inline or node.inline
    first = line or node.line
    last = line or node.end_line
    checked: bool | None = None
    # A checkbox opens with '[': most entries do not, and the test spares a regex call.
    box = _CHECKBOX.match(inline.text) if inline.text.startswith("[") else None
    if box:
        checked = box.group(1) != " "
        inline = Inline(inline.text[box.end() :], links=inline.links, code=inline.code)
    label, value, bold = split_label(inline)
    return _new_tuple(Entry, (first, last, depth, inline.text, label, value, bold, inline, checked))


def fields(items: Iterable[Entry]) -> list[Field]:
    """Every labelled entry as a Field."""
    return [entry.field() for entry in items if entry.label]


def plain_text(nodes: Sequence[Node]) -> str:
    """A section's prose as plain text: paragraphs and items joined by newlines."""
    return entries_text(entries(nodes))


def entries_text(found: Iterable[Entry]) -> str:
    """plain_text of the nodes found was read from (entries(nodes)), from those entries."""
    return "\n".join(entry.text for entry in found)


# Table column roles by header synonyms (lower case). One row per role.
COLUMN_ROLES: dict[str, tuple[str, ...]] = {
    "time": ("time", "timestamp", "date/time", "date time", "datetime", "when", "time (utc)"),
    "date": ("date", "day"),
    "event": (
        "event",
        "events",
        "use",
        "procedure",
        "procedure example",
        "activity",
        "action",
        "description",
        "what",
        "details",
        "action/ impact",
        "action/impact",
        "what happened",
        "note",
        "notes",
    ),
    "who": ("who", "who/what", "actor", "by", "person"),
    "owner": ("owner", "owners", "assignee", "responsible", "assigned to"),
    "type": ("type", "kind", "category"),
    "priority": ("priority", "prio", "severity"),
    "ticket": ("bug", "ticket", "issue", "link", "jira", "tracking", "pr"),
    "status": ("status", "state", "done"),
    "due": ("due", "due date", "deadline", "target date", "eta"),
    "item": ("item", "action item", "action items", "task", "recommendation", "todo"),
    "tactic": ("tactic", "att&ck tactic", "mitre tactic", "phase"),
    "technique": (
        "technique",
        "technique title",
        "technique name",
        "id",
        "technique id",
        "att&ck technique",
        "att&ck id",
    ),
    "indicator": ("indicator", "ioc", "value", "observable", "hash", "ip", "domain", "url"),
}
_ROLE_BY_HEADER = {alias: role for role, aliases in COLUMN_ROLES.items() for alias in aliases}


# A NamedTuple rather than a frozen dataclass, as Entry: one is built for every table body row
# (a timeline table's, an action or metrics table's), and the frozen dataclass's __init__ (a
# frame and an object.__setattr__ call per field) cost more than reading the row's roles. Its
# readers read its three fields by name only.
class Row(NamedTuple):
    """A table body row: its cells by role (first matching column), all cells, and its line."""

    line: int
    cells: tuple[Inline, ...]
    roles: dict[str, Inline]


def table_rows(node: Node) -> list[Row]:
    """Body rows of a table with each cell assigned the role of its header."""
    if not node.rows:
        return []
    header = [cell.text.strip().lower().rstrip(":") for cell in node.rows[0]]
    roles = [_ROLE_BY_HEADER.get(name) for name in header]
    rows = []
    for cells, line in zip(node.rows[1:], node.row_lines[1:], strict=True):
        by_role: dict[str, Inline] = {}
        for role, cell in zip(roles, cells, strict=False):  # short rows happen
            if role and role not in by_role:
                by_role[role] = cell
        rows.append(_new_tuple(Row, (line, cells, by_role)))
    return rows
