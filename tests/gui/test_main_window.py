"""The whole application driven as an accountant drives it, on a real database in a temporary folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView, QTableWidget, QWizard

from zjtx_desktop.store import Database
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.main_window import MainWindow

from .user import User

TODAY = date(2026, 11, 27)
PACKET_FIELDS = {"industry_code": "C3973", "contact_email": "xulp@luxin-chip.example.cn", "net_profit": "16300000",
                 "debt_ratio": "41.3", "tax_paid": "7720000", "ip_class1_count": "14"}


@pytest.fixture
def open_window(qtbot, tmp_path):
    opened = []

    def open_(data_dir: Path = tmp_path / "data", *, read_only: bool = False) -> MainWindow:
        data_dir.mkdir(exist_ok=True)
        db = Database.open(data_dir, read_only=read_only)
        window = MainWindow(db=db, data_dir=data_dir, today=lambda: TODAY)
        qtbot.add_widget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        opened.append((window, db))
        return window

    yield open_
    for window, db in opened:
        window.close()
        db.close()


def close(window: MainWindow) -> None:
    window.close()
    window.db.close()


def firm_names(window: MainWindow) -> list[str]:
    model = window.findChild(QTableView, "firm_table").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def result_row(window: MainWindow, measure: str) -> tuple[str, str]:
    table = window.findChild(QTableWidget, "results_table")
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == measure:
            return table.item(row, 2).text(), table.item(row, 3).text()
    raise KeyError(measure)


def declare_reserve_firm(user: User) -> None:
    """A 小巨人后备 firm from scratch, page by page, with one wrong code fixed on the way."""
    user.type("company_name", "厦门鹭芯电子科技股份有限公司")
    user.type("uscc", "91350205MA8UQE3J0X")
    assert "校验码" in user.find(QLabel, "uscc__message").text()
    assert not user.find(QWizard, "wizard").button(QWizard.WizardButton.NextButton).isEnabled()
    user.type("uscc", "91350205MA8UQE3J0U")
    user.type("registration_date", "2016-09-01")
    user.type("registered_capital", "36000000")
    user.choose("company_size", "中型")
    user.choose("district", "海沧区")
    user.type("registered_address", "厦门市海沧区新阳工业区翁角路188号")
    user.type("postal_code", "361026")
    user.next()
    user.type("legal_representative", "黄志明")
    user.type("legal_rep_phone", "0592-6881000")
    user.type("contact_person", "许丽萍")
    user.type("contact_phone", "0592-6881008")
    user.type("contact_mobile", "18850001234")
    user.type("bank_name", "兴业银行厦门海沧支行")
    user.type("bank_account", "129880100100234567")
    user.next()
    user.type("employees", "263")
    user.type("rd_staff", "71")
    user.type("revenue", "158000000")
    user.type("main_business_revenue", "152600000")
    user.type("rd_expense", "14900000")
    user.next()
    user.choose("tier", "专精特新中小企业")
    user.type("tier_granted_date", "2022-11-30")
    user.answer("reserve_designated", True)
    user.type("reserve_designated_date", "2025-03-18")
    user.answer("wants_tier_assessment", False)  # so the 梯度培育自评 page is skipped
    user.next()
    for key in ("has_equipment_investment", "has_joint_lab", "has_tech_fund_loans", "has_ip_pledge_loans",
                "has_standards", "is_cluster_operator", "has_consulting", "has_training",
                "has_overseas_exhibitions", "has_credit_insurance"):
        user.answer(key, False)
    user.answer("has_digital_upgrade", True)
    user.answer("has_market_events", True)
    user.next()
    assert user.page() == "page_digital"
    user.type("digital_items", "MES生产执行系统1套、工业网关12台")
    user.type("digital_investment", "620000")
    user.choose("digital_level_after", "二级")
    user.type("digital_assessment_date", "2025-09-10")
    user.next()
    assert user.page() == "page_market_events"
    user.add_row("market_events", {0: "2025鹭芯功率器件新品发布会", 3: "深圳", 4: "2025-05-16", 5: "68000"}, {1: 2, 2: 1})
    user.next()
    assert user.page() == "page_talent"
    user.type("core_tech_executives", "4")
    user.next()
    assert user.page() == "page_review"


def test_a_firm_declared_from_scratch_gets_its_results_and_packets(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window()
    user = User(qtbot, window)
    user.press("firm_new")
    declare_reserve_firm(user)
    user.click(user.find(QWizard, "wizard").button(QWizard.WizardButton.FinishButton))
    assert window.workspace.tabs.currentWidget() is window.workspace.results
    assert result_row(window, "2a") == ("符合", "300,000.00")
    assert result_row(window, "7a") == ("符合", "186,000.00")
    assert result_row(window, "13") == ("符合", "68,000.00")
    assert result_row(window, "3a")[0] == "不符合"
    assert "554,000.00" in window.workspace.results.total.text()

    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or True)
    out = tmp_path / "packets"
    to_fill = dict(PACKET_FIELDS)
    for _ in range(len(PACKET_FIELDS) + 1):  # each time: 去填写 → the field has the cursor → type it
        user.press("results_packets")
        dialog = user.dialog("packets_dialog")
        folder = dialog.findChild(QLineEdit, "packets_folder")
        assert "专精特新申报材料" in folder.text() and TODAY.isoformat() in folder.text()
        folder.setText(str(out))
        asked.clear()
        user.click(dialog.findChild(QPushButton, "packets_generate"))
        qtbot.waitUntil(lambda d=dialog: bool(asked or d.paths), timeout=60000)  # 去填写, or the PDFs are built
        if not asked:
            break
        qtbot.waitUntil(window.isActiveWindow)
        key = QApplication.focusWidget().objectName()
        assert window.workspace.tabs.currentWidget() is window.workspace.wizard
        assert f"“{window.questions.field(key).label}”" in asked[0]
        user.type(key, to_fill.pop(key))
        user.tab("workspace_tabs", "评估结果")
    assert to_fill == {}
    paths = dialog.paths
    assert {p.parent for p in paths} == {out}
    assert all(p.is_file() and p.suffix == ".pdf" for p in paths)
    assert len(paths) >= 4  # 2a, 7a, 13 and the summary report (3b/14 go to other policies)
    preview = dialog.preview(paths[0])
    assert preview.page_count() >= 1
    preview.close()


def test_every_value_is_there_after_closing_and_reopening(qtbot, open_window, tmp_path):
    window = open_window()
    user = User(qtbot, window)
    user.press("firm_new")
    declare_reserve_firm(user)
    close(window)
    again = open_window()
    assert firm_names(again) == ["厦门鹭芯电子科技股份有限公司"]
    User(qtbot, again).press("firm_open")
    profile = again.workspace.session.profile()
    assert profile.get("uscc") == "91350205MA8UQE3J0U"
    assert profile.get("digital_level_after") == 2
    assert profile.rows("market_events")[0]["name"] == "2025鹭芯功率器件新品发布会"
    assert str(profile.get("registered_capital")) == "36000000"
    assert again.workspace.wizard.currentPage().objectName() == "page_review"  # resumes where the user left
    assert again.findChild(QLineEdit, "contact_mobile").text() == "18850001234"
