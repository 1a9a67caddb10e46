"""Measure 7 — 开展数字化赋能行动: 7a digital upgrade, 7b management consulting, 7c digital training."""

from decimal import Decimal

from zjtx_desktop.core.measures.common import (
    RuleContext,
    Status,
    added_up,
    rate,
    rule,
    share_up_to,
    sum_amounts,
    yuan,
)


def _level_name(ctx: RuleContext, level) -> str:
    """Level names come from the question's options (一级…四级), not from code."""
    return ctx.profile.questions.field("digital_level_after").option_label(level)


def _digital_upgrade_gate(ctx: RuleContext):
    """7a is for 小巨人 and 小巨人后备 firms only (a 后备 firm is a 专精特新中小企业)."""
    if ctx.tier_in("little_giant") or ctx.is_reserve_firm:
        return None
    if ctx.tier is not None and not ctx.tier_in("srdi"):
        return ctx.tier_gate("srdi", "数字化改造补助")
    if ctx.tier is None or ctx.profile.get("reserve_designated") is None:
        return ctx.result(Status.INSUFFICIENT, "需确认企业是否为“小巨人”或“小巨人”后备企业",
                          missing=[f"填写“{ctx.label('tier')}”和“{ctx.label('reserve_designated')}”"])
    return ctx.result(Status.NOT_ELIGIBLE, "本项仅面向专精特新“小巨人”企业和“小巨人”后备企业",
                      missing=["获评“小巨人”或被列为“小巨人”后备企业后可申请"])


@rule("digital_upgrade_subsidy")
def digital_upgrade_subsidy(ctx: RuleContext):
    share, ceiling, min_level = ctx.param("subsidy_rate"), ctx.param("max_subsidy"), ctx.param("min_digital_level")
    gated = _digital_upgrade_gate(ctx)
    if gated:
        return gated
    absent = ctx.no_activity("has_digital_upgrade", "digital_investment", "购买软件、网关、路由等开展数字化改造")
    if absent:
        return absent
    invested = ctx.profile.get("digital_investment")
    if invested <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "数字化改造没有实际投入资金",
                          missing=["有数字化改造实际投入后可申请"])
    amount, lines = share_up_to(invested, share, ceiling, "单家企业最高")
    level = ctx.profile.get("digital_level_after")
    required = _level_name(ctx, int(min_level))
    if level is None or level == 0:  # 0 is 尚未评测: not a failed level, an assessment still to do
        return ctx.result(Status.INSUFFICIENT, f"改造后数字化水平须达到{required}以上，尚未填写评测等级或尚未评测",
                          computation=lines, missing=[f"完成数字化水平评测后填写“{ctx.label('digital_level_after')}”"])
    if level < min_level:
        now = _level_name(ctx, level)
        return ctx.result(Status.NOT_ELIGIBLE, f"改造后数字化水平为“{now}”，未达到{required}",
                          computation=lines,
                          missing=[f"数字化水平达到{required}后可申请，最高可获{yuan(amount)}"])
    assessed = ctx.profile.get("digital_assessment_date")
    if assessed is None:
        return ctx.result(Status.INSUFFICIENT, "未填写数字化水平评测日期，无法判断是否在本政策有效期内",
                          computation=lines, missing=[f"填写“{ctx.label('digital_assessment_date')}”"])
    outside = ctx.not_counted(assessed)
    if outside:
        return ctx.result(Status.NOT_ELIGIBLE, f"数字化水平评测日期{outside}", computation=lines,
                          missing=["在本政策有效期内完成改造并评测后可申请"])
    lines.append(f"改造后数字化水平{_level_name(ctx, level)}（{assessed.isoformat()}评测），达到{required}以上")
    return ctx.result(Status.ELIGIBLE, f"数字化改造补助，最高可申请{yuan(amount)}", amount=amount, computation=lines)


@rule("consulting_subsidy")
def consulting_subsidy(ctx: RuleContext):
    share, ceiling = ctx.param("subsidy_rate"), ctx.param("max_per_year")
    gated = ctx.tier_gate("srdi", f"管理咨询费用{rate(share)}的补助")
    if gated:
        return gated
    absent = ctx.no_activity("has_consulting", "consulting_fees_paid", "购买管理咨询专业化服务")
    if absent:
        return absent
    paid = ctx.profile.get("consulting_fees_paid")
    if paid <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "管理咨询没有实际发生费用", missing=["实际支付咨询费用后可申请"])
    received = ctx.profile.get("consulting_subsidy_received_this_year") or Decimal(0)
    room = max(ceiling - received, Decimal(0))
    if received and room == 0:
        return ctx.result(Status.NOT_ELIGIBLE, f"本年度已获本项补助{yuan(received)}，已达每家企业每年最高{yuan(ceiling)}",
                          missing=["下一年度可再申请"])
    name = f"每家企业每年最高{yuan(ceiling)}减去本年度已获{yuan(received)}后的" if received else "每家企业每年最高"
    amount, lines = share_up_to(paid, share, room, name)
    return ctx.result(Status.ELIGIBLE, f"管理咨询补助，最高可申请{yuan(amount)}", amount=amount, computation=lines)


@rule("digital_training_subsidy")
def digital_training_subsidy(ctx: RuleContext):
    per_day = ctx.param("max_per_person_day")
    gated = ctx.tier_gate("srdi", f"每人每天最高{yuan(per_day)}的培训补贴")
    if gated:
        return gated
    absent = ctx.no_activity("has_training", "trainings", "参加数字化转型升级技能培训")
    if absent:
        return absent
    courses = ctx.profile.rows("trainings")
    undated = ctx.rows_lacking(courses, "start_date", "门课程", "开课日期")
    if undated:
        return undated
    lines, amounts = [], []
    for course in courses:
        head = f"《{course['course']}》（{course['organiser']}）"
        outside = ctx.not_counted(course["start_date"])
        if outside:
            lines.append(f"{head}：开课日期{outside}")
            continue
        by_days = per_day * course["person_days"]
        amount = min(by_days, course["fee_paid"])
        amounts.append(amount)
        note = "（不超过实际支付的培训费）" if by_days > course["fee_paid"] else ""
        lines.append(f"{head}：{course['person_days']}人天 × {yuan(per_day)}"
                     f" = {yuan(by_days)}，实付{yuan(course['fee_paid'])}，取{yuan(amount)}{note}")
    total = sum_amounts(amounts)
    if total <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "没有在本政策有效期内、截至评估日已开课且有参训人天和实际费用的培训", computation=lines)
    lines.append(f"合计最高可申请：{added_up(amounts)}")
    return ctx.result(Status.ELIGIBLE, f"数字化培训补贴，最高可申请{yuan(total)}（可能拨付给培训组织单位）",
                      amount=total, computation=lines)
