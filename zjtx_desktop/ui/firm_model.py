"""The firm list as a table model: 10,000 firms held as plain rows, filtered and sorted in memory.

The view asks only for the rows it shows, so neither the number of firms nor a keystroke in the
search box costs a refill of every cell (the old QTableWidget took minutes at 10,000 firms).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from zjtx_desktop.core.money import format_yuan

if TYPE_CHECKING:  # the store loads after the window shows
    from zjtx_desktop.store.firm_list import FirmRow

COLUMNS = ("企业名称", "统一社会信用代码", "梯度", "填报情况", "最近评估", "最高可申请合计（元）")
NAME, CODE, TIER, STATE, EVALUATED, TOTAL = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole
UNNAMED = "（未填写企业名称）"
INCOMPLETE_COLOUR = QColor("#a8071a")  # 6.7:1 on white
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def state_text(row: FirmRow) -> str:
    if row.complete:
        return "必填项已填齐"
    parts = [f"缺{row.missing_required}项必填"] if row.missing_required else []
    return "，".join([*parts, *([f"{row.drafts}项待改正"] if row.drafts else [])])


def _sort_key(column: int):
    def total(row: FirmRow) -> Decimal:
        return row.last_total if row.last_total is not None else Decimal(-1)

    return {
        NAME: lambda row: (row.name or "\uffff", row.id), CODE: lambda row: (row.uscc, row.id),
        TIER: lambda row: (row.tier, row.id), STATE: lambda row: (row.missing_required + row.drafts, row.id),
        EVALUATED: lambda row: (row.last_evaluated, row.id), TOTAL: lambda row: (total(row), row.id),
    }[column]


class FirmListModel(QAbstractTableModel):
    """All firms (`load`), the ones matching the search (`set_search`), in the chosen order (`sort`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[FirmRow] = []
        self._haystacks: list[str] = []  # lower-case name and code of each firm, searched in place
        self._shown: list[FirmRow] = []
        self._search = ""
        self._order: tuple[int, Qt.SortOrder] | None = None

    # -- filling -----------------------------------------------------------------------------
    def load(self, rows: list[FirmRow]) -> None:
        self._all = list(rows)
        self._haystacks = [f"{row.name}\n{row.uscc}".lower() for row in self._all]
        self._refilter()

    def replace(self, row: FirmRow) -> None:
        """One firm changed (left after editing): update it in place instead of reloading all."""
        for index, old in enumerate(self._all):
            if old.id == row.id:
                self._all[index] = row
                self._haystacks[index] = f"{row.name}\n{row.uscc}".lower()
                break
        else:
            self._all.append(row)
            self._haystacks.append(f"{row.name}\n{row.uscc}".lower())
        self._refilter()

    def remove(self, company_id: int) -> None:
        keep = [i for i, row in enumerate(self._all) if row.id != company_id]
        self._all = [self._all[i] for i in keep]
        self._haystacks = [self._haystacks[i] for i in keep]
        self._refilter()

    def set_search(self, text: str) -> None:
        text = text.strip().lower()
        if text != self._search:
            self._search = text
            self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        needle = self._search
        shown = [row for row, hay in zip(self._all, self._haystacks, strict=True) if needle in hay] \
            if needle else list(self._all)
        if self._order is not None:
            column, order = self._order
            shown.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._shown = shown
        self.endResetModel()

    # -- reading -----------------------------------------------------------------------------
    def firm(self, row: int) -> FirmRow | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, company_id: int | None) -> int | None:
        for number, row in enumerate(self._shown):
            if row.id == company_id:
                return number
        return None

    @property
    def total_count(self) -> int:
        return len(self._all)

    # -- Qt overrides ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self._shown[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == TOTAL:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE and not row.complete:
            return INCOMPLETE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == STATE and not row.complete:
            return "打开这家企业，在“核对填报内容”页可看到还缺哪些项。"
        return None

    @staticmethod
    def _text(row: FirmRow, column: int) -> str:
        if column == NAME:
            return row.name or UNNAMED
        if column == CODE:
            return row.uscc
        if column == TIER:
            return row.tier
        if column == STATE:
            return state_text(row)
        if column == EVALUATED:
            return row.last_evaluated
        return "" if row.last_total is None else format_yuan(row.last_total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        self._refilter()
