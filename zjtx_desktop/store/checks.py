"""Is a file a sound database of ours? Asked before opening, and of a backup before restoring it.

The file is only read: a damaged or too-new file must reach the user exactly as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from zjtx_desktop.store.schema import APPLICATION_ID, schema_version

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileCheck:
    problem: str | None  # None: sound; else why not, in Chinese
    version: int = 0
    ours: bool = False


def read_only_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def check_file(path: Path, *, full: bool = True) -> FileCheck:
    """Look at the header first (a random-bytes file is never handed to SQLite to 'repair'), then
    let SQLite check every page. `full=False` runs quick_check, which skips index cross-checks."""
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header:
        return FileCheck(None, 0, False)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return FileCheck("文件不是SQLite数据库，或文件头已被截断")
    header_version = int.from_bytes(header[60:64], "big")
    if header_version > schema_version():
        return FileCheck(None, header_version, True)
    try:
        conn = read_only_connection(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > schema_version():
                return FileCheck(None, version, True)
            verdict = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
            ours = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return FileCheck(f"SQLite无法读取：{error}")
    if verdict != [("ok",)]:
        return FileCheck("完整性检查未通过：" + "；".join(row[0] for row in verdict[:3]))
    if has_tables and not ours:
        return FileCheck("这是别的软件的数据库，不是本软件的数据文件")
    return FileCheck(None, version, ours)
