"""Measure 9 — 强化人才培育支持: B/C-class talent status for executives of (重点)小巨人; no money."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule


@rule("talent_cultivation")
def talent_cultivation(ctx: RuleContext):
    gated = ctx.tier_gate("srdi", "人才培育支持")
    if gated:
        return gated
    by_tier = ctx.spec.non_monetary_by_tier
    if ctx.tier_in("key_little_giant"):
        support = [by_tier["key_little_giant"], by_tier["srdi"]]
    elif ctx.tier_in("little_giant"):
        support = [by_tier["little_giant"], by_tier["srdi"]]
    else:
        support = [by_tier["srdi"]]
    executives = ctx.profile.get("core_tech_executives")
    missing = []
    if ctx.tier_in("little_giant") and executives is None:
        missing.append(f"填写“{ctx.label('core_tech_executives')}”，以便准备高层次人才认定材料")
    elif ctx.tier_in("little_giant"):
        support[0] += f"（企业填报核心技术高管{executives}人）"
    return ctx.result(Status.NON_MONETARY, support[0], non_monetary=support, missing=missing)
