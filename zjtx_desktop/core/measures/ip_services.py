"""Measure 5 — 加强知识产权服务: interest subsidy on patent and trademark pledge loans."""

from decimal import Decimal

from zjtx_desktop.core.measures.common import RuleContext, Status, fraction, rate, rule, sum_amounts, yuan


@rule("ip_pledge_interest")
def ip_pledge_interest(ctx: RuleContext):
    share, basis = ctx.param("subsidy_share"), ctx.param("day_count_basis")
    max_days, ceiling = ctx.param("max_days_per_loan"), ctx.param("max_per_year")
    gated = ctx.tier_gate("srdi", "知识产权质押融资贴息")
    if gated:
        return gated
    absent = ctx.no_activity(ctx.activity("has_ip_pledge_loans", "ip_pledge_loans"),
                             "取得专利、商标质押贷款", ctx.label("ip_pledge_loans"))
    if absent:
        return absent
    series = ctx.rates[ctx.param("rate_cap_series")]
    lines, subsidies = [], []
    for number, loan in enumerate(ctx.profile.rows("ip_pledge_loans"), start=1):
        published = series.on(loan["start_date"])
        if published is None:
            return ctx.result(Status.INSUFFICIENT, f"第{number}笔贷款的放款日早于利率表中最早的{series.title}",
                              missing=[f"在利率表中补充{loan['start_date'].isoformat()}适用的{series.title}"])
        since, lpr = published
        loan_rate = fraction(loan["annual_rate"])
        used_rate = min(loan_rate, lpr)
        days = min(Decimal((loan["end_date"] - loan["start_date"]).days), max_days)
        subsidy = loan["principal"] * used_rate * share * days / basis
        subsidies.append(subsidy)
        lines.append(
            f"第{number}笔（{loan['bank']}）：贷款利率{rate(loan_rate)}，{series.title}{rate(lpr)}"
            f"（{since.isoformat()}起执行），取{rate(used_rate)}；"
            f"{yuan(loan['principal'])} × {rate(used_rate)} × {rate(share)} × {days}天 ÷ {basis} = {yuan(subsidy)}"
        )
    total = sum_amounts(subsidies)
    amount = min(total, ceiling)
    lines.append(f"合计 {yuan(total)}" + (f"，超过每年最高{yuan(ceiling)}，按{yuan(ceiling)}计" if total > ceiling else ""))
    if amount <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "所列质押贷款计算的贴息为0", computation=lines)
    return ctx.result(Status.ELIGIBLE, f"知识产权质押融资贴息，最高可申请{yuan(amount)}",
                      amount=amount, computation=lines)
