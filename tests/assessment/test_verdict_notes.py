"""The verdict of a title judged under thresholds no two sources confirm (63号 附件3: 小巨人 before
2026-04-01 and the 2026 复核) stays 需人工核验, but its note must not hide a failure the figures
already show: "no failing condition found" only when none was found."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.profile import load_profile_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FAILS_UNCONFIRMED = "按所见资料测算有条件不满足（门槛未经确认）"
NOTHING_FOUND = "未发现不满足的条件"


def example(stem: str):
    path = next(EXAMPLES.glob(f"{stem}*.json"))
    return load_profile_json(path.read_text(encoding="utf-8"))[0]


def test_a_little_giant_review_whose_debt_and_share_fail_says_so_and_stays_to_check():
    profile = example("04").with_values(debt_ratio=Decimal("72"), niche_market_share=Decimal("5"))
    review = assess(profile, date(2026, 6, 30), with_opens=False).tier("little_giant", "review")
    assert str(review.overall) == "需人工核验"
    assert FAILS_UNCONFIRMED in review.overall_note and "差距清单" in review.overall_note
    assert NOTHING_FOUND not in review.overall_note
    gap = "\n".join(review.gap)
    assert "资产负债率" in gap and "细分市场占有率" in gap


def test_the_same_review_with_every_figure_passing_still_says_nothing_was_found():
    review = assess(example("04"), date(2026, 6, 30), with_opens=False).tier("little_giant", "review")
    assert str(review.overall) == "需人工核验"
    assert review.overall_note.startswith(NOTHING_FOUND)
    assert FAILS_UNCONFIRMED not in review.overall_note


def test_an_application_before_april_2026_without_the_srdi_title_and_two_years_in_the_niche_says_it_fails():
    little_giant = assess(example("01"), date(2026, 3, 31), with_opens=False).tier("little_giant")
    assert str(little_giant.overall) == "需人工核验"
    assert FAILS_UNCONFIRMED in little_giant.overall_note
    assert NOTHING_FOUND not in little_giant.overall_note


def test_missing_data_beside_an_unconfirmed_failure_names_both():
    profile = example("04").with_values(debt_ratio=Decimal("72"), industry_code=None)
    review = assess(profile, date(2026, 6, 30), with_opens=False).tier("little_giant", "review")
    assert str(review.overall) == "需补充信息"
    assert review.overall_note.startswith("尚缺数据") and FAILS_UNCONFIRMED in review.overall_note
