"""Point 1 of issue 11: the firm list at a service center's scale (model/view, debounced search).

Speed itself is measured by bench/bench_ui.py (10,000 firms, every keystroke); these tests pin the
behaviour that makes it fast: one filter per pause in typing, and cells drawn only for visible rows.
"""

from __future__ import annotations

from contextlib import closing
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from zjtx_desktop.store import Database
from zjtx_desktop.store.firm_list import FirmRow
from zjtx_desktop.ui.firm_model import FirmListModel

from .conftest import TODAY, main_window, type_text


def synthetic_rows(count: int) -> list[FirmRow]:
    return [FirmRow(number, f"厦门测试{number:05d}科技有限公司", f"9135020000000{number:05d}", "专精特新中小企业",
                    "2026-11-20" if number % 3 else "", Decimal(number * 100) if number % 3 else None,
                    number % 4, 0) for number in range(1, count + 1)]


class CountingModel(FirmListModel):
    def __init__(self):
        super().__init__()
        self.asked_rows: set[int] = set()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.asked_rows.add(index.row())
        return super().data(index, role)


def test_ten_thousand_firms_are_filtered_in_memory_and_only_visible_rows_are_drawn(qtbot):
    model = CountingModel()
    model.load(synthetic_rows(10_000))
    view = QTableView()
    qtbot.add_widget(view)
    view.setModel(model)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    model.asked_rows.clear()
    model.set_search("科技有限公司")  # matches all 10,000
    assert model.rowCount() == 10_000
    qtbot.waitUntil(lambda: bool(model.asked_rows))  # drawn once the view has laid out again
    assert len(model.asked_rows) < 100  # the view asks for what it shows, not 10,000 rows
    model.set_search("09999")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["厦门测试09999科技有限公司"]


@pytest.fixture
def window(qtbot, demo_dir):
    with closing(Database.open(demo_dir)) as db:
        half_done = db.create_company({"company_name": "厦门只填了名称有限公司"})
    with main_window(qtbot, demo_dir) as main:
        main.half_done = half_done
        yield main


def test_typing_filters_once_after_the_pause_not_at_every_key(qtbot, window):
    search = window.findChild(QLineEdit, "firm_search")
    resets = []
    window.firms.modelReset.connect(lambda: resets.append(search.text()))
    search.setFocus()
    type_text(qtbot, search, "鹭芯电子")
    assert resets == []  # nothing refilled while typing
    qtbot.waitUntil(lambda: window.firms.rowCount() == 1)
    assert resets == ["鹭芯电子"]
    qtbot.keyClick(search, Qt.Key.Key_Return)  # Enter: the list takes the keyboard, the firm selected
    assert window.table.hasFocus() and window.selected_name() == "厦门鹭芯电子科技股份有限公司"


def row_texts(window, name: str) -> list[str]:
    model = window.firms
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_each_firm_shows_whether_its_data_is_complete_and_its_last_total(qtbot, window):
    assert row_texts(window, "厦门只填了名称有限公司")[3] == "缺9项必填"
    assert row_texts(window, "厦门鹭芯电子科技股份有限公司")[3] == "必填项已填齐"
    assert row_texts(window, "厦门鹭芯电子科技股份有限公司")[4:] == ["", ""]  # never evaluated yet
    window.table.selectRow(window.firms.row_of(window.db.company_id_by_uscc("91350205MA8UQE3J0U")))
    window.open_selected()
    window.close_company()  # the evaluation looked at is kept; only this firm's row is read again
    evaluated, total = row_texts(window, "厦门鹭芯电子科技股份有限公司")[4:]
    assert evaluated == TODAY.isoformat() and total.replace(",", "").replace(".", "").isdigit()
