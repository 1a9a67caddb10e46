"""Measure 6 — 强化标准品牌建设: 6a standards drafted as main drafter, 6b national industrial clusters."""

from zjtx_desktop.core.measures.common import RuleContext, Status, rule, yuan


@rule("standard_funding")
def standard_funding(ctx: RuleContext):
    per_standard = ctx.param("max_per_standard")
    levels = ctx.param("eligible_levels")
    gated = ctx.tier_gate("srdi", f"每项标准最高{yuan(per_standard)}的资助")
    if gated:
        return gated
    absent = ctx.no_activity("has_standards", "standards", "参与制定标准")
    if absent:
        return absent
    column = ctx.profile.questions.field("standards")
    standards = ctx.profile.rows("standards")
    qualifying = [s for s in standards if s["level"] in levels and s["role"] == "lead"]
    undated = ctx.rows_lacking(qualifying, "publish_date", "项主要起草的标准", "发布日期")
    if undated:
        return undated
    lines, eligible = [], 0
    for standard in standards:
        level = column.column("level").option_label(standard["level"])
        role = column.column("role").option_label(standard["role"])
        outside = standard in qualifying and ctx.not_counted(standard["publish_date"])
        if standard["level"] not in levels:
            lines.append(f"《{standard['name']}》：{level}不在资助范围（国际、国家、行业标准）")
        elif standard["role"] != "lead":
            lines.append(f"《{standard['name']}》：企业为{role}，本项仅资助主要起草单位")
        elif outside:
            lines.append(f"《{standard['name']}》：发布日期{outside}")
        else:
            eligible += 1
            lines.append(f"《{standard['name']}》：{level}，主要起草单位，最高{yuan(per_standard)}")
    if not eligible:
        return ctx.result(Status.NOT_ELIGIBLE, "没有在本政策有效期内、截至评估日已发布且企业作为主要起草单位的国际、国家或行业标准",
                          computation=lines,
                          missing=["作为主要起草单位制定国际、国家或行业标准（在本政策有效期内发布）后可申请"])
    amount = per_standard * eligible
    lines.append(f"{eligible}项 × {yuan(per_standard)} = {yuan(amount)}（按每项标准计，本软件解读）")
    return ctx.result(Status.ELIGIBLE, f"{eligible}项标准符合资助条件，最高可申请{yuan(amount)}",
                      amount=amount, computation=lines)


@rule("cluster_support")
def cluster_support(ctx: RuleContext):
    ceiling, years = ctx.param("max_support"), ctx.param("years")
    operator = ctx.profile.get("is_cluster_operator")
    if operator is None:
        return ctx.result(Status.INSUFFICIENT, "未填写是否为国家级中小企业特色产业集群运营单位",
                          missing=[f"填写“{ctx.label('is_cluster_operator')}”"])
    if not operator:
        return ctx.result(Status.NOT_ELIGIBLE, "本项仅面向国家级中小企业特色产业集群的运营单位")
    recognised = ctx.profile.get("cluster_recognition_date")
    late = recognised and ctx.not_counted(recognised, before_start_counts=True)  # support runs over 3 years
    if late:
        return ctx.result(Status.NOT_ELIGIBLE, f"特色产业集群获评日期{late}")
    cluster = ctx.profile.get("cluster_name") or "特色产业集群"
    return ctx.result(
        Status.ELIGIBLE, f"{cluster}运营单位，按绩效分{years}年给予，最高{yuan(ceiling)}",
        amount=ceiling,
        computation=[f"结合产值、研发、数字化等绩效考核结果分{years}年给予，合计最高{yuan(ceiling)}"],
    )
