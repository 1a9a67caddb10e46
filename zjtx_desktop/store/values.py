"""A typed profile value to and from the JSON text kept in one row of `profile_values`.

Decoding goes by the field's type only, not through validation: a value saved under older, looser
rules still loads, so a change to the question files never hides data a user already entered.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from zjtx_desktop.core.profile import display_value, jsonable_value
from zjtx_desktop.core.questions import Field

DECIMAL_TYPES = frozenset({"money", "percent"})


def encode(value: Any) -> str:
    return json.dumps(jsonable_value(value), ensure_ascii=False, separators=(",", ":"))


def _typed(spec: Field, plain: Any) -> Any:
    if plain is None:
        return None
    if spec.type in DECIMAL_TYPES:
        return Decimal(plain)
    if spec.type == "date":
        return date.fromisoformat(plain)
    if spec.type == "table":
        return [{c.key: _typed(c, row.get(c.key)) for c in spec.columns} for row in plain]
    return plain


def decode(spec: Field, text: str | None) -> Any:
    return None if text is None else _typed(spec, json.loads(text))


def display(spec: Field | None, text: str | None) -> str:
    """A stored value as the history shows it: option labels, 是/否, a table as its row count."""
    if text is None:
        return ""
    if spec is None:  # a field no longer in the question files
        return text
    value = decode(spec, text)
    if spec.type == "table":
        return f"{len(value)}行" if value else ""
    return display_value(spec, value)
