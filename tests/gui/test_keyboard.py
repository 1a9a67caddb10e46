"""Points 4, 5 and 7 of issue 11: the keyboard all the way — tables, Enter, Esc and where the focus lands."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableWidget, QWidget, QWizard

from .conftest import type_text
from .test_wizard import make_wizard

LOAN = {1: "厦门银行", 3: "10000000", 4: "4.2", 5: "2025-01-01", 6: "2025-12-31"}


def focused():
    return QApplication.focusWidget()


def key(qtbot, which, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), which, modifier)


def fill_row_by_keyboard(qtbot, table: QTableWidget, cells: dict[int, str], choice_steps: int) -> None:
    """In the open first cell (a drop-down): arrows; then Tab from cell to cell, typing; Tab after the last."""
    for column in range(table.columnCount()):
        assert table.isAncestorOf(focused()), f"column {column}: the focus left the table early"
        if column == 0:
            for _ in range(choice_steps):
                key(qtbot, Qt.Key.Key_Down)
        elif column in cells:
            type_text(qtbot, focused(), cells[column])
        key(qtbot, Qt.Key.Key_Tab)


def test_a_keyboard_only_run_fills_a_table_with_two_rows_and_moves_on(qtbot, memory_session):
    memory_session.values.update(has_tech_fund_loans=True)
    memory_session.meta["wizard_page"] = "loans"
    wizard = make_wizard(qtbot, memory_session)
    table = wizard.findChild(QTableWidget, "tech_fund_loans")
    add = wizard.findChild(QPushButton, "tech_fund_loans_add")
    assert focused() is table  # the page's first field has the cursor
    key(qtbot, Qt.Key.Key_Tab)  # an empty table: Tab goes on to 添加一行
    assert focused() is add
    key(qtbot, Qt.Key.Key_Space)
    fill_row_by_keyboard(qtbot, table, LOAN, choice_steps=1)
    assert focused() is add  # Tab after the last cell left the table (it used to wrap round inside it)
    key(qtbot, Qt.Key.Key_Space)
    fill_row_by_keyboard(qtbot, table, {**LOAN, 1: "兴业银行"}, choice_steps=2)
    assert focused() is add
    key(qtbot, Qt.Key.Key_PageDown)  # (Alt+N too, on a real screen: offscreen Qt does not deliver Alt access keys)
    assert wizard.currentPage().objectName() == "page_talent"
    loans = memory_session.values["tech_fund_loans"]
    assert [(loan["purpose"], loan["bank"]) for loan in loans] == [("fixed_asset", "厦门银行"), ("rd", "兴业银行")]


def test_shift_tab_and_ctrl_tab_leave_a_table_that_has_rows(qtbot, memory_session):
    memory_session.values.update(has_tech_fund_loans=True, tech_fund_loans=[])
    memory_session.meta["wizard_page"] = "loans"
    wizard = make_wizard(qtbot, memory_session)
    table = wizard.findChild(QTableWidget, "tech_fund_loans")
    for _ in range(2):
        table.insertRow(0)
    table.setFocus()
    table.setCurrentCell(1, 3)
    key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert focused().objectName() == "tech_fund_loans_add"
    table.setFocus()
    table.setCurrentCell(0, 0)
    key(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not table.isAncestorOf(focused()) and focused() is not table


def test_a_new_empty_row_shows_no_messages_until_the_user_leaves_it_unfinished(qtbot, memory_session):
    memory_session.values.update(has_tech_fund_loans=True)
    memory_session.meta["wizard_page"] = "loans"
    wizard = make_wizard(qtbot, memory_session)
    qtbot.mouseClick(wizard.findChild(QPushButton, "tech_fund_loans_add"), Qt.MouseButton.LeftButton)
    message = wizard.findChild(type(wizard.pages["loans"].editors["tech_fund_loans"].message), "tech_fund_loans__message")
    assert not message.isVisible()
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "厦门银行")
    key(qtbot, Qt.Key.Key_Tab)
    assert not message.isVisible()  # still filling the row in
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # leaves the table unfinished
    assert message.isVisible() and "请填写“贷款金额”" in message.text()


def test_enter_in_a_field_moves_to_the_next_field_and_in_the_last_one_to_the_next_page(qtbot, memory_session):
    wizard = make_wizard(qtbot, memory_session)
    assert focused().objectName() == "company_name"
    type_text(qtbot, focused(), "厦门测试科技有限公司")
    key(qtbot, Qt.Key.Key_Return)
    assert focused().objectName() == "uscc" and wizard.currentPage().objectName() == "page_identity"
    assert memory_session.values["company_name"] == "厦门测试科技有限公司"  # saved on the way
    wizard.findChild(QWidget, "company_size").setFocus()
    key(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # a drop-down too; the keypad's Enter too
    assert focused().objectName() == "industry_code"
    wizard.findChild(QWidget, "postal_code").setFocus()
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage().objectName() == "page_contact"
    assert focused().objectName() == "legal_representative"


def test_enter_on_an_answer_of_the_review_goes_to_that_answer(qtbot, memory_session):
    memory_session.values.update(company_name="厦门测试科技有限公司", registered_capital=Decimal("5000000"))
    memory_session.meta["wizard_page"] = "review"
    wizard = make_wizard(qtbot, memory_session)
    tree = wizard.review.tree
    assert focused() is tree
    tree.setCurrentItem(tree.topLevelItem(0).child(3))  # 注册资本
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage().objectName() == "page_identity"
    assert focused().objectName() == "registered_capital"


def test_esc_asks_before_leaving_the_firm(qtbot, memory_session, monkeypatch):
    from zjtx_desktop.ui import dialogs

    answers, asked = [False, True], []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or answers.pop(0))
    wizard = make_wizard(qtbot, memory_session)
    left = []
    wizard.leave_requested.connect(lambda: left.append(True))
    key(qtbot, Qt.Key.Key_Escape)
    assert asked and "已自动保存" in asked[0] and left == [] and wizard.isVisible()  # 继续填写
    key(qtbot, Qt.Key.Key_Escape)
    assert left == [True]


def test_new_firm_then_straight_back_leaves_no_empty_firm_and_the_cursor_starts_in_the_first_field(qtbot, tmp_path):
    from datetime import date

    from zjtx_desktop.store import Database
    from zjtx_desktop.ui.main_window import MainWindow

    with Database.open(tmp_path / "data") as db:
        window = MainWindow(db=db, data_dir=tmp_path / "data", today=lambda: date(2026, 11, 27))
        qtbot.add_widget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.new_company()  # Ctrl+N
        assert focused().objectName() == "company_name"
        window.workspace.wizard.next()  # looks at a page or two, enters nothing
        window.close_company()
        assert db.list_companies() == [] and window.firms.rowCount() == 0
        window.new_company()
        type_text(qtbot, focused(), "厦门新建科技有限公司")
        key(qtbot, Qt.Key.Key_Tab)
        window.close_company()
        assert [c.name for c in db.list_companies()] == ["厦门新建科技有限公司"]
        assert window.firms.rowCount() == 1
        window.close()


def test_an_amount_typed_in_a_table_cell_is_echoed_in_figures_and_words_under_the_grid(qtbot, memory_session):
    """A cell is too narrow for the 大写: under the grid, each amount of the current row as understood,
    while it is typed and after (“1000万” in 贷款金额 → ＝ 10,000,000.00 元，壹仟万元整)."""
    memory_session.values.update(has_tech_fund_loans=True)
    memory_session.meta["wizard_page"] = "loans"
    wizard = make_wizard(qtbot, memory_session)
    table = wizard.findChild(QTableWidget, "tech_fund_loans")
    echo = wizard.findChild(QLabel, "tech_fund_loans__amount")
    qtbot.mouseClick(wizard.findChild(QPushButton, "tech_fund_loans_add"), Qt.MouseButton.LeftButton)
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Tab)  # purpose, bank, contract number: to 贷款金额
    type_text(qtbot, focused(), "1000万")  # not left yet
    assert echo.isVisibleTo(wizard) and echo.text() == "第1行：贷款金额 ＝ 10,000,000.00 元，壹仟万元整"
    key(qtbot, Qt.Key.Key_Tab)
    assert table.item(0, 3).text() == "1000万"  # the cell keeps what was typed
    assert echo.text() == "第1行：贷款金额 ＝ 10,000,000.00 元，壹仟万元整"
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Tab)  # rate, start, end: to 已付利息
    type_text(qtbot, focused(), "42000")
    key(qtbot, Qt.Key.Key_Tab)
    assert echo.text() == "第1行：贷款金额 ＝ 10,000,000.00 元，壹仟万元整；已付利息 ＝ 42,000.00 元，肆万贰仟元整"


def test_interest_paid_above_what_the_loan_could_cost_is_warned_under_the_table_and_does_not_block(
        qtbot, memory_session):
    """Point 10 of issue 11: 已付利息 typed in 元 where 万元 was meant is flagged beside the table."""
    memory_session.values.update(has_tech_fund_loans=True)
    memory_session.meta["wizard_page"] = "loans"
    wizard = make_wizard(qtbot, memory_session)
    qtbot.mouseClick(wizard.findChild(QPushButton, "tech_fund_loans_add"), Qt.MouseButton.LeftButton)
    table = wizard.findChild(QTableWidget, "tech_fund_loans")
    fill_row_by_keyboard(qtbot, table, {**LOAN, 7: "4200000"}, choice_steps=1)  # 10,000,000 at 4.2 %: ≤ 420,000
    message = wizard.findChild(QLabel, "tech_fund_loans__message")
    assert message.isVisibleTo(wizard) and "高于按贷款金额、年利率和期限算出的全部利息" in message.text()
    assert memory_session.values["tech_fund_loans"][0]["interest_paid"] == Decimal("4200000")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
