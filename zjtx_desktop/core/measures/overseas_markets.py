"""Measure 14 — 支持国外市场开拓: booth fees go to the existing special-fund rules (转其他政策)."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule, sum_amounts, yuan


def _who_qualifies(ctx: RuleContext):
    """小巨人 and 后备 always; other 专精特新企业 only in their first year of applying."""
    if ctx.tier_in("little_giant"):
        return "专精特新“小巨人”企业", None
    gated = ctx.tier_gate("srdi", "境外参展补助")
    if gated:
        return None, gated
    if ctx.is_reserve_firm:
        return "“小巨人”后备企业", None
    first_year = ctx.profile.get("first_year_overseas_application")
    if first_year is None:
        return None, ctx.result(Status.INSUFFICIENT, "非“小巨人”的专精特新企业仅在首年申请时纳入支持",
                                missing=[f"填写“{ctx.label('first_year_overseas_application')}”"])
    if not first_year:
        return None, ctx.result(Status.NOT_ELIGIBLE, "非“小巨人”、非后备的专精特新企业仅在首年申请时纳入支持范围")
    return "首年申请补助的专精特新企业", None


@rule("overseas_exhibitions")
def overseas_exhibitions(ctx: RuleContext):
    who, gated = _who_qualifies(ctx)
    if gated:
        return gated
    absent = ctx.no_activity("has_overseas_exhibitions", "overseas_exhibitions", "赴境外参展")
    if absent:
        return absent
    fairs = ctx.profile.rows("overseas_exhibitions")
    lines, fees = [], []
    for fair in fairs:
        day, fee = fair.get("date"), fair.get("booth_fee")
        head = f"{fair['name']}（{fair.get('country') or '境外'}{'，' + day.isoformat() if day else ''}）"
        planned = day is not None and ctx.on < day <= ctx.policy.effective_to
        late = day is not None and not planned and ctx.not_counted(day)
        if late:
            lines.append(f"{head}：举办日期{late}")
            continue
        fees.append(fee or 0)
        shown = "未填写展位费" if fee is None else f"展位费{yuan(fee)}"
        lines.append(f"{head}：{shown}" + ("（尚未举办，举办后按规定申请，本软件解读）" if planned else ""))
    if not fees:
        return ctx.result(Status.NOT_ELIGIBLE, "没有在本政策有效期内举办的境外展会", computation=lines,
                          missing=["在本政策有效期内赴境外参展后可按相关专项资金政策申请"])
    lines.append(f"展位费合计{yuan(sum_amounts(fees))}，补助标准按{ctx.spec.other_policy}执行，本措施未规定金额")
    return ctx.result(Status.OTHER_POLICY, f"{who}纳入{ctx.spec.other_policy}支持范围", computation=lines)
