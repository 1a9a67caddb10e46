"""The first screen: policy banner, search box, the firm list and its buttons.

It knows nothing of the store: the main window feeds it rows (`firms.load`) and connects the
buttons. It shows at once, empty and disabled, while the database opens behind it (start-up).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.ui.firm_model import NAME, FirmListModel

SEARCH_PAUSE_MS = 150  # typing faster than this filters once, after the last key
COLUMN_WIDTHS = (None, 170, 190, 120, 90, 150)  # the name column takes the rest
WRITES = frozenset({"firm_new", "firm_copy", "firm_delete", "firm_import"})  # off when read-only
Action = tuple[str, str, Callable[[], object] | None]  # objectName, text, slot


class FirmListPage(QWidget):
    def __init__(self, buttons: list[Action], export_actions: list[Action], parent: QWidget | None = None):
        super().__init__(parent)
        self.banner = QLabel("正在打开数据……")
        self.banner.setObjectName("policy_banner")
        self.banner.setWordWrap(True)
        self.notice = QLabel("只读方式：另一个窗口正在编辑此数据库。可以查看、评估和生成材料，但不能修改。")
        self.notice.setObjectName("read_only_notice")
        self.notice.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.notice.setWordWrap(True)  # the reason (a network share, read-only media) can be a paragraph
        self.notice.hide()
        self.search = QLineEdit()
        self.search.setObjectName("firm_search")
        self.search.setAccessibleName("搜索企业")
        self.search.setPlaceholderText("搜索企业名称或统一社会信用代码（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.firms = FirmListModel(self)
        self.table = self._build_table()
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in buttons:
            button = QPushButton(text)
            button.setObjectName(name)
            button.setEnabled(False)  # until the database is open
            if slot is not None:
                button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        self.export_menu = QMenu(self)
        self.export_menu.setObjectName("export_menu")
        for name, text, slot in export_actions:
            self.export_menu.addAction(text, slot).setObjectName(name)
        self.buttons["firm_export"].setMenu(self.export_menu)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.banner, self.notice, self.search):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("firm_table")
        table.setAccessibleName("企业列表")
        table.setModel(self.firms)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                table.setColumnWidth(column, width)
        table.setSortingEnabled(True)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        return table

    def set_ready(self, *, read_only: bool, reason: str = "") -> None:
        """The database is open: buttons on (those that write only when this window may write); a
        read-only window says why (another window writes, a network share, read-only media …)."""
        for name, button in self.buttons.items():
            button.setEnabled(not (read_only and name in WRITES))
        self.notice.setText("只读方式：" + (reason or "另一个窗口正在编辑此数据库。可以查看、评估和生成材料，但不能修改。"))
        self.notice.setVisible(read_only)

    # -- search and selection ------------------------------------------------------------------
    def apply_search(self) -> None:
        """The search typed so far (called once typing pauses): filters the rows held in memory."""
        self.search_timer.stop()
        select = self.selected_id()
        self.firms.set_search(self.search.text())
        self.select(select)

    def _search_entered(self) -> None:
        self.apply_search()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def select(self, company_id: int | None) -> None:
        """That firm's row (the first row when it is not listed)."""
        row = self.firms.row_of(company_id)
        if row is None and self.firms.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.firms.index(row, NAME))

    def selected_id(self) -> int | None:
        firm = self.firms.firm(self.table.currentIndex().row())
        return None if firm is None else firm.id

    def selected_name(self) -> str:
        firm = self.firms.firm(self.table.currentIndex().row())
        return "" if firm is None else (firm.name or "未命名企业")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
