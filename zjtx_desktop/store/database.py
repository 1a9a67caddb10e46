"""Opening and closing the one database of a data folder: lock, checks, migrations, backups.

Database.open is the only way in. It refuses a second writer, never writes to a damaged or too-new
file, never calls a sound file damaged (a busy, read-only or network file is refused for writing or
read only), backs up before migrating, and keeps a rotating copy on every open and close. The
firm-level operations live in the mixins, one module each.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from zjtx_desktop.core.atomic import describe
from zjtx_desktop.store import backups, restoring, shares
from zjtx_desktop.store.audit import AuditMixin
from zjtx_desktop.store.checks import FileCheck, check_file, read_only_connection
from zjtx_desktop.store.companies import CompaniesMixin
from zjtx_desktop.store.errors import (
    SQLITE_NOT_WRITABLE,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    StoreError,
    WritingRefused,
    automatic_backup_failure,
    reported_writes,
    sqlite_code,
    translated,
)
from zjtx_desktop.store.evaluations import EvaluationsMixin
from zjtx_desktop.store.locations import database_path, lock_path
from zjtx_desktop.store.lock import WriterLock
from zjtx_desktop.store.meta import MetaMixin
from zjtx_desktop.store.permissions import private_file, private_folder
from zjtx_desktop.store.schema import migrate, schema_version
from zjtx_desktop.store.transfer import TransferMixin

NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class Database(CompaniesMixin, AuditMixin, EvaluationsMixin, MetaMixin, TransferMixin):
    def __init__(self, data_dir: Path, conn: sqlite3.Connection, lock: WriterLock | None,
                 read_only_reason: str | None = None):
        self.data_dir = data_dir
        self.path = database_path(data_dir)
        self.conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self._lock = lock
        self.read_only_reason = read_only_reason  # why writing is not possible, when it is not
        self.recovered_backup: Path | None = None  # taken on opening for a session that died unbacked
        self.opening_backup_problem: str | None = None  # …which could not be taken: why, what to do
        self.closing_backup_problem: str | None = None  # the closing backup failed: why, what to do

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False) -> Database:
        data_dir = Path(data_dir)
        if read_only:
            return cls._open_read_only(data_dir)
        if shares.is_network_folder(data_dir):
            raise WritingRefused(shares.network_reason(data_dir))
        lock = _writer_lock(data_dir)
        try:
            with translated(data_dir):
                path = database_path(data_dir)
                found = _checked(data_dir, writing=True).version if path.exists() else 0
                restoring.remove_leftovers(data_dir)
                private_file(path)
                database = cls(data_dir, sqlite3.connect(path, check_same_thread=False), lock)
                try:
                    database._prepare(found)
                except sqlite3.OperationalError as error:
                    database.conn.close()
                    if sqlite_code(error) in SQLITE_NOT_WRITABLE:
                        raise WritingRefused(read_only_reason(data_dir, str(error))) from error
                    raise
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
        check = _checked(data_dir, writing=False)
        if check.version < schema_version():
            raise StoreError("数据文件需要升级，只读方式无法升级。请关闭其他窗口后正常打开一次本软件。")
        reason = None
        if shares.is_network_folder(data_dir):
            reason = shares.network_reason(data_dir)
        elif check.main_file_only:
            reason = read_only_reason(data_dir, check.main_file_only)
        elif not os.access(data_dir, os.W_OK):
            reason = read_only_reason(data_dir, "该文件夹不能写入：只读的U盘、光盘，或没有写入权限")
        conn = read_only_connection(path, main_file_only=bool(check.main_file_only))
        return cls(data_dir, conn, None, reason)

    def _prepare(self, found: int) -> None:
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")  # a commit survives a power cut, not just a crash
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA secure_delete = ON")  # a deleted firm's data is overwritten, not left in free pages
        if 0 < found < schema_version():
            backups.take_backup(self.conn, self.data_dir, "migration")
        migrate(self.db, found)
        self._backup_before_first_change = bool(found)  # taken by the session's first write (store/base.py)
        if found and backups.unbacked(self.data_dir):
            self._back_up_unbacked_work()

    def _back_up_unbacked_work(self) -> None:
        """The last session wrote firm data and never finished its closing backup (killed, a power
        cut, a full disk): back it up now. A failure does not stop the user from opening the data: it is
        said (`opening_backup_problem`), the marker stays and the first change tries again."""
        try:
            with translated(self.data_dir):
                self.recovered_backup = backups.take_backup(self.conn, self.data_dir, "open")
        except StoreError as error:
            self.opening_backup_problem = (
                f"上次的修改还没有备份（程序被强制结束、断电，或关闭时磁盘已满），这次打开时补做的备份{automatic_backup_failure(error)}。"
                "数据都在数据库中，可以查看；请先腾出磁盘空间（或排除上述原因），再关闭并重新打开本软件，会再次补做备份。")
            return
        backups.clear_unbacked(self.data_dir)
        self._backup_before_first_change = False  # what this session starts from is in that backup

    def close(self) -> None:
        """Rotating backup, then release the file and the lock (even if the backup fails). No firm's data
        written in this session: the last backup already holds it, and a large database closes (Ctrl+Q)
        without copying it again. A failed backup never raises: the data is committed, and the result or
        the error of what the session did must reach the user; `closing_backup_problem` says it, and the
        marker left behind makes the next opening back up again."""
        if self.conn is None:
            return
        try:
            if not self.read_only and self._data_changed:
                self._closing_backup()
        finally:
            self.conn.close()
            self.conn = None
            if self._lock:
                self._lock.release()

    def _closing_backup(self) -> None:
        try:
            with translated(self.data_dir):
                backups.take_backup(self.conn, self.data_dir, "close")
        except StoreError as error:
            self.closing_backup_problem = (
                f"关闭时的自动备份{automatic_backup_failure(error)}。数据库本身完好；"
                "请腾出磁盘空间（或排除上述原因）后再打开一次本软件，打开时会自动重新备份。")
            return
        backups.clear_unbacked(self.data_dir)

    def backup_warnings(self, saved: str = "本次的修改都已保存") -> list[str]:
        """The automatic backups that failed in this session, as sentences for the user; `saved` says
        what the session saved (a closing backup fails only after the data was committed)."""
        warnings = [self.opening_backup_problem] if self.opening_backup_problem else []
        if self.closing_backup_problem:
            warnings.append(f"{saved}；但{self.closing_backup_problem}")
        return warnings

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def backup(self, dest: Path | None = None) -> Path:
        """A copy the user asked for: kept until the user deletes it. A failure names the file that
        could not be written (the data folder's backups/, or `dest`), never the database itself."""
        with reported_writes(), translated(self.data_dir):
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
        """Put a verified backup in place of the database, atomically: the restored file is built
        beside the current one and swapped in whole, so any failure leaves the current database as it
        was. A copy of the current data goes to kept_aside/ first (returned), never deleted."""
        data_dir, backup_file = Path(data_dir), Path(backup_file)
        if shares.is_network_folder(data_dir):
            raise WritingRefused(shares.network_reason(data_dir))
        _verify_backup(backup_file)
        lock = _writer_lock(data_dir)
        try:
            with translated(data_dir):
                restoring.remove_leftovers(data_dir)
                return restoring.restore_file(database_path(data_dir), backup_file)
        finally:
            lock.release()


def read_only_reason(data_dir: Path, cause: str) -> str:
    return (f"数据文件夹 {data_dir} 中的数据只能读取、不能写入（{cause}）。现在只能只读打开：可以查看、评估、导出和备份"
            "（备份请用 --out 保存到可以写入的位置），不能修改。如需修改，请把整个数据文件夹复制到本机可以写入的位置，"
            "再用 --data-dir 指定它；或请管理员检查该文件夹和其中文件的权限。")


def _writer_lock(data_dir: Path) -> WriterLock:
    """The one-writer lock; a folder that cannot be written but holds a database is read-only, not broken."""
    lock = WriterLock(lock_path(data_dir))
    with translated(data_dir):
        try:
            private_folder(data_dir)
            acquired = lock.acquire()
        except OSError as error:
            if error.errno in NOT_WRITABLE and database_path(data_dir).is_file():
                raise WritingRefused(read_only_reason(data_dir, describe(error))) from error
            raise
    if not acquired:
        raise DatabaseLocked(data_dir)
    return lock


def _checked(data_dir: Path, *, writing: bool) -> FileCheck:
    """The check of a file about to be opened. A damaged file is moved aside (only by a writer that
    could read it whole) and refused; one that can only be read is refused for writing."""
    path = database_path(data_dir)
    check = check_file(path)
    if check.problem:
        movable = writing and not check.main_file_only
        kept = restoring.move_aside(path, "damaged") if movable else path
        raise DatabaseDamaged(kept, backups.list_backups(data_dir), check.problem, moved=movable)
    if check.version > schema_version():
        raise DatabaseTooNew(path, check.version, schema_version())
    if writing and check.main_file_only:
        raise WritingRefused(read_only_reason(data_dir, check.main_file_only))
    return check


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
