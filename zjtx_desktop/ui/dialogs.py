"""Every question and message box the application asks, in one place.

Widgets call these functions instead of QMessageBox directly, so the wording stays consistent and GUI
tests can answer a question by replacing one function (a modal box would block an offscreen test).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def confirm(parent: QWidget | None, *, title: str, text: str, yes: str = "确定", no: str = "取消") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, *, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, *, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def open_file(parent: QWidget | None, *, title: str, filter: str, folder: str = "") -> str:
    return QFileDialog.getOpenFileName(parent, title, folder, filter)[0]


def save_file(parent: QWidget | None, *, title: str, filter: str, suggested: str = "") -> str:
    return QFileDialog.getSaveFileName(parent, title, suggested, filter)[0]


def choose_folder(parent: QWidget | None, *, title: str, folder: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, title, folder)
