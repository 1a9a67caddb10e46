"""The last page: every answer by page, each one a jump back to where it is edited."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.profile import Profile, display_value
from zjtx_desktop.core.questions import Page

KEY_ROLE = Qt.ItemDataRole.UserRole
MISSING = QBrush(QColor("#b3261e"))


class ReviewPage(QWizardPage):
    """Finish is always possible: missing items are listed in red, not enforced, until packets."""

    edit_requested = Signal(str)

    def __init__(self):
        super().__init__()
        self.setObjectName("page_review")
        self.setTitle("核对填报内容")
        self.setSubTitle("逐项核对。双击（或选中后按“返回修改”）任意一项可回到该项修改；红色为尚未填写的必填项或未能保存的内容。")
        self.tree = QTreeWidget()
        self.tree.setObjectName("review_tree")
        self.tree.setHeaderLabels(["项目", "填写内容"])
        self.tree.setColumnWidth(0, 320)
        self.tree.itemActivated.connect(lambda item, _column: self._edit(item))  # a double click
        self.tree.installEventFilter(self)
        edit = QPushButton("返回修改(&E)")
        edit.setObjectName("review_edit")
        edit.clicked.connect(lambda: self._edit(self.tree.currentItem()))
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(edit)
        layout.addLayout(row)

    def show_answers(self, pages: list[Page], profile: Profile, drafts: set[str]) -> None:
        self.tree.clear()
        missing = 0
        for page in pages:
            top = QTreeWidgetItem([page.title, ""])
            top.setData(0, KEY_ROLE, page.fields[0].key)
            for spec in page.fields:
                value = profile.get(spec.key)
                if spec.key in drafts:
                    text = "（有错误，未保存，请返回修改）"
                elif spec.type == "table":
                    text = f"{len(value)} 行" if value else ""
                elif spec.type == "money" and value is not None:
                    text = f"{format_yuan(value)} 元"
                else:
                    text = display_value(spec, value)
                if not text and spec.required:
                    text = "（必填，尚未填写）"
                item = QTreeWidgetItem([spec.label, text])
                item.setData(0, KEY_ROLE, spec.key)
                if spec.key in drafts or (spec.required and value is None):
                    missing += 1
                    item.setForeground(1, MISSING)
                top.addChild(item)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        self.summary.setText(f"还有 {missing} 项需要补充或修改。" if missing else "必填项均已填写。")

    def eventFilter(self, watched, event) -> bool:  # Qt override
        """Enter on an answer goes to that answer. (The tree passes Enter on to the wizard as well,
        whose default button then moved on to the next page.)"""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._edit(self.tree.currentItem())
            return True
        return False

    def _edit(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.edit_requested.emit(item.data(0, KEY_ROLE))

    def nextId(self) -> int:  # Qt override: the review is the last page
        return -1
