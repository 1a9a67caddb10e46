"""Repeating items (loans, standards, exhibitions, trainings…) as a table with add / remove rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.profile import Issue, display_value
from zjtx_desktop.core.questions import Field
from zjtx_desktop.ui.wheel_guard import guard_wheel
from zjtx_desktop.ui.wizard.field_widgets import ERROR_STYLE, WARNING_STYLE, add_message_and_help

ERROR_BRUSH = QBrush(QColor("#fde7e6"))
# typing in a cell starts editing, as in Excel; no editor opens merely because the cursor moved
EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)


class TableEditor(QWidget):
    """A table field. Cells hold what the user typed; core checks every row (`parse_field`)."""

    edited = Signal(str)
    changed = Signal(str)

    def __init__(self, spec: Field, clauses: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setObjectName(spec.key)
        self.table.setHorizontalHeaderLabels(
            [f"{c.label}{' *' if c.required else ''}{'（元）' if c.type == 'money' else ''}" for c in spec.columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(True)
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setMinimumHeight(160)
        for column, spec_column in enumerate(spec.columns):
            if spec_column.help:
                self.table.horizontalHeaderItem(column).setToolTip(spec_column.help)
        self.table.itemChanged.connect(lambda _: self._emit_both())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("添加一行")
        self.add_button.setObjectName(f"{spec.key}_add")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton("删除所选行")
        self.remove_button.setObjectName(f"{spec.key}_remove")
        self.remove_button.clicked.connect(self.remove_selected_rows)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = add_message_and_help(layout, spec, clauses)

    def _emit_both(self) -> None:
        self.changed.emit(self.spec.key)
        self.edited.emit(self.spec.key)

    def add_row(self, values: dict[str, Any] | None = None) -> None:
        """Append a row (empty, or with raw values) and put the cursor in its first cell."""
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, spec_column in enumerate(self.spec.columns):
            raw = (values or {}).get(spec_column.key)
            if spec_column.type == "choice":
                box = guard_wheel(QComboBox())
                box.addItem("（请选择）", None)
                for option in spec_column.options:
                    box.addItem(option.label, option.value)
                box.setCurrentIndex(max(box.findData(raw), 0))
                box.currentIndexChanged.connect(lambda _: self._emit_both())
                self.table.setCellWidget(row, column, box)
            else:
                self.table.setItem(row, column, QTableWidgetItem("" if raw is None else str(raw)))
        self.table.blockSignals(False)
        if values is None:
            self.table.setCurrentCell(row, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self._emit_both()

    def remove_selected_rows(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()} or
                      ({self.table.currentRow()} if self.table.currentRow() >= 0 else set()), reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._emit_both()

    def raw(self) -> list[dict[str, Any]] | None:
        """Rows as dicts of what was typed, blank cells left out; no rows → None (not answered)."""
        rows = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, spec_column in enumerate(self.spec.columns):
                widget = self.table.cellWidget(row, column)  # also the open cell editor while typing
                item = self.table.item(row, column)
                raw = widget.currentData() if isinstance(widget, QComboBox) else item.text().strip() if item else None
                if raw not in (None, ""):
                    values[spec_column.key] = raw
            rows.append(values)
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

    def show_issues(self, errors: list[Issue], warnings: list[Issue], notice: str, value: Any) -> None:
        """Core's row messages under the table; the cells at fault tinted."""
        self.table.blockSignals(True)
        bad = {(issue.row, issue.column) for issue in errors}
        for row in range(self.table.rowCount()):
            for column, spec_column in enumerate(self.spec.columns):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(ERROR_BRUSH if (row + 1, spec_column.key) in bad else QBrush())
        self.table.blockSignals(False)
        issues = errors or warnings
        text = "\n".join(str(issue) for issue in issues) or notice
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)
        self.message.setVisible(bool(text))

    def focus_input(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
