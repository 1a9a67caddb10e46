"""Measure 4 — 创新联合研发方式: 10% of a joint lab's new R&D equipment from non-fiscal funds."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rate, rule, share_up_to, yuan


@rule("joint_lab_subsidy")
def joint_lab_subsidy(ctx: RuleContext):
    share, ceiling = ctx.param("subsidy_rate"), ctx.param("max_subsidy")
    gated = ctx.tier_gate("srdi", f"联合实验室新增研发设备投入{rate(share)}的补助")
    if gated:
        return gated
    absent = ctx.no_activity("has_joint_lab", "joint_lab_nonfiscal_equipment", "与高校、科研院所共建联合实验室")
    if absent:
        return absent
    partner, kind = ctx.profile.get("joint_lab_partner"), ctx.profile.get("joint_lab_partner_type")
    if not partner or kind is None:
        lacking = [key for key, value in (("joint_lab_partner", partner), ("joint_lab_partner_type", kind)) if not value]
        return ctx.result(Status.INSUFFICIENT, "联合实验室须与高校或科研院所共建，未填写合作单位或其类型",
                          missing=[f"填写“{ctx.label(key)}”" for key in lacking])
    if kind not in ctx.param("partner_types"):
        return ctx.result(Status.NOT_ELIGIBLE, f"合作单位{partner}为{ctx.profile.display('joint_lab_partner_type')}，"
                          "本项只支持与高校、科研院所共建的联合实验室",
                          missing=["与高校或科研院所共建联合实验室后可申请"])
    invested = ctx.profile.get("joint_lab_nonfiscal_equipment")
    if invested <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "没有新增研发设备（含软件）的非财政资金投入",
                          missing=["有新增研发设备（含软件）非财政资金投入后可申请"])
    amount, lines = share_up_to(invested, share, ceiling, "最高")
    return ctx.result(Status.ELIGIBLE,
                      f"与{ctx.profile.get('joint_lab_partner')}共建联合实验室，最高可申请{yuan(amount)}",
                      amount=amount, computation=lines)
