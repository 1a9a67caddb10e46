"""Names a screen reader announces, for inputs of dialogs built in modules owned elsewhere.

Widgets this package builds name themselves where they are made (each field by its question);
these dialogs are named from the outside, by objectName, so their modules stay as they are.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

PACKETS_DIALOG = {"packets_choices": "要生成的申请材料（空格勾选或取消）", "packets_folder": "申请材料保存到的文件夹",
                  "packets_files": "已生成的文件（Enter 预览、打印）"}
POLICY_DIALOG = {"policy_summary": "现行政策", "policy_clauses": "政策的各条措施、条款和责任单位",
                 "policy_installed": "已安装的政策和政策包"}
ASSESSMENT_VIEW = {"assessment_tiers": "各梯度称号的自评结果", "assessment_details": "所选称号的自评说明"}
KEPT_ASIDE_DIALOG = {"kept_aside_files": "留存的旧数据文件"}


def name_widgets(root: QWidget, names: dict[str, str]) -> None:
    for object_name, text in names.items():
        widget = root.findChild(QWidget, object_name)
        if widget is not None and not widget.accessibleName():
            widget.setAccessibleName(text)
