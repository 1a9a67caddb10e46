"""What every rule needs: the profile, its measure's data, the date, and a result builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
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
from zjtx_desktop.core.results import MeasureResult, Status

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


class Activity(Enum):
    PRESENT = "present"
    ABSENT = "absent"
    UNKNOWN = "unknown"


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
        """A 小巨人后备 designation counts only for a 专精特新企业 (后备 are chosen among them)."""
        return self.tier_in("srdi") and self.profile.get("reserve_designated") is True

    def label(self, key: str) -> str:
        return self.profile.label(key)

    def activity(self, gate: str, data_key: str) -> Activity:
        """Whether the firm did the thing: data present, or the gate question answered 否, or unknown."""
        data = self.profile.get(data_key)
        if data not in (None, []):
            return Activity.PRESENT
        if self.profile.get(gate) is False:
            return Activity.ABSENT
        return Activity.UNKNOWN

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

    def no_activity(self, activity: Activity, what: str, data_label: str) -> MeasureResult | None:
        """不符合 when the firm said it did not do this, 信息不足 when it has not said, else None."""
        if activity is Activity.ABSENT:
            return self.result(Status.NOT_ELIGIBLE, f"企业未{what}", missing=[f"{what}后可申请本项"])
        if activity is Activity.UNKNOWN:
            return self.result(Status.INSUFFICIENT, f"未填写{data_label}，无法计算",
                               missing=[f"填写“{data_label}”"])
        return None


def share_up_to(base: Decimal, share: Decimal, ceiling: Decimal, ceiling_name: str) -> tuple[Decimal, list[str]]:
    """`base × share`, capped at `ceiling`, with the working written out: the shape of measures 4, 7a, 7b."""
    computed = base * share
    lines = [f"{yuan(base)} × {rate(share)} = {yuan(computed)}"]
    if computed > ceiling:
        lines.append(f"超过{ceiling_name}{yuan(ceiling)}，按{yuan(ceiling)}计")
    return min(computed, ceiling), lines


def sum_amounts(values) -> Decimal:
    return sum(values, Decimal(0))
