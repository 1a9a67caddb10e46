"""Measure 13 — 实施强链补链行动: venue rent for market events held in China."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule, sum_amounts, yuan


@rule("venue_rent_subsidy")
def venue_rent_subsidy(ctx: RuleContext):
    ceiling = ctx.param("max_per_company")
    gated = ctx.tier_gate("srdi", f"最高{yuan(ceiling)}的场租补贴")
    if gated:
        return gated
    support = list(ctx.spec.non_monetary)
    if ctx.tier_in("little_giant"):
        support.append(ctx.spec.non_monetary_by_tier["little_giant"])
    absent = ctx.no_activity(ctx.activity("has_market_events", "market_events"),
                             "在国内举办产品推介会、发布会、订货会或经销商大会", ctx.label("market_events"))
    if absent:
        return absent
    events = ctx.profile.rows("market_events")
    lines = [f"{event['name']}（{event.get('city') or '国内'}）：场租{yuan(event['rent_paid'])}" for event in events]
    rent = sum_amounts(event["rent_paid"] for event in events)
    amount = min(rent, ceiling)
    lines.append(f"实付场租合计{yuan(rent)}，单家企业最高{yuan(ceiling)}，取{yuan(amount)}（不超过实付场租）")
    if amount <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "没有实际支付的场租", computation=lines, non_monetary=support)
    return ctx.result(Status.ELIGIBLE, f"国内市场活动场租补贴，最高可申请{yuan(amount)}", amount=amount,
                      computation=lines, non_monetary=support)
