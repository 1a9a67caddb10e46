"""How a profile value reads on a printed form: 元 with separators, 年月日 dates, units, tick boxes.

The wizard shows ISO dates and bare numbers; a form handed to an office uses the conventions of
paper forms, so the packets format values here rather than through Profile.display.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from zjtx_desktop.core.money import capitalize_yuan, format_yuan
from zjtx_desktop.core.questions import Field

TICKED, UNTICKED = "■", "□"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def amount_figures(amount: Decimal) -> str:
    return f"¥ {format_yuan(amount)}"


def amount_capital(amount: Decimal) -> str:
    return f"人民币{capitalize_yuan(amount)}"


def form_value(spec: Field, value: Any, *, in_table: bool = False) -> str:
    """A typed value as printed; in a table the unit lives in the column header instead."""
    if value is None:
        return ""
    if spec.type == "money":
        return format_yuan(value) if in_table else f"{format_yuan(value)} 元"
    if spec.type == "percent":
        return f"{value:f}%"
    if spec.type == "date":
        return chinese_date(value)
    if spec.type == "bool":
        return "是" if value else "否"
    if spec.type == "choice":
        return spec.option_label(value)
    if spec.type == "integer" and spec.unit and not in_table:
        return f"{value} {spec.unit}"
    return str(value)


def tick_boxes(spec: Field, value: Any) -> str:
    """□大型　■中型　□小型　□微型: every option, the chosen one ticked, as paper forms print choices."""
    return "　".join(f"{TICKED if option.value == value else UNTICKED}{option.label}" for option in spec.options)


def column_header(spec: Field) -> str:
    unit = "元" if spec.type == "money" else spec.unit
    return f"{spec.label}（{unit}）" if unit else spec.label
