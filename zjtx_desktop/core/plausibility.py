"""Values each valid alone that together look like a slip of the keyboard: warnings, never errors.

The usual slip is one amount typed in 万元 beside others in 元: 研发费用 above the whole 营业收入, or
interest paid on a loan above what its amount, rate and term could ever cost. The wizard shows these
beside the field as the user types; the CLI and the Excel import print them (profile.parse_profile).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from zjtx_desktop.core.money import format_yuan, percent_to_fraction
from zjtx_desktop.core.profile import Issue
from zjtx_desktop.core.questions import Field, Questions

DAYS_IN_YEAR = Decimal("365.25")  # a calendar year on average: a loan's term in years, for a bound only
LOAN_COLUMNS = frozenset({"principal", "annual_rate", "interest_paid"})


def _rd_above_revenue(values: Mapping[str, Any], questions: Questions) -> list[Issue]:
    revenue, rd_expense = values.get("revenue"), values.get("rd_expense")
    if revenue is None or rd_expense is None or rd_expense <= revenue:
        return []
    spec = questions.field("rd_expense")
    return [Issue(spec.key, spec.label, f"研发费用 {format_yuan(rd_expense)} 元高于营业收入 {format_yuan(revenue)} 元。"
                                        "是否其中一项按万元填写了？请对照报表核对（金额单位均为元）")]


def most_interest(row: Mapping[str, Any]) -> Decimal:
    """All the interest a loan can cost: amount × yearly rate × its term in years (at least one)."""
    start, end = row.get("start_date"), row.get("end_date")
    years = Decimal(1)
    if isinstance(start, date) and isinstance(end, date) and end > start:
        years = max(years, Decimal((end - start).days) / DAYS_IN_YEAR)
    return row["principal"] * percent_to_fraction(row["annual_rate"]) * years


def _interest_above_possible(spec: Field, rows: list) -> list[Issue]:
    issues = []
    for number, row in enumerate(rows, start=1):
        if any(row.get(key) is None for key in LOAN_COLUMNS):
            continue
        ceiling = most_interest(row)
        if row["interest_paid"] > ceiling:
            issues.append(Issue(spec.key, spec.label,
                                f"“已付利息”{format_yuan(row['interest_paid'])} 元高于按贷款金额、年利率和期限算出的"
                                f"全部利息约 {format_yuan(ceiling)} 元。请核对利息或贷款金额是否多写、少写了一位，"
                                "或按万元填写了", number, "interest_paid"))
    return issues


def implausible(values: Mapping[str, Any], questions: Questions) -> list[Issue]:
    """Every cross-field warning for typed values (a whole profile, or one wizard page's)."""
    issues = _rd_above_revenue(values, questions) if questions.has_field("rd_expense") else []
    for spec in questions.fields:
        if spec.type == "table" and {column.key for column in spec.columns} >= LOAN_COLUMNS:
            issues += _interest_above_possible(spec, values.get(spec.key) or [])
    return issues
