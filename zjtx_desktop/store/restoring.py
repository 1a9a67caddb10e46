"""Putting a backup in place of the database without ever being left with none.

The restored file is built beside the database through SQLite's backup API, from the backup opened
read-only (so what its -wal holds comes along), synced, and swapped in with one atomic replace. Before
the swap the current data is copied to kept_aside/ and its WAL is emptied into the main file, so no
stale -wal can be applied to the new file. A kill or a full disk at any step leaves the current
database where it was; restoring the current file onto itself is a no-op in effect.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from zjtx_desktop.core.atomic import WriteFailed, atomic_path, describe
from zjtx_desktop.store.backups import copy_connection
from zjtx_desktop.store.checks import BUSY_SECONDS, open_for_reading
from zjtx_desktop.store.errors import StoreError, is_busy, is_damage
from zjtx_desktop.store.locations import backups_dir, damaged_dir, sidecar_files
from zjtx_desktop.store.permissions import private_subfolder

STALE_SECONDS = 3600  # a temporary backup file this old belongs to no running copy of the program


def restore_file(current: Path, source: Path) -> Path | None:
    """Replace `current` with the database in `source`; the copy of the old data kept aside, if any."""
    same = current.exists() and os.path.samefile(current, source)
    kept = None
    try:
        with atomic_path(current) as fresh:
            copy_database(source, fresh)
            if current.exists() and not same:
                kept = keep_copy(current, "replaced")
            elif not current.exists():
                _set_aside_orphans(current)
            _empty_wal(current)
    except (WriteFailed, sqlite3.Error) as error:
        cause = str(error) if isinstance(error, WriteFailed) else _sqlite_cause(current, error)
        raise StoreError(f"恢复没有完成，当前数据未作任何改动：{cause}") from error
    return kept


def copy_database(source: Path, dest: Path) -> None:
    """`source`, opened read-only (so what its -wal holds comes along), copied into the empty file `dest`."""
    reader, _ = open_for_reading(source)
    try:
        copy_connection(reader, dest)
    finally:
        reader.close()


def keep_copy(path: Path, reason: str) -> Path:
    """Copy the database (with what its WAL holds) into kept_aside/. A file SQLite cannot read whole is
    copied byte for byte with its -wal and -shm, so the set stays as it was found."""
    folder = private_subfolder(damaged_dir(path.parent))
    target = folder / _kept_name(reason)
    try:
        with atomic_path(target) as temporary:
            copy_database(path, temporary)
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        for found, copy in zip([path, *sidecar_files(path)], [target, *sidecar_files(target)], strict=True):
            if found.exists():
                with atomic_path(copy) as temporary:
                    shutil.copyfile(found, temporary)
    return target


def move_aside(path: Path, reason: str) -> Path:
    """Rename the file and its WAL files together into kept_aside/, so they stay a consistent set."""
    folder = private_subfolder(damaged_dir(path.parent))
    target = folder / _kept_name(reason)
    os.replace(path, target)
    for sidecar, new in zip(sidecar_files(path), sidecar_files(target), strict=True):
        if sidecar.exists():
            os.replace(sidecar, new)
    return target


def remove_leftovers(data_dir: Path) -> None:
    """Temporary files of a restore or backup that was killed: the database's own (only a writer, which
    holds the lock we hold now, makes them) and old ones in backups/ and kept_aside/."""
    for leftover in data_dir.glob(".zjtx.db.*.tmp*"):
        leftover.unlink(missing_ok=True)
    cutoff = time.time() - STALE_SECONDS
    for folder in (backups_dir(data_dir), damaged_dir(data_dir)):
        for leftover in folder.glob(".*.tmp*") if folder.is_dir() else ():
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _kept_name(reason: str) -> str:
    return f"zjtx-{datetime.now():%Y%m%d-%H%M%S-%f}-{reason}.db"


def _set_aside_orphans(current: Path) -> None:
    """A -wal or -shm without its database (it was moved aside as damaged): keep it, never let SQLite
    apply it to the restored file."""
    for sidecar in sidecar_files(current):
        if sidecar.exists():
            folder = private_subfolder(damaged_dir(current.parent))
            os.replace(sidecar, folder / f"{_kept_name('orphan')}{sidecar.name.removeprefix(current.name)}")


def _empty_wal(current: Path) -> None:
    """Checkpoint the current database's WAL into its main file and truncate it, so the file swapped
    in has no stale frames to replay. A damaged file's sidecars (already copied aside) are removed."""
    if not current.exists():
        return
    try:
        conn = sqlite3.connect(current, timeout=BUSY_SECONDS)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        for sidecar in sidecar_files(current):
            sidecar.unlink(missing_ok=True)
        return
    wal = sidecar_files(current)[0]
    if busy or (wal.exists() and wal.stat().st_size):
        raise StoreError("另一个窗口或程序正在读取数据库，无法安全替换。请关闭其他窗口（包括只读打开的窗口）后再恢复；"
                         "当前数据未作任何改动。")


def _sqlite_cause(path: Path, error: sqlite3.Error) -> str:
    if "full" in str(error).lower():
        return describe(OSError(28, str(error)))
    if is_busy(error):
        return f"{path} 正被其他程序使用，请关闭它后重试"
    return f"{error}，请检查磁盘和文件夹后重试"
