"""Evaluation → the strings of the summary report: every sub-item, the total, the other support.

Pure, like context.py: the report's layout module only places what this gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.results import Evaluation, MeasureResult, Status
from zjtx_desktop.packets.context import applicable_measures, packet_title
from zjtx_desktop.packets.display import amount_capital, amount_figures, chinese_date
from zjtx_desktop.packets.naming import SUMMARY_NAME

SHOWS_READINGS = frozenset({Status.ELIGIBLE, Status.OTHER_POLICY, Status.INSUFFICIENT, Status.OUT_OF_FORCE})
REFERENCE_NOTE = "仅供参考，不计入合计"  # why (the policy's dates) is said once, at the top of the report


@dataclass(frozen=True)
class SummaryRow:
    """One sub-item: its heading cells, then the lines under it (each printed as a row of its own)."""

    measure: str
    title: str
    status: str
    amount: str
    reasons: tuple[str, ...]
    to_qualify: tuple[str, ...]
    readings: tuple[str, ...]
    reference: str | None = None

    @property
    def lines(self) -> tuple[str, ...]:
        """理由, then the computation (·), the reference figure, what would make it apply (→), readings."""
        first, *working = self.reasons
        reference = (f"参考金额 {self.reference}（{REFERENCE_NOTE}）",) if self.reference else ()
        return (first, *(f"· {line}" for line in working), *reference, *(f"→ {need}" for need in self.to_qualify),
                *(f"【解读】{reading}" for reading in self.readings))


@dataclass(frozen=True)
class SupportRow:
    measure: str
    title: str
    items: tuple[str, ...]
    units: str


@dataclass(frozen=True)
class SummaryContext:
    title: str
    on: date
    firm_name: str
    uscc: str
    evaluated_on: str
    policy: str
    validity_note: str
    reading_notice: str
    rows: tuple[SummaryRow, ...]
    total_figures: str
    total_capital: str
    packets: tuple[str, ...]
    support: tuple[SupportRow, ...]
    total_note: str = ""


def _amount(result: MeasureResult) -> str:
    if result.amount is None:
        return "—"
    if result.kind == "financing":
        return f"{format_yuan(result.amount)}（融资额度，非补助）"
    return format_yuan(result.amount)


def _row(result: MeasureResult) -> SummaryRow:
    readings = result.readings if result.status in SHOWS_READINGS else ()
    reference = amount_figures(result.reference_amount) if result.reference_amount is not None else None
    return SummaryRow(result.measure, result.title, str(result.status), _amount(result),
                      (result.explanation, *result.computation), result.missing, readings, reference)


def summary_context(evaluation: Evaluation, firm_name: str, uscc: str) -> SummaryContext:
    packets = tuple(f"{m} {packet_title(evaluation.result(m))}" for m in applicable_measures(evaluation))
    support = tuple(SupportRow(r.measure, r.title, r.non_monetary, "、".join(r.responsible_units))
                    for r in evaluation.results if r.non_monetary)
    return SummaryContext(
        title=SUMMARY_NAME, on=evaluation.on, firm_name=firm_name, uscc=uscc, evaluated_on=chinese_date(evaluation.on),
        policy=f"{evaluation.document_number}《{evaluation.policy_title}》", validity_note=evaluation.validity_note,
        reading_notice=evaluation.reading_notice, rows=tuple(_row(r) for r in evaluation.results),
        total_figures=amount_figures(evaluation.total), total_capital=amount_capital(evaluation.total),
        packets=packets, support=support,
        total_note=("合计不含“不在有效期”各项的参考金额。"
                    if any(r.reference_amount is not None for r in evaluation.results) else ""),
    )
