"""Cross-field plausibility warnings (core/plausibility.py): shown beside the field in the application,
printed by the CLI and the Excel import. Warnings only: the values are kept."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from zjtx_desktop.core.plausibility import implausible
from zjtx_desktop.core.profile import parse_profile
from zjtx_desktop.core.questions import default_questions

ROOT = Path(__file__).resolve().parents[2]
LOAN = {"purpose": "rd", "bank": "厦门银行", "principal": Decimal("1000000"), "annual_rate": Decimal("4"),
        "start_date": date(2025, 1, 1), "end_date": date(2025, 12, 31)}


def test_rd_expense_above_the_whole_revenue_is_flagged_on_the_rd_expense():
    issues = implausible({"revenue": Decimal("1580"), "rd_expense": Decimal("14900000")}, default_questions())
    assert [issue.key for issue in issues] == ["rd_expense"]
    assert "万元" in issues[0].message and "1,580.00" in issues[0].message
    assert implausible({"revenue": Decimal("15800000"), "rd_expense": Decimal("1490000")}, default_questions()) == []


def test_interest_paid_above_what_the_loan_could_cost_is_flagged_on_its_row():
    fine = {**LOAN, "interest_paid": Decimal("40000")}
    slip = {**LOAN, "interest_paid": Decimal("400000")}  # a digit too many
    issues = implausible({"tech_fund_loans": [fine, slip]}, default_questions())
    assert [(issue.row, issue.column) for issue in issues] == [(2, "interest_paid")]
    two_years = {**LOAN, "end_date": date(2026, 12, 31), "interest_paid": Decimal("79000")}  # two years' interest
    assert implausible({"ip_pledge_loans": [two_years]}, default_questions()) == []


def test_parse_profile_reports_them_as_warnings_and_keeps_the_values():
    profile, warnings = parse_profile({"revenue": "1580", "rd_expense": "1490万"})
    assert profile.get("rd_expense") == Decimal("14900000")
    assert any(warning.key == "rd_expense" for warning in warnings)


def test_the_cli_prints_the_warning_and_still_evaluates(tmp_path):
    raw = json.loads(next((ROOT / "examples").glob("03*.json")).read_text(encoding="utf-8"))
    raw.update(revenue="158000000", rd_expense="1490000000")  # 研发费用 typed with two zeros too many
    source = tmp_path / "firm.json"
    source.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "zjtx_desktop", "evaluate", str(source), "--date", "2025-11-20"],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert done.returncode == 0 and "研发费用" in done.stderr and "万元" in done.stderr
