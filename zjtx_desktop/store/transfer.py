"""Import and export on the Database: JSON for one firm, Excel for all of them.

The Excel modules are imported when first used: openpyxl is slow to import and most starts of the
application never touch a workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zjtx_desktop.store.base import StoreBase
from zjtx_desktop.store.importing import FirmInput, check_firms, write_firms
from zjtx_desktop.store.json_io import read_json_firm, write_json_profile
from zjtx_desktop.store.records import ImportReport


class TransferMixin(StoreBase):
    def import_json(self, path: Path, *, update_existing: bool = False) -> ImportReport:
        return self._import([read_json_firm(Path(path))], Path(path), update_existing)

    def export_json(self, company_id: int, path: Path) -> None:
        write_json_profile(self.profile(company_id), Path(path))

    def import_excel(self, path: Path, *, update_existing: bool = False,
                     on_batch: Callable[[int], None] | None = None) -> ImportReport:
        """All-or-nothing per firm. A file whose columns are not understood imports nothing."""
        from zjtx_desktop.store.excel_import import firms_from_workbook
        from zjtx_desktop.store.excel_read import read_firms_workbook

        rows = read_firms_workbook(Path(path), self.questions)
        if rows.problems:
            return ImportReport(problems=rows.problems)
        firms, orphans = firms_from_workbook(rows, self.questions)
        return self._import(firms, Path(path), update_existing, orphans, on_batch)

    def export_excel(self, path: Path) -> None:
        from zjtx_desktop.store.excel_write import write_firms_workbook

        profiles = (self.profile(summary.id) for summary in self.list_companies())
        write_firms_workbook(Path(path), profiles, self.questions)

    def _import(self, firms: list[FirmInput], path: Path, update_existing: bool, orphans=(),
                on_batch: Callable[[int], None] | None = None) -> ImportReport:
        report = ImportReport(problems=list(orphans))
        good = check_firms(firms, self.questions, report)
        write_firms(self, good, update_existing=update_existing, source=f"导入 {path.name}", report=report,
                    on_batch=on_batch)
        return report
