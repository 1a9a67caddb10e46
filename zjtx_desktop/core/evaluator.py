"""evaluate(profile, on=date): every measure of the policy in force on that date, explained."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from zjtx_desktop.core.measures import RULES, RuleContext
from zjtx_desktop.core.policy import Policy, RateSeries, default_policies, default_rates, policy_for
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation, MeasureResult, Status


def validity_note(policy: Policy, on: date) -> str:
    """The sentence an evaluation carries, once, when the policy is not in force on its date."""
    if on < policy.effective_from:
        return (f"【政策尚未施行】{policy.document_number}自{policy.effective_from.isoformat()}起施行，"
                f"评估日{on.isoformat()}尚未施行，以下结果仅供参考。")
    if policy.effective_to and on > policy.effective_to:
        return (f"【政策已失效】{policy.document_number}有效期至{policy.effective_to.isoformat()}，"
                f"评估日{on.isoformat()}已过期，以下结果仅供参考，不能据此申报；请关注后续政策。")
    return ""


def as_answered(profile: Profile) -> Profile:
    """The profile as the wizard shows it: a page whose gate question (`applies_if`) is answered 否 is
    hidden, so nothing left on it is evaluated; the 否 wins. The data stays in the store, untouched, in
    case the user answers 是 again. A gate not answered at all hides nothing here: data imported from a
    file without the 是/否 answers is still evaluated."""
    hidden = [spec.key for page in profile.questions.pages
              if page.applies_if is not None and profile.get(page.applies_if) is False
              for spec in page.fields if spec.key in profile]
    return profile.with_values(**dict.fromkeys(hidden)) if hidden else profile


def _mark_out_of_force(result: MeasureResult) -> MeasureResult:
    """Outside the policy's dates nothing is 符合: what would be is 不在有效期, its figure only for
    reference. Why is said once per evaluation (Evaluation.validity_note), not in every row."""
    if result.status is not Status.ELIGIBLE:
        return result
    return replace(result, status=Status.OUT_OF_FORCE, amount=None, reference_amount=result.amount,
                   explanation=f"如在政策有效期内：{result.explanation}")


def evaluate(
    profile: Profile,
    on: date,
    *,
    policies: tuple[Policy, ...] | None = None,
    rates: dict[str, RateSeries] | None = None,
) -> Evaluation:
    """Evaluate all measures of the policy in force on `on` (or, if none is, the latest before it)."""
    policy = policy_for(on, policies if policies is not None else default_policies())
    rates = rates if rates is not None else default_rates()
    note = validity_note(policy, on)
    answered = as_answered(profile)
    results = []
    context = None
    for spec in policy.measures.values():
        if context is None:
            context = RuleContext(answered, spec, policy, on, rates)
        context.spec = spec
        result = RULES[spec.rule](context)
        results.append(_mark_out_of_force(result) if note else result)
    return Evaluation(
        on=on,
        policy_id=policy.id,
        policy_title=policy.title,
        document_number=policy.document_number,
        policy_in_force=policy.in_force(on),
        validity_note=note or f"{policy.document_number}有效期至{policy.effective_to.isoformat()}",
        reading_notice=policy.reading_notice,
        company_name=profile.get("company_name"),
        uscc=profile.get("uscc"),
        results=tuple(results),
    )
