"""关于政策: the policy in force (id, dates, days left, clause list), the installed policies, and the
administrator's two actions: import a successor pack (checked completely first) and remove one."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.paths import policies_dir
from zjtx_desktop.core.policy import Policy, PolicyError, policy_for
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.screen import fit_dialog
from zjtx_desktop.ui.tables import list_table


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


def is_bundled(policy: Policy) -> bool:
    return policy.folder is not None and policy.folder.parent == policies_dir()


class PolicyDialog(QDialog):
    """Read-only facts about the policy, the installed policies, and the administrator's actions:
    import a successor pack, remove an imported one."""

    imported = Signal(object)
    changed = Signal()  # a pack was imported or removed: whoever evaluates must reload the policies

    def __init__(self, *, policies: tuple[Policy, ...], on: date, unreadable: tuple = (),
                 import_pack: Callable[[Path], Policy], remove_pack: Callable[[str], object] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("policy_dialog")
        self.setWindowTitle("关于政策")
        fit_dialog(self, QSize(860, 620))
        self._import_pack, self._remove_pack = import_pack, remove_pack
        self.summary = QLabel()
        self.summary.setObjectName("policy_summary")
        self.summary.setWordWrap(True)
        self.clauses = list_table("policy_clauses", ["措施", "名称", "条款", "责任单位"])
        self.installed = list_table("policy_installed", ["政策编号", "文号", "施行期间", "来源"])
        self.installed.itemSelectionChanged.connect(self._update_remove_button)
        self.remove_button = QPushButton("删除所选政策包(&D)…")
        self.remove_button.setObjectName("policy_remove")
        self.remove_button.setToolTip("由管理员使用：删除导入的政策包（程序自带的政策不能删除）。删除后按其余政策评估。")
        self.remove_button.clicked.connect(self._remove_selected)
        self.remove_button.setVisible(remove_pack is not None)
        installed_page = QWidget()
        installed_layout = QVBoxLayout(installed_page)
        installed_layout.addWidget(self.installed, 1)
        installed_layout.addWidget(self.remove_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.clauses, "条款与责任单位")
        self.tabs.addTab(installed_page, "已安装的政策")
        import_button = QPushButton("导入新政策包(&I)…")
        import_button.setObjectName("policy_import")
        import_button.setToolTip("由管理员使用：选择政策包文件夹或 zip 文件（内含 policy.yaml 和 cases 测试用例）。"
                                 "导入前会完整检查并试算，有误则不作任何改动。")
        import_button.clicked.connect(self._choose_pack)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        buttons.addButton(import_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.show_policies(policies, on, unreadable=unreadable)

    def show_policies(self, policies: tuple[Policy, ...], on: date, *, unreadable: tuple = ()) -> None:
        """`unreadable`: imported packs that no longer load (store.policy_packs.InstalledPack), listed
        after the policies in use so that they can be removed here."""
        self.policies, self.on, self.unreadable = policies, on, unreadable
        policy = policy_for(on, policies)
        others = "、".join(f"{p.document_number}（{p.id}）" for p in policies if p is not policy)
        text = html.escape  # a pack's texts are data from a file: shown, never interpreted as markup
        self.summary.setText(
            f"<h3>{text(policy.title)}</h3>"
            f"<p>文号：{text(policy.document_number)}　编号：{text(policy.id)}　发布：{text(policy.issuer)} "
            f"{policy.issued.isoformat()}<br>"
            f"施行：{policy.effective_from.isoformat()} 至 {policy.effective_to.isoformat() if policy.effective_to else '长期'}"
            f"<br><b>{text(validity_sentence(policy, on))}</b><br>{text(policy.validity_clause)}</p>"
            f"<p>{text(policy.reading_notice)}。{'已安装的其他政策：' + text(others) if others else ''}</p>")
        measures = list(policy.measures.values())
        self.clauses.setRowCount(len(measures))
        for row, spec in enumerate(measures):
            cells = (spec.id, spec.title, spec.clause_ref, "、".join(spec.responsible_units))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(spec.clause)
                self.clauses.setItem(row, column, item)
        rows = [(p.id, p.document_number, f"{p.effective_from} 至 {p.effective_to or '长期'}",
                 "程序自带" if is_bundled(p) else f"导入（{p.folder}）") for p in policies]
        rows += [(pack.id, "（无法读取，未使用）", "", f"导入（{pack.folder}）：{pack.problem}") for pack in unreadable]
        self.installed.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.installed.setItem(row, column, item)
        self._update_remove_button()

    def selected_pack(self) -> tuple[str, str] | None:
        """(id, how to name it) of the selected row that may be removed: an imported pack, readable or not."""
        row = self.installed.currentRow()
        if row < 0 or not self.installed.selectedItems():
            return None
        if row < len(self.policies):
            policy = self.policies[row]
            return None if is_bundled(policy) else (policy.id, f"{policy.document_number}（{policy.id}）")
        pack = self.unreadable[row - len(self.policies)]
        return pack.id, f"{pack.id}（无法读取）"

    def _update_remove_button(self) -> None:
        self.remove_button.setEnabled(self.selected_pack() is not None)

    def _remove_selected(self) -> None:
        selected = self.selected_pack()
        if selected is None or self._remove_pack is None:
            return
        pack_id, name = selected
        if not dialogs.confirm(self, title="删除政策包", yes="删除", no="取消",
                               text=f"确定删除政策包 {name} 吗？\n"
                                    "删除后，评估将按其余已安装的政策进行；需要时可重新导入。"):
            return
        self.remove(pack_id)

    def remove(self, policy_id: str) -> bool:
        try:
            self._remove_pack(policy_id)
        except PolicyError as error:
            dialogs.warn(self, title="政策包未删除", text=str(error))
            return False
        self.changed.emit()
        return True

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
        self.changed.emit()
        return policy

