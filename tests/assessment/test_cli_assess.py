"""`zjtx-desktop assess`: the self-assessment from a JSON file or from the database, as text or JSON."""

import json
import subprocess
import sys
from pathlib import Path

from zjtx_desktop.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
SIXTH = next(p for p in EXAMPLES if p.name.startswith("06"))


def test_json_output_has_the_issues_shape(capsys):
    assert main(["assess", str(SIXTH), "--date", "2026-06-30", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["criteria_set"]["id"] == "miit-2026-2" and data["size"]["size"] == "small"
    srdi = data["tiers"][0]
    assert srdi["tier"] == "srdi" and srdi["overall"] == "暂不具备"
    assert srdi["gap"] == ["研发费用占比2.4% → 需3%：按上年营业收入测算，约需再增加研发投入36万元"]
    assert {o["measure"]: o["amount"] for o in srdi["opens"]}["7b"] == "90000.00"
    rd_ratio = next(c for c in srdi["criteria"] if c["id"] == "rd.rd_ratio")
    assert rd_ratio == {"id": "rd.rd_ratio", "title": "上年度研发费用占营业收入比重不低于3%", "status": "不符合",
                        "value": "2.4%", "threshold": "≥ 3%", "points": None, "clause": "认定条件6",
                        "confidence": "confirmed", "note": "研发费用 144万元 ÷ 营业收入 6,000万元 = 2.4%"}


def test_the_date_picks_the_criteria_set(capsys):
    for day, expected in (("2026-03-31", "miit-2022-63"), ("2026-04-01", "miit-2026-2")):
        assert main(["assess", str(SIXTH), "--date", day, "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["criteria_set"]["id"] == expected


def test_the_text_report_names_the_rule_set_the_size_the_gap_and_what_the_title_opens():
    done = subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", "assess", str(SIXTH), "--date", "2026-06-30"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    for text in ("工信部企业〔2026〕2号", "企业规模（工信部联企业〔2011〕300号 第四条（二） 工业）：小型", "【专精特新中小企业】申请",
                 "约需再增加研发投入36万元", "获评专精特新中小企业后，按厦府办规〔2024〕11号最高可多申请 376,000.00 元",
                 "需人工核验"):
        assert text in done.stdout, text


def test_a_firm_in_the_database_is_assessed_alike(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["import", str(SIXTH), "--data-dir", data]) == 0
    code = json.loads(SIXTH.read_text(encoding="utf-8"))["uscc"]
    capsys.readouterr()
    assert main(["assess", str(SIXTH), "--date", "2026-06-30", "--format", "json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert main(["assess", "--company", code, "--date", "2026-06-30", "--format", "json", "--data-dir", data]) == 0
    assert json.loads(capsys.readouterr().out) == from_file


def test_bad_input_is_exit_code_2_with_a_chinese_message(tmp_path, capsys):
    assert main(["assess"]) == 2
    assert "请指定要自评的企业" in capsys.readouterr().err
    assert main(["assess", str(tmp_path / "无此文件.json")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert main(["assess", "--company", "91350205MA8WLK7Q2N", "--data-dir", str(tmp_path / "empty")]) == 2
    assert "还没有企业数据" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"niche_market_share": "120"}', encoding="utf-8")
    assert main(["assess", str(bad)]) == 2
    assert "主导产品全国细分市场占有率" in capsys.readouterr().err
