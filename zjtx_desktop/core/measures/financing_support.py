"""Measure 11 — 加大企业融资支持: up to a ceiling of financing (a loan facility, not a grant)."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule, yuan


@rule("financing_support")
def financing_support(ctx: RuleContext):
    ceiling = ctx.param("max_financing")
    gated = ctx.tier_gate("srdi", f"最高{yuan(ceiling)}的融资支持")
    if gated:
        return gated
    return ctx.result(
        Status.ELIGIBLE,
        f"科技创新专项增信子基金融资支持（融资，非补助），符合授信条件的最高{yuan(ceiling)}，暂免增信服务费",
        amount=ceiling,
        computation=[f"融资额度上限 {yuan(ceiling)}；须符合授信条件，由金融机构审批，属于融资而非无偿补助，不计入补助合计"],
    )
