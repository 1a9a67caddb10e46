"""Measure 3 — 鼓励实施技术改造: 3a 技术创新基金 interest subsidy, 3b the district equipment subsidy."""

from decimal import Decimal

from zjtx_desktop.core.measures.common import (
    RuleContext,
    Status,
    added_up,
    fraction,
    rate,
    rule,
    settled,
    sum_amounts,
    yuan,
)

PURPOSE_NAMES = {"fixed_asset": "固定资产投资贷款", "rd": "研发创新贷款"}


def _loan_subsidy(ctx: RuleContext, loan: dict, principal: Decimal, head: str, lines: list[str]) -> Decimal:
    """One loan's subsidy: the interest above the firm's fixed cost on the counted days, never more
    than that same share of the interest the firm actually paid."""
    fixed_cost, basis = ctx.param("fixed_financing_cost_rate"), ctx.param("day_count_basis")
    loan_rate = fraction(loan["annual_rate"])
    excess = loan_rate - fixed_cost
    if excess <= 0:
        lines.append(f"{head}：年利率{rate(loan_rate)}不高于企业固定融资成本{rate(fixed_cost)}，无贴息")
        return Decimal(0)
    first, last = ctx.interest_period(loan["start_date"], loan["end_date"])
    days = (last - first).days
    if days == 0:
        lines.append(f"{head}：{ctx.no_interest_days(loan['start_date'])}")
        return Decimal(0)
    subsidy, shown = settled(principal * excess * days / basis)
    lines.append(f"{head}：{yuan(principal)} ×（{rate(loan_rate)} − {rate(fixed_cost)}）× {days}天 ÷ {basis} {shown}"
                 f"（计息期{first.isoformat()}至{last.isoformat()}，不含末日）")
    paid, share = loan["interest_paid"], f"×（{rate(loan_rate)} − {rate(fixed_cost)}）÷ {rate(loan_rate)}"
    covered, span = ctx.paid_period(loan)
    if covered > days:  # part of the interest paid is for days that are not subsidised
        paid_share, paid_shown = settled(paid * days * excess / (covered * loan_rate))
        bound = (f"不超过已付利息{yuan(paid)} × {days}天 ÷ {covered}天 {share} {paid_shown}，按{yuan(paid_share)}计"
                 f"（已付利息按{span}的{covered}天均摊，只计贴息天数的部分）")
    else:
        paid_share, paid_shown = settled(paid * excess / loan_rate)
        bound = f"不超过已付利息{yuan(paid)} {share} {paid_shown}，按{yuan(paid_share)}计"
    if paid_share < subsidy:
        lines.append(f"{head}：{bound}")
        return paid_share
    return subsidy


@rule("tech_fund_interest")
def tech_fund_interest(ctx: RuleContext):
    gated = ctx.tier_gate("srdi", "技术创新基金贷款贴息")
    if gated:
        return gated
    loans = ctx.profile.rows("tech_fund_loans")
    absent = ctx.no_activity("has_tech_fund_loans", "tech_fund_loans", "取得技术创新基金贷款")
    if absent:
        return absent
    unpaid = ctx.rows_lacking(loans, "interest_paid", "笔贷款", "已付利息", "贴息不超过实际支付的利息，无法计算")
    if unpaid:
        return unpaid
    cap_group = "little_giant" if ctx.tier_in("little_giant") else "other_srdi"
    caps = ctx.param("loan_caps")[cap_group]
    lines, subsidies = [], []
    used = {purpose: Decimal(0) for purpose in caps}
    for number, loan in sorted(enumerate(loans, start=1), key=lambda item: item[1]["start_date"]):
        purpose = loan["purpose"]
        principal = min(loan["principal"], max(caps[purpose] - used[purpose], Decimal(0)))
        used[purpose] += principal
        head = f"第{number}笔（{loan['bank']}，{PURPOSE_NAMES[purpose]}）"
        if principal < loan["principal"]:
            lines.append(f"{head}：{PURPOSE_NAMES[purpose]}上限{yuan(caps[purpose])}（同类贷款累计），超出部分"
                         f"{yuan(loan['principal'] - principal)}不予贴息")
        if principal > 0:
            subsidies.append(_loan_subsidy(ctx, loan, principal, head, lines))
    total = sum_amounts(subsidies)
    if total <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, f"所列贷款没有可贴息的利息（利率不高于{rate(ctx.param('fixed_financing_cost_rate'))}"
                          "、超出贷款上限或期限不在政策有效期内）", computation=lines)
    lines.append(f"合计最高可申请贴息：{added_up(subsidies)}")
    return ctx.result(Status.ELIGIBLE, f"技术创新基金贷款财政贴息，企业负担{rate(ctx.param('fixed_financing_cost_rate'))}/年，"
                      f"最高可申请{yuan(total)}", amount=total, computation=lines)


@rule("equipment_subsidy")
def equipment_subsidy(ctx: RuleContext):
    minimum, threshold = ctx.param("min_investment"), ctx.param("other_policy_threshold")
    share = ctx.param("subsidy_rate")
    gated = ctx.tier_gate("srdi", f"不超过设备投入{rate(share)}的补助")
    if gated:
        return gated
    absent = ctx.no_activity("has_equipment_investment", "equipment_investment_last_year", "在上年度实施技术改造设备投入")
    if absent:
        return absent
    year = ctx.on.year - 1
    first, last = ctx.policy.effective_from.year - 1, ctx.policy.effective_to.year
    if not first <= year <= last:
        return ctx.result(
            Status.NOT_ELIGIBLE, f"评估日的上年度是{year}年，本政策只适用于{first}年至{last}年的设备投入"
            f"（有效期内各年度申报上年度的投入，{last}年的投入可在政策到期后按有效期内的事项申报），"
            f"{year}年的设备投入不计入（本软件解读）")
    invested = ctx.profile.get("equipment_investment_last_year")
    seen = f"上年度（{year}年）设备投入 {yuan(invested)}"
    if invested >= threshold:
        return ctx.result(
            Status.OTHER_POLICY, f"上年度设备投入{yuan(threshold)}（含）以上，按{ctx.spec.other_policy}执行",
            computation=[f"{seen} ≥ {yuan(threshold)}，不适用本项，转{ctx.spec.other_policy}"],
        )
    if invested < minimum:
        return ctx.result(
            Status.NOT_ELIGIBLE, f"上年度设备投入不足{yuan(minimum)}",
            computation=[f"{seen} < {yuan(minimum)}"],
            missing=[f"上年度设备投入达到{yuan(minimum)}（不足{yuan(threshold)}）后可申请，补助不超过设备投入的"
                     f"{rate(share)}，即{yuan(minimum * share)}至不足{yuan(threshold * share)}"],
        )
    amount, shown = settled(invested * share)
    return ctx.result(
        Status.ELIGIBLE, f"上年度设备投入在{yuan(minimum)}至{yuan(threshold)}之间，最高可申请{yuan(amount)}",
        amount=amount,
        computation=[f"{yuan(minimum)} ≤ {seen} < {yuan(threshold)}",
                     f"{yuan(invested)} × {rate(share)} {shown}（不超过设备投入的{rate(share)}）"],
    )
