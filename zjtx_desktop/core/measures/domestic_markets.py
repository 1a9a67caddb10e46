"""Measure 15 — 支持国内市场开拓: 40% of the premium within a 7‰ rate, per credit-insurance policy."""

from zjtx_desktop.core.measures.common import RuleContext, Status, permille, rate, rule, sum_amounts, yuan


@rule("credit_insurance_subsidy")
def credit_insurance_subsidy(ctx: RuleContext):
    ceiling_rate, share, ceiling = ctx.param("rate_ceiling"), ctx.param("subsidy_share"), ctx.param("max_per_company")
    gated = ctx.tier_gate("srdi", "国内贸易信用保险保费补贴")
    if gated:
        return gated
    absent = ctx.no_activity(ctx.activity("has_credit_insurance", "credit_insurance_policies"),
                             "投保国内贸易信用保险", ctx.label("credit_insurance_policies"))
    if absent:
        return absent
    lines, amounts = [], []
    for policy in ctx.profile.rows("credit_insurance_policies"):
        within = policy["insured_amount"] * ceiling_rate
        counted = min(policy["premium_paid"], within)
        amount = counted * share
        amounts.append(amount)
        lines.append(f"保单{policy['policy_no']}：min（实缴保费{yuan(policy['premium_paid'])}，保险金额"
                     f"{yuan(policy['insured_amount'])} × {permille(ceiling_rate)} = {yuan(within)}）"
                     f" × {rate(share)} = {yuan(amount)}")
    total = sum_amounts(amounts)
    amount = min(total, ceiling)
    lines.append(f"合计{yuan(total)}" + (f"，超过单家企业最高{yuan(ceiling)}，按{yuan(ceiling)}计" if total > ceiling else ""))
    if amount <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "保单没有实缴保费", computation=lines)
    return ctx.result(Status.ELIGIBLE, f"国内贸易信用保险保费补贴，最高可申请{yuan(amount)}",
                      amount=amount, computation=lines)
