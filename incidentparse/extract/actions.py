"""Extractors for action items (recommendations, corrective actions) and references.

Items come from list entries (bold lead = title; `- [x]` = done) or from table rows whose
columns are read by role (item, owner, priority, ticket, status, due).
"""

from __future__ import annotations

import re

from ..models import ActionItem, Reference, assembled
from ..sections import View
from ..tokens import Node
from .context import Context
from .readers import Entry, entries, table_rows

_OWNER = re.compile(r"\((?:owner|owned by|assignee)\s*:?\s*([^)]+)\)|(?<![\w@])@([\w-]+)", re.I)
_TICKET = re.compile(r"(?<![\w/])#\d+\b|\b[A-Z][A-Z0-9]{1,9}-\d+\b")
# Pattern -> characters one of which every match holds: the literal `(` or `@` of an owner,
# the `#` or `-` before a ticket's digits.
_MARKS: dict[re.Pattern[str], str] = {_OWNER: "(@", _TICKET: "#-"}
assert all(len(marks) == 2 for marks in _MARKS.values())


# A ticket's second branch holds '-' and a digit after it (\d, the same digits as the
# pattern's): where an action's text holds '-' in words only ('on-call', 'follow-up'), a search
# for that pair (its '-' a literal the engine skips to) spares the pattern's, which opens with
# \b and tries both branches at every character.
_DASH_DIGIT = re.compile(r"-\d")


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """pattern.search(text), skipped when the text lacks every character a match holds: most
    action texts do, and a search tries each branch at every character (half of this
    extractor's time before; tests/test_actions_perf7.py compares it with the plain search).
    The two marks are tested in turn, without a generator; a ticket is searched for only
    where '#' or '-' and a digit stand (tests/test_doc_perf35_actions.py)."""
    marks = _MARKS[pattern]
    if marks[0] not in text and marks[1] not in text:
        return None
    if pattern is _TICKET and "#" not in text and _DASH_DIGIT.search(text) is None:
        return None
    return pattern.search(text)


# What an item read from an entry is given (models.assembled; a frozenset is copied fastest); its
# priority and due keep their defaults, unset as ActionItem(...) leaves them.
_ENTRY_ITEM_GIVEN = frozenset(("text", "title", "owner", "status", "ticket", "line"))


def _item_from_entry(entry: Entry) -> ActionItem:
    """An entry as an ActionItem, built unvalidated (models.assembled): the values are of the
    field types already (str, str or None, int), which the validator hands on unchanged, so the
    model is the one ActionItem(...) builds (tests/test_doc_perf18.py compares both)."""
    title = entry.label if entry.label and entry.bold else None
    text = entry.value if title else entry.text
    owner = _search(_OWNER, entry.text)
    ticket = _search(_TICKET, entry.text)
    status = None if entry.checked is None else ("done" if entry.checked else "open")
    values = {
        "text": text,
        "title": title,
        "owner": (owner.group(1) or owner.group(2)).strip() if owner else None,
        "priority": None,
        "status": status,
        "due": None,
        "ticket": ticket.group(0) if ticket else None,
        "line": entry.line,
    }
    return assembled(ActionItem, values, _ENTRY_ITEM_GIVEN)


def _items_from_table(node: Node, ctx: Context) -> list[ActionItem]:
    items = []
    for row in table_rows(node):
        main = row.roles.get("item") or row.roles.get("event") or row.cells[0]
        due = row.roles.get("due")
        items.append(
            ActionItem(
                text=main.text,
                owner=_text(row.roles.get("owner")),
                priority=_text(row.roles.get("priority")),
                status=_text(row.roles.get("status")),
                ticket=_text(row.roles.get("ticket")),
                due=ctx.timespan(due.text, row.line) if due and due.text else None,
                line=row.line,
            )
        )
    return items


def _text(cell: object) -> str | None:
    text = getattr(cell, "text", "") or ""
    return text or None


def extract_actions(view: View, ctx: Context) -> None:
    for node in view.nodes():
        if node.kind == "table":
            ctx.draft.recommendations.extend(_items_from_table(node, ctx))
            continue
        for entry in entries([node]):
            if entry.label and entry.bold and not entry.value:
                continue  # a group header such as '**Short-term:**'
            ctx.draft.recommendations.append(_item_from_entry(entry))


def extract_references(view: View, ctx: Context) -> None:
    seen = {ref.url for ref in ctx.draft.references}
    for node in view.nodes():
        for block in node.walk():
            for link in block.inline.links:
                if link.href in seen:
                    continue
                seen.add(link.href)
                title = link.text if link.text and link.text != link.href else None
                ctx.draft.references.append(Reference(url=link.href, title=title, line=block.line))


_ADVISORY = re.compile(r"\badvisor(?:y|ies)\b", re.I)


def advisory_actions(ctx: Context) -> None:
    """An advisory addresses its readers: with no action-items section of its own, the bullet
    list of its mitigations is what readers are asked to do (CISA 'Mitigations', crate advisories).
    """
    draft = ctx.draft
    index = ctx.outline.title_index
    title = ctx.outline.sections[index].heading if index is not None else ""
    front_title = str(ctx.doc.front_matter.get("title", ""))
    about = " ".join((title, front_title, draft.summary or ""))
    if draft.recommendations or not _ADVISORY.search(about):
        return
    for view in ctx.outline.views:
        if view.kind != "response":
            continue
        for entry in entries(view.nodes()):
            if entry.depth >= 1:
                draft.recommendations.append(_item_from_entry(entry))
