"""What every rule needs: the profile, its measure's data, the date, and a result builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from zjtx_desktop.core.money import (
    format_permille,
    format_rate,
    format_yuan_unit,
    percent_to_fraction,
    to_fen,
)
from zjtx_desktop.core.policy import MeasureSpec, Policy, RateSeries
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import MONETARY_KINDS, MeasureResult, Status

RULES: dict[str, Callable[[RuleContext], MeasureResult]] = {}

TIER_GROUP_NAMES = {  # who a measure is for, as the explanation says it
    "innovative_or_above": "创新型中小企业及以上",
    "srdi": "专精特新企业",
    "little_giant": "专精特新“小巨人”企业",
    "key_little_giant": "专精特新重点“小巨人”企业",
}
NEXT_TITLE = {  # the title a firm outside the group would obtain next
    "innovative_or_above": "创新型中小企业（科技和创新型中小企业）",
    "srdi": "专精特新中小企业",
    "little_giant": "专精特新“小巨人”企业",
    "key_little_giant": "专精特新重点“小巨人”企业",
}

yuan = format_yuan_unit
rate = format_rate
permille = format_permille
fraction = percent_to_fraction


def rule(name: str):
    """Register a rule under the name the policy data uses (`rule:` in policy.yaml)."""

    def register(function):
        RULES[name] = function
        return function

    return register


@dataclass(slots=True)
class RuleContext:
    """One evaluation's facts; the evaluator moves `spec` along the measures (a hot path)."""

    profile: Profile
    spec: MeasureSpec
    policy: Policy
    on: date
    rates: dict[str, RateSeries]
    tier: str | None = None
    in_force: bool = True

    def __post_init__(self):
        self.tier = self.profile.get("tier")
        self.in_force = self.policy.in_force(self.on)

    def param(self, name: str) -> Any:
        return self.spec.parameters[name].value

    def tier_in(self, group: str) -> bool:
        return self.tier in self.policy.tiers[group]

    @property
    def is_reserve_firm(self) -> bool:
        """后备 are chosen among 专精特新中小企业: the designation counts only for a firm that is one
        (a firm that has become a 小巨人 is no longer a 后备 firm)."""
        return self.tier_in("srdi_sme") and self.profile.get("reserve_designated") is True

    def no_interest_days(self, start: date) -> str:
        """Why a loan has no subsidised day: it starts after the policy's end or after the evaluation
        date (the same test as every dated event), or it ended before the policy took effect."""
        late = self.not_counted(start, before_start_counts=True)
        return f"放款日{late}" if late else "贷款期限内没有落在本政策有效期内且截至评估日的计息天数，无贴息"

    def paid_period(self, loan: dict) -> tuple[int, str]:
        """The days the interest paid on a loan covers, from its start to its end or, when that is
        later, the evaluation date; and how the working says so. The clauses subsidise interest
        actually paid on the subsidised days only: the interest paid is read as spread evenly over
        these days (a reading), so interest for days before the policy never counts."""
        until = min(loan["end_date"], self.on)
        return (until - loan["start_date"]).days, f"放款日至{until.isoformat()}"

    def interest_period(self, start: date, end: date) -> tuple[date, date]:
        """The part of a loan whose interest may be subsidised: inside the policy's validity and before
        the evaluation date, end exclusive (interest for a day is owed once the day has passed)."""
        first = max(start, self.policy.effective_from)
        last = min(end, self.policy.effective_to + timedelta(days=1), self.on)
        return first, max(first, last)

    def label(self, key: str) -> str:
        return self.profile.label(key)

    def result(
        self,
        status: Status,
        explanation: str,
        *,
        amount: Decimal | None = None,
        computation: tuple[str, ...] | list[str] = (),
        missing: tuple[str, ...] | list[str] = (),
        non_monetary: tuple[str, ...] | list[str] | None = None,
    ) -> MeasureResult:
        spec = self.spec
        return MeasureResult(
            measure=spec.id,
            number=spec.number,
            title=spec.title,
            kind=spec.kind,
            status=status,
            amount=None if amount is None else to_fen(amount),
            explanation=explanation,
            computation=tuple(computation),
            clause=spec.clause,
            clause_ref=spec.clause_ref,
            responsible_units=spec.responsible_units,
            materials=spec.packet_materials,
            missing=tuple(missing),
            readings=spec.readings,
            non_monetary=tuple(spec.non_monetary if non_monetary is None else non_monetary),
            policy_in_force=self.in_force,
        )

    def tier_gate(self, group: str, would_get: str) -> MeasureResult | None:
        """信息不足 when the tier is unknown, 不符合 when it is outside `group`, else None (go on)."""
        who = TIER_GROUP_NAMES[group]
        if self.tier is None:
            return self.result(Status.INSUFFICIENT, f"未填写企业称号，无法判断是否属于{who}",
                               missing=[f"填写“{self.label('tier')}”"], non_monetary=())
        if not self.tier_in(group):
            now = "尚未获评相关称号" if self.tier == "none" else f"目前为{self.profile.display('tier')}"
            return self.result(Status.NOT_ELIGIBLE, f"本项仅面向{who}，企业{now}",
                               missing=[f"获评{NEXT_TITLE[group]}后可申请{would_get}"], non_monetary=())
        return None

    def no_activity(self, gate: str, data_key: str, what: str) -> MeasureResult | None:
        """不符合 when the firm answered the gate question 否, 信息不足 when it neither answered 是 with
        data nor gave data, else None (go on). The 否 wins over data left on the page it hides: the
        evaluator drops that page's data (evaluator.as_answered), and the result names the answer."""
        if self.profile.get(gate) is False:
            question = self.label(gate)
            return self.result(Status.NOT_ELIGIBLE, f"“{question}”答“否”，企业未{what}，本项不适用",
                               missing=[f"如企业实际{what}，请将“{question}”改为“是”并填写相应内容后可申请本项"])
        if self.profile.get(data_key) in (None, []):
            data_label = self.label(data_key)
            cannot = "无法计算" if self.spec.kind in MONETARY_KINDS else "无法判断"
            return self.result(Status.INSUFFICIENT, f"未填写{data_label}，{cannot}",
                               missing=[f"填写“{data_label}”"])
        return None

    def rows_lacking(self, rows: list[dict], key: str, row_name: str, column_label: str,
                     why: str = "无法判断是否在本政策有效期内") -> MeasureResult | None:
        """信息不足 when a row lacks a value the rule needs (by default, the date that tells whether the
        activity falls within the policy's validity)."""
        numbers = [number for number, row in enumerate(rows, start=1) if row.get(key) is None]
        if not numbers:
            return None
        which = "、".join(f"第{number}{row_name}" for number in numbers)
        return self.result(Status.INSUFFICIENT, f"{which}未填写{column_label}，{why}",
                           missing=[f"填写{which}的“{column_label}”"])

    def not_counted(self, day: date, *, before_start_counts: bool = False) -> str:
        """Why an event dated `day` does not count, or '' when it does: every measure asks this one
        question of its dates. An event counts when it lies within the policy's validity (a reading
        each measure states) and has happened by the evaluation date. `before_start_counts` is for a
        standing designation (后备, a cluster's title) obtained earlier and still held: only an event
        after the policy's end, or one still to come, is refused."""
        policy = self.policy
        if day > policy.effective_to or (day < policy.effective_from and not before_start_counts):
            return (f"{day.isoformat()}不在本政策有效期（{policy.effective_from.isoformat()}至"
                    f"{policy.effective_to.isoformat()}）内，不计入（本软件解读）")
        if day > self.on:
            return f"{day.isoformat()}晚于评估日{self.on.isoformat()}，尚未发生，不计入"
        return ""


def settled(exact: Decimal) -> tuple[Decimal, str]:
    """A computed figure as printed: rounded down to the fen, written "= X元" when that is exact and
    "≈ X元（分以下舍去）" when a fraction of a fen was dropped, so every "=" printed is true as printed."""
    amount = to_fen(exact)
    if amount == exact:
        return amount, f"= {yuan(amount)}"
    return amount, f"≈ {yuan(amount)}（分以下舍去）"


def share_up_to(base: Decimal, share: Decimal, ceiling: Decimal, ceiling_name: str) -> tuple[Decimal, list[str]]:
    """`base × share`, capped at `ceiling`, with the working written out: the shape of measures 4, 7a, 7b."""
    computed, shown = settled(base * share)
    lines = [f"{yuan(base)} × {rate(share)} {shown}"]
    if computed > ceiling:
        lines.append(f"超过{ceiling_name}{yuan(ceiling)}，按{yuan(ceiling)}计")
    return min(computed, ceiling), lines


def added_up(amounts) -> str:
    """"a + b = c" for the non-zero lines of a computation (or just "c"), so the total is seen to be
    the sum of the figures printed above it."""
    shown = [amount for amount in amounts if amount]
    total = sum_amounts(shown)
    return f"{' + '.join(yuan(a) for a in shown)} = {yuan(total)}" if len(shown) > 1 else yuan(total)


def days_by_year(first: date, last: date) -> dict[int, int]:
    """The days of [first, last) in each calendar year, for caps that hold per year."""
    days = {}
    while first < last:
        year_end = min(date(first.year + 1, 1, 1), last)
        days[first.year] = (year_end - first).days
        first = year_end
    return days


def sum_amounts(values) -> Decimal:
    return sum(values, Decimal(0))
