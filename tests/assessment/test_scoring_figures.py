"""A scoring row shows the firm's own figure (企业数据) beside the band it reached (要求: 档次), not the
band alone: 8.3% beside 档次：5%以上. The same row text feeds the CLI, the PDF report and the app tab."""

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zjtx_desktop.commands.assess import text_report
from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.profile import load_profile_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ON = date(2026, 6, 30)


def firm(**changes):
    profile = load_profile_json(next(EXAMPLES.glob("01*.json")).read_text(encoding="utf-8"))[0]
    return profile.with_values(tier="none", **changes)


def rows(assessment, tier):
    return {row.id.rsplit(".", 1)[-1]: row for row in assessment.tier(tier, "tech_sme" if tier == "tech_sme" else "apply").criteria}


def test_each_innovative_indicator_shows_the_figure_and_the_band():
    profile = firm(rd_expense=Decimal("1000000"), revenue=Decimal("24000000"), debt_ratio=Decimal("55.01"))
    found = rows(assess(profile, ON, with_opens=False), "innovative")
    assert (found["score_rd_ratio"].value, found["score_rd_ratio"].threshold) == ("4.16%", "档次：3%–5%")
    assert found["score_rd_ratio"].points == "15分/20分"
    assert (found["score_debt"].value, found["score_debt"].threshold) == ("55.01%", "档次：55%–75%")
    assert found["score_field"].value == "是"
    assert found["score_ip"].value.endswith("件")


def test_a_figure_below_every_band_is_shown_beside_the_lowest():
    found = rows(assess(firm(rd_expense=Decimal("50000")), ON, with_opens=False), "innovative")
    assert (found["score_rd_ratio"].value, found["score_rd_ratio"].threshold) == ("0.26%", "档次：1%以下")


def test_the_tech_sme_rd_indicator_shows_the_ratio_of_the_band_it_reached():
    found = rows(assess(firm(), ON, with_opens=False), "tech_sme")
    assert found["score_rd"].threshold.startswith("档次：占")
    assert found["score_rd"].value.endswith("%")


def test_the_text_report_prints_figure_points_and_band_on_the_row():
    text = text_report(assess(firm(rd_expense=Decimal("1000000"), revenue=Decimal("24000000")), ON, with_opens=False))
    line = next(line for line in text.splitlines() if "上年度研发费用总额占营业收入总额比重" in line)
    assert "4.16%（15分/20分）" in line and "档次：3%–5%" in line


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_report_prints_figure_and_band(tmp_path):
    from zjtx_desktop.packets.assessment_report import build_assessment_report

    profile = firm(rd_expense=Decimal("1000000"), revenue=Decimal("24000000"))
    path = build_assessment_report(profile, assess(profile, ON), tmp_path)
    text = "".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "4.16%（15分" in text and "档次：3%–5%" in text  # a narrow cell wraps after 15分
