"""docs/models.md, generated from the models' field descriptions (a test keeps it current).

python -m incidentparse.output.modeldoc > docs/models.md
"""

from __future__ import annotations

import sys
import types
import typing
from typing import Any

from pydantic import BaseModel

from .. import models
from ..models import SCHEMA_VERSION, IncidentReport

INTRO = f"""# The output models (schema {SCHEMA_VERSION})

Generated from `incidentparse/models.py` by `python -m incidentparse.output.modeldoc`; do not
edit by hand. Every model is a frozen pydantic v2 model with `extra="forbid"`. In JSON, dates
are ISO strings (`2026-04-03`), instants ISO datetimes in UTC, tuples arrays. `line` and
`column` are 1-based positions in the input after BOM removal, with CRLF counted as one line
break. Absent is `null` or `[]`; an author's `N/A` is kept with `applicable: false` and its
`reason`. The JSON Schema is `incidentparse schema`.
"""


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " or ".join("null" if a is type(None) else _type_name(a) for a in args)
    if origin is tuple:
        return f"list[{_type_name(args[0])}]"
    if origin is dict:
        return "object"
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type):
        return {"str": "str", "int": "int", "float": "float", "bool": "bool"}.get(
            annotation.__name__, annotation.__name__
        )
    return str(annotation)


def _models() -> list[type[BaseModel]]:
    found = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, models.Model) and value is not models.Model
    ]
    found.remove(IncidentReport)
    return [IncidentReport, *found]


def render() -> str:
    parts = [INTRO]
    for model in _models():
        parts.append(f"\n## {model.__name__}\n\n{(model.__doc__ or '').strip()}\n")
        parts.append("\n| key | type | meaning |\n| --- | --- | --- |\n")
        for name, info in model.model_fields.items():
            kind = _type_name(info.annotation).replace("|", "\\|")
            parts.append(f"| `{name}` | {kind} | {info.description or ''} |\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render())
