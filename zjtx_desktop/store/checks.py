"""Is a file a sound database of ours? Asked before opening, and of a backup before restoring it.

The file is only read: a damaged or too-new file must reach the user exactly as it was. Only a real
integrity failure is damage (SQLite's own verdict, or "file is not a database"): a file another
program holds is busy, and a file whose -wal/-shm cannot be opened (read-only media, permissions) is
read from its main file alone and must not be written, but it is not damaged.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from zjtx_desktop.store.errors import DatabaseBusy, StoreError, is_busy, is_damage
from zjtx_desktop.store.schema import APPLICATION_ID, OWN_TABLES, schema_version

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_SECONDS = 3.0  # how long to wait for another program to let go of the file before saying so


@dataclass(frozen=True)
class FileCheck:
    problem: str | None  # None: sound; else why it is damaged, in Chinese
    version: int = 0
    ours: bool = False
    main_file_only: str | None = None  # why only the main file could be read (no -wal/-shm): read-only use


def read_only_connection(path: Path, *, main_file_only: bool = False) -> sqlite3.Connection:
    """Reading without ever writing. `main_file_only` (SQLite's immutable=1) reads the file alone,
    for media where SQLite cannot open or create the -shm file it otherwise needs."""
    query = "mode=ro&immutable=1" if main_file_only else "mode=ro"
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?{query}", uri=True, check_same_thread=False,
                           timeout=BUSY_SECONDS)


def open_for_reading(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """A read-only connection and, when only the main file could be opened, why (for the user)."""
    try:
        conn = read_only_connection(path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, None
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise
        if is_busy(error):
            raise DatabaseBusy(path) from error
        why = error
    return read_only_connection(path, main_file_only=True), _main_file_only_reason(path, why)


def _main_file_only_reason(path: Path, error: sqlite3.Error) -> str:
    return (f"无法打开或建立 {path.name} 旁边的 {path.name}-wal / {path.name}-shm 文件（{error}），"
            "可能是只读的U盘或光盘、网络位置或文件权限所致；只能读取数据库主文件，"
            f"若 {path.name}-wal 中有尚未并入的修改，这些修改不会显示")


def check_file(path: Path, *, full: bool = True) -> FileCheck:
    """Look at the header first (a random-bytes file is never handed to SQLite to 'repair'), then
    let SQLite check every page. `full=False` runs quick_check, which skips index cross-checks.
    Raises DatabaseBusy when another program holds the file, StoreError when it cannot be read at all."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise StoreError(f"无法读取数据文件 {path}（{error.strerror}）。文件未作改动；请检查它的权限后重试。") from error
    if not header:
        return FileCheck(None, 0, False)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return FileCheck("文件不是SQLite数据库，或文件头已被截断")
    header_version = int.from_bytes(header[60:64], "big")
    if header_version > schema_version():
        return FileCheck(None, header_version, True)
    try:
        conn, main_file_only = open_for_reading(path)
        try:
            return _inspect(conn, full, main_file_only)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return FileCheck(f"SQLite无法读取：{error}")
        if is_busy(error):
            raise DatabaseBusy(path) from error
        raise StoreError(f"无法读取数据文件 {path}（{error}）。文件未作改动；请检查文件和文件夹的权限后重试。") from error


def _inspect(conn: sqlite3.Connection, full: bool, main_file_only: str | None) -> FileCheck:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema_version():
        return FileCheck(None, version, True, main_file_only)
    verdict = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    if verdict != [("ok",)]:
        return FileCheck("完整性检查未通过：" + "；".join(row[0] for row in verdict[:3]))
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    ours = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID or _ours_without_id(version, tables)
    if tables and not ours:
        return FileCheck("这是别的软件的数据库，不是本软件的数据文件")
    return FileCheck(None, version, ours, main_file_only)


def _ours_without_id(version: int, tables: set[str]) -> bool:
    """A file of ours that an older version left without its application id (a crash between the
    migration and setting the id): our tables at a version we wrote. The next writer sets the id."""
    return version > 0 and tables >= OWN_TABLES
