"""A successor rule set is a new folder: it is picked by date, and, like a policy pack, it is used only
when it loads in full and its own cases pass."""

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.assessment.loader import CriteriaError, load_library
from zjtx_desktop.core.assessment.packs import verify_set
from zjtx_desktop.core.paths import resources_dir
from zjtx_desktop.core.profile import parse_profile

BUNDLED = resources_dir() / "criteria"
FIRM = {"tier": "innovative", "industry_code": "C3484", "employees": 120, "revenue": "20000000",
        "main_business_revenue": "19000000", "rd_expense": "1500000"}


def successor(tmp_path: Path, *, expected_at_floor: str = "符合", cases: bool = True) -> Path:
    """工信部企业〔2026〕2号 with a 2000万 revenue floor from 2028: a made-up successor for the test."""
    folder = tmp_path / "miit-2028-1"
    shutil.copytree(BUNDLED / "miit-2026-2", folder)
    shutil.rmtree(folder / "cases")
    raw = yaml.safe_load((folder / "set.yaml").read_text(encoding="utf-8"))
    raw.update({"id": "miit-2028-1", "document_number": "测试〔2028〕1号", "issued": date(2027, 12, 1),
                "effective_from": date(2028, 1, 1)})
    (folder / "set.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    srdi = (folder / "srdi.yaml").read_text(encoding="utf-8").replace("threshold: 15000000", "threshold: 20000000")
    (folder / "srdi.yaml").write_text(srdi, encoding="utf-8")
    if cases:
        (folder / "cases").mkdir()
        (folder / "cases" / "revenue.yaml").write_text(yaml.safe_dump({
            "date": date(2028, 6, 30), "base": FIRM,
            "cases": [{"name": "2028年起营业收入恰为2000万元满足", "output": {"criteria_set": "miit-2028-1",
                       "tiers": {"srdi": {"criteria": {"revenue_or_equity.revenue": expected_at_floor}}}}}],
        }, allow_unicode=True), encoding="utf-8")
    return folder


def test_a_successor_set_whose_cases_pass_joins_the_library_and_is_picked_by_date(tmp_path):
    library = verify_set(successor(tmp_path))
    assert library.set_for("tiers", date(2027, 12, 31)).id == "miit-2026-2"
    assert library.set_for("tiers", date(2028, 1, 1)).id == "miit-2028-1"
    profile = parse_profile({**FIRM, "revenue": "18000000", "main_business_revenue": "17000000"})[0]

    def revenue_row(on):
        assessment = assess(profile, on, library=library, with_opens=False)
        row = next(r for r in assessment.tier("srdi").criteria if r.id == "revenue_or_equity.revenue")
        return assessment.set_id, row.status.value, row.threshold

    assert revenue_row(date(2027, 6, 30)) == ("miit-2026-2", "符合", "≥ 1,500万元")
    assert revenue_row(date(2028, 6, 30)) == ("miit-2028-1", "不符合", "≥ 2,000万元")


def test_a_successor_set_whose_own_case_fails_is_refused(tmp_path):
    with pytest.raises(CriteriaError, match="有1个案例未通过：2028年起营业收入恰为2000万元满足"):
        verify_set(successor(tmp_path, expected_at_floor="不符合"))


def test_a_successor_set_without_cases_is_refused(tmp_path):
    with pytest.raises(CriteriaError, match="须附带自己的案例"):
        verify_set(successor(tmp_path, cases=False))


def test_a_folder_of_sets_with_the_successor_beside_the_bundled_ones_loads_together(tmp_path):
    folder = tmp_path / "criteria"
    shutil.copytree(BUNDLED, folder)
    successor(folder)
    assert load_library(folder).set_for("tiers", date(2028, 6, 30)).id == "miit-2028-1"


@pytest.mark.parametrize("output", ["符合", {"tiers": ["srdi"]}, {"tiers": {"srdi": {"opens": ["2a"]}}}],
                         ids=["output-text", "tiers-list", "opens-list"])
def test_a_successor_set_whose_case_cannot_be_read_is_refused_with_a_message_not_a_traceback(tmp_path, output):
    """A pack is hostile until checked: a case in the wrong shape fails that case, it does not crash."""
    folder = successor(tmp_path)
    raw = yaml.safe_load((folder / "cases" / "revenue.yaml").read_text(encoding="utf-8"))
    raw["cases"][0]["output"] = output
    (folder / "cases" / "revenue.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CriteriaError, match="有1个案例未通过：2028年起营业收入恰为2000万元满足"):
        verify_set(folder)
