"""The main window: the firm list and the open firm, the menus, and what each action asks and shows.

Every action is a call into the store through ui/services. The window appears before the database
is opened (`attach`): the store, the policy and the wizard are imported only after it shows, so a
user sees the program at once (bench/bench_ui.py measures the start).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.accessibility import KEPT_ASIDE_DIALOG, PACKETS_DIALOG, POLICY_DIALOG, name_widgets
from zjtx_desktop.ui.firm_list_page import FirmListPage
from zjtx_desktop.ui.screen import fit_dialog, fit_window
from zjtx_desktop.ui.settings import AppSettings
from zjtx_desktop.ui.transfer_actions import TransferActions

if TYPE_CHECKING:
    from zjtx_desktop.ui.services import Database
    from zjtx_desktop.ui.workspace import FirmWorkspace

TITLE = "专精特新政策申报助手"
PREFERRED_SIZE = QSize(1180, 820)
WRITING_ACTIONS = ("action_new", "action_import", "action_backup")


class MainWindow(TransferActions, QMainWindow):
    def __init__(self, *, data_dir: Path, db: Database | None = None, today: Callable[[], date] = date.today):
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle(TITLE)
        self.db: Database | None = None
        self.data_dir, self.today = Path(data_dir), today
        self.settings = AppSettings(self.data_dir)
        self.workspace: FirmWorkspace | None = None
        self._policies: tuple | None = None
        self._unreadable_packs: tuple = ()  # imported policy packs that no longer load: left out, listed in 关于政策
        self._rates: dict = {}
        self.list_page = FirmListPage(
            [("firm_new", "新建企业(&N)", self.new_company), ("firm_open", "打开(&O)", self.open_selected),
             ("firm_copy", "复制为新企业(&C)", self.copy_selected), ("firm_delete", "删除(&D)", self.delete_selected),
             ("firm_import", "导入(&I)…", self.import_file), ("firm_export", "导出(&E)", None)],
            [("export_json", "所选企业（JSON，可用于命令行评估）(&J)…", self.export_file),
             ("export_excel", "全部企业（Excel，可修改后再导入）(&X)…", self.export_excel),
             ("export_template", "空白导入模板（Excel，带下拉选项和填写说明）(&T)…", self.export_template)])
        self.list_page.table.activated.connect(lambda _index: self.open_selected())
        page = self.list_page
        self.firms, self.table, self.search = page.firms, page.table, page.search
        self.list_buttons, self.export_menu = page.buttons, page.export_menu
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)
        self._build_menus()
        fit_window(self, PREFERRED_SIZE, saved=self.settings.geometry())
        if db is not None:
            self.attach(db)
            self.show_policy_banner()

    def attach(self, db: Database) -> None:
        """The database is open: read the firms and switch the actions on. The policy (the banner, the
        wizard, the results) is read when first needed, so the list can be drawn before it."""
        from zjtx_desktop.core.questions import default_questions

        self.db = db
        self.questions = default_questions()
        self.setWindowTitle(TITLE + ("（只读）" if db.read_only else ""))
        self.list_page.set_ready(read_only=db.read_only, reason=db.read_only_reason)
        for action in self.findChildren(QAction):
            action.setEnabled(not (db.read_only and action.objectName() in WRITING_ACTIONS))
        self.refresh_list(select=self.settings.last_company())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter opens the firm selected, arrows move

    def _read_policy_data(self) -> None:
        """The policies installed (bundled, and successor packs in the data folder) and added rates."""
        if self._policies is None:
            from zjtx_desktop.store import policy_data

            self._policies, self._unreadable_packs = policy_data.readable_policies(data_dir=self.data_dir)
            self._rates = policy_data.user_rates(data_dir=self.data_dir)

    @property
    def policies(self) -> tuple:
        self._read_policy_data()
        return self._policies

    @property
    def rates(self) -> dict:
        self._read_policy_data()
        return self._rates

    def _build_menus(self) -> None:
        def action(menu, text, slot, shortcut=None, name=None):
            item = QAction(text, self)
            if shortcut:
                item.setShortcut(QKeySequence(shortcut))
            item.setObjectName(name)
            item.setEnabled(False)  # until the database is open
            item.triggered.connect(slot)
            menu.addAction(item)
            return item

        files = self.menuBar().addMenu("文件(&F)")
        action(files, "新建企业(&N)", self.new_company, "Ctrl+N", "action_new")
        action(files, "保存(&S)", self.save_now, "Ctrl+S", "action_save")
        action(files, "搜索企业(&F)", self.focus_search, "Ctrl+F", "action_search")
        files.addSeparator()
        action(files, "导入企业（JSON 或 Excel）(&I)…", self.import_file, None, "action_import")
        action(files, "导出所选企业（JSON）(&E)…", self.export_file, None, "action_export_json")
        action(files, "导出全部企业（Excel）(&X)…", self.export_excel, None, "action_export_excel")
        action(files, "导出导入模板（Excel）(&T)…", self.export_template, None, "action_export_template")
        action(files, "备份数据库(&B)", self.backup, None, "action_backup")
        action(files, "留存的旧数据文件(&K)…", self.show_kept_aside, None, "action_kept_aside")
        files.addSeparator()
        action(files, "退出(&Q)", self.close, "Ctrl+Q", "action_quit").setEnabled(True)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        action(help_menu, "用户指南(&G)", self.show_help, "F1", "action_help").setEnabled(True)
        action(help_menu, "关于政策(&A)…", self.show_policy, None, "action_policy")
        help_menu.addSeparator()
        action(help_menu, "打开演示（示例企业，另开窗口，关闭后不保留）(&D)", self.open_demo, None,
               "action_demo").setEnabled(True)

    # -- the list ------------------------------------------------------------------------------
    def show_policy_banner(self) -> None:
        from zjtx_desktop.core.policy import policy_for
        from zjtx_desktop.ui.policy_dialog import validity_sentence

        policy = policy_for(self.today(), self.policies)
        text = validity_sentence(policy, self.today()) + "　（帮助 → 关于政策）"
        if self._unreadable_packs:
            names = "、".join(pack.id for pack in self._unreadable_packs)
            text += f"\n导入的政策包 {names} 无法读取，评估时未用它。请在 帮助 → 关于政策 中删除后重新导入。"
        self.list_page.banner.setText(text)
        warn = not policy.in_force(self.today()) or self._unreadable_packs
        self.list_page.banner.setStyleSheet("color: #b3261e; font-weight: bold;" if warn else "font-weight: bold;")

    @property
    def banner(self):
        return self.list_page.banner

    def refresh_list(self, select: int | None = None) -> None:
        """Read every firm again (after an import or a deletion); 0.1–0.3 s at 10,000 firms."""
        from zjtx_desktop.store.firm_list import firm_rows  # the store only: no evaluator, no policy yet

        select = self.selected_id() if select is None else select
        self.firms.load(firm_rows(self.db))
        self.list_page.select(select)

    def refresh_firm(self, company_id: int) -> None:
        """Only the firm just left has changed: its row is read again, not the whole list."""
        from zjtx_desktop.store.firm_list import firm_rows

        select = self.selected_id()
        for row in firm_rows(self.db, company_id=company_id):
            self.firms.replace(row)
        self.list_page.select(select)

    def apply_search(self) -> None:
        self.list_page.apply_search()

    def selected_id(self) -> int | None:
        return self.list_page.selected_id()

    def selected_name(self) -> str:
        return self.list_page.selected_name()

    def focus_search(self) -> None:
        if self.workspace is None:
            self.list_page.focus_search()

    # -- actions on firms ----------------------------------------------------------------------
    def new_company(self) -> None:
        """A new firm's wizard; the firm is stored once something is entered (not on Ctrl+N itself)."""
        self.open_company(None)

    def open_selected(self) -> None:
        company_id = self.selected_id()
        if company_id is not None:
            self.open_company(company_id)

    def open_company(self, company_id: int | None) -> FirmWorkspace:
        from zjtx_desktop.ui import services
        from zjtx_desktop.ui.workspace import FirmWorkspace

        self.close_company()
        self.workspace = FirmWorkspace(session=services.FirmSession(self.db, company_id), questions=self.questions,
                                       policies=self.policies, rates=self.rates, today=self.today,
                                       data_dir=self.data_dir)
        self.workspace.leave_requested.connect(self.close_company)
        self.workspace.packets_requested.connect(self.make_packets)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.wizard.focus_page()
        if company_id is not None:
            self.settings.set_last_company(company_id)
        return self.workspace

    def close_company(self) -> None:
        """Back to the list; the evaluation last shown is kept for the list's date and total."""
        if self.workspace is None:
            return
        workspace, self.workspace = self.workspace, None
        workspace.wizard.save_now()
        workspace.store_evaluation()
        company_id = workspace.session.company_id  # None: a new firm left without entering anything
        self.stack.setCurrentWidget(self.list_page)
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        if company_id is not None:
            self.settings.set_last_company(company_id)
            self.refresh_firm(company_id)
        self.list_page.select(company_id if company_id is not None else self.selected_id())
        self.table.setFocus()

    def copy_selected(self) -> None:
        company_id = self.selected_id()
        if company_id is not None:
            copy = self.db.copy_company(company_id)
            self.refresh_firm(copy)
            self.list_page.select(copy)

    def delete_selected(self) -> None:
        company_id = self.selected_id()
        if company_id is None:
            return
        name = self.selected_name()
        if not dialogs.confirm(self, title="删除企业", yes="删除", no="取消",
                               text=f"确定删除“{name}”及其全部填报信息和评估记录吗？\n删除前会自动备份数据库。"):
            return
        backup = self.db.delete_company(company_id)
        self.firms.remove(company_id)
        self.list_page.select(None)
        self.statusBar().showMessage(f"已删除“{name}”。删除前的备份：{backup}", 15000)

    def save_now(self) -> None:
        if self.workspace is not None:
            self.workspace.wizard.save_now()
        self.statusBar().showMessage("已保存。每一项在填写后即自动保存。", 5000)

    def backup(self) -> None:
        self.statusBar().showMessage(f"已备份到 {self.db.backup()}", 15000)

    # -- packets, policy, help -----------------------------------------------------------------
    def make_packets(self):
        from zjtx_desktop.ui import services
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
        name_widgets(dialog, PACKETS_DIALOG)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_policy(self):
        from zjtx_desktop.store import policy_data
        from zjtx_desktop.ui.policy_dialog import PolicyDialog

        dialog = PolicyDialog(policies=self.policies, unreadable=self._unreadable_packs, on=self.today(), parent=self,
                              import_pack=lambda source: policy_data.import_policy_pack(source=source, data_dir=self.data_dir),
                              remove_pack=lambda pack: policy_data.remove_policy_pack(pack_id=pack, data_dir=self.data_dir))
        dialog.changed.connect(lambda: self._policies_changed(dialog))
        name_widgets(dialog, POLICY_DIALOG)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _policies_changed(self, dialog) -> None:
        self._policies = None  # read again, with the pack just imported
        dialog.show_policies(self.policies, self.today(), unreadable=self._unreadable_packs)
        self.show_policy_banner()
        if self.workspace is not None:
            self.workspace.policies = self.policies
            self.workspace.reevaluate()

    def show_kept_aside(self):
        from zjtx_desktop.ui.kept_aside_dialog import KeptAsideDialog

        dialog = KeptAsideDialog(data_dir=self.data_dir, read_only=self.db.read_only, parent=self)
        fit_dialog(dialog, dialog.size())  # as large as it asks, as far as the screen allows
        name_widgets(dialog, KEPT_ASIDE_DIALOG)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_demo(self) -> None:
        from zjtx_desktop.ui.demo import open_demo_window

        if open_demo_window():
            self.statusBar().showMessage("正在打开演示窗口（示例企业，关闭后不保留，不影响您的数据）……", 10000)
        else:
            dialogs.warn(self, title="演示未能打开", text="无法再启动一个程序窗口。请关闭一些程序后重试。")

    def show_help(self):
        from zjtx_desktop.ui.help_dialog import HelpDialog

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
