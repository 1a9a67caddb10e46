"""Point 11 of issue 11: Excel for service centers — the template from the app (drop-down lists, a
填写说明 sheet), short names accepted on import, and 导出 offering Excel."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook, load_workbook
from PySide6.QtGui import QAction

from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.store.excel_layout import HELP_SHEET, MAIN_SHEET, main_fields
from zjtx_desktop.ui import dialogs


def column_of(sheet, label: str) -> str:
    from openpyxl.utils import get_column_letter

    headers = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    return get_column_letter(headers.index(label) + 1)


def test_file_menu_exports_the_import_template_with_drop_down_lists_and_instructions(qtbot, window, tmp_path,
                                                                                      monkeypatch):
    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda parent, **kw: str(target))
    window.findChild(QAction, "action_export_template").trigger()
    book = load_workbook(target)
    assert HELP_SHEET in book.sheetnames and MAIN_SHEET in book.sheetnames
    main = book[MAIN_SHEET]
    rules = {str(rule.sqref).split(":")[0]: rule for rule in main.data_validations.dataValidation}
    questions = default_questions()
    for spec in main_fields(questions):
        if spec.type in ("choice", "bool"):
            rule = rules[f"{column_of(main, spec.label)}2"]
            sheet, cells = rule.formula1.split("!")
            listed = [c.value for row in book[sheet.strip("'")][cells.replace("$", "")] for c in row]
            expected = [o.label for o in spec.options] if spec.type == "choice" else ["是", "否"]
            assert listed == expected, spec.key
    assert "已导出导入模板" in window.statusBar().currentMessage()


def test_an_import_with_the_short_names_people_write_is_understood(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, **kw: shown.append(kw["text"]))
    monkeypatch.setattr(dialogs, "warn", lambda parent, **kw: shown.append(kw["text"]))
    questions = default_questions()
    book = Workbook()
    sheet = book.active
    sheet.title = MAIN_SHEET
    firms = [("厦门简称一号科技有限公司", "91350200MA2Y0DG8XE", "湖里", "小巨人"),
             ("厦门简称二号科技有限公司", "91350206MA31ABCD04", "湖里区", "创新型中小企业"),
             ("厦门简称三号科技有限公司", "91350200000000077K", "火炬", "专精特新中小企业")]
    common = {"registered_address": "厦门市湖里区某路1号", "legal_representative": "张三", "contact_person": "李四",
              "contact_mobile": "13800000000", "bank_name": "厦门银行", "bank_account": "1234567890123",
              "registered_capital": "1,000万"}  # as accountants write amounts
    sheet.append([questions.field(k).label for k in ("company_name", "uscc", "district", "tier", *common)])
    for firm in firms:
        sheet.append([*firm, *common.values()])
    source = tmp_path / "简称.xlsx"
    book.save(source)
    window.db.delete_company(window.db.company_id_by_uscc("91350206MA31ABCD04"))
    window.import_path(source)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "新增 3 家" in shown[0], shown[0]
    tiers = {c.name: (window.db.profile(c.id).get("district"), window.db.profile(c.id).get("tier"))
             for c in window.db.list_companies() if "简称" in c.name}
    capitals = {window.db.profile(c.id).get("registered_capital") for c in window.db.list_companies() if "简称" in c.name}
    assert capitals == {Decimal("10000000")}
    assert tiers == {"厦门简称一号科技有限公司": ("huli", "little_giant"),
                     "厦门简称二号科技有限公司": ("huli", "innovative"),
                     "厦门简称三号科技有限公司": ("torch", "srdi")}


def test_the_export_button_offers_excel_for_all_firms(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "全部企业.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda parent, **kw: str(target))
    texts = [action.text() for action in window.list_buttons["firm_export"].menu().actions()]
    assert any("Excel" in text for text in texts)
    window.export_menu.findChild(QAction, "export_excel").trigger()
    qtbot.waitUntil(lambda: "已导出到" in window.statusBar().currentMessage(), timeout=20000)
    assert load_workbook(target)[MAIN_SHEET].max_row == 1 + window.firms.rowCount()  # the header and every firm
