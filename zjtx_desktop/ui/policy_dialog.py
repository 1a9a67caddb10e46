"""关于政策: the policy in force (id, dates, days left, clause list) and importing a successor pack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.policy import Policy, PolicyError, policy_for
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.screen import fit_dialog


def validity_sentence(policy: Policy, on: date) -> str:
    """Plain words for the banner: how long the policy still runs, or that it has ended."""
    if policy.effective_to is None:
        return f"现行政策：{policy.document_number}，长期有效。"
    end = policy.effective_to.isoformat()
    left = (policy.effective_to - on).days
    if on < policy.effective_from:
        return f"{policy.document_number}自{policy.effective_from.isoformat()}起施行，目前尚未施行，评估结果仅供参考。"
    if left < 0:
        return f"{policy.document_number}已于{end}到期，评估结果仅供参考，不能据此申报；请关注后续政策并导入新政策包。"
    return f"现行政策：{policy.document_number}，有效期至{end}，还剩 {left} 天。"


class PolicyDialog(QDialog):
    """Read-only facts about the policy, plus the one administrator action: import a successor."""

    imported = Signal(object)

    def __init__(self, *, policies: tuple[Policy, ...], on: date,
                 import_pack: Callable[[Path], Policy], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("policy_dialog")
        self.setWindowTitle("关于政策")
        fit_dialog(self, QSize(860, 620))
        self._import_pack = import_pack
        self.summary = QLabel()
        self.summary.setObjectName("policy_summary")
        self.summary.setWordWrap(True)
        self.clauses = QTableWidget(0, 4)
        self.clauses.setObjectName("policy_clauses")
        self.clauses.setHorizontalHeaderLabels(["措施", "名称", "条款", "责任单位"])
        self.clauses.verticalHeader().hide()
        self.clauses.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clauses.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.clauses.horizontalHeader().setStretchLastSection(True)
        import_button = QPushButton("导入新政策包(&I)…")
        import_button.setObjectName("policy_import")
        import_button.setToolTip("由管理员使用：选择政策包文件夹或 zip 文件（内含 policy.yaml）。导入前会完整检查，有误则不作任何改动。")
        import_button.clicked.connect(self._choose_pack)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        buttons.addButton(import_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.clauses, 1)
        layout.addWidget(buttons)
        self.show_policies(policies, on)

    def show_policies(self, policies: tuple[Policy, ...], on: date) -> None:
        self.policies, self.on = policies, on
        policy = policy_for(on, policies)
        others = "、".join(f"{p.document_number}（{p.id}）" for p in policies if p is not policy)
        self.summary.setText(
            f"<h3>{policy.title}</h3>"
            f"<p>文号：{policy.document_number}　编号：{policy.id}　发布：{policy.issuer} {policy.issued.isoformat()}<br>"
            f"施行：{policy.effective_from.isoformat()} 至 {policy.effective_to.isoformat() if policy.effective_to else '长期'}"
            f"<br><b>{validity_sentence(policy, on)}</b><br>{policy.validity_clause}</p>"
            f"<p>{policy.reading_notice}。{'已安装的其他政策：' + others if others else ''}</p>")
        measures = list(policy.measures.values())
        self.clauses.setRowCount(len(measures))
        for row, spec in enumerate(measures):
            cells = (spec.id, spec.title, spec.clause_ref, "、".join(spec.responsible_units))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(spec.clause)
                self.clauses.setItem(row, column, item)

    def _choose_pack(self) -> None:
        path = dialogs.open_file(self, title="选择政策包（zip 文件，或文件夹中的 policy.yaml）",
                                 filter="政策包 (*.zip policy.yaml)")
        if path:
            self.import_from(Path(path).parent if Path(path).name == "policy.yaml" else Path(path))

    def import_from(self, source: Path) -> Policy | None:
        """Import after the loader's full check; a bad pack is refused with its reason, nothing changed."""
        try:
            policy = self._import_pack(source)
        except PolicyError as error:
            dialogs.warn(self, title="政策包未导入", text=f"政策包有误，未作任何改动：\n{error}")
            return None
        dialogs.inform(self, title="政策包已导入",
                       text=f"已导入 {policy.document_number}（{policy.id}），"
                            f"施行 {policy.effective_from.isoformat()} 起。之后的评估按评估日期自动选用现行政策。")
        self.imported.emit(policy)
        return policy
