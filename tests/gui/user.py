"""A user at the keyboard: finds widgets by objectName, types, tabs, chooses, clicks Next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTabWidget,
    QWidget,
    QWizard,
)

from .conftest import type_text


class User:
    def __init__(self, qtbot, window: QWidget):
        self.qtbot, self.window = qtbot, window

    def find(self, kind, name):
        widget = self.window.findChild(kind, name)
        assert widget is not None, f"no {kind.__name__} named {name}"
        return widget

    def dialog(self, name: str) -> QDialog:
        """The open dialog of that name (one closed a moment ago may not be deleted yet)."""
        shown = [d for d in self.window.findChildren(QDialog, name) if d.isVisible()]
        assert len(shown) == 1, f"{len(shown)} dialogs named {name} are open"
        return shown[0]

    def type(self, key: str, text: str) -> QLineEdit:
        line = self.find(QLineEdit, key)
        line.setFocus()
        line.selectAll()
        type_text(self.qtbot, line, text)
        self.qtbot.keyClick(line, Qt.Key.Key_Tab)
        return line

    def choose(self, key: str, label: str) -> None:
        """Arrow keys through the list until the wanted entry shows, as a keyboard user does."""
        box = self.find(QComboBox, key)
        box.setFocus()
        self.qtbot.keyClick(box, Qt.Key.Key_Home)
        for _ in range(box.count()):
            if box.currentText() == label:
                return
            self.qtbot.keyClick(box, Qt.Key.Key_Down)
        raise AssertionError(f"{key}: no option {label}")

    def answer(self, key: str, yes: bool) -> None:
        self.click(self.find(QRadioButton, f"{key}_{'yes' if yes else 'no'}"))

    def click(self, widget) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def tab(self, name: str, title: str) -> None:
        bar = self.find(QTabWidget, name).tabBar()
        index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())

    def press(self, name: str) -> None:
        self.click(self.find(QPushButton, name))

    def next(self) -> None:
        wizard = self.find(QWizard, "wizard")
        button = wizard.button(QWizard.WizardButton.NextButton)
        messages = [label.text() for label in wizard.currentPage().findChildren(QLabel) if
                    label.objectName().endswith("__message") and label.isVisible()]
        assert button.isEnabled(), f"Next is blocked on {wizard.currentPage().objectName()}: {messages}"
        self.click(button)

    def page(self) -> str:
        return self.find(QWizard, "wizard").currentPage().objectName()

    def add_row(self, key: str, cells: dict[int, str], choices: dict[int, int] | None = None) -> None:
        """添加一行, then cell by cell with the keyboard, as in a spreadsheet: a choice by arrow keys,
        text typed, Tab to the next cell; Tab after the last cell leaves the table."""
        self.press(f"{key}_add")
        table = self.find(QTableWidget, key)
        for column in range(table.columnCount()):
            editor = QApplication.focusWidget()
            for _ in range((choices or {}).get(column, 0)):
                self.qtbot.keyClick(editor, Qt.Key.Key_Down)
            if column in cells:
                type_text(self.qtbot, editor, cells[column])
            self.qtbot.keyClick(editor, Qt.Key.Key_Tab)
        row = table.rowCount() - 1
        self.qtbot.waitUntil(lambda: all(table.item(row, c).text() == t for c, t in cells.items()))
        assert not table.isAncestorOf(QApplication.focusWidget()), "Tab after the last cell stays in the table"
