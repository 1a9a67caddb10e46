"""Repeating items (loans, standards, exhibitions, trainings…) as a table with add / remove rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.profile import Issue, display_value, parse_field
from zjtx_desktop.core.questions import Field
from zjtx_desktop.ui.wizard.cell_table import VALUE_ROLE, CellTable, ChoiceDelegate, TypingDelegate
from zjtx_desktop.ui.wizard.field_widgets import (
    AMOUNT_STYLE,
    ERROR_STYLE,
    WARNING_STYLE,
    add_message_and_help,
    amount_echo,
)

ERROR_BRUSH = QBrush(QColor("#fde7e6"))
# typing in a cell starts editing, as in Excel; no editor opens merely because the cursor moved
EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)


HEADER_LINE = 5  # characters per header line: long headers wrap, so eight columns fit a laptop at 150 %


def header_text(column: Field) -> str:
    """The column's label, wrapped onto lines of a few characters, with * when required and the unit."""
    label = column.label
    lines = [label[i:i + HEADER_LINE] for i in range(0, len(label), HEADER_LINE)] if len(label) > HEADER_LINE + 1 \
        else [label]
    return "\n".join(lines) + (" *" if column.required else "") + ("\n（元）" if column.type == "money" else "")


class TableEditor(QWidget):
    """A table field. Cells hold what the user typed; core checks every row (`parse_field`).

    A row with nothing typed in it is not data yet: it is neither saved nor complained about. While
    the user fills a row, its empty required cells are not flagged until the cursor leaves the row.
    """

    edited = Signal(str)
    changed = Signal(str)

    def __init__(self, spec: Field, clauses: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = CellTable(0, len(spec.columns))
        self.table.setObjectName(spec.key)
        self.table.setAccessibleName(spec.label)
        self.table.setHorizontalHeaderLabels([header_text(c) for c in spec.columns])
        # every column within the page's width (at 150 % only 4 of 8 showed): cells elide, the tooltip has it all
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setMinimumHeight(160)
        for column, spec_column in enumerate(spec.columns):
            self.table.horizontalHeaderItem(column).setToolTip(
                "：".join(filter(None, (spec_column.label, spec_column.help))))
            if spec_column.type == "choice":
                self.table.setItemDelegateForColumn(column, ChoiceDelegate(spec_column, self.table))
            elif spec_column.type == "money":
                typing = TypingDelegate(self.table)
                typing.typed.connect(self._echo_row)
                self.table.setItemDelegateForColumn(column, typing)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda row, _c, old_row, _o: row != old_row and self.changed.emit(spec.key))
        self.table.currentCellChanged.connect(lambda row, *_: self._echo_row(row))
        self.table.left.connect(lambda: self.changed.emit(spec.key))
        layout.addWidget(self.table)
        self.amount = QLabel()
        self.amount.setObjectName(f"{spec.key}__amount")
        self.amount.setStyleSheet(AMOUNT_STYLE)
        self.amount.setWordWrap(True)
        self.amount.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.amount.hide()
        layout.addWidget(self.amount)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("添加一行(&A)")
        self.add_button.setObjectName(f"{spec.key}_add")
        self.add_button.setAccessibleName(f"{spec.label}：添加一行")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton("删除所选行(&D)")
        self.remove_button.setObjectName(f"{spec.key}_remove")
        self.remove_button.setAccessibleName(f"{spec.label}：删除所选行")
        self.remove_button.clicked.connect(self.remove_selected_rows)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = add_message_and_help(layout, spec, clauses)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        self.table.blockSignals(True)
        item.setToolTip(item.text())  # a narrow column shows the start; the whole on hover
        self.table.blockSignals(False)
        self._echo_row(item.row())
        self.edited.emit(self.spec.key)

    def _echo_row(self, row: int, typing_column: int | None = None, typed: str = "") -> None:
        """Under the grid, each amount of the current row as understood (“1000万” → ＝ 10,000,000.00 元，
        壹仟万元整): a cell is too narrow for the 大写, and a zero too many is where money goes wrong."""
        parts = []
        for column, spec_column in enumerate(self.spec.columns):
            item = self.table.item(row, column) if row >= 0 else None
            if spec_column.type != "money" or item is None:
                continue
            value, errors, _ = parse_field(spec_column, typed if column == typing_column else item.text().strip())
            if not errors and value is not None:
                parts.append(f"{spec_column.label} {amount_echo(value)}")
        self.amount.setText(f"第{row + 1}行：" + "；".join(parts) if parts else "")
        self.amount.setVisible(bool(parts))

    def add_row(self, values: dict[str, Any] | None = None) -> None:
        """Append a row (empty, or with raw values); an empty one opens its first cell for typing."""
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, spec_column in enumerate(self.spec.columns):
            raw = (values or {}).get(spec_column.key)
            item = QTableWidgetItem()
            if spec_column.type == "choice":
                item.setData(VALUE_ROLE, raw)
                item.setText(spec_column.option_label(raw) if raw is not None else "")
            else:
                item.setText("" if raw is None else str(raw))
            item.setToolTip(item.text())
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        if values is None:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_selected_rows(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()} or
                      ({self.table.currentRow()} if self.table.currentRow() >= 0 else set()), reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.edited.emit(self.spec.key)

    def _row_raw(self, row: int) -> dict[str, Any]:
        values = {}
        for column, spec_column in enumerate(self.spec.columns):
            item = self.table.item(row, column)
            if item is None:
                continue
            raw = item.data(VALUE_ROLE) if spec_column.type == "choice" else item.text().strip()
            if raw not in (None, ""):
                values[spec_column.key] = raw
        return values

    def raw(self) -> list[dict[str, Any]] | None:
        """Rows as dicts of what was typed, blank cells and blank rows left out; none → None."""
        rows = [values for values in (self._row_raw(row) for row in range(self.table.rowCount())) if values]
        return rows or None

    def set_raw(self, rows: list[dict[str, Any]] | None) -> None:
        self.table.setRowCount(0)
        for values in rows or []:
            self.add_row(values)

    def set_value(self, rows: list[dict[str, Any]] | None) -> None:
        self.set_raw([{c.key: (row.get(c.key) if c.type == "choice" else display_value(c, row.get(c.key)) or None)
                       for c in self.spec.columns} for row in rows or []])

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else EDIT_TRIGGERS)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not read_only)

    def _table_rows(self) -> list[int]:
        """Table row index of each data row (raw()'s rows skip blank rows; core numbers rows from 1)."""
        return [row for row in range(self.table.rowCount()) if self._row_raw(row)]

    def _quiet(self, issue: Issue, rows: list[int]) -> bool:
        """An empty required cell in the row the user is still filling in: not yet worth a message."""
        keys = [column.key for column in self.spec.columns]
        if not self.table.contains_focus() or issue.row is None or issue.row > len(rows) or issue.column not in keys:
            return False
        row = rows[issue.row - 1]
        item = self.table.item(row, keys.index(issue.column))
        blank = item is None or (not item.text().strip() and item.data(VALUE_ROLE) is None)
        return row == self.table.currentRow() and blank

    def show_issues(self, errors: list[Issue], warnings: list[Issue], notice: str, value: Any) -> None:
        """Core's row messages under the table; the cells at fault tinted."""
        rows = self._table_rows()
        errors = [issue for issue in errors if not self._quiet(issue, rows)]
        self.table.blockSignals(True)
        bad = {(rows[issue.row - 1], issue.column) for issue in errors if issue.row and issue.row <= len(rows)}
        for row in range(self.table.rowCount()):
            for column, spec_column in enumerate(self.spec.columns):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(ERROR_BRUSH if (row, spec_column.key) in bad else QBrush())
        self.table.blockSignals(False)
        issues = errors or warnings
        text = "\n".join(str(self._renumbered(issue, rows)) for issue in issues) or notice
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)
        self.message.setVisible(bool(text))

    @staticmethod
    def _renumbered(issue: Issue, rows: list[int]) -> Issue:
        """Row numbers as the user sees them in the grid (blank rows in between count)."""
        if issue.row is None or issue.row > len(rows):
            return issue
        return Issue(issue.key, issue.label, issue.message, rows[issue.row - 1] + 1, issue.column)

    def focus_input(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
