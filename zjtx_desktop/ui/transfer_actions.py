"""导入 and 导出 on the main window: JSON for one firm, Excel for many, the blank import template.

A mixin of MainWindow (self.db, self.list_page, self.refresh_list): the file questions, then one
call into the store, slow ones on the thread pool.
"""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.worker import run_in_background


class TransferActions:
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
        company_id = self.list_page.selected_id()
        if company_id is None:
            return
        name = self.list_page.selected_name()
        path = dialogs.save_file(self, title="导出企业信息", filter="JSON 文件 (*.json)", suggested=f"{name}.json")
        if path:
            self.db.export_json(company_id, Path(path))
            self.statusBar().showMessage(f"已导出到 {path}", 8000)

    def export_excel(self):
        """Every firm in the import workbook's layout, edited in Excel and imported back with 导入."""
        path = dialogs.save_file(self, title="导出全部企业", filter="Excel 文件 (*.xlsx)", suggested="企业信息.xlsx")
        if not path:
            return None
        return run_in_background(parent=self, title="正在导出全部企业…",
                                 work=lambda _progress: self.db.export_excel(Path(path)),
                                 on_done=lambda _: self.statusBar().showMessage(
                                     f"已导出到 {path}。可在Excel中修改后，用“导入”读回（勾选更新已有企业）。", 15000))

    def export_template(self) -> None:
        """The blank import workbook for a service center: drop-down lists and a 填写说明 sheet."""
        from zjtx_desktop.ui import services

        path = dialogs.save_file(self, title="导出导入模板", filter="Excel 文件 (*.xlsx)",
                                 suggested="企业信息导入模板.xlsx")
        if path:
            services.write_import_template(path=Path(path))
            self.statusBar().showMessage(f"已导出导入模板到 {path}。每家企业填一行，填好后用“导入”读入。", 15000)
