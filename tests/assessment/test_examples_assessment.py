"""The six example firms, self-assessed on 2026-06-30 (the 2号文 in force): each shows another outcome,
and the sixth is a firm exactly one criterion short of 专精特新中小企业."""

from datetime import date
from pathlib import Path

import pytest

from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.profile import load_profile_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ON = date(2026, 6, 30)


def assessment_of(stem: str):
    path = next(EXAMPLES.glob(f"{stem}*.json"))
    profile, warnings = load_profile_json(path.read_text(encoding="utf-8"))
    assert warnings == []
    return assess(profile, ON)


@pytest.mark.parametrize(("stem", "expected", "best"), [
    ("01", {("srdi", "apply"): "暂不具备", ("little_giant", "apply"): "暂不具备"}, None),
    ("02", {("little_giant", "apply"): "暂不具备"}, None),
    ("03", {("little_giant", "apply"): "可申请"}, "little_giant"),
    ("04", {("little_giant", "review"): "需人工核验"}, None),
    ("05", {("little_giant", "review"): "需人工核验"}, None),
    ("06", {("srdi", "apply"): "暂不具备", ("little_giant", "apply"): "暂不具备"}, None),
])
def test_each_example_firm_is_assessed(stem, expected, best):
    assessment = assessment_of(stem)
    assert {(t.tier, t.kind): str(t.overall) for t in assessment.tiers} == expected
    assert (assessment.best_reachable.tier if assessment.best_reachable else None) == best
    assert assessment.size.warning == "" and assessment.size.is_sme is True


def test_the_sixth_example_is_one_criterion_short_of_srdi():
    srdi = assessment_of("06").tier("srdi")
    failing = [row.id for row in srdi.criteria if str(row.status) == "不符合"]
    assert [row for row in failing if row.count(".") == 0] == ["rd"]
    assert [row for row in failing if row.startswith("rd.")] == ["rd.rd_ratio"]
    assert not [row for row in srdi.criteria if str(row.status) == "信息不足"]
    assert srdi.gap == ("研发费用占比2.4% → 需3%：按上年营业收入测算，约需再增加研发投入36万元",)
    assert srdi.opens_total > 0


def test_the_first_example_misses_two_criteria_with_a_date_and_a_score():
    gap = "\n".join(assessment_of("01").tier("srdi").gap)
    assert "2027年起可按此条件申报" in gap and "还差4分" in gap
