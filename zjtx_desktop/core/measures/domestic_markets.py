"""Measure 15 — 支持国内市场开拓: 40% of the premium within a 7‰ rate, per credit-insurance policy."""

from zjtx_desktop.core.measures.common import (
    RuleContext,
    Status,
    added_up,
    permille,
    rate,
    rule,
    settled,
    sum_amounts,
    yuan,
)


@rule("credit_insurance_subsidy")
def credit_insurance_subsidy(ctx: RuleContext):
    ceiling_rate, share, ceiling = ctx.param("rate_ceiling"), ctx.param("subsidy_share"), ctx.param("max_per_company")
    gated = ctx.tier_gate("srdi", "国内贸易信用保险保费补贴")
    if gated:
        return gated
    absent = ctx.no_activity("has_credit_insurance", "credit_insurance_policies", "投保国内贸易信用保险")
    if absent:
        return absent
    policies = ctx.profile.rows("credit_insurance_policies")
    undated = ctx.rows_lacking(policies, "start_date", "张保单", "保险起期")
    if undated:
        return undated
    lines, amounts = [], []
    for policy in policies:
        outside = ctx.not_counted(policy["start_date"])
        if outside:
            lines.append(f"保单{policy['policy_no']}：保险起期{outside}")
            continue
        within, within_shown = settled(policy["insured_amount"] * ceiling_rate)
        counted = min(policy["premium_paid"], within)
        amount, shown = settled(counted * share)
        amounts.append(amount)
        lines.append(f"保单{policy['policy_no']}：min（实缴保费{yuan(policy['premium_paid'])}，保险金额"
                     f"{yuan(policy['insured_amount'])} × {permille(ceiling_rate)} {within_shown}）"
                     f" × {rate(share)} {shown}")
    total = sum_amounts(amounts)
    amount = min(total, ceiling)
    if amounts:
        lines.append(f"合计：{added_up(amounts)}"
                     + (f"，超过单家企业最高{yuan(ceiling)}，按{yuan(ceiling)}计" if total > ceiling else ""))
    if amount <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "没有在本政策有效期内、截至评估日已起保且有实缴保费的保单", computation=lines)
    return ctx.result(Status.ELIGIBLE, f"国内贸易信用保险保费补贴，最高可申请{yuan(amount)}",
                      amount=amount, computation=lines)
