"""The last page: what 生成申请材料 still needs, then every answer by page, each a jump back to it.

The list of what the packets need comes from the packets' own check (the one 生成 runs), so the
review can never say all is filled in while 生成 refuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
from zjtx_desktop.core.questions import Field, Page

KEY_ROLE = Qt.ItemDataRole.UserRole
MISSING = QBrush(QColor("#b3261e"))  # 6.0:1 on white
PACKETS_HEADING = "生成申请材料还需填写"


def answer_text(spec: Field, value: Any) -> str:
    if spec.type == "money" and value is not None:
        return f"{format_yuan(value)} 元"
    if spec.type == "percent" and value is not None:
        return f"{display_value(spec, value)}%"
    return display_value(spec, value)


def row_text(spec: Field, row: dict) -> str:
    """One table row on one line: each filled column as “label：value”."""
    return "；".join(f"{column.label}：{answer_text(column, row.get(column.key))}"
                    for column in spec.columns if row.get(column.key) is not None)


class ReviewPage(QWizardPage):
    """Finish is always possible: missing items are listed in red, not enforced, until packets."""

    edit_requested = Signal(str)

    def __init__(self):
        super().__init__()
        self.setObjectName("page_review")
        self.setTitle("核对填报内容")
        self.setSubTitle("逐项核对。双击或按 Enter 回到该项修改；红色为生成申请材料前还须填写、或未能保存的内容。")
        self.tree = QTreeWidget()
        self.tree.setObjectName("review_tree")
        self.tree.setAccessibleName("核对填报内容：还需填写的项目和全部填写内容")
        self.tree.setHeaderLabels(["项目", "填写内容"])
        self.tree.setColumnWidth(0, 280)
        self.tree.itemActivated.connect(lambda item, _column: self._edit(item))  # a double click
        self.tree.installEventFilter(self)
        edit = QPushButton("返回修改(&E)")
        edit.setObjectName("review_edit")
        edit.clicked.connect(lambda: self._edit(self.tree.currentItem()))
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(edit)
        layout.addLayout(row)

    def show_answers(self, pages: list[Page], profile: Profile, drafts: set[str], gaps: Sequence = ()) -> None:
        """`gaps`: what the packets' check says 生成 still needs (`.packet`, `.detail`, `.field`)."""
        self.tree.clear()
        self._show_gaps(gaps)
        missing = sum(self._show_page(page, profile, drafts) for page in pages)
        self.tree.expandAll()
        fields = len({item.field.key for item in gaps})
        parts = [f"还有 {missing} 项必填或有误" if missing else "",
                 f"生成申请材料还需填写 {fields} 项（见上方红字）" if fields else ""]
        said = "；".join(filter(None, parts))
        self.summary.setText(f"{said}。" if said else "必填项均已填写，可以生成申请材料。")
        self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _show_gaps(self, gaps: Sequence) -> None:
        if not gaps:
            return
        top = QTreeWidgetItem([PACKETS_HEADING, f"{len(gaps)} 处"])
        top.setForeground(0, MISSING)
        top.setData(0, KEY_ROLE, gaps[0].field.key)
        packets: dict[str, QTreeWidgetItem] = {}
        for gap in gaps:
            if gap.packet not in packets:
                packets[gap.packet] = QTreeWidgetItem([gap.packet, ""])
                packets[gap.packet].setData(0, KEY_ROLE, gap.field.key)
                top.addChild(packets[gap.packet])
            item = QTreeWidgetItem([gap.detail.strip("「」"), "（尚未填写）"])
            item.setData(0, KEY_ROLE, gap.field.key)
            item.setForeground(1, MISSING)
            item.setToolTip(0, f"{gap.packet}需要这一项。按 Enter 或双击去填写。")
            packets[gap.packet].addChild(item)
        self.tree.addTopLevelItem(top)

    def _show_page(self, page: Page, profile: Profile, drafts: set[str]) -> int:
        """The page's answers (a table's rows one by one); returns how many are missing or refused."""
        top = QTreeWidgetItem([page.title, ""])
        top.setData(0, KEY_ROLE, page.fields[0].key)
        missing = 0
        for spec in page.fields:
            value = profile.get(spec.key)
            if spec.key in drafts:
                text = "（有错误，未保存，请返回修改）"
            elif spec.type == "table":
                text = f"共 {len(value)} 行" if value else ""
            else:
                text = answer_text(spec, value)
            if not text and spec.required:
                text = "（必填，尚未填写）"
            item = QTreeWidgetItem([spec.label, text])
            item.setData(0, KEY_ROLE, spec.key)
            if spec.key in drafts or (spec.required and value is None):
                missing += 1
                item.setForeground(1, MISSING)
            if spec.type == "table" and spec.key not in drafts:
                for number, row in enumerate(value or [], start=1):
                    child = QTreeWidgetItem([f"第{number}行", row_text(spec, row)])
                    child.setToolTip(1, row_text(spec, row))
                    child.setData(0, KEY_ROLE, spec.key)
                    item.addChild(child)
            top.addChild(item)
        self.tree.addTopLevelItem(top)
        return missing

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
