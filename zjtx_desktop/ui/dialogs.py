"""Every question and message box the application asks, in one place.

Widgets call these functions instead of QMessageBox directly, so the wording stays consistent and GUI
tests can answer a question by replacing one function (a modal box would block an offscreen test).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Button = QMessageBox.StandardButton
SHOWN_LINES = 8  # a longer message (an import report) shows its start; the rest scrolls under 显示详细信息
SHOWN_CHARACTERS = 400


def _box(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """A message box that stays within the screen however long the message: a message box cannot
    scroll, so a long text is shown in part and whole in the box's scrolling details area."""
    lines = text.splitlines()
    if len(lines) > SHOWN_LINES or len(text) > SHOWN_CHARACTERS:
        details = "\n".join(filter(None, (text, details)))
        start = "\n".join(lines[:SHOWN_LINES])[:SHOWN_CHARACTERS]
        text = f"{start}\n……（共 {len(lines)} 行，点“显示详细信息”查看全部）"
    box = QMessageBox(icon, title, text, parent=parent)
    if details:
        box.setDetailedText(details)
    return box


def confirm(parent: QWidget | None, *, title: str, text: str, yes: str = "确定", no: str = "取消") -> bool:
    box = _box(QMessageBox.Icon.Question, parent, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, *, title: str, text: str) -> None:
    _box(QMessageBox.Icon.Information, parent, title, text).exec()


def warn(parent: QWidget | None, *, title: str, text: str, details: str = "") -> None:
    _box(QMessageBox.Icon.Warning, parent, title, text, details).exec()


def open_file(parent: QWidget | None, *, title: str, filter: str, folder: str = "") -> str:
    return QFileDialog.getOpenFileName(parent, title, folder, filter)[0]


def save_file(parent: QWidget | None, *, title: str, filter: str, suggested: str = "") -> str:
    return QFileDialog.getSaveFileName(parent, title, suggested, filter)[0]


def choose_folder(parent: QWidget | None, *, title: str, folder: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, title, folder)
