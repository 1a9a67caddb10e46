"""The main window: the firm list (search, new, open, copy, delete, import, export) and the open firm.

Every action is a call into the store through ui/services; the window only decides what to ask the
user and what to show next.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.policy import policy_for
from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.store import policy_data
from zjtx_desktop.ui import dialogs, services
from zjtx_desktop.ui.help_dialog import HelpDialog
from zjtx_desktop.ui.policy_dialog import PolicyDialog, validity_sentence
from zjtx_desktop.ui.settings import AppSettings
from zjtx_desktop.ui.worker import run_in_background
from zjtx_desktop.ui.workspace import FirmWorkspace

COLUMNS = ["企业名称", "统一社会信用代码", "梯度", "最近评估", "最高可申请合计（元）"]
ID_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    def __init__(self, *, db: services.Database, data_dir: Path, today: Callable[[], date] = date.today):
        super().__init__()
        self.setObjectName("main_window")
        self.db, self.data_dir, self.today = db, Path(data_dir), today
        self.questions = default_questions()
        self.policies = policy_data.installed_policies(data_dir=self.data_dir)
        self.rates = policy_data.user_rates(data_dir=self.data_dir)
        self.settings = AppSettings(self.data_dir)
        self.workspace: FirmWorkspace | None = None
        self.setWindowTitle("专精特新政策申报助手" + ("（只读）" if db.read_only else ""))
        self.stack = QStackedWidget()
        self.list_page = self._build_list_page()
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)
        self._build_menus()
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 820)
        self.refresh_list(select=self.settings.last_company())
        self.show_policy_banner()

    # -- building ------------------------------------------------------------------------------
    def _build_list_page(self) -> QWidget:
        page = QWidget()
        self.banner = QLabel()
        self.banner.setObjectName("policy_banner")
        self.banner.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("firm_search")
        self.search.setPlaceholderText("搜索企业名称或统一社会信用代码（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self.refresh_list())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("firm_table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        buttons = QHBoxLayout()
        for name, text, slot, writes in (
            ("firm_new", "新建企业(&N)", self.new_company, True),
            ("firm_open", "打开(&O)", self.open_selected, False),
            ("firm_copy", "复制为新企业(&C)", self.copy_selected, True),
            ("firm_delete", "删除(&D)", self.delete_selected, True),
            ("firm_import", "导入(&I)…", self.import_file, True),
            ("firm_export", "导出(&E)…", self.export_file, False),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            button.setEnabled(not (writes and self.db.read_only))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.banner)
        if self.db.read_only:
            notice = QLabel("只读方式：" + (self.db.read_only_reason or "另一个窗口正在编辑此数据库。可以查看、评估和生成材料，但不能修改。"))
            notice.setWordWrap(True)  # the reason (a network share, read-only media) can be a paragraph
            notice.setObjectName("read_only_notice")
            notice.setStyleSheet("color: #8a5a00; font-weight: bold;")
            layout.addWidget(notice)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return page

    def _build_menus(self) -> None:
        def action(menu, text, slot, shortcut=None, name=None):
            item = QAction(text, self)
            if shortcut:
                item.setShortcut(QKeySequence(shortcut))
            if name:
                item.setObjectName(name)
            item.triggered.connect(slot)
            menu.addAction(item)
            return item

        files = self.menuBar().addMenu("文件(&F)")
        action(files, "新建企业", self.new_company, "Ctrl+N").setEnabled(not self.db.read_only)
        action(files, "保存", self.save_now, "Ctrl+S", "action_save")
        action(files, "搜索企业", self.focus_search, "Ctrl+F")
        files.addSeparator()
        action(files, "导入企业（JSON 或 Excel）…", self.import_file).setEnabled(not self.db.read_only)
        action(files, "导出所选企业（JSON）…", self.export_file)
        action(files, "导出全部企业（Excel）…", self.export_excel)
        action(files, "备份数据库", self.backup).setEnabled(not self.db.read_only)
        action(files, "留存的旧数据文件…", self.show_kept_aside, None, "action_kept_aside")
        files.addSeparator()
        action(files, "退出", self.close, "Ctrl+Q")
        help_menu = self.menuBar().addMenu("帮助(&H)")
        action(help_menu, "用户指南", self.show_help, "F1", "action_help")
        action(help_menu, "关于政策…", self.show_policy, None, "action_policy")

    # -- the list ------------------------------------------------------------------------------
    def show_policy_banner(self) -> None:
        policy = policy_for(self.today(), self.policies)
        self.banner.setText(validity_sentence(policy, self.today()) + "　（帮助 → 关于政策）")
        expired = not policy.in_force(self.today())
        self.banner.setStyleSheet("color: #b3261e; font-weight: bold;" if expired else "font-weight: bold;")

    def refresh_list(self, select: int | None = None) -> None:
        select = self.selected_id() if select is None else select
        companies = self.db.list_companies(search=self.search.text().strip())
        self.table.setRowCount(len(companies))
        for row, company in enumerate(companies):
            total = "" if company.last_total is None else format_yuan(company.last_total)
            when = company.last_evaluated or ""
            cells = (company.name or "（未填写企业名称）", company.uscc or "", company.tier,
                     str(when)[:10], total)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, company.id)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if company.id == select:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and companies:
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return None if item is None else item.data(ID_ROLE)

    def focus_search(self) -> None:
        if self.workspace is None:
            self.search.setFocus()
            self.search.selectAll()

    # -- actions on firms ----------------------------------------------------------------------
    def new_company(self) -> None:
        self.open_company(self.db.create_company())

    def open_selected(self) -> None:
        company_id = self.selected_id()
        if company_id is not None:
            self.open_company(company_id)

    def open_company(self, company_id: int) -> FirmWorkspace:
        self.close_company()
        self.workspace = FirmWorkspace(session=services.FirmSession(self.db, company_id), questions=self.questions,
                                       policies=self.policies, rates=self.rates, today=self.today)
        self.workspace.leave_requested.connect(self.close_company)
        self.workspace.packets_requested.connect(self.make_packets)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.settings.set_last_company(company_id)
        return self.workspace

    def close_company(self) -> None:
        """Back to the list; the evaluation last shown is kept for the list's date and total."""
        if self.workspace is None:
            return
        workspace, self.workspace = self.workspace, None
        workspace.wizard.save_now()
        workspace.store_evaluation()
        company_id = workspace.session.company_id
        self.stack.setCurrentWidget(self.list_page)
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        self.refresh_list(select=company_id)
        self.table.setFocus()

    def copy_selected(self) -> None:
        company_id = self.selected_id()
        if company_id is not None:
            self.refresh_list(select=self.db.copy_company(company_id))

    def delete_selected(self) -> None:
        company_id = self.selected_id()
        if company_id is None:
            return
        name = self.table.item(self.table.currentRow(), 0).text()
        if not dialogs.confirm(self, title="删除企业", yes="删除", no="取消",
                               text=f"确定删除“{name}”及其全部填报信息和评估记录吗？\n删除前会自动备份数据库。"):
            return
        backup = self.db.delete_company(company_id)
        self.refresh_list()
        self.statusBar().showMessage(f"已删除“{name}”。删除前的备份：{backup}", 15000)

    def save_now(self) -> None:
        if self.workspace is not None:
            self.workspace.wizard.save_now()
        self.statusBar().showMessage("已保存。每一项在填写后即自动保存。", 5000)

    # -- import / export -----------------------------------------------------------------------
    def import_file(self) -> None:
        path = dialogs.open_file(self, title="导入企业信息", filter="企业信息文件 (*.json *.xlsx)")
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path, *, update_existing: bool = False):
        """JSON (one firm) or Excel (many) in the background; the store reports firm by firm."""
        reader = self.db.import_json if path.suffix.lower() == ".json" else self.db.import_excel
        return run_in_background(parent=self, title=f"正在导入 {path.name}…",
                                 work=lambda _progress: reader(path, update_existing=update_existing),
                                 on_done=lambda report: self._imported(path, report, update_existing))

    def _imported(self, path: Path, report, update_existing: bool) -> None:
        self.refresh_list()
        if report.skipped_existing and not update_existing and dialogs.confirm(
                self, title="导入完成", yes="更新已有企业", no="不更新",
                text=f"{report.summary()}\n\n要用文件中的数据更新这些已有企业吗？（更新前的数据可在修改记录中查到）"):
            self.import_path(path, update_existing=True)
            return
        show = dialogs.inform if report.ok else dialogs.warn
        show(self, title="导入完成" if report.ok else "部分内容未导入", text=report.summary())

    def export_file(self) -> None:
        company_id = self.selected_id()
        if company_id is None:
            return
        name = self.table.item(self.table.currentRow(), 0).text()
        path = dialogs.save_file(self, title="导出企业信息", filter="JSON 文件 (*.json)", suggested=f"{name}.json")
        if path:
            self.db.export_json(company_id, Path(path))
            self.statusBar().showMessage(f"已导出到 {path}", 8000)

    def export_excel(self) -> None:
        path = dialogs.save_file(self, title="导出全部企业", filter="Excel 文件 (*.xlsx)", suggested="企业信息.xlsx")
        if path:
            self.db.export_excel(Path(path))
            self.statusBar().showMessage(f"已导出到 {path}", 8000)

    def backup(self) -> None:
        self.statusBar().showMessage(f"已备份到 {self.db.backup()}", 15000)

    # -- packets, policy, help -----------------------------------------------------------------
    def make_packets(self):
        from zjtx_desktop.ui.packets_dialog import PacketsDialog, default_output_folder  # QtPdf, on first use

        workspace = self.workspace
        if workspace is None:
            return None
        workspace.wizard.save_now()
        evaluation = workspace.reevaluate()
        eval_id = workspace.store_evaluation()
        profile = workspace.session.profile()

        def record(paths: list[Path]) -> None:
            if eval_id is not None:
                workspace.session.record_packets(eval_id=eval_id, paths=paths)

        dialog = PacketsDialog(profile=profile, evaluation=evaluation, record=record, parent=self,
                               folder=default_output_folder(profile.get("company_name"), self.today()),
                               policy_end=services.policy_end_passed(evaluation=evaluation, policies=self.policies))
        dialog.go_to_field.connect(workspace.edit_field)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_policy(self) -> PolicyDialog:
        dialog = PolicyDialog(policies=self.policies, on=self.today(), parent=self,
                              import_pack=lambda source: policy_data.import_policy_pack(source=source, data_dir=self.data_dir),
                              remove_pack=lambda pack: policy_data.remove_policy_pack(pack_id=pack, data_dir=self.data_dir))
        dialog.changed.connect(lambda: self._policies_changed(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _policies_changed(self, dialog: PolicyDialog) -> None:
        self.policies = policy_data.installed_policies(data_dir=self.data_dir)
        dialog.show_policies(self.policies, self.today())
        self.show_policy_banner()
        if self.workspace is not None:
            self.workspace.policies = self.policies
            self.workspace.reevaluate()

    def show_kept_aside(self):
        from zjtx_desktop.ui.kept_aside_dialog import KeptAsideDialog

        dialog = KeptAsideDialog(data_dir=self.data_dir, read_only=self.db.read_only, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_help(self) -> HelpDialog:
        dialog = HelpDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # Qt override
        self.close_company()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
