"""Outside the policy's dates the reason is said once per evaluation, not in every row's reason."""

from datetime import date

import pytest

from zjtx_desktop.commands.evaluate import text_report
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import parse_profile


@pytest.mark.parametrize(("on", "marker"), [(date(2027, 1, 1), "【政策已失效】"), (date(2024, 9, 10), "【政策尚未施行】")])
def test_the_validity_note_is_shown_once_per_evaluation(on, marker):
    profile, _ = parse_profile({"tier": "srdi", "equipment_investment_last_year": "2000000"})
    evaluation = evaluate(profile, on)
    assert marker in evaluation.validity_note
    assert not [r.measure for r in evaluation.results if marker in r.explanation]
    report = text_report(evaluation)
    assert report.count(marker) == 1 and report.count("不能据此申报") <= 2  # the note and the total's line
    assert "仅供参考：按本政策计算为200,000.00元，不计入合计" in report


def test_in_force_there_is_no_note_in_the_rows():
    profile, _ = parse_profile({"tier": "srdi", "equipment_investment_last_year": "2000000"})
    evaluation = evaluate(profile, date(2025, 6, 30))
    assert "有效期至2026-12-31" in evaluation.validity_note
    assert not [r for r in evaluation.results if "有效期至" in r.explanation]
