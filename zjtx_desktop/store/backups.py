"""Copies of the database through SQLite's online backup API, kept in <data folder>/backups.

Automatic copies (on open, on close, before a deletion) rotate so the folder cannot grow without
end; copies the user asks for, and those taken before a migration or a restore, are kept.

A marker file beside the database says "firm data was written that no backup holds": it is created
before a session's first data write and removed only after its closing backup succeeded. A session
killed (or a closing backup that failed on a full disk) leaves it, and the next opening for writing
takes a backup at once, so the newest work is never only in the database.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from zjtx_desktop.core.atomic import WriteFailed, atomic_path, describe, fsync_folder, write_text
from zjtx_desktop.store.locations import backups_dir, unbacked_marker_path
from zjtx_desktop.store.permissions import private_folder, private_subfolder

KEEP = {"open": 3, "close": 3, "delete": 10}  # 10,000 firms make a ~70 MB file: keep the folder modest
PREFIX = "zjtx-"


def backup_connection(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy a live database (committed WAL content included) to `dest`, atomically: a copy is
    either complete or absent, never half-written. Failures raise WriteFailed naming `dest`."""
    dest = Path(dest)
    try:
        private_folder(dest.parent)
    except OSError as error:
        raise WriteFailed(dest, describe(error), error=error) from error
    try:
        with atomic_path(dest) as temporary:
            copy_connection(conn, temporary)
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "full" in text:
            cause = describe(OSError(28, str(error)))
        elif "i/o" in text:
            cause = "磁盘读写出错（U盘被拔出或磁盘故障？），请检查保存位置和数据文件夹所在的磁盘后重试"
        else:
            cause = f"{error}，请检查保存位置后重试"
        raise WriteFailed(dest, cause) from error
    return dest


def copy_connection(conn: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy of an open database (its committed WAL content included) into the empty file
    `dest`, as a plain rollback-journal file with no -wal beside it."""
    target = sqlite3.connect(dest)
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def new_backup_path(data_dir: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backups_dir(data_dir) / f"{PREFIX}{stamp}-{reason}.db"


def take_backup(conn: sqlite3.Connection, data_dir: Path, reason: str) -> Path:
    path = new_backup_path(data_dir, reason)
    try:
        private_subfolder(path.parent)
    except OSError as error:
        raise WriteFailed(path, describe(error), error=error) from error
    backup_connection(conn, path)
    rotate(data_dir, reason)
    return path


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup, newest first (the file name starts with its time)."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*.db"), key=lambda p: p.name, reverse=True)


def rotate(data_dir: Path, reason: str) -> None:
    keep = KEEP.get(reason)
    if keep is None:
        return
    same_reason = [p for p in list_backups(data_dir) if p.stem.endswith(f"-{reason}")]
    for old in same_reason[keep:]:
        old.unlink(missing_ok=True)


def mark_unbacked(data_dir: Path, when: str) -> None:
    """Say, durably, that firm data is about to be written that no backup holds yet."""
    write_text(unbacked_marker_path(data_dir),
               f"{when}\n本软件在此时之后修改了数据，尚未备份。下次打开时会自动补做备份，请勿删除本文件。\n")


def unbacked(data_dir: Path) -> bool:
    return unbacked_marker_path(data_dir).exists()


def clear_unbacked(data_dir: Path) -> None:
    """After a backup that holds everything written: a marker left behind only costs one more copy."""
    with contextlib.suppress(OSError):
        unbacked_marker_path(data_dir).unlink(missing_ok=True)
        fsync_folder(data_dir)
