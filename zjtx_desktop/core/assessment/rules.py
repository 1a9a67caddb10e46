"""The leaf rules criteria name (`rule:` in a tier file): each compares the firm's facts with the
data's threshold and says 符合 / 不符合 / 信息不足 / 需人工核验, the value used, and the gap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from zjtx_desktop.core.assessment.display import number
from zjtx_desktop.core.assessment.gaps import shortfall
from zjtx_desktop.core.assessment.measures import MEASURES, show
from zjtx_desktop.core.assessment.model import Criterion
from zjtx_desktop.core.assessment.results import SizeResult, Verdict
from zjtx_desktop.core.profile import Profile

# rule → (required parameters, optional parameters); the loader checks tier files against this
RULE_PARAMS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "at_least": (frozenset({"measure", "threshold", "unit"}), frozenset()),
    "at_most": (frozenset({"measure", "threshold", "unit"}), frozenset()),
    "flag": (frozenset({"measure"}), frozenset()),
    "holds_tier": (frozenset({"tier"}), frozenset()),
    "sme": (frozenset(), frozenset()),
    "award": (frozenset({"levels", "years"}), frozenset({"max_rank"})),
    "institution": (frozenset({"levels"}), frozenset()),
    "standard": (frozenset({"levels", "years"}), frozenset()),
    "niche_years": (frozenset({"years"}), frozenset()),
    "score": (frozenset({"threshold"}), frozenset()),
    "manual": (frozenset({"text"}), frozenset({"fields"})),
    "scoring": (frozenset({"pass_total", "groups", "indicators"}), frozenset()),
}


@dataclass(frozen=True)
class Facts:
    """What every rule may look at: the profile, the date, the size worked out, and the tier ladder."""

    profile: Profile
    on: date
    size: SizeResult
    ladder: tuple[str, ...]
    review: bool = False

    def rank(self, tier: str | None) -> int | None:
        return None if tier is None or tier not in self.ladder else self.ladder.index(tier)

    @property
    def end_of_last_year(self) -> date:
        return date(self.on.year, 1, 1) - timedelta(days=1)

    def years_back(self, years: int) -> date:
        return _add_years(self.on, -years)


@dataclass(frozen=True)
class Outcome:
    status: Verdict
    value: str = ""
    threshold: str = ""
    note: str = ""
    fields: tuple[str, ...] = ()
    gap: str = ""


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without it
        return day.replace(year=day.year + years, day=day.day - 1)


def _compare(node: Criterion, facts: Facts, floor: bool) -> Outcome:
    measure = MEASURES[node.param("measure")]
    threshold = node.param("threshold")
    limit = f"{'≥' if floor else '≤'} {show(measure.kind, threshold)}"
    reading = measure.read(facts.profile)
    if reading is None:
        return Outcome(Verdict.INSUFFICIENT, threshold=limit, fields=measure.missing(facts.profile),
                       note=f"缺少{measure.title}的数据")
    if reading.value is None:
        return Outcome(Verdict.INSUFFICIENT, threshold=limit, fields=measure.fields, note=reading.working)
    met = reading.value >= threshold if floor else reading.value <= threshold
    return Outcome(Verdict.MET if met else Verdict.NOT_MET, show(measure.kind, reading.value, up=not floor), limit,
                   reading.working, measure.fields,
                   "" if met else shortfall(measure, facts.profile, reading.value, threshold, floor=floor))


def at_least(node: Criterion, facts: Facts) -> Outcome:
    return _compare(node, facts, floor=True)


def at_most(node: Criterion, facts: Facts) -> Outcome:
    return _compare(node, facts, floor=False)


def flag(node: Criterion, facts: Facts) -> Outcome:
    measure = MEASURES[node.param("measure")]
    value = facts.profile.get(measure.fields[0])
    if value is None:
        return Outcome(Verdict.INSUFFICIENT, threshold="是", fields=measure.fields, note=f"未填写“{measure.title}”")
    return Outcome(Verdict.MET if value else Verdict.NOT_MET, show("bool", value), "是", fields=measure.fields,
                   gap="" if value else f"需具备：{node.title}")


def holds_tier(node: Criterion, facts: Facts) -> Outcome:
    required = node.param("tier")
    label = facts.profile.questions.field("tier").option_label(required)
    current = facts.profile.get("tier")
    if current is None:
        return Outcome(Verdict.INSUFFICIENT, threshold=label, fields=("tier",), note="未填写目前持有的称号")
    met = facts.rank(current) >= facts.rank(required)
    return Outcome(Verdict.MET if met else Verdict.NOT_MET, facts.profile.display("tier"), label, fields=("tier",),
                   gap="" if met else f"须先获评{label}")


def sme(node: Criterion, facts: Facts) -> Outcome:
    size = facts.size
    if size.is_sme is None:
        return Outcome(Verdict.INSUFFICIENT, threshold="中型、小型或微型", fields=size.fields,
                       note="；".join(size.working) or "无法按划型标准确定企业规模")
    value = size.size_label or ("中小企业" if size.is_sme else "大型企业")
    note = f"{size.line_title}：{'；'.join(size.working)}（{size.clause_ref}）"
    if size.is_sme:
        return Outcome(Verdict.MET, value, "中型、小型或微型", note, size.fields)
    return Outcome(Verdict.NOT_MET, value, "中型、小型或微型", f"梯度培育的各级称号面向中小企业，大型企业不能申报。{note}",
                   size.fields, "按划型标准为大型企业，不属于专精特新梯度培育对象")


def _within(day: date | None, facts: Facts, years: int) -> bool:
    return day is not None and facts.years_back(years) <= day <= facts.on


def award(node: Criterion, facts: Facts) -> Outcome:
    levels, years, max_rank = node.param("levels"), node.param("years"), node.param("max_rank")
    spec = facts.profile.questions.field("sci_tech_awards").column("level")
    wanted = "、".join(spec.option_label(level) for level in levels)
    limit = f"近{years}年{wanted}科技奖励" + (f"，排名前{max_rank}" if max_rank else "")
    rows = [row for row in facts.profile.rows("sci_tech_awards")
            if row.get("level") in levels and _within(row.get("award_date"), facts, years)]
    ranked = [row for row in rows if max_rank is None or (row.get("rank") is not None and row["rank"] <= max_rank)]
    if ranked:
        best = ranked[0]
        return Outcome(Verdict.MET, f"{best['name']}（{best['award_date'].isoformat()}）", limit, fields=("sci_tech_awards",))
    if any(row.get("rank") is None for row in rows):
        return Outcome(Verdict.INSUFFICIENT, threshold=limit, fields=("sci_tech_awards",),
                       note="有符合级别和年限的奖励，但未填写企业在获奖单位中的排名")
    note = "" if facts.profile.get("sci_tech_awards") else "未填写科技奖励，按没有获奖计"
    return Outcome(Verdict.NOT_MET, "无", limit, note, ("sci_tech_awards",), f"或取得：{limit}")


def institution(node: Criterion, facts: Facts) -> Outcome:
    spec = facts.profile.questions.field("rd_institution_level")
    levels = node.param("levels")
    limit = "、".join(spec.option_label(level) for level in levels)
    level = facts.profile.get("rd_institution_level")
    if level is None:
        return Outcome(Verdict.INSUFFICIENT, threshold=limit, fields=(spec.key,), note="未填写研发机构级别")
    met = level in levels
    return Outcome(Verdict.MET if met else Verdict.NOT_MET, spec.option_label(level), limit, fields=(spec.key,),
                   gap="" if met else f"或建立：{node.title.removeprefix('拥有')}")


def standard(node: Criterion, facts: Facts) -> Outcome:
    levels, years = node.param("levels"), node.param("years")
    rows = [row for row in facts.profile.rows("standards")
            if row.get("role") == "lead" and row.get("level") in levels and _within(row.get("publish_date"), facts, years)]
    limit = f"近{years}年主导制定"
    if rows:
        return Outcome(Verdict.MET, rows[0]["name"], limit, fields=("standards",))
    undated = [row for row in facts.profile.rows("standards")
               if row.get("role") == "lead" and row.get("level") in levels and row.get("publish_date") is None]
    if undated:
        return Outcome(Verdict.INSUFFICIENT, threshold=limit, fields=("standards",), note="主导制定的标准未填写发布日期")
    note = "" if facts.profile.get("standards") else "未填写参与制定的标准，按没有计"
    return Outcome(Verdict.NOT_MET, "无", limit, note, ("standards",), f"或：{node.title}")


def niche_years(node: Criterion, facts: Facts) -> Outcome:
    """Years in the niche by the end of last year, the first day counted (a firm that started on
    1 January has a full year on 31 December): the sets' readings say so."""
    years = node.param("years")
    since = facts.profile.get("niche_market_since")
    limit = f"截至上年末 ≥ {years}年"
    if since is None:
        return Outcome(Verdict.INSUFFICIENT, threshold=limit, fields=("niche_market_since",), note="未填写开始从事该细分市场的日期")
    after_end = facts.end_of_last_year + timedelta(days=1)
    done = max(after_end.year - since.year - ((after_end.month, after_end.day) < (since.month, since.day)), 0)
    complete = _add_years(since, years) - timedelta(days=1)
    met = complete <= facts.end_of_last_year
    value = f"截至{facts.end_of_last_year.isoformat()}满{done}年"
    gap = "" if met else (f"从事细分市场{done}年 → 需{years}年：{complete.isoformat()}满{years}年，"
                          f"{complete.year + 1}年起可按此条件申报")
    return Outcome(Verdict.MET if met else Verdict.NOT_MET, value, limit, f"自{since.isoformat()}起（含当日）",
                   ("niche_market_since",), gap)


def score(node: Criterion, facts: Facts) -> Outcome:
    threshold = node.param("threshold")
    either = facts.review and node.review == "either_year"
    keys = ("platform_score", "platform_score_prev") if either else ("platform_score",)
    limit = f"≥ {number(threshold)}分" + (f"（近{len(keys)}年任一年）" if either else "")
    scores = [facts.profile.get(key) for key in keys]
    known = [value for value in scores if value is not None]
    shown = "；".join(f"{MEASURES[k].title}{v}分" for k, v in zip(keys, scores, strict=True) if v is not None)
    if any(value >= threshold for value in known):
        return Outcome(Verdict.MET, shown, limit, fields=keys)
    if len(known) < len(keys):
        return Outcome(Verdict.INSUFFICIENT, shown, limit, "请登录梯度培育平台完成自评后填写得分（本软件不计算该得分）",
                       tuple(k for k, v in zip(keys, scores, strict=True) if v is None))
    best = max(known)
    return Outcome(Verdict.NOT_MET, shown, limit, fields=keys,
                   gap=f"评价得分{best}分 → 需{number(threshold)}分：还差{number(threshold - best)}分")


def _display(profile: Profile, key: str) -> str:
    measure = MEASURES.get(key)
    return show(measure.kind, measure.read(profile).value) if measure else profile.display(key)


def manual(node: Criterion, facts: Facts) -> Outcome:
    keys = node.param("fields", ())
    shown = "；".join(f"{facts.profile.label(key)}：{_display(facts.profile, key)}" for key in keys
                      if facts.profile.get(key) is not None)
    return Outcome(Verdict.MANUAL, shown or "（未填写）", "见说明", node.param("text"), keys)


LEAF_RULES: dict[str, Callable[[Criterion, Facts], Outcome]] = {
    "at_least": at_least, "at_most": at_most, "flag": flag, "holds_tier": holds_tier, "sme": sme, "award": award,
    "institution": institution, "standard": standard, "niche_years": niche_years, "score": score, "manual": manual,
}
