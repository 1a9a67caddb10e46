"""assess(profile, on): which titles above the firm's current one it can apply for, what is missing,
and what each would open under the policy. The assessment date picks the criteria set, as the
evaluation date picks the policy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from zjtx_desktop.core.assessment.display import minus_yuan
from zjtx_desktop.core.assessment.judge import Logic, judge_all
from zjtx_desktop.core.assessment.loader import CriteriaLibrary, default_library
from zjtx_desktop.core.assessment.model import CriteriaSet, TierCriteria
from zjtx_desktop.core.assessment.opens import compare, evaluate_as_titled
from zjtx_desktop.core.assessment.results import (
    Assessment,
    DesignatedLine,
    Opening,
    Overall,
    TierAssessment,
    fields_to_answer,
)
from zjtx_desktop.core.assessment.rules import Facts
from zjtx_desktop.core.assessment.size import classify
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.policy import Policy, RateSeries
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation

OVERALL = {Logic.TRUE: Overall.ELIGIBLE, Logic.FALSE: Overall.NOT_YET, Logic.MISSING: Overall.NEEDS_INFO,
           Logic.CHECK: Overall.NEEDS_CHECK}
LADDER_TOP_FOR_APPLYING = "little_giant"  # 重点“小巨人” is chosen by MIIT and 财政部 from 小巨人: not self-assessed
REVIEWED_TITLE = "little_giant"
BASE_TIER = "none"
NOTICE = ("本自评按所见认定标准测算，仅供企业内部参考，以认定部门审核为准；标“需人工核验”的条件未经判断，"
          "请对照标准原文和申报通知核验。")


def _set_note(criteria_set: CriteriaSet, on: date) -> str:
    if criteria_set.in_force(on):
        return ""
    if on < criteria_set.effective_from:
        return f"评估日{on.isoformat()}早于{criteria_set.document_number}施行日，按其标准测算，仅供参考。"
    return f"{criteria_set.document_number}已于{criteria_set.effective_to.isoformat()}失效，且没有更新的认定标准数据，仅供参考。"


UNCONFIRMED_FAILURE = "按所见资料测算有条件不满足（门槛未经确认），见差距清单"


def _overall_note(logic: Logic, judged, profile: Profile) -> str:
    """Why the verdict: a threshold no two sources confirm never gives 不满足, but when the figures
    already fail one the note says so, rather than "nothing failing found"."""
    if logic is Logic.TRUE:
        extra = f"；另有{judged.to_check}项须在申报前人工核验" if judged.to_check else ""
        return f"各项条件均已满足{extra}"
    if logic is Logic.FALSE:
        return "有条件尚不满足，见差距清单"
    fails = judged.estimate is Logic.FALSE
    if logic is Logic.MISSING:
        labels = "、".join(f"“{profile.label(k)}”" for k in fields_to_answer(judged.rows) if profile.questions.has_field(k))
        note = f"尚缺数据，请补充：{labels}" if labels else "尚缺数据"
        return f"{note}；另{UNCONFIRMED_FAILURE}" if fails else note
    if fails:
        return f"{UNCONFIRMED_FAILURE}；请对照标准原文人工核验后再判断"
    return "未发现不满足的条件，但有门槛未经确认，需人工核验后再判断"


def assess_tier(tier: TierCriteria, facts: Facts, *, kind: str, criteria_set: CriteriaSet, set_note: str) -> TierAssessment:
    judged = judge_all(tier.criteria, facts)
    return TierAssessment(
        tier=tier.tier, title=tier.title, kind=kind, set_id=criteria_set.id, document=criteria_set.document_number,
        annex=tier.annex, overall=OVERALL[judged.logic], overall_note=_overall_note(judged.logic, judged, facts.profile),
        criteria=tuple(judged.rows), score_sheets=tuple(judged.sheets), gap=tuple(judged.gaps), set_note=set_note,
    )


def _opens_note(title: str, document: str, changes, gained: Decimal, net: Decimal) -> str:
    """The headline: what the title adds, and, when it also ends or lowers a support the firm has
    now (小巨人 ends 2a 后备企业激励), that loss and the net, so the net never passes for the gain."""
    head = f"获评{title}后，按{document}最高可多申请 {format_yuan(gained)} 元"
    losses = [f"{new.measure} {new.title}{'减少' if new.counts_toward_total else '不再适用'}（{minus_yuan(amount)} 元）"
              for _, new, amount in changes if amount is not None and amount < 0]
    if losses:
        change = f"净增 {format_yuan(net)} 元" if net >= 0 else f"净减少 {format_yuan(-net)} 元"
        head += f"，同时 {'、'.join(losses)}，{change}"
    return f"{head}（最高可申请额度，以责任单位审核为准）"


def _with_opens(assessed: TierAssessment, before: Evaluation, profile: Profile, on: date, policies, rates) -> TierAssessment:
    after = evaluate_as_titled(profile, assessed.tier, on, policies=policies, rates=rates)
    changes, net = compare(before, after)
    opens = tuple(Opening(new.measure, new.title, str(old.status), str(new.status), amount) for old, new, amount in changes)
    assessed = replace(assessed, opens=opens, opens_total=net)
    note = _opens_note(assessed.title, after.document_number, changes, assessed.opens_gained, net)
    if not after.policy_in_force:
        note = f"{after.validity_note}评估日不在政策有效期内，不计可多申请金额。"
    return replace(assessed, opens_note=note)


def _designated(criteria_set: CriteriaSet, current: str | None, ladder: tuple[str, ...]) -> tuple[DesignatedLine, ...]:
    """The selected titles above the firm's current one, each a line that judges nothing."""
    held = ladder.index(current) if current in ladder else 0
    return tuple(DesignatedLine(t.tier, t.title, t.clause, t.text, criteria_set.id) for t in criteria_set.designated
                 if t.tier not in ladder or ladder.index(t.tier) > held)


def _targets(current: str | None, ladder: tuple[str, ...]) -> list[str]:
    top = ladder.index(LADDER_TOP_FOR_APPLYING)
    start = 1 if current is None or current not in ladder else ladder.index(current) + 1
    return list(ladder[start:top + 1])


def assess(profile: Profile, on: date, *, library: CriteriaLibrary | None = None,
           policies: tuple[Policy, ...] | None = None, rates: dict[str, RateSeries] | None = None,
           with_opens: bool = True) -> Assessment:
    library = library or default_library()
    ladder = tuple(option.value for option in profile.questions.field("tier").options)
    size_set = library.set_for("sme_size", on)
    tiers_set = library.set_for("tiers", on)
    current = profile.get("tier")
    facts = Facts(profile, on, classify(profile, size_set), ladder)
    assessed: list[TierAssessment] = []
    before = None  # the firm as it is, evaluated once for all the titles it could gain
    for tier in _targets(current, ladder):
        found = library.tier(tiers_set, tier)
        if found is None:
            continue
        tier_criteria, borrowed = found
        source = library.get(tier_criteria.set_id)
        result = assess_tier(tier_criteria, facts, kind="apply", criteria_set=source,
                             set_note="；".join(p for p in (borrowed, _set_note(tiers_set, on)) if p))
        if with_opens:
            before = before or evaluate(profile, on, policies=policies, rates=rates)
            result = _with_opens(result, before, profile, on, policies, rates)
        assessed.append(result)
    if current in ladder and ladder.index(current) >= ladder.index(REVIEWED_TITLE):
        review_set, reason = library.review_set_for(REVIEWED_TITLE, on)
        found = library.tier(review_set, REVIEWED_TITLE)
        if found:
            review_facts = Facts(profile, on, facts.size, ladder, review=True)
            assessed.append(assess_tier(found[0], review_facts, kind="review", criteria_set=review_set,
                                        set_note=reason or _set_note(review_set, on)))
    if current in (None, BASE_TIER):
        tech_set = library.set_for("tech_sme", on)
        for tier_criteria in tech_set.tiers.values():
            assessed.append(assess_tier(tier_criteria, facts, kind="tech_sme", criteria_set=tech_set,
                                        set_note=_set_note(tech_set, on)))
    used = [tiers_set, size_set, *(library.get(t.set_id) for t in assessed)]
    readings = tuple(dict.fromkeys(r for s in used for r in s.readings))
    return Assessment(
        on=on, company_name=profile.get("company_name"), uscc=profile.get("uscc"), current_tier=current,
        current_tier_label=profile.display("tier") or "未填写", set_id=tiers_set.id,
        set_document=tiers_set.document_number, set_title=tiers_set.title, set_in_force=tiers_set.in_force(on),
        set_note=_set_note(tiers_set, on), size=facts.size, tiers=tuple(assessed), readings=readings, notice=NOTICE,
        designated=_designated(tiers_set, current, ladder),
    )
