"""The application's database: every firm's data in one SQLite file, saved field by field.

No Qt and no reportlab here: the UI and the CLI both drive the store through `Database`.
The names load on first use (PEP 562), so `zjtx_desktop.store.locations` costs nothing more: the
application finds its data folder before its window shows and imports sqlite-utils (60 ms) after.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # never run; also how PyInstaller sees the modules the names below load
    from zjtx_desktop.store import backups, database, errors, locations, records  # noqa: F401

_MODULES = {
    "list_backups": "backups", "Database": "database", "default_data_dir": "locations",
    **dict.fromkeys(("DatabaseBusy", "DatabaseDamaged", "DatabaseLocked", "DatabaseTooNew", "DiskFull",
                     "FileNotWritten", "FolderNotWritable", "StoreError", "WritingRefused"), "errors"),
    **dict.fromkeys(("AuditEntry", "CellProblem", "CompanySummary", "ImportReport", "PacketRecord",
                     "SavedEvaluation", "SaveResult"), "records"),
}

__all__ = [
    "AuditEntry", "CellProblem", "CompanySummary", "Database", "DatabaseBusy", "DatabaseDamaged", "DatabaseLocked",
    "DatabaseTooNew", "DiskFull", "FileNotWritten", "FolderNotWritable", "ImportReport", "PacketRecord",
    "SaveResult", "SavedEvaluation", "StoreError", "WritingRefused", "default_data_dir", "list_backups",
    "write_excel_template",
]


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
    globals()[name] = value
    return value


def write_excel_template(path):
    """The blank import workbook (openpyxl is imported only when a workbook is written)."""
    from zjtx_desktop.store.excel_write import write_excel_template as write

    write(path)
