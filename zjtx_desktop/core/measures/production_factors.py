"""Measure 8 — 优化生产要素供给: premises, standard factory space and land by tier; no money."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule

TIER_STEPS = ("innovative", "srdi", "little_giant")


@rule("production_factors")
def production_factors(ctx: RuleContext):
    if ctx.tier is None:
        return ctx.result(Status.INSUFFICIENT, "未填写企业称号", missing=[f"填写“{ctx.label('tier')}”"],
                          non_monetary=())
    groups = {"innovative": "innovative_or_above", "srdi": "srdi", "little_giant": "little_giant"}
    support = [ctx.spec.non_monetary_by_tier[step] for step in TIER_STEPS if ctx.tier_in(groups[step])]
    if not support:
        return ctx.result(Status.NOT_ELIGIBLE, "本项面向创新型中小企业及以上", non_monetary=(),
                          missing=["获评创新型中小企业（科技和创新型中小企业）后可获得经营场地支持"])
    return ctx.result(Status.NON_MONETARY, "；".join(support), non_monetary=support)
