"""Point 9 of issue 11: Qt's own strings (context menus, message-box buttons, dialogs) are Chinese."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMessageBox

from zjtx_desktop.ui.app import create_application
from zjtx_desktop.ui.qt_chinese import qt_speaks_chinese


def test_qt_own_strings_are_chinese(qtbot):
    create_application()
    assert qt_speaks_chinese()
    line = QLineEdit()
    qtbot.add_widget(line)
    menu = line.createStandardContextMenu()
    words = [action.text().split("(")[0].split("\t")[0] for action in menu.actions() if not action.isSeparator()]
    assert {"剪切", "复制", "粘贴", "全选"} <= set(words) and ({"撤销", "撤消"} & set(words)), words
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert [box.button(QMessageBox.StandardButton.Ok).text(), box.button(QMessageBox.StandardButton.Cancel).text()] \
        == ["确定", "取消"]
