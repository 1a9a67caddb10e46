"""A profile is checked as a whole: every problem at once, tables row by row, never a traceback."""

import json
from decimal import Decimal

import pytest

from zjtx_desktop.core.profile import ProfileInvalid, load_profile_json, parse_profile


def issues_of(raw):
    with pytest.raises(ProfileInvalid) as caught:
        parse_profile(raw)
    return [str(issue) for issue in caught.value.issues]


def test_unknown_keys_are_named():
    assert any("「comapny_name」" in issue for issue in issues_of({"comapny_name": "x"}))


def test_every_problem_is_reported_in_one_pass():
    issues = issues_of({"uscc": "123", "revenue": "-5", "tier": "独角兽"})
    assert len(issues) == 3


def test_a_loan_that_ends_before_it_starts_names_the_row():
    issues = issues_of({"tech_fund_loans": [
        {"purpose": "rd", "bank": "甲", "principal": 1, "annual_rate": 3, "start_date": "2025-01-01",
         "end_date": "2026-01-01"},
        {"purpose": "rd", "bank": "乙", "principal": 1, "annual_rate": 3, "start_date": "2025-02-01",
         "end_date": "2025-01-01"},
    ]})
    assert issues == ["「技术创新基金贷款」第2行：“到期日期”早于“起始日期”，请核对日期"]


def test_a_missing_required_column_is_named():
    issues = issues_of({"trainings": [{"course": "数字化", "person_days": 3, "fee_paid": 100}]})
    assert issues == ["「培训课程」第1行：请填写“组织单位”"]


def test_an_unknown_column_is_named():
    issues = issues_of({"standards": [{"name": "x", "level": "national", "role": "lead", "colour": "red"}]})
    assert "没有“colour”这一列" in issues[0]


def test_rd_staff_cannot_exceed_employees():
    assert "不能大于“从业人员数”" in issues_of({"employees": 10, "rd_staff": 11})[0]


def test_json_floats_are_read_as_exact_decimals():
    profile, _ = load_profile_json(json.dumps({"revenue": 0.1}).replace("0.1", "1234567.89"))
    assert profile.get("revenue") == Decimal("1234567.89")


def test_malformed_json_names_the_line():
    with pytest.raises(ProfileInvalid, match="第2行"):
        load_profile_json('{\n"tier": }')


def test_a_list_instead_of_an_object_is_refused():
    with pytest.raises(ProfileInvalid, match="对象"):
        parse_profile([1, 2])


def test_a_profile_round_trips_through_json():
    raw = {"company_name": "厦门甲公司", "revenue": "1000.50", "registration_date": "2020-01-02",
           "trainings": [{"course": "c", "organiser": "o", "person_days": 2, "fee_paid": "10"}]}
    profile, _ = parse_profile(raw)
    again, _ = parse_profile(json.loads(json.dumps(profile.to_json_dict())))
    assert again == profile

