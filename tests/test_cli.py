"""The CLI as a user runs it: exit codes, Chinese messages on stderr, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zjtx_desktop.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.json"))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def test_evaluate_prints_a_chinese_table_with_every_measure():
    done = run_cli("evaluate", str(EXAMPLES[4]), "--date", "2025-11-20")  # 05, the richest firm
    assert done.returncode == 0, done.stderr
    for measure in ("2a", "3b", "7c", "15"):
        assert f"\n{measure} " in done.stdout
    assert "补助合计" in done.stdout and "厦门鹭航智能装备股份有限公司" in done.stdout


def test_json_output_has_the_documented_keys(capsys):
    assert main(["evaluate", str(EXAMPLES[0]), "--date", "2025-06-30", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["policy"]["id"] == "xm-srdi-2024" and data["date"] == "2025-06-30"
    assert len(data["results"]) == 20
    for result in data["results"]:
        assert {"measure", "status", "amount", "reference_amount", "explanation", "clause", "missing"} <= set(result)
        assert result["amount"] is None or isinstance(result["amount"], str)


def test_after_the_policy_ends_nothing_is_eligible_and_the_figure_is_only_for_reference(capsys):
    firm = next(path for path in EXAMPLES if path.name.startswith("02"))
    assert main(["evaluate", str(firm), "--date", "2027-01-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    equipment = next(r for r in data["results"] if r["measure"] == "3b")
    assert data["total"] == "0.00" and not [r for r in data["results"] if r["status"] == "符合"]
    assert equipment["status"] == "不在有效期" and equipment["amount"] is None
    assert equipment["reference_amount"] == "260000.00"
    assert main(["evaluate", str(firm), "--date", "2027-01-01"]) == 0
    text = capsys.readouterr().out
    assert "仅供参考：按本政策计算为260,000.00元" in text and "补助合计（最高可申请，不含融资支持）：0.00 元" in text


def test_several_files_give_a_json_array(capsys):
    assert main(["evaluate", *map(str, EXAMPLES[:2]), "--format", "json", "--date", "2025-06-30"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [Path(item["file"]).name for item in data] == [EXAMPLES[0].name, EXAMPLES[1].name]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"tier": ', "格式有误"),
        ('{"colour": "red"}', "「colour」"),
        ('{"revenue": "-5"}', "不能为负数"),
        ('{"revenue": "很多"}', "不是数字"),
        ('{"uscc": "91350203MA2Y0N4F0X"}', "有一位或几位输错了"),
        ('{"tech_fund_loans": [{"purpose": "rd", "bank": "甲", "principal": 1, "annual_rate": 3,'
         ' "start_date": "2025-02-01", "end_date": "2025-01-01"}]}', "早于"),
        ('{"debt_ratio": 150}', "超过100%"),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message_and_no_traceback(tmp_path, content, message):
    profile = tmp_path / "企业.json"
    profile.write_text(content, encoding="utf-8")
    done = run_cli("evaluate", str(profile))
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_a_missing_file_and_a_bad_date_are_user_errors(tmp_path):
    assert "找不到文件" in run_cli("evaluate", str(tmp_path / "none.json")).stderr
    done = run_cli("evaluate", str(EXAMPLES[0]), "--date", "2025-13-01")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_warnings_do_not_stop_the_evaluation(tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text('{"tier": "srdi", "equipment_investment_last_year": 350}', encoding="utf-8")
    done = run_cli("evaluate", str(profile), "--date", "2025-06-30")
    assert done.returncode == 0 and "提示" in done.stderr and "万元" in done.stderr


def test_schema_lists_every_question(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["uscc"]["title"] == "统一社会信用代码"
    assert schema["properties"]["tech_fund_loans"]["items"]["properties"]["annual_rate"]["x-unit"] == "%"


def test_wrong_arguments_get_a_chinese_message_and_exit_2():
    done = run_cli("evaluate", str(EXAMPLES[0]), "--format", "xml")
    assert done.returncode == 2 and done.stderr.startswith("错误：命令行参数有误") and "--help" in done.stderr


def test_a_successor_pack_imported_in_the_app_is_used_by_the_cli_too(tmp_path, capsys):
    """The window and the CLI must evaluate a firm alike, so both read the data folder's packs."""
    from zjtx_desktop.store.policy_data import import_policy_pack

    data = tmp_path / "data"
    successor = Path(__file__).parent / "data" / "policies_successor" / "xm-srdi-2027"
    import_policy_pack(source=successor, data_dir=data)
    profile = tmp_path / "企业.json"
    profile.write_text('{"tier": "srdi", "equipment_investment_last_year": 6000000}', encoding="utf-8")
    assert main(["evaluate", str(profile), "--date", "2027-06-01", "--format", "json", "--data-dir", str(data)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["policy"]["id"] == "xm-srdi-2027-test"
    assert result["results"][0]["amount"] == "900000.00"
