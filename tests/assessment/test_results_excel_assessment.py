"""`evaluate --all --out`: each firm's row also gives its SME size and the highest title it can apply for."""

from pathlib import Path

from openpyxl import load_workbook

from zjtx_desktop.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))


def test_the_results_workbook_has_the_size_and_the_best_reachable_tier(tmp_path, capsys):
    data = str(tmp_path / "data")
    for path in EXAMPLES:
        assert main(["import", str(path), "--data-dir", data]) == 0
    out = tmp_path / "评估结果.xlsx"
    assert main(["evaluate", "--all", "--out", str(out), "--date", "2026-06-30", "--data-dir", data]) == 0
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    size_column, tier_column = header.index("企业规模（按划型标准测算）"), header.index("目前可申请的最高梯度（自评）")
    assert header[size_column - 1] == "政策" and header[-1] == "补助合计（元）"
    by_firm = {row[0]: (row[size_column], row[tier_column]) for row in rows[1:] if row[1]}
    assert by_firm["厦门鹭芯电子科技股份有限公司"] == ("小型", "专精特新“小巨人”企业")
    assert by_firm["厦门鹭航智能装备股份有限公司"] == ("中型", "暂无")
    assert by_firm["厦门鹭科新材料有限公司"] == ("小型", "暂无")
    assert len(by_firm) == len(EXAMPLES)
