"""A newly published LPR entered with `zjtx-desktop lpr --add` is what measure 5 then uses."""

import json

from zjtx_desktop.cli import main

LOAN = {"tier": "srdi", "ip_pledge_loans": [{"bank": "兴业银行", "principal": 10000000, "annual_rate": "3.5",
                                             "start_date": "2026-12-22", "end_date": "2027-12-22",
                                             "interest_paid": 350000}]}


def measure_5(capsys, profile, data):
    assert main(["evaluate", str(profile), "--date", "2026-12-23", "--format", "json", "--data-dir", str(data)]) == 0
    return next(r for r in json.loads(capsys.readouterr().out)["results"] if r["measure"] == "5")


def test_an_added_lpr_is_used_from_its_date(tmp_path, capsys):
    profile = tmp_path / "企业.json"
    profile.write_text(json.dumps(LOAN), encoding="utf-8")
    data = tmp_path / "data"
    # one day of interest by the evaluation date: 10,000,000 × 3.00 % (bundled, from 2025-05-20) × 60% ÷ 365
    assert measure_5(capsys, profile, data)["amount"] == "493.15"
    assert main(["lpr", "--add", "2026-12-22", "2.90", "--data-dir", str(data)]) == 0
    assert "2.9%" in capsys.readouterr().out
    result = measure_5(capsys, profile, data)
    assert result["amount"] == "476.71" and "2026-12-22" in "".join(result["computation"])


def test_a_bad_rate_is_refused_in_chinese(tmp_path, capsys):
    assert main(["lpr", "--add", "2026-12-22", "百分之三", "--data-dir", str(tmp_path)]) == 2
    assert "不是数字" in capsys.readouterr().err
    assert not (tmp_path / "rates").exists()
