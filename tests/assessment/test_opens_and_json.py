"""What a title would open is the evaluator's own difference, and the JSON has the documented shape."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.assessment.opens import scenario
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import load_profile_json

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
ON = date(2026, 6, 30)


def profile_of(path):
    return load_profile_json(path.read_text(encoding="utf-8"))[0]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name[:2] for p in EXAMPLES])
def test_the_opens_figures_are_the_evaluators_difference(path):
    profile = profile_of(path)
    before = evaluate(profile, ON)
    for tier in assess(profile, ON).tiers:
        if tier.kind != "apply":
            assert tier.opens == () and tier.opens_total is None
            continue
        after = evaluate(scenario(profile, tier.tier, ON), ON)
        assert tier.opens_total == after.total - before.total
        added = {o.measure: o.amount for o in tier.opens if o.amount is not None}
        for result in after.results:
            old = before.result(result.measure)
            gained = (result.amount if result.counts_toward_total else 0) - (old.amount if old.counts_toward_total else 0)
            assert added.get(result.measure, Decimal(0)) == gained, result.measure
        assert sum(added.values(), Decimal(0)) == tier.opens_total


def test_the_json_has_the_keys_the_issue_lists():
    data = json.loads(json.dumps(assess(profile_of(EXAMPLES[1]), ON).to_json(), ensure_ascii=False))
    assert {"criteria_set", "size", "tiers"} <= set(data)
    tier = data["tiers"][0]
    assert {"overall", "criteria", "gap", "opens"} <= set(tier)
    assert set(tier["criteria"][0]) == {"id", "title", "status", "value", "threshold", "points", "clause", "confidence", "note"}
    assert all(set(o) >= {"measure", "amount"} for o in tier["opens"])


def test_a_firm_with_no_tier_is_assessed_for_every_title_and_for_the_tech_sme():
    profile = profile_of(EXAMPLES[0]).with_values(tier="none")
    kinds = [(t.tier, t.kind) for t in assess(profile, ON).tiers]
    assert kinds == [("innovative", "apply"), ("srdi", "apply"), ("little_giant", "apply"), ("tech_sme", "tech_sme")]
