"""The wizard driven as a user drives it: type, tab, read the message, press Next."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QWizard,
)

from zjtx_desktop.core.policy import default_policies
from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.ui.wizard.wizard import DeclarationWizard

from .conftest import type_text

NEXT = QWizard.WizardButton.NextButton


def make_wizard(qtbot, session):
    clauses = {m.clause_ref: m.clause for m in default_policies()[0].measures.values()}
    wizard = DeclarationWizard(session=session, questions=default_questions(), clauses=clauses)
    qtbot.add_widget(wizard)
    wizard.resize(1000, 760)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    wizard.resume()
    return wizard


def type_into(qtbot, wizard, key, text):
    line = wizard.findChild(QLineEdit, key)
    line.setFocus()
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    return line


def message(wizard, key):
    label = wizard.findChild(QLabel, f"{key}__message")
    return label.text() if label.isVisible() else ""


def test_a_wrong_uscc_blocks_next_until_fixed(qtbot, memory_session):
    wizard = make_wizard(qtbot, memory_session)
    type_into(qtbot, wizard, "company_name", "厦门测试科技有限公司")
    type_into(qtbot, wizard, "uscc", "91350200MA2XXXXXX1")
    assert "校验码" in message(wizard, "uscc") or "不允许" in message(wizard, "uscc")
    assert not wizard.button(NEXT).isEnabled()
    assert "uscc" not in memory_session.values
    type_into(qtbot, wizard, "uscc", "91350205MA8UQE3J0U")
    assert message(wizard, "uscc") == ""
    assert wizard.button(NEXT).isEnabled()
    assert memory_session.values["uscc"] == "91350205MA8UQE3J0U"
    assert memory_session.values["company_name"] == "厦门测试科技有限公司"


def test_money_shows_capitals_and_a_wrong_value_is_kept_as_draft(qtbot, memory_session):
    wizard = make_wizard(qtbot, memory_session)
    type_into(qtbot, wizard, "registered_capital", "5000000")
    assert wizard.findChild(QLabel, "registered_capital__amount").text() == "＝ 5,000,000.00 元，伍佰万元整"
    type_into(qtbot, wizard, "registered_capital", "五百万")
    assert "不是数字" in message(wizard, "registered_capital")
    assert memory_session.meta["draft:registered_capital"] == "五百万"
    again = make_wizard(qtbot, memory_session)
    assert again.findChild(QLineEdit, "registered_capital").text() == "五百万"


def test_pages_that_do_not_apply_are_skipped(qtbot, memory_session):
    memory_session.values.update(has_equipment_investment=False, has_tech_fund_loans=True)
    memory_session.meta["wizard_page"] = "activities"
    wizard = make_wizard(qtbot, memory_session)
    assert wizard.currentPage().objectName() == "page_activities"
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    assert wizard.currentPage().objectName() == "page_loans"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.findChild(QRadioButton, "has_tech_fund_loans_no"), Qt.MouseButton.LeftButton)
    assert memory_session.values["has_tech_fund_loans"] is False
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    assert wizard.currentPage().objectName() == "page_talent"


def test_table_rows_are_added_checked_and_saved(qtbot, memory_session):
    memory_session.values.update(has_tech_fund_loans=True)
    memory_session.meta["wizard_page"] = "loans"
    wizard = make_wizard(qtbot, memory_session)
    qtbot.mouseClick(wizard.findChild(type(wizard.button(NEXT)), "tech_fund_loans_add"), Qt.MouseButton.LeftButton)
    table = wizard.findChild(QTableWidget, "tech_fund_loans")
    assert table.rowCount() == 1
    assert message(wizard, "tech_fund_loans") == ""  # an empty new row: nothing typed, nothing to complain of
    table.item(0, 1).setText("厦门银行")
    assert not wizard.button(NEXT).isEnabled()  # the row lacks its required cells
    for column, text in ((3, "10000000"), (4, "4.2"), (5, "2025-01-01"), (6, "2025-12-31")):
        table.item(0, column).setText(text)
    table.item(0, 0).setData(Qt.ItemDataRole.UserRole, "fixed_asset")
    assert wizard.button(NEXT).isEnabled()
    assert memory_session.values["tech_fund_loans"][0]["bank"] == "厦门银行"
    assert "draft:tech_fund_loans" in memory_session.meta
    assert memory_session.meta["draft:tech_fund_loans"] is None


def test_keyboard_only_tab_follows_the_layout_enter_and_page_keys_move_on(qtbot, memory_session):
    wizard = make_wizard(qtbot, memory_session)
    line = wizard.findChild(QLineEdit, "company_name")
    line.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == ["uscc", "registration_date", "registered_capital", "company_size"]
    postal = type_into(qtbot, wizard, "postal_code", "361026")
    postal.setFocus()
    qtbot.keyClick(postal, Qt.Key.Key_Return)
    assert wizard.currentPage().objectName() == "page_contact"
    assert memory_session.values["postal_code"] == "361026"
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_PageDown)
    assert wizard.currentPage().objectName() == "page_operations"
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_PageUp)
    assert wizard.currentPage().objectName() == "page_contact"


def test_the_review_lists_every_answer_and_jumps_back_to_it(qtbot, memory_session):
    memory_session.values.update(company_name="厦门测试科技有限公司", tier="srdi", registered_capital=Decimal("5000000"))
    memory_session.meta["wizard_page"] = "review"
    wizard = make_wizard(qtbot, memory_session)
    assert wizard.currentPage().objectName() == "page_review"
    tree = wizard.review.tree
    identity = tree.topLevelItem(0)
    assert identity.text(0) == "企业基本信息" and identity.child(0).text(1) == "厦门测试科技有限公司"
    assert identity.child(1).text(1) == "（必填，尚未填写）"
    assert identity.child(3).text(1) == "5,000,000.00 元"
    tree.setCurrentItem(identity.child(1))
    qtbot.mouseClick(wizard.findChild(QPushButton, "review_edit"), Qt.MouseButton.LeftButton)
    assert wizard.currentPage().objectName() == "page_identity"
    assert QApplication.focusWidget().objectName() == "uscc"


def test_an_amount_typed_as_accountants_write_it_is_shown_in_figures_and_capitals_before_it_is_saved(qtbot, memory_session):
    wizard = make_wizard(qtbot, memory_session)
    line = wizard.findChild(QLineEdit, "registered_capital")
    line.setFocus()
    type_text(qtbot, line, "12万")  # not left yet: nothing saved
    assert wizard.findChild(QLabel, "registered_capital__amount").text() == "＝ 120,000.00 元，壹拾贰万元整"
    assert "registered_capital" not in memory_session.values
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert memory_session.values["registered_capital"] == Decimal("120000")


def test_plausibility_warnings_appear_beside_the_field_and_do_not_block(qtbot, memory_session):
    memory_session.meta["wizard_page"] = "operations"
    wizard = make_wizard(qtbot, memory_session)
    type_into(qtbot, wizard, "revenue", "1580")  # 万元 typed as 元
    assert "偏小" in message(wizard, "revenue")
    type_into(qtbot, wizard, "rd_expense", "14900000")
    assert "高于营业收入" in message(wizard, "rd_expense")
    assert wizard.button(NEXT).isEnabled() and memory_session.values["rd_expense"] == Decimal("14900000")


def test_a_page_of_yes_no_questions_does_not_ask_to_tick_boxes():
    for page in default_questions().pages:
        if all(spec.type == "bool" for spec in page.fields):
            assert "勾选" not in page.intro and "是" in page.intro, page.key


def test_an_answer_chosen_is_checked_once_per_edit_not_twice(qtbot, memory_session, monkeypatch):
    """The page's check (core's parse of every field on it) runs after every edit: once, not once for
    the change and again for the save."""
    from PySide6.QtWidgets import QComboBox

    from zjtx_desktop.ui.wizard import page as page_module

    wizard = make_wizard(qtbot, memory_session)
    checks = []
    real = page_module.check_values
    monkeypatch.setattr(page_module, "check_values", lambda page, raw: checks.append(page.key) or real(page, raw))
    box = wizard.findChild(QComboBox, "company_size")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert memory_session.saves == ["company_size"]
    assert len(checks) == 1


def test_answering_the_question_a_note_asked_for_clears_the_note_with_one_check_of_the_page(
        qtbot, memory_session, monkeypatch):
    """A link to a field on a page skipped by 否 leaves a note on that 否; answering clears it, and the
    page is checked once for that edit, as for any other."""
    from zjtx_desktop.ui.wizard import page as page_module

    memory_session.save_field(key="wants_tier_assessment", raw=False)
    wizard = make_wizard(qtbot, memory_session)
    wizard.focus_field("revenue_2y_ago")
    assert "请先改为“是”" in message(wizard, "wants_tier_assessment")
    checks = []
    real = page_module.check_values
    monkeypatch.setattr(page_module, "check_values", lambda page, raw: checks.append(page.key) or real(page, raw))
    qtbot.mouseClick(wizard.findChild(QRadioButton, "wants_tier_assessment_yes"), Qt.MouseButton.LeftButton)
    assert memory_session.values["wants_tier_assessment"] is True
    assert message(wizard, "wants_tier_assessment") == "" and checks == ["tier"]


def test_a_message_that_appears_on_a_page_pushes_the_fields_below_it_down_never_over_them(qtbot, demo_dir):
    """On a laptop at 150 % (911×512 logical) the size warning beside 企业规模 (two lines) squeezed every
    field of 企业基本信息 instead of lengthening the page: help texts were drawn over one another."""
    from PySide6.QtWidgets import QComboBox

    from .conftest import main_window

    with main_window(qtbot, demo_dir, size=(911, 512)) as window:
        wizard = window.open_company(window.db.company_id_by_uscc("91350203MA2Y0N4F04")).wizard
        wizard.go_to_page(wizard.ids["identity"])
        box = wizard.findChild(QComboBox, "company_size")
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.keyClick(box, Qt.Key.Key_Down)  # 中型 → 微型: 划型 says 中型, a two-line warning appears
        page = wizard.pages["identity"]
        assert page.editors["company_size"].message.isVisible()
        qtbot.waitUntil(lambda: page.scroll.widget().layout().geometry().height() > 0)
        squeezed = [key for key, editor in page.editors.items()
                    if editor.height() < editor.heightForWidth(editor.width())]
        assert squeezed == []
