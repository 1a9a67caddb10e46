"""Test helpers for the store: valid codes on demand, the example firms as raw dicts."""

from __future__ import annotations

import json
from pathlib import Path

from stdnum.cn import uscc as stdnum_uscc

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))


def make_uscc(number: int) -> str:
    """A valid 统一社会信用代码 for test firm `number` (the check character computed, not guessed)."""
    base = f"91350200{number:09d}"
    return base + stdnum_uscc.calc_check_digit(base)


def example_raw(index: int = 0) -> dict:
    return json.loads(EXAMPLES[index].read_text(encoding="utf-8"))
