"""Measure 2 — 强化企业发展激励: 2a the 后备企业 award, 2b the first-time 小巨人 award."""

from dataclasses import replace

from zjtx_desktop.core.measures.common import RuleContext, Status, rule, yuan


def _reserve_gate(ctx: RuleContext, ceiling):
    """后备 firms are chosen among 专精特新中小企业: a firm below that tier is told both steps, and a
    小巨人 is no longer a 后备 firm."""
    gated = ctx.tier_gate("srdi", "")
    if gated and gated.status is Status.NOT_ELIGIBLE:
        return replace(gated, missing=(f"获评专精特新中小企业并被列为“小巨人”后备企业后可申请，"
                                       f"按绩效考核结果最高可获{yuan(ceiling)}",))
    if gated:
        return gated
    if not ctx.tier_in("srdi_sme"):
        return ctx.result(Status.NOT_ELIGIBLE, f"本项面向从专精特新中小企业中确定的“小巨人”后备企业；企业已是"
                          f"{ctx.profile.display('tier')}，不再属于后备企业")
    return None


@rule("reserve_incentive")
def reserve_incentive(ctx: RuleContext):
    ceiling = ctx.param("max_award")
    gated = _reserve_gate(ctx, ceiling)
    if gated:
        return gated
    designated = ctx.profile.get("reserve_designated")
    if designated is None:
        return ctx.result(Status.INSUFFICIENT, "未填写是否已被列为“小巨人”后备企业",
                          missing=[f"填写“{ctx.label('reserve_designated')}”"])
    if not designated:
        return ctx.result(Status.NOT_ELIGIBLE, "本项仅面向专精特新“小巨人”后备企业",
                          missing=[f"被列为“小巨人”后备企业后可申请，按绩效考核结果最高可获{yuan(ceiling)}"])
    since = ctx.profile.get("reserve_designated_date")
    late = since and ctx.not_counted(since, before_start_counts=True)  # a 后备 firm named earlier still is one
    if late:
        return ctx.result(Status.NOT_ELIGIBLE, f"列为后备企业的日期{late}")
    return ctx.result(
        Status.ELIGIBLE, f"“小巨人”后备企业按绩效考核结果给予奖励，最高可申请{yuan(ceiling)}",
        amount=ceiling,
        computation=[f"后备企业激励按主营业务、研发创新、知识产权等综合指标的绩效考核结果确定，最高{yuan(ceiling)}",
                     f"最高可申请：{yuan(ceiling)}（实际金额以绩效考核结果为准）"],
    )


def _first_time(ctx: RuleContext):
    """Whether the title was first obtained while the policy is in force (a reading), or a result
    saying why not / what is missing."""
    first_time = ctx.profile.get("little_giant_first_time")
    received = ctx.profile.get("little_giant_award_received")
    granted = ctx.profile.get("tier_granted_date")
    if first_time is False:
        return ctx.result(Status.NOT_ELIGIBLE, "本项仅奖励首次获得“小巨人”称号的企业，企业不是首次获得")
    if received:
        return ctx.result(Status.NOT_ELIGIBLE, "企业已就该“小巨人”称号领取过首次获评奖励，不再重复奖励（本软件解读）")
    if granted is not None and granted < ctx.policy.effective_from:
        return ctx.result(Status.NOT_ELIGIBLE,
                          f"称号认定日期{granted.isoformat()}早于本政策施行日{ctx.policy.effective_from.isoformat()}，"
                          "本政策施行前首次获得的称号不在奖励范围（本软件解读）")
    late = granted and ctx.not_counted(granted)
    if late:
        return ctx.result(Status.NOT_ELIGIBLE, f"称号认定日期{late}")
    lacking = [key for key, value in (("little_giant_first_time", first_time), ("little_giant_award_received", received),
                                      ("tier_granted_date", granted)) if value is None]
    if lacking:
        return ctx.result(Status.INSUFFICIENT, "需确认是否首次获得“小巨人”称号、认定日期和是否已领取过奖励",
                          missing=[f"填写“{ctx.label(key)}”" for key in lacking])
    return None


@rule("first_little_giant_award")
def first_little_giant_award(ctx: RuleContext):
    city, district = ctx.param("city_award"), ctx.param("district_award")
    total = city + district
    gated = ctx.tier_gate("little_giant", f"市、区各{yuan(city)}，合计{yuan(total)}的一次性奖励")
    if gated:
        return gated
    refused = _first_time(ctx)
    if refused:
        return refused
    return ctx.result(
        Status.ELIGIBLE, f"首次获得“小巨人”称号（{ctx.profile.get('tier_granted_date').isoformat()}认定），"
        f"市级、区级各给予一次性奖励{yuan(city)}",
        amount=total,
        computation=[f"市级奖励 {yuan(city)} + 区级奖励 {yuan(district)} = {yuan(total)}",
                     f"区级部分由{ctx.profile.display('district') or '所在区（管委会）'}兑现"],
    )
