"""The grid under a table question, behaving at the keyboard as a spreadsheet user expects.

Tab and Shift+Tab move from cell to cell (an open cell is saved first) and leave the grid after its
last cell or before its first, so 添加一行 and everything after stay reachable; Ctrl+Tab (and
Ctrl+Shift+Tab) leave at once, from any cell. Enter on a cell opens it for editing (it never presses the wizard's 下一步). Choice columns
open a drop-down only while being edited, so a wheel over the grid never changes an answer.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QTableWidget,
    QWidget,
)

from zjtx_desktop.core.questions import Field
from zjtx_desktop.ui.wheel_guard import guard_wheel

VALUE_ROLE = Qt.ItemDataRole.UserRole  # a choice cell's option value; its text is the option's label
NOT_CHOSEN = "（请选择）"


class ChoiceDelegate(QStyledItemDelegate):
    """A choice column: the cell shows the option's label and keeps its value."""

    def __init__(self, spec: Field, parent=None):
        super().__init__(parent)
        self.spec = spec

    def createEditor(self, parent: QWidget, _option, _index: QModelIndex) -> QWidget:  # Qt override
        box = guard_wheel(QComboBox(parent))
        box.setAccessibleName(self.spec.label)
        box.addItem(NOT_CHOSEN, None)
        for option in self.spec.options:
            box.addItem(option.label, option.value)
        return box

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # Qt override
        editor.setCurrentIndex(max(editor.findData(index.data(VALUE_ROLE)), 0))

    def setModelData(self, editor: QComboBox, model: QAbstractItemModel, index: QModelIndex) -> None:  # Qt override
        value = editor.currentData()
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, "" if value is None else editor.currentText(), Qt.ItemDataRole.DisplayRole)


class TypingDelegate(QStyledItemDelegate):
    """A text column whose open cell reports each keystroke (`typed`: row, column, text), so an amount
    is echoed as understood (figures and 大写) while it is typed, as under a single money field."""

    typed = Signal(int, int, str)

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # Qt override
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            row, column = index.row(), index.column()
            editor.textEdited.connect(lambda text: self.typed.emit(row, column, text))
        return editor


class CellTable(QTableWidget):
    """`left` fires when the keyboard focus leaves the grid (and its open cell) for another widget."""

    left = Signal()

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None):
        super().__init__(rows, columns, parent)
        self.setTabKeyNavigation(True)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        for keys, forward in (("Ctrl+Tab", True), ("Ctrl+Shift+Tab", False), ("Ctrl+Backtab", False)):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda forward=forward: self.leave(forward))  # an open cell saves on leaving

    def _at_edge(self, forward: bool) -> bool:
        row, column = self.currentRow(), self.currentColumn()
        if self.rowCount() == 0 or row < 0:
            return True
        if forward:
            return row == self.rowCount() - 1 and column == self.columnCount() - 1
        return row == 0 and column == 0

    def leave(self, forward: bool) -> None:
        """Focus to the widget after (or before) the grid in the page's Tab order."""
        QAbstractScrollArea.focusNextPrevChild(self, forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
            if self._at_edge(forward):
                self.leave(forward)
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if self.currentIndex().isValid():
                self.edit(self.currentIndex())
            event.accept()  # never the wizard's default button
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # Qt override
        """Tab reaches the grid through here: at an edge it moves on instead of wrapping round."""
        if self._at_edge(forward):
            return QAbstractScrollArea.focusNextPrevChild(self, forward)
        return super().focusNextPrevChild(forward)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # Qt override
        """Tab in the last open cell saves it and leaves the grid (Qt would wrap to the first cell)."""
        leaving = hint == QAbstractItemDelegate.EndEditHint.EditNextItem and self._at_edge(True) or \
            hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem and self._at_edge(False)
        if leaving:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.leave(hint == QAbstractItemDelegate.EndEditHint.EditNextItem)
            return
        super().closeEditor(editor, hint)

    def _holds(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self or self.isAncestorOf(widget))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._holds(old) and not self._holds(new):
            self.left.emit()

    def contains_focus(self) -> bool:
        return self._holds(QApplication.focusWidget())
