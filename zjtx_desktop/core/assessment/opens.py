"""What a title would open: the policy evaluated twice, as the firm is and as if it held the title.

The figures come from `evaluate` itself, never from a copy of its rules, so they follow every
change to the evaluator. The scenario only states the facts of obtaining the title on the
assessment date (and, for 小巨人, that it is obtained for the first time and not yet rewarded).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.policy import Policy, RateSeries
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation, MeasureResult, Status

FIRST_TITLE_FACTS = {"little_giant": {"little_giant_first_time": True, "little_giant_award_received": False}}
USABLE = frozenset({Status.ELIGIBLE, Status.OTHER_POLICY, Status.NON_MONETARY, Status.INSUFFICIENT})


def scenario(profile: Profile, tier: str, on: date) -> Profile:
    """The firm as if it obtained `tier` on `on`; facts it already answered are kept."""
    extra = {key: value for key, value in FIRST_TITLE_FACTS.get(tier, {}).items() if profile.get(key) is None}
    return profile.with_values(tier=tier, tier_granted_date=on, **extra)


def _claimable(result: MeasureResult) -> Decimal:
    return result.amount if result.counts_toward_total else Decimal(0)


def compare(before: Evaluation, after: Evaluation) -> tuple[list[tuple[MeasureResult, MeasureResult, Decimal | None]], Decimal]:
    """Per measure (before, after, added ceiling or None), for those the title changes; and the added total."""
    changes = []
    for old, new in zip(before.results, after.results, strict=True):
        added = _claimable(new) - _claimable(old)
        opened = old.status is Status.NOT_ELIGIBLE and new.status in USABLE
        if added or opened or (old.status is not new.status and new.status is Status.ELIGIBLE):
            changes.append((old, new, added if (added or new.counts_toward_total) else None))
    return changes, after.total - before.total


def evaluate_as_titled(profile: Profile, tier: str, on: date, *, policies: tuple[Policy, ...] | None,
                       rates: dict[str, RateSeries] | None) -> Evaluation:
    """The evaluation of the scenario; the firm as it is is evaluated once for every tier (assess)."""
    return evaluate(scenario(profile, tier, on), on, policies=policies, rates=rates)
