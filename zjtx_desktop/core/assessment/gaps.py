"""The gap line under a criterion that is not met: how far off, and, where it can be said, what it
takes in money ("研发费用占比2.4% → 需3%：按上年营业收入测算约需再增加研发投入36万元")."""

from __future__ import annotations

from decimal import Decimal

from zjtx_desktop.core.assessment.display import number, of_percent, percent, wan, wan_needed
from zjtx_desktop.core.assessment.measures import Measure, show
from zjtx_desktop.core.profile import Profile


def _rd_ratio(profile: Profile, value: Decimal, threshold: Decimal) -> str:
    needed = of_percent(Decimal(profile.get("revenue")), threshold) - Decimal(profile.get("rd_expense"))
    return (f"研发费用占比{percent(value)} → 需{percent(threshold)}：按上年营业收入测算，"
            f"约需再增加研发投入{wan_needed(needed)}")


def _main_business_share(profile: Profile, value: Decimal, threshold: Decimal) -> str:
    """Main-business revenue is part of revenue: raising it raises both, so solve for the share."""
    main = Decimal(profile.get("main_business_revenue"))
    other = Decimal(profile.get("revenue")) - main
    share = of_percent(Decimal(1), threshold)
    text = f"主营业务收入占比{percent(value)} → 需{percent(threshold)}"
    if share >= 1:
        return text
    needed = share * other / (1 - share) - main
    return f"{text}：其他业务收入不变时，主营业务收入约需增加{wan_needed(needed)}"


SPECIAL = {"rd_ratio": _rd_ratio, "main_business_share": _main_business_share}


def shortfall(measure: Measure, profile: Profile, value: Decimal, threshold: Decimal, *, floor: bool) -> str:
    """The gap between a value and the threshold it misses (`floor`: must reach it; else must not pass it)."""
    if floor and measure.name in SPECIAL:
        return SPECIAL[measure.name](profile, value, threshold)
    shown = f"{measure.title} {show(measure.kind, value, up=not floor)}"
    limit = f"需{'不低于' if floor else '不高于'}{show(measure.kind, threshold)}"
    difference = abs(threshold - value)
    if measure.kind == "money":
        return f"{shown} → {limit}：还差{wan_needed(difference)}" if floor else f"{shown} → {limit}：需减少{wan(difference)}"
    if measure.kind == "percent":
        verb = "还差" if floor else "需降低"
        return f"{shown} → {limit}：{verb}{percent(difference, up=True).removesuffix('%')}个百分点"
    if measure.kind == "rank":
        return f"{shown} → 需进入前{number(threshold)}名"
    verb = "还差" if floor else "需减少"
    return f"{shown} → {limit}：{verb}{show(measure.kind, difference)}"
