"""The application's database: every firm's data in one SQLite file, saved field by field.

No Qt and no reportlab here: the UI and the CLI both drive the store through `Database`.
"""

from zjtx_desktop.store.backups import list_backups
from zjtx_desktop.store.database import Database
from zjtx_desktop.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    DiskFull,
    FileNotWritten,
    FolderNotWritable,
    StoreError,
    WritingRefused,
)
from zjtx_desktop.store.locations import default_data_dir
from zjtx_desktop.store.records import (
    AuditEntry,
    CellProblem,
    CompanySummary,
    ImportReport,
    PacketRecord,
    SavedEvaluation,
    SaveResult,
)

__all__ = [
    "AuditEntry", "CellProblem", "CompanySummary", "Database", "DatabaseBusy", "DatabaseDamaged", "DatabaseLocked",
    "DatabaseTooNew", "DiskFull", "FileNotWritten", "FolderNotWritable", "ImportReport", "PacketRecord",
    "SaveResult", "SavedEvaluation", "StoreError", "WritingRefused", "default_data_dir", "list_backups",
    "write_excel_template",
]


def write_excel_template(path):
    """The blank import workbook (openpyxl is imported only when a workbook is written)."""
    from zjtx_desktop.store.excel_write import write_excel_template as write

    write(path)
