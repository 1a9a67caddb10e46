"""Point 2 of issue 11: a mouse wheel over a field the user has not clicked never changes an answer.

Scrolling a long page with the pointer resting on 企业规模 changed 中型 → 小型 and autosaved it. Now
a drop-down never takes the wheel, focused or not, and the page scrolls instead.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableWidget

from .conftest import main_window

RICHEST = "91350203MA2Y0N4F04"


def wheel_down(widget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(widget.rect().center())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def firm(qtbot, demo_dir):
    with main_window(qtbot, demo_dir, size=(1000, 560)) as window:  # short enough for the first page to scroll
        company_id = window.db.company_id_by_uscc(RICHEST)
        workspace = window.open_company(company_id)
        yield window, workspace, company_id


def test_a_wheel_over_an_unfocused_drop_down_scrolls_the_page_and_changes_nothing(qtbot, firm):
    window, workspace, company_id = firm
    wizard = workspace.wizard
    wizard.go_to_page(wizard.ids["identity"])
    box = wizard.findChild(QComboBox, "company_size")
    wizard.findChild(QLineEdit, "company_name").setFocus()
    scroll = wizard.pages["identity"].scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)
    history = len(window.db.field_history(company_id, "company_size"))
    wheel_down(box)
    assert box.currentText() == "中型"
    assert window.db.profile(company_id).get("company_size") == "medium"
    assert len(window.db.field_history(company_id, "company_size")) == history
    assert scroll.value() > 0  # the page scrolled instead


def test_a_wheel_over_a_drop_down_just_chosen_scrolls_the_page_and_keeps_the_choice(qtbot, firm):
    """After a choice the focus stays on the drop-down: scrolling on with the pointer there kept
    changing the answer just chosen (小型 → 微型, autosaved)."""
    window, workspace, company_id = firm
    wizard = workspace.wizard
    wizard.go_to_page(wizard.ids["identity"])
    box = wizard.findChild(QComboBox, "company_size")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # chosen by the keyboard: 中型 → 小型, saved
    assert window.db.profile(company_id).get("company_size") == "small"
    scroll = wizard.pages["identity"].scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)
    before = scroll.value()
    wheel_down(box)
    assert box.hasFocus() and box.currentText() == "小型"
    assert window.db.profile(company_id).get("company_size") == "small"
    assert scroll.value() > before


def test_a_wheel_over_a_drop_down_in_a_table_cell_changes_nothing(qtbot, firm):
    window, workspace, company_id = firm
    wizard = workspace.wizard
    wizard.go_to_page(wizard.ids["loans"])
    table = wizard.findChild(QTableWidget, "tech_fund_loans")
    before = window.db.profile(company_id).rows("tech_fund_loans")
    wizard.setFocus()
    cell = table.viewport()
    rect = table.visualRect(table.model().index(0, 0))
    target = cell.childAt(rect.center()) or cell
    wheel_down(target)
    assert window.db.profile(company_id).rows("tech_fund_loans") == before
    assert table.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole) in (None, "固定资产投资（增资扩产、技术改造）")


def test_a_wheel_over_the_workspace_tabs_does_not_switch_them(qtbot, firm):
    _window, workspace, _company_id = firm
    bar = workspace.tabs.tabBar()
    index = workspace.tabs.currentIndex()
    wheel_down(bar)
    assert workspace.tabs.currentIndex() == index
