"""Profile + evaluation → the exact strings each section of a packet prints. Pure: no reportlab.

Everything a page shows is decided here, so it can be tested without drawing, and the layout
modules only place what they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation, MeasureResult, Status
from zjtx_desktop.packets.display import (
    amount_capital,
    amount_figures,
    chinese_date,
    column_header,
    form_value,
    tick_boxes,
)
from zjtx_desktop.packets.forms import FormField, FormGroup, FormTable, PacketForm

OTHER_POLICY_AMOUNT = "按相关政策核定，见计算说明"
OTHER_POLICY_COMPUTED = "按相关政策核定，以责任单位审核为准"
PACKET_STATUSES = frozenset({Status.ELIGIBLE, Status.OTHER_POLICY})
PACKET_KINDS = frozenset({"grant", "interest_subsidy", "other_policy"})


def applicable_measures(evaluation: Evaluation, *, allow_expired: bool = False) -> list[str]:
    """Sub-items the firm can hand a packet in for: money it may get, or a fund another policy pays.

    Financing (measure 11) is a bank's decision, not an application, so it gets no packet; nor does
    anything under a policy not in force on the evaluation date (the report says why) — unless the
    user has explicitly chosen to apply, after the policy's end, for what happened while it was in
    force: then each sub-item that would be 符合 (now 不在有效期, with its reference amount) applies.
    """
    if not evaluation.policy_in_force:
        if not allow_expired:
            return []
        return [r.measure for r in evaluation.results
                if r.status is Status.OUT_OF_FORCE and r.kind in PACKET_KINDS and r.reference_amount is not None]
    return [r.measure for r in evaluation.results if r.status in PACKET_STATUSES and r.kind in PACKET_KINDS]


def claimed_amount(result: MeasureResult) -> Decimal | None:
    """What the packet asks for: the ceiling, or for a sub-item applied for after the policy's end
    (only ever built on the user's explicit choice) the figure the evaluation kept for reference."""
    return result.amount if result.amount is not None else result.reference_amount


@dataclass(frozen=True)
class Entry:
    """A label and what is printed beside it; value None is a blank left for ink."""

    label: str
    value: str | None
    full: bool = False
    choices: tuple[tuple[str, bool], ...] = ()  # a choice printed as tick boxes: (option, chosen)
    numeric: bool = False  # an amount: right-aligned in its box


@dataclass(frozen=True)
class TableBlock:
    title: str
    headers: tuple[str, ...]
    types: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Group:
    title: str
    entries: tuple[Entry, ...]
    tables: tuple[TableBlock, ...]


@dataclass(frozen=True)
class PacketContext:
    measure: str
    title: str
    form_title: str
    on: date
    firm_name: str
    uscc: str
    legal_representative: str
    measure_title: str
    status: str
    explanation: str
    clause_ref: str
    clause: str
    policy: str
    policy_basis: str
    responsible_units: str
    amount_figures: str
    amount_capital: str
    evaluated_on: str
    validity_note: str
    reading_notice: str
    computation: tuple[str, ...]
    readings: tuple[str, ...]
    materials: tuple[str, ...]
    sections: tuple[str, ...]
    cover_ink: tuple[str, ...]
    groups: tuple[Group, ...]
    signature: tuple[str, ...]
    pledge_signature: tuple[str, ...]
    addressees: str
    computation_amount: str
    checklist: tuple[str, ...]
    expired_note: str = ""


def packet_title(result: MeasureResult) -> str:
    return f"{result.title}申请材料"


def measure_title(result: MeasureResult) -> str:
    """技术创新基金贴息（条款二（二）3）: the policy's own reference, not this software's code (3a)."""
    return f"{result.title}（条款{result.clause_ref}）"


def evaluation_values(evaluation: Evaluation, result: MeasureResult) -> dict[str, str]:
    """The values forms/packets/ may print with `value:` (forms.EVALUATION_VALUES names them)."""
    amount = claimed_amount(result)
    return {
        "measure_title": measure_title(result),
        "policy_basis": f"{evaluation.document_number}《{evaluation.policy_title}》{result.clause_ref}",
        "responsible_units": "、".join(result.responsible_units),
        "amount_figures": OTHER_POLICY_AMOUNT if amount is None else amount_figures(amount),
        "amount_capital": OTHER_POLICY_AMOUNT if amount is None else amount_capital(amount),
        "evaluated_on": chinese_date(evaluation.on),
    }


def _entry(profile: Profile, entry: FormField, values: dict[str, str]) -> Entry:
    if entry.is_ink:
        return Entry(entry.label, None, entry.full)
    if entry.value is not None:
        return Entry(entry.label, values[entry.value], entry.full, numeric=entry.value == "amount_figures")
    key = entry.key if profile.get(entry.key) is not None else entry.fallback
    spec = profile.questions.field(key)
    if entry.boxes:
        choices = tuple((option.label, option.value == profile.get(key)) for option in spec.options)
        return Entry(entry.label, tick_boxes(spec, profile.get(key)), entry.full, choices)
    return Entry(entry.label, form_value(spec, profile.get(key)), entry.full, numeric=spec.type == "money")


def _table(profile: Profile, table: FormTable) -> TableBlock:
    spec = profile.questions.field(table.key)
    columns = [spec.column(key) for key in table.columns]
    rows = profile.rows(table.key)
    printed = tuple(tuple(form_value(c, row.get(c.key), in_table=True) for c in columns) for row in rows)
    total = None
    if table.totals:
        sums = {key: sum((row[key] for row in rows), Decimal(0)) for key in table.totals}
        total = tuple(form_value(c, sums[c.key], in_table=True) if c.key in sums else "" for c in columns)
    return TableBlock(table.title, tuple(column_header(c) for c in columns), tuple(c.type for c in columns),
                      printed, total)


def _group(profile: Profile, group: FormGroup, values: dict[str, str], on: date) -> Group:
    return Group(group.title.format(last_year=on.year - 1), tuple(_entry(profile, e, values) for e in group.fields),
                 tuple(_table(profile, t) for t in group.tables))


def _computation_amount(result: MeasureResult) -> str:
    amount = claimed_amount(result)
    return OTHER_POLICY_COMPUTED if amount is None else f"{amount_figures(amount)}（{amount_capital(amount)}）"


def expired_note(policy_end: date, *, dates_checked: bool = True) -> str:
    """The cover's sentence when a packet is built, on the user's choice, after the policy's end. Where
    the form's facts carry no date the evaluator could check (forms/packets: `undated: true`), the
    sentence says so instead of vouching for it."""
    if not dates_checked:
        return (f"本政策有效期至{policy_end.isoformat()}；本项申报的事项须发生在政策有效期内，"
                "本软件无法核对其日期，请申报单位核实后再签章。")
    return f"本政策有效期至{policy_end.isoformat()}；申报的事项发生在政策有效期内。"


def packet_context(profile: Profile, evaluation: Evaluation, form: PacketForm, *,
                   policy_end: date | None = None) -> PacketContext:
    """Assumes check.missing_items found nothing: every field the form names is filled.

    `policy_end` is given only when the user chose to apply after the policy's end date.
    """
    result = evaluation.result(form.measure)
    values = evaluation_values(evaluation, result)
    expired = expired_note(policy_end, dates_checked=not form.undated) if policy_end else ""
    return PacketContext(
        measure=result.measure, title=packet_title(result), form_title=f"{result.title}申请表", on=evaluation.on,
        firm_name=profile.get("company_name"),
        uscc=profile.get("uscc"), legal_representative=profile.get("legal_representative") or "",
        measure_title=values["measure_title"], status=str(result.status),
        explanation=result.explanation,
        clause_ref=result.clause_ref, clause=result.clause,
        policy=f"{evaluation.document_number}《{evaluation.policy_title}》", policy_basis=values["policy_basis"],
        responsible_units=values["responsible_units"], amount_figures=values["amount_figures"],
        amount_capital=values["amount_capital"], evaluated_on=values["evaluated_on"],
        validity_note=expired or evaluation.validity_note,
        reading_notice=evaluation.reading_notice,
        computation=result.computation,
        readings=result.readings if result.status is not Status.NOT_ELIGIBLE else (),
        materials=result.materials, sections=form.sections, cover_ink=form.cover_ink,
        groups=tuple(_group(profile, g, values, evaluation.on) for g in form.groups),
        signature=form.signature, pledge_signature=form.pledge_signature,
        addressees="、".join(form.offices.addressees(result.responsible_units, profile.get("district"))),
        computation_amount=_computation_amount(result), checklist=(*form.checklist_first, *result.materials),
        expired_note=expired,
    )
