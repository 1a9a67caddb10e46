"""Measure 10 — 打破人才评定限制: professional titles without degree limits; no money."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule


@rule("talent_titles")
def talent_titles(ctx: RuleContext):
    gated = ctx.tier_gate("srdi", "职称申报便利")
    if gated:
        return gated
    engineers = ctx.profile.get("outstanding_engineers")
    flexible = ctx.profile.get("flexible_talents")
    years, months = ctx.param("flexible_min_agreement_years"), ctx.param("flexible_min_months_in_city")
    facts = []
    if engineers:
        facts.append(f"优秀工程技术人才{engineers}人可直接申报工程技术系列高级职称")
    if flexible:
        facts.append(f"柔性引进人才{flexible}人（协议{years}年以上、每年在厦不少于{months}个月）可申报职称评审")
    explanation = "；".join(facts) if facts else "企业的优秀工程技术人才和柔性引进人才可享受职称申报便利"
    return ctx.result(Status.NON_MONETARY, explanation)
