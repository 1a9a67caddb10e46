"""Measure 13 — 实施强链补链行动: venue rent for market events held in China."""

from zjtx_desktop.core.measures.common import RuleContext, Status, added_up, rule, sum_amounts, yuan


def _counted(ctx: RuleContext, event: dict) -> str:
    """Why an event does not count, or '' when it does: held in China, within the policy's validity."""
    if event["location_scope"] != "domestic":
        return "在境外举办，本项只支持在国内各地举办的活动"
    outside = ctx.not_counted(event["date"])
    return f"举办日期{outside}" if outside else ""


@rule("venue_rent_subsidy")
def venue_rent_subsidy(ctx: RuleContext):
    ceiling = ctx.param("max_per_company")
    gated = ctx.tier_gate("srdi", f"最高{yuan(ceiling)}的场租补贴")
    if gated:
        return gated
    support = list(ctx.spec.non_monetary)
    if ctx.tier_in("little_giant"):
        support.append(ctx.spec.non_monetary_by_tier["little_giant"])
    absent = ctx.no_activity("has_market_events", "market_events", "在国内举办产品推介会、发布会、订货会或经销商大会")
    if absent:
        return absent
    events = ctx.profile.rows("market_events")
    lacking = (ctx.rows_lacking(events, "location_scope", "个活动", "境内或境外", "无法判断是否在国内举办")
               or ctx.rows_lacking(events, "date", "个活动", "举办日期"))
    if lacking:
        return lacking
    lines, rents = [], []
    for event in events:
        head = f"{event['name']}（{event.get('city') or '国内'}，{event['date'].isoformat()}）"
        excluded = _counted(ctx, event)
        if excluded:
            lines.append(f"{head}：{excluded}，不计入")
            continue
        rents.append(event["rent_paid"])
        lines.append(f"{head}：场租{yuan(event['rent_paid'])}")
    rent = sum_amounts(rents)
    amount = min(rent, ceiling)
    if amount <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "没有在本政策有效期内、截至评估日已在国内举办且实际支付场租的活动",
                          computation=lines, non_monetary=support)
    if rent > ceiling:
        limit = f"受单家企业最高{yuan(ceiling)}的限制"
        lines.append(f"实付场租合计{added_up(rents)}，超过单家企业最高{yuan(ceiling)}，按{yuan(ceiling)}计")
    else:
        limit = "按实付场租计"
        lines.append(f"实付场租合计{added_up(rents)}，未超过单家企业最高{yuan(ceiling)}，按实付场租计")
    return ctx.result(Status.ELIGIBLE, f"国内市场活动场租补贴，最高可申请{yuan(amount)}（{limit}）", amount=amount,
                      computation=lines, non_monetary=support)
