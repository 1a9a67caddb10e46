"""Measure 3 — 鼓励实施技术改造: 3a 技术创新基金 interest subsidy, 3b the district equipment subsidy."""

from datetime import timedelta
from decimal import Decimal

from zjtx_desktop.core.measures.common import (
    RuleContext,
    Status,
    fraction,
    rate,
    rule,
    sum_amounts,
    yuan,
)

PURPOSE_NAMES = {"fixed_asset": "固定资产投资贷款", "rd": "研发创新贷款"}


def _subsidised_days(ctx: RuleContext, start, end) -> int:
    """Days of the loan inside the policy's validity (reading), end date exclusive."""
    first = max(start, ctx.policy.effective_from)
    last = min(end, ctx.policy.effective_to + timedelta(days=1))
    return max((last - first).days, 0)


@rule("tech_fund_interest")
def tech_fund_interest(ctx: RuleContext):
    gated = ctx.tier_gate("srdi", "技术创新基金贷款贴息")
    if gated:
        return gated
    loans = ctx.profile.rows("tech_fund_loans")
    absent = ctx.no_activity(ctx.activity("has_tech_fund_loans", "tech_fund_loans"),
                             "取得技术创新基金贷款", ctx.label("tech_fund_loans"))
    if absent:
        return absent
    cap_group = "little_giant" if ctx.tier_in("little_giant") else "other_srdi"
    caps = ctx.param("loan_caps")[cap_group]
    fixed_cost = ctx.param("fixed_financing_cost_rate")
    basis = ctx.param("day_count_basis")
    lines, subsidies = [], []
    used = {purpose: Decimal(0) for purpose in caps}
    for number, loan in sorted(enumerate(loans, start=1), key=lambda item: item[1]["start_date"]):
        purpose = loan["purpose"]
        room = max(caps[purpose] - used[purpose], Decimal(0))
        principal = min(loan["principal"], room)
        used[purpose] += principal
        head = f"第{number}笔（{loan['bank']}，{PURPOSE_NAMES[purpose]}）"
        if principal < loan["principal"]:
            lines.append(f"{head}：{PURPOSE_NAMES[purpose]}上限{yuan(caps[purpose])}，超出部分"
                         f"{yuan(loan['principal'] - principal)}不予贴息")
        excess = fraction(loan["annual_rate"]) - fixed_cost
        days = _subsidised_days(ctx, loan["start_date"], loan["end_date"])
        if excess <= 0:
            lines.append(f"{head}：年利率{rate(fraction(loan['annual_rate']))}不高于企业固定融资成本{rate(fixed_cost)}，无贴息")
            continue
        subsidy = principal * excess * days / basis
        subsidies.append(subsidy)
        lines.append(f"{head}：{yuan(principal)} ×（{rate(fraction(loan['annual_rate']))} − {rate(fixed_cost)}）"
                     f"× {days}天 ÷ {basis} = {yuan(subsidy)}")
    total = sum_amounts(subsidies)
    if total <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "所列贷款没有可贴息的利息（利率不高于2%或期限不在政策有效期内）",
                          computation=lines)
    lines.append(f"合计最高可申请贴息：{yuan(total)}")
    return ctx.result(Status.ELIGIBLE, f"技术创新基金贷款财政贴息，企业负担{rate(fixed_cost)}/年，最高可申请{yuan(total)}",
                      amount=total, computation=lines)


@rule("equipment_subsidy")
def equipment_subsidy(ctx: RuleContext):
    minimum, threshold = ctx.param("min_investment"), ctx.param("other_policy_threshold")
    share = ctx.param("subsidy_rate")
    gated = ctx.tier_gate("srdi", f"不超过设备投入{rate(share)}的补助")
    if gated:
        return gated
    activity = ctx.activity("has_equipment_investment", "equipment_investment_last_year")
    absent = ctx.no_activity(activity, "在上年度实施技术改造设备投入", ctx.label("equipment_investment_last_year"))
    if absent:
        return absent
    invested = ctx.profile.get("equipment_investment_last_year")
    seen = f"上年度设备投入 {yuan(invested)}"
    if invested >= threshold:
        return ctx.result(
            Status.OTHER_POLICY, f"上年度设备投入{yuan(threshold)}（含）以上，按{ctx.spec.other_policy}执行",
            computation=[f"{seen} ≥ {yuan(threshold)}，不适用本项，转{ctx.spec.other_policy}"],
        )
    if invested < minimum:
        return ctx.result(
            Status.NOT_ELIGIBLE, f"上年度设备投入不足{yuan(minimum)}",
            computation=[f"{seen} < {yuan(minimum)}"],
            missing=[f"上年度设备投入达到{yuan(minimum)}后可申请，最高可获{yuan(minimum * share)}"],
        )
    amount = invested * share
    return ctx.result(
        Status.ELIGIBLE, f"上年度设备投入在{yuan(minimum)}至{yuan(threshold)}之间，最高可申请{yuan(amount)}",
        amount=amount,
        computation=[f"{yuan(minimum)} ≤ {seen} < {yuan(threshold)}",
                     f"{yuan(invested)} × {rate(share)} = {yuan(amount)}（不超过设备投入的{rate(share)}）"],
    )

