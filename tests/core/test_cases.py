"""core/cases.py: the one reader and runner of cases, shared by the test suite and the pack check."""

from datetime import date

import pytest

from zjtx_desktop.core.cases import CaseFormatError, evaluation_problems, read_cases, run_cases

RAW = {"date": date(2025, 6, 30), "base": {"tier": "srdi"}, "cases": [
    {"name": "设备投入200万元补助20万元", "input": {"equipment_investment_last_year": 2000000},
     "output": {"3b": {"status": "符合", "amount": "200000.00"}}},
    {"name": "写错了金额的用例", "input": {"equipment_investment_last_year": 2000000},
     "output": {"3b": {"amount": "1.00"}, "total": "1.00"}},
    {"name": "另一个日期", "date": date(2027, 1, 1), "input": {}, "output": {"99": {"status": "符合"}}},
]}


def test_cases_take_the_base_and_the_files_date_unless_they_have_their_own():
    cases = read_cases(RAW, "m03.yaml")
    assert [case.on for case in cases] == [date(2025, 6, 30), date(2025, 6, 30), date(2027, 1, 1)]
    assert cases[0].input == {"tier": "srdi", "equipment_investment_last_year": 2000000}
    assert cases[0].source == "m03.yaml"


def test_run_cases_reports_what_differs_and_only_that():
    problems = run_cases(read_cases(RAW, "m03.yaml"), evaluation_problems)
    assert [problem.case.name for problem in problems] == ["写错了金额的用例", "另一个日期"]
    assert "3b amount：应为 1.00，实为 200000.00" in str(problems[0]) and "合计" in str(problems[0])
    assert "没有这一子项" in str(problems[1])


def test_an_error_while_checking_is_the_cases_problem_not_a_crash():
    def broken(case):
        raise KeyError("max_award")

    problems = run_cases(read_cases(RAW, "m03.yaml"), broken)
    assert len(problems) == 3 and "KeyError" in str(problems[0]) and "max_award" in str(problems[0])


@pytest.mark.parametrize("raw", [[], {"cases": "x"}, {"cases": [{"input": {}}]}, {"cases": [{"name": "x", "input": []}]},
                                 {"cases": [{"name": "x", "date": "明天"}]}, {"base": [], "cases": []}])
def test_a_case_file_not_in_the_format_says_what_is_wrong(raw):
    with pytest.raises(CaseFormatError, match="m01.yaml"):
        read_cases(raw, "m01.yaml")
