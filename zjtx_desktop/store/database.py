"""Opening and closing the one database of a data folder: lock, checks, migrations, backups.

Database.open is the only way in. It refuses a second writer, never writes to a damaged or too-new
file, backs up before migrating, and keeps a rotating copy on every open and close. The firm-level
operations live in the mixins, one module each.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from zjtx_desktop.store import backups
from zjtx_desktop.store.audit import AuditMixin
from zjtx_desktop.store.checks import check_file, read_only_connection
from zjtx_desktop.store.companies import CompaniesMixin
from zjtx_desktop.store.errors import DatabaseDamaged, DatabaseLocked, DatabaseTooNew, StoreError, translated
from zjtx_desktop.store.evaluations import EvaluationsMixin
from zjtx_desktop.store.locations import damaged_dir, database_path, lock_path, sidecar_files
from zjtx_desktop.store.lock import WriterLock
from zjtx_desktop.store.meta import MetaMixin
from zjtx_desktop.store.schema import migrate, schema_version
from zjtx_desktop.store.transfer import TransferMixin


class Database(CompaniesMixin, AuditMixin, EvaluationsMixin, MetaMixin, TransferMixin):
    def __init__(self, data_dir: Path, conn: sqlite3.Connection, lock: WriterLock | None):
        self.data_dir = data_dir
        self.path = database_path(data_dir)
        self.conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self._lock = lock

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False) -> Database:
        data_dir = Path(data_dir)
        if read_only:
            return cls._open_read_only(data_dir)
        with translated(data_dir):
            data_dir.mkdir(parents=True, exist_ok=True)
            lock = WriterLock(lock_path(data_dir))
            if not lock.acquire():
                raise DatabaseLocked(data_dir)
        try:
            with translated(data_dir):
                path = database_path(data_dir)
                found = _sound_version(data_dir, move_aside=True) if path.exists() else 0
                database = cls(data_dir, sqlite3.connect(path, check_same_thread=False), lock)
                database._prepare(found)
            return database
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_read_only(cls, data_dir: Path) -> Database:
        """For looking only (a second window, `list`, `backup`): no lock, no writes, no moves."""
        path = database_path(data_dir)
        if not path.exists():
            raise StoreError(f"数据文件夹 {data_dir} 中还没有企业数据。请先打开程序录入企业，或用 zjtx-desktop import 导入。")
        found = _sound_version(data_dir, move_aside=False)
        if found < schema_version():
            raise StoreError("数据文件需要升级，只读方式无法升级。请关闭其他窗口后正常打开一次本软件。")
        return cls(data_dir, read_only_connection(path), None)

    def _prepare(self, found: int) -> None:
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")  # a commit survives a power cut, not just a crash
        self.db.execute("PRAGMA foreign_keys = ON")
        if 0 < found < schema_version():
            backups.take_backup(self.conn, self.data_dir, "migration")
        migrate(self.db, found)
        if found:
            backups.take_backup(self.conn, self.data_dir, "open")

    def close(self) -> None:
        """Rotating backup, then release the file and the lock (even if the backup fails)."""
        if self.conn is None:
            return
        try:
            if not self.read_only:
                with translated(self.data_dir):
                    backups.take_backup(self.conn, self.data_dir, "close")
        finally:
            self.conn.close()
            self.conn = None
            if self._lock:
                self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def backup(self, dest: Path | None = None) -> Path:
        """A copy the user asked for: kept until the user deletes it."""
        with translated(self.data_dir):
            if dest is None:
                return backups.take_backup(self.conn, self.data_dir, "manual")
            return backups.backup_connection(self.conn, Path(dest))

    def integrity_problems(self) -> list[str]:
        """Full integrity and foreign-key check (`check-db`); an empty list means sound."""
        verdict = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        problems = [] if verdict == ["ok"] else verdict
        orphans = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        return problems + [f"表 {row[0]} 第{row[1]}行指向不存在的 {row[2]}" for row in orphans]

    @classmethod
    def restore(cls, data_dir: Path, backup_file: Path) -> Path | None:
        """Put a verified backup in place. The current file is moved aside (returned), not deleted."""
        data_dir, backup_file = Path(data_dir), Path(backup_file)
        _verify_backup(backup_file)
        lock = WriterLock(lock_path(data_dir))
        with translated(data_dir):
            data_dir.mkdir(parents=True, exist_ok=True)
            if not lock.acquire():
                raise DatabaseLocked(data_dir)
            try:
                path = database_path(data_dir)
                kept = _move_aside(path, "replaced") if path.exists() else None
                partial = path.with_name(path.name + ".partial")
                shutil.copyfile(backup_file, partial)
                with open(partial, "rb+") as handle:
                    os.fsync(handle.fileno())
                os.replace(partial, path)
            finally:
                lock.release()
        return kept


def _sound_version(data_dir: Path, *, move_aside: bool) -> int:
    """The schema version of a sound file; a damaged one is moved aside (when writing) and refused."""
    path = database_path(data_dir)
    check = check_file(path)
    if check.problem:
        kept = _move_aside(path, "damaged") if move_aside else path
        raise DatabaseDamaged(kept, backups.list_backups(data_dir), check.problem, moved=move_aside)
    if check.version > schema_version():
        raise DatabaseTooNew(path, check.version, schema_version())
    return check.version


def _move_aside(path: Path, reason: str) -> Path:
    """Rename the file and its WAL files together into kept_aside/, so they stay a consistent set."""
    folder = damaged_dir(path.parent)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"zjtx-{datetime.now():%Y%m%d-%H%M%S-%f}-{reason}.db"
    os.replace(path, target)
    for sidecar, new in zip(sidecar_files(path), sidecar_files(target), strict=True):
        if sidecar.exists():
            os.replace(sidecar, new)
    return target


def _verify_backup(backup_file: Path) -> None:
    if not backup_file.is_file():
        raise StoreError(f"找不到备份文件 {backup_file}，请检查路径（备份在数据文件夹的 backups 子文件夹中）。")
    check = check_file(backup_file)
    if check.problem:
        raise StoreError(f"{backup_file.name} 不能用于恢复：{check.problem}。请换一个备份文件，当前数据未作改动。")
    if not check.ours or check.version == 0:
        raise StoreError(f"{backup_file.name} 不是本软件的备份文件，请换一个备份文件，当前数据未作改动。")
    if check.version > schema_version():
        raise DatabaseTooNew(backup_file, check.version, schema_version())
