"""Measure 1 — 构建梯度培育体系: the tier path and the focus industries; no money."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule


@rule("tier_system")
def tier_system(ctx: RuleContext):
    if ctx.tier is None:
        return ctx.result(Status.INSUFFICIENT, "未填写企业称号，无法判断梯度培育位置",
                          missing=[f"填写“{ctx.label('tier')}”"], non_monetary=())
    if not ctx.tier_in("innovative_or_above"):
        return ctx.result(Status.NOT_ELIGIBLE, "企业尚未进入梯度培育体系",
                          missing=["先申报创新型中小企业（科技和创新型中小企业），进入“创新型—专精特新—小巨人”梯度培育体系"],
                          non_monetary=())
    support = list(ctx.spec.non_monetary)
    focus = ctx.profile.display("focus_industry")
    if ctx.profile.get("focus_industry") and focus in ctx.param("focus_industries"):
        support.append(f"企业所属“{focus}”是本条列明的重点培育领域")
    next_step = ""
    if ctx.tier == "innovative":
        next_step = "下一步可申报专精特新中小企业，享受本措施大部分资金支持"
    elif ctx.tier == "srdi" and not ctx.profile.get("reserve_designated"):
        next_step = "创新能力强、成长性好的专精特新中小企业可争取列为“小巨人”后备企业"
    explanation = f"企业为{ctx.profile.display('tier')}，纳入梯度培育体系"
    return ctx.result(Status.NON_MONETARY, explanation, non_monetary=support,
                      missing=[next_step] if next_step else [])
