"""Measure 12 — 鼓励企业上市融资: listing cultivation and the 专精特新 board; no money."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule


@rule("listing_support")
def listing_support(ctx: RuleContext):
    gated = ctx.tier_gate("srdi", "上市培育和挂牌绿色通道")
    if gated:
        return gated
    return ctx.result(Status.NON_MONETARY, "可申请上市培育、“专精特新”专板挂牌和全国股转公司绿色通道")
