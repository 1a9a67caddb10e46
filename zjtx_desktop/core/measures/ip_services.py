"""Measure 5 — 加强知识产权服务: interest subsidy on patent and trademark pledge loans.

Per loan: principal × min(rate, 1-year LPR on the loan's start) × 60% × days ÷ 365, over at most the
loan's first year, only days inside the policy's validity and before the evaluation date, and never
more than 60% of the interest actually paid. "企业一年享受贴息总额最高30万元" is read as a cap per
calendar year of subsidised interest days (a reading the policy data states).
"""

from datetime import timedelta
from decimal import Decimal

from zjtx_desktop.core.measures.common import (
    RuleContext,
    Status,
    added_up,
    days_by_year,
    fraction,
    rate,
    rule,
    settled,
    sum_amounts,
    yuan,
)


def _loan_by_year(ctx: RuleContext, number: int, loan: dict, lpr, lines: list[str]) -> dict[int, Decimal]:
    """One loan's subsidy per calendar year, each line rounded down to the fen and capped by 60% of
    the interest paid for the subsidised days."""
    share, basis = ctx.param("subsidy_share"), ctx.param("day_count_basis")
    since, published = lpr
    loan_rate = fraction(loan["annual_rate"])
    used_rate = min(loan_rate, published)
    head = f"第{number}笔（{loan['bank']}）"
    first_year_end = loan["start_date"] + timedelta(days=int(ctx.param("max_days_per_loan")))
    first, last = ctx.interest_period(loan["start_date"], min(loan["end_date"], first_year_end))
    lines.append(f"{head}：贷款利率{rate(loan_rate)}，{ctx.rates[ctx.param('rate_cap_series')].title}{rate(published)}"
                 f"（{since.isoformat()}起执行），取{rate(used_rate)}；贴息期{first.isoformat()}至{last.isoformat()}"
                 f"（不含末日）")
    by_year, days_in = {}, days_by_year(first, last)
    for year, days in days_in.items():
        amount, shown = settled(loan["principal"] * used_rate * share * days / basis)
        by_year[year] = amount
        lines.append(f"{head}{year}年：{yuan(loan['principal'])} × {rate(used_rate)} × {rate(share)} × {days}天 ÷ {basis}"
                     f" {shown}")
    if not by_year:
        lines.append(f"{head}：{ctx.no_interest_days(loan['start_date'])}")
        return by_year
    room, bound = _paid_room(ctx, loan, sum(days_in.values()))
    if sum_amounts(by_year.values()) > room:
        lines.append(f"{head}：{bound}")
        by_year = _spread(room, days_in, head, lines)
    return by_year


def _paid_room(ctx: RuleContext, loan: dict, days: int) -> tuple[Decimal, str]:
    """60% of the interest paid for the subsidised days (the interest paid spread evenly over the
    days it covers, a reading), and the working that says so."""
    paid, share = loan["interest_paid"], ctx.param("subsidy_share")
    covered, span = ctx.paid_period(loan)
    if covered > days:
        room, shown = settled(paid * days * share / covered)
        return room, (f"不超过已付利息{yuan(paid)} × {days}天 ÷ {covered}天 × {rate(share)} {shown}，按{yuan(room)}计"
                      f"（已付利息按{span}的{covered}天均摊，只计贴息天数的部分）")
    room, shown = settled(paid * share)
    return room, f"不超过已付利息{yuan(paid)} × {rate(share)} {shown}，按{yuan(room)}计"


def _spread(room: Decimal, days_in: dict[int, int], head: str, lines: list[str]) -> dict[int, Decimal]:
    """A loan's capped subsidy over the calendar years of its days, for the yearly cap: each year but
    the last by its share of the days, rounded down; the last takes what is left, so the years add
    up to the capped figure exactly."""
    years = sorted(days_in)
    if len(years) == 1:
        return {years[0]: room}
    total_days, spread, left = sum(days_in.values()), {}, room
    for year in years[:-1]:
        spread[year], shown = settled(room * days_in[year] / total_days)
        left -= spread[year]
        lines.append(f"{head}{year}年按天数分摊：{yuan(room)} × {days_in[year]}天 ÷ {total_days}天 {shown}")
    spread[years[-1]] = left
    taken = " − ".join(yuan(spread[year]) for year in years[:-1])
    lines.append(f"{head}{years[-1]}年按天数分摊：{yuan(room)} − {taken} = {yuan(left)}")
    return spread


def _yearly_totals(ctx: RuleContext, per_year: dict[int, list[Decimal]], lines: list[str]) -> list[Decimal]:
    """Each calendar year's sum, capped at the yearly maximum, less (for the evaluation's year) what
    was already received for that year's interest days. A year with nothing to say is not printed."""
    ceiling = ctx.param("max_per_year")
    received = ctx.profile.get("ip_pledge_subsidy_received_this_year") or Decimal(0)
    totals = []
    for year in sorted(per_year):
        total = sum_amounts(per_year[year])
        room, why = ceiling, f"超过每年最高{yuan(ceiling)}"
        if year == ctx.on.year and received:
            room = max(ceiling - received, Decimal(0))
            why = f"{year}年（评估日所在年度）的贴息已获{yuan(received)}，该年度剩余额度{yuan(room)}"
        capped = min(total, room)
        if total == 0:
            continue
        note = f"，{why}，按{yuan(capped)}计" if capped < total else ""
        lines.append(f"{year}年合计：{added_up(per_year[year])}{note}")
        totals.append(capped)
    return totals


@rule("ip_pledge_interest")
def ip_pledge_interest(ctx: RuleContext):
    gated = ctx.tier_gate("srdi", "知识产权质押融资贴息")
    if gated:
        return gated
    absent = ctx.no_activity("has_ip_pledge_loans", "ip_pledge_loans", "取得专利、商标质押贷款")
    if absent:
        return absent
    loans = ctx.profile.rows("ip_pledge_loans")
    unpaid = ctx.rows_lacking(loans, "interest_paid", "笔贷款", "已付利息",
                              f"贴息不超过实际支付利息的{rate(ctx.param('subsidy_share'))}，无法计算")
    if unpaid:
        return unpaid
    series = ctx.rates[ctx.param("rate_cap_series")]
    lines, per_year = [], {}
    for number, loan in enumerate(loans, start=1):
        published = series.on(loan["start_date"])
        if published is None:
            return ctx.result(Status.INSUFFICIENT, f"第{number}笔贷款的放款日早于利率表中最早的{series.title}",
                              missing=[f"在利率表中补充{loan['start_date'].isoformat()}适用的{series.title}"])
        for year, amount in _loan_by_year(ctx, number, loan, published, lines).items():
            per_year.setdefault(year, []).append(amount)
    totals = _yearly_totals(ctx, per_year, lines)
    amount = sum_amounts(totals)
    if len(totals) > 1:
        lines.append(f"各年度合计：{added_up(totals)}")
    if amount <= 0:
        return ctx.result(Status.NOT_ELIGIBLE, "所列质押贷款计算的贴息为0", computation=lines)
    return ctx.result(Status.ELIGIBLE, f"知识产权质押融资贴息，最高可申请{yuan(amount)}",
                      amount=amount, computation=lines)
