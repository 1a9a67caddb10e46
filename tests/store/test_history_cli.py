"""`zjtx-desktop history`: a user sees who changed a figure and when, for one field or a whole firm."""

from zjtx_desktop.cli import main
from zjtx_desktop.store import Database

CODE = "91350205MA8UQE3J0U"


def test_a_fields_history_shows_old_and_new_values_and_where_they_came_from(tmp_path, capsys):
    data = tmp_path / "数据"
    with Database.open(data) as db:
        firm = db.create_company({"company_name": "厦门鹭芯电子科技股份有限公司", "uscc": CODE})
        db.save_field(firm, "revenue", "158000000")
        db.save_field(firm, "revenue", "160000000")
    assert main(["history", "--company", CODE, "--field", "revenue", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[-1] == "共 2 条。"
    assert "营业收入：（空） → 158000000" in lines[0]
    assert "营业收入：158000000 → 160000000" in lines[1]
    assert main(["history", "--company", CODE, "--data-dir", str(data)]) == 0
    assert "企业名称" in capsys.readouterr().out


def test_an_unknown_field_or_firm_is_a_chinese_error(tmp_path, capsys):
    data = tmp_path / "数据"
    with Database.open(data) as db:
        db.create_company({"uscc": CODE})
    assert main(["history", "--company", CODE, "--field", "revenu", "--data-dir", str(data)]) == 2
    assert "没有“revenu”这个字段" in capsys.readouterr().err
    assert main(["history", "--company", "91350203MA2Y0N4F04", "--data-dir", str(data)]) == 2
    assert "zjtx-desktop list" in capsys.readouterr().err
