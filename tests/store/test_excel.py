"""Firms to and from Excel: the template, round trips, and every kind of bad workbook."""

from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from store_helpers import EXAMPLES, example_raw, fill_template, firm_row, make_uscc

from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.store import Database, StoreError, write_excel_template


def test_the_template_has_one_column_per_question_headed_by_its_label(tmp_path):
    write_excel_template(tmp_path / "t.xlsx")
    workbook = load_workbook(tmp_path / "t.xlsx")
    questions = default_questions()
    headers = [cell.value for cell in workbook["企业信息"][1]]
    assert headers == [f.label for f in questions.fields if f.type != "table"]
    loans = [cell.value for cell in workbook["技术创新基金贷款"][1]]
    assert loans == ["统一社会信用代码", *(c.label for c in questions.field("tech_fund_loans").columns)]
    assert "填写说明" in workbook.sheetnames


def test_an_empty_template_imports_nothing_and_complains_of_nothing(db, tmp_path):
    write_excel_template(tmp_path / "t.xlsx")
    report = db.import_excel(tmp_path / "t.xlsx")
    assert report.ok and report.created == [] and db.list_companies() == []


def test_every_example_survives_an_excel_round_trip(db, data_dir, tmp_path):
    for index in range(len(EXAMPLES)):
        db.create_company(example_raw(index))
    db.export_excel(tmp_path / "all.xlsx")
    with Database.open(tmp_path / "other") as other:
        report = other.import_excel(tmp_path / "all.xlsx")
        assert report.ok and len(report.created) == len(EXAMPLES)
        for firm in db.list_companies():
            assert other.profile(other.company_id_by_uscc(firm.uscc)) == db.profile(firm.id)


def test_excel_dates_numbers_and_booleans_are_read_as_meant(db, tmp_path):
    path = fill_template(tmp_path / "f.xlsx", [firm_row(1, **{"注册（成立）日期": datetime(2019, 5, 16),
                                                                 "营业收入": 1860.5, "从业人员数": 46.0,
                                                                 "已被列为专精特新“小巨人”后备企业": True})])
    assert db.import_excel(path).ok
    profile = db.profile(db.company_id_by_uscc(make_uscc(1)))
    assert profile.get("registration_date").isoformat() == "2019-05-16"
    assert profile.get("revenue") == Decimal("1860.5") and profile.get("employees") == 46
    assert profile.get("reserve_designated") is True


def test_wrong_types_are_reported_cell_by_cell_and_only_that_firm_is_left_out(db, tmp_path):
    path = fill_template(tmp_path / "f.xlsx", [
        firm_row(1),
        firm_row(2, **{"营业收入": "很多", "注册（成立）日期": "明天", "目前持有的最高称号": "独角兽", "从业人员数": 4.5}),
        firm_row(3),
    ])
    report = db.import_excel(path)
    assert len(report.created) == 2 and report.rejected_firms == 1
    assert {(p.sheet, p.row, p.column) for p in report.problems} == {
        ("企业信息", 3, "营业收入"), ("企业信息", 3, "注册（成立）日期"), ("企业信息", 3, "目前持有的最高称号"),
        ("企业信息", 3, "从业人员数")}
    assert "不是数字" in report.summary() and "第3行" in report.summary()
    assert db.company_id_by_uscc(make_uscc(2)) is None


def test_missing_required_columns_import_nothing_and_are_named(db, tmp_path):
    path = fill_template(tmp_path / "f.xlsx", [firm_row(1)])
    workbook = load_workbook(path)
    workbook["企业信息"].delete_cols(2)  # 统一社会信用代码
    workbook.save(path)
    report = db.import_excel(path)
    assert not report.ok and db.list_companies() == []
    assert "统一社会信用代码" in report.problems[0].column and "缺少必填的列" in report.problems[0].message


def test_an_unknown_column_imports_nothing(db, tmp_path):
    path = fill_template(tmp_path / "f.xlsx", [firm_row(1)])
    workbook = load_workbook(path)
    workbook["企业信息"].cell(1, 200, "备注栏")
    workbook.save(path)
    report = db.import_excel(path)
    assert [p.column for p in report.problems] == ["备注栏"] and db.list_companies() == []


def test_duplicate_codes_reject_every_row_that_shares_the_code(db, tmp_path):
    path = fill_template(tmp_path / "f.xlsx", [firm_row(1), firm_row(2), firm_row(1, 企业名称="重复的")])
    report = db.import_excel(path)
    assert [p.row for p in report.problems] == [2, 4] and "同一家企业只保留一行" in report.problems[0].message
    assert [c.uscc for c in db.list_companies()] == [make_uscc(2)]


def test_formulas_are_refused_with_what_to_do(db, tmp_path):
    path = fill_template(tmp_path / "f.xlsx", [firm_row(1, **{"营业收入": "=1000*10000"})])
    report = db.import_excel(path)
    assert report.problems[0].column == "营业收入" and "选择性粘贴" in report.problems[0].message
    assert db.list_companies() == []


def test_a_bank_account_excel_turned_into_a_number_is_refused(db, tmp_path):
    path = fill_template(tmp_path / "f.xlsx", [firm_row(1, 银行账号=35101560001052512345)])
    report = db.import_excel(path)
    assert report.problems[0].column == "银行账号" and "文本" in report.problems[0].message


def test_table_rows_are_located_on_their_own_sheet(db, tmp_path):
    loans = [{"统一社会信用代码": make_uscc(1), "贷款用途": "研发创新", "贷款银行": "兴业银行", "贷款金额": 5000000,
              "年利率": 3.45, "起始日期": "2025-01-01", "到期日期": "2026-01-01"},
             {"统一社会信用代码": make_uscc(1), "贷款用途": "研发创新", "贷款银行": "", "贷款金额": 100000,
              "年利率": 3, "起始日期": "2025-03-01", "到期日期": "2025-02-01"},
             {"统一社会信用代码": make_uscc(9), "贷款用途": "研发创新", "贷款银行": "甲", "贷款金额": 1,
              "年利率": 3, "起始日期": "2025-03-01", "到期日期": "2026-02-01"}]
    path = fill_template(tmp_path / "f.xlsx", [firm_row(1), firm_row(2)], {"技术创新基金贷款": loans})
    report = db.import_excel(path)
    located = {(p.sheet, p.row, p.column) for p in report.problems}
    assert ("技术创新基金贷款", 3, "贷款银行") in located and ("技术创新基金贷款", 3, "到期日期") in located
    assert ("技术创新基金贷款", 4, "统一社会信用代码") in located
    assert [c.uscc for c in db.list_companies()] == [make_uscc(2)]
    fixed = fill_template(tmp_path / "g.xlsx", [firm_row(1)], {"技术创新基金贷款": loans[:1]})
    assert db.import_excel(fixed).ok
    assert db.profile(db.company_id_by_uscc(make_uscc(1))).get("tech_fund_loans")[0]["principal"] == 5000000


def test_an_existing_firm_is_updated_only_when_asked(db, tmp_path):
    db.import_excel(fill_template(tmp_path / "a.xlsx", [firm_row(1)]))
    changed = fill_template(tmp_path / "b.xlsx", [firm_row(1, 营业收入=99)])
    report = db.import_excel(changed)
    assert report.skipped_existing and "--update" in report.summary()
    company_id = db.company_id_by_uscc(make_uscc(1))
    assert db.profile(company_id).get("revenue") == 18600000
    report = db.import_excel(changed, update_existing=True)
    assert len(report.updated) == 1 and db.profile(company_id).get("revenue") == 99
    assert db.field_history(company_id, "revenue")[-1].source == "导入 b.xlsx"


def test_a_file_that_is_not_a_workbook_says_what_to_do(db, tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(StoreError, match="另存为"):
        db.import_excel(tmp_path / "x.xlsx")
    Workbook().save(tmp_path / "other.xlsx")
    with pytest.raises(StoreError, match="企业信息"):
        db.import_excel(tmp_path / "other.xlsx")


@pytest.mark.slow
def test_ten_thousand_rows_import_completely(db, tmp_path):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("企业信息")
    headers = list(firm_row(0))
    sheet.append(headers)
    for number in range(1, 10_001):
        sheet.append(list(firm_row(number).values()))
    workbook.save(tmp_path / "big.xlsx")
    report = db.import_excel(tmp_path / "big.xlsx")
    assert report.ok and len(report.created) == 10_000
    assert len(db.list_companies()) == 10_000
    assert db.profile(db.company_id_by_uscc(make_uscc(10_000))).get("company_name") == "厦门测试10000号科技有限公司"
