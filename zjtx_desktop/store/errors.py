"""The store's exceptions: each one's str() is Chinese and tells the user what to do next."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from zjtx_desktop.core.atomic import WriteFailed
from zjtx_desktop.store.locations import database_path

SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # the file itself is bad: the only errors that mean damage
SQLITE_BUSY, SQLITE_LOCKED = 5, 6  # another program holds the file: wait, never call it damaged
SQLITE_NOMEM, SQLITE_IOERR, SQLITE_FULL = 7, 10, 13
SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN = 3, 8, 14
SQLITE_NOT_WRITABLE = frozenset({SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN})


def sqlite_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of an error (the extended code's low byte), when it has one."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_damage(error: sqlite3.Error) -> bool:
    return sqlite_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def is_busy(error: sqlite3.Error) -> bool:
    return sqlite_code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


class StoreError(Exception):
    """Anything the store cannot do; the message is shown to the user as it is."""


class DatabaseLocked(StoreError):
    """The data folder cannot be written by this window or command now; it may be opened read-only."""

    def __init__(self, data_dir: Path):
        super().__init__(f"另一个“专精特新政策申报助手”窗口（或命令）正在使用数据文件夹 {data_dir}。"
                         "请先关闭那个窗口再试；如只需查看，可以只读方式打开。")


class WritingRefused(DatabaseLocked):
    """The data can be read here but must not be written (a network share, read-only media, an
    unreadable -wal/-shm file). Opening read-only works; `reason` says why writing does not."""

    def __init__(self, reason: str):
        self.reason = reason
        StoreError.__init__(self, reason)


class DatabaseBusy(StoreError):
    """Another program (a database viewer, a sync or backup tool) holds SQLite's lock on the file."""

    def __init__(self, path: Path):
        super().__init__(f"数据正被其他程序使用：{path} 被另一个程序锁定，等待后仍未释放。数据没有损坏，也未作任何改动。"
                         "请关闭正在使用该文件的程序（如数据库查看工具、同步或备份软件）后重试。")


class DatabaseTooNew(StoreError):
    def __init__(self, path: Path, found: int, supported: int):
        self.found, self.supported = found, supported
        super().__init__(f"数据文件 {path} 由更新版本的本软件建立（数据格式第{found}版，本程序只认识到第{supported}版）。"
                         "文件未作任何改动。请安装最新版本的本软件后再打开。")


class DatabaseDamaged(StoreError):
    """The file cannot be trusted. It has been kept aside (never overwritten); `backups` are the
    good copies a user can restore, newest first."""

    def __init__(self, damaged_path: Path, backups: list[Path], why: str, *, moved: bool = True):
        self.damaged_path, self.backups = damaged_path, backups
        kept = f"原文件已原样移到 {damaged_path}" if moved else f"原文件 {damaged_path} 未作改动"
        if backups:
            advice = (f"最近一次完好的备份是 {backups[0].name}，可用“恢复备份”"
                      f"（命令：zjtx-desktop restore \"{backups[0]}\"）恢复。")
        else:
            advice = "没有找到备份。请联系技术支持，并保留该文件，不要删除。"
        super().__init__(f"数据文件已损坏（{why}），{kept}。{advice}")


class DiskFull(StoreError):
    def __init__(self):
        super().__init__("磁盘空间已满，刚才的修改没有保存（原有数据不受影响）。请清理磁盘空间后再试一次。")


class FolderNotWritable(StoreError):
    def __init__(self, folder: Path):
        super().__init__(f"无法写入数据文件夹 {folder}（只读、没有权限，或U盘已被拔出）。"
                         "请检查该文件夹的权限，或用 --data-dir 指定一个可以写入的文件夹。")


class DiskFailed(StoreError):
    """SQLite could not read or write the file (a USB stick pulled out, a failing disk, no memory): the
    operation did not happen; what was committed before is in the file. Not damage."""


class DamageFound(StoreError):
    """SQLite met a damaged page while working on an open database: the only error that means damage.
    Nothing is moved while the file is open: the next opening checks it and keeps it aside."""


class FileNotWritten(StoreError):
    """A file the store writes (export, backup, restore) could not be written; the old one is untouched."""

    def __init__(self, failure: WriteFailed):
        self.path, self.in_use, self.cause = failure.path, failure.in_use, failure.cause
        super().__init__(f"{failure}。原有文件未作改动。")


def automatic_backup_failure(error: StoreError) -> str:
    """What went wrong with an automatic backup, as the middle of a sentence: which file and why."""
    if isinstance(error, FileNotWritten):
        return f"未能写入 {error.path}（{error.cause}）"
    return f"没有完成（{str(error).rstrip('。')}）"


@contextlib.contextmanager
def reported_writes() -> Iterator[None]:
    """core.atomic's WriteFailed (path and cause in Chinese) as a StoreError, which every front end shows."""
    try:
        yield
    except WriteFailed as failure:
        raise FileNotWritten(failure) from failure


@contextlib.contextmanager
def translated(folder: Path) -> Iterator[None]:
    """Turn the SQLite and OS errors a user can meet into StoreErrors that say what to do."""
    try:
        yield
    except WriteFailed as failure:
        raise FileNotWritten(failure) from failure
    except sqlite3.ProgrammingError:  # the program's own mistake (a closed connection …): for the log
        raise
    except sqlite3.DatabaseError as error:
        raise explained(error, folder) from error
    except PermissionError as error:
        raise FolderNotWritable(folder) from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFull() from error
        raise StoreError(f"无法使用数据文件夹 {folder}（{error.strerror}）。"
                         "请检查该文件夹，或用 --data-dir 指定另一个可以写入的文件夹。") from error


def explained(error: sqlite3.DatabaseError, folder: Path) -> StoreError:
    """The StoreError for any SQLite error on the database in `folder`: which file, what happened, what
    to do. Only SQLite's own "corrupt" or "not a database" is damage; a failing disk is not."""
    code, text = sqlite_code(error), str(error).lower()
    path = database_path(Path(folder))
    if code == SQLITE_FULL or "full" in text:  # "database or disk is full"
        return DiskFull()
    if code in SQLITE_NOT_WRITABLE or "readonly" in text or "read-only" in text \
            or "unable to open" in text:
        return FolderNotWritable(folder)
    if is_busy(error) or "locked" in text or "busy" in text:
        return DatabaseBusy(folder)
    if is_damage(error):
        return DamageFound(f"读写数据文件 {path} 时发现文件已损坏（SQLite：{error}）。文件未作改动，请不要删除它。"
                           "请关闭本软件后重新打开：打开时会检查文件，损坏的文件会移到 kept_aside 文件夹，并提示恢复最近的备份；"
                           "也可先运行 zjtx-desktop check-db 检查。")
    undone = "刚才的操作没有完成，此前已保存的数据不受影响。"
    if code == SQLITE_IOERR or "i/o" in text:
        return DiskFailed(f"读写数据文件 {path} 时磁盘读写出错（U盘被拔出或磁盘故障？）。{undone}"
                          "请确认U盘或磁盘已插好、能正常打开，然后关闭本软件后重新打开再试；如反复出错，请把整个数据文件夹"
                          "复制到本机硬盘上使用（命令行用 --data-dir 指定），并运行 zjtx-desktop check-db 检查。")
    if code == SQLITE_NOMEM or "out of memory" in text:
        return DiskFailed(f"处理数据文件 {path} 时内存不足。{undone}请关闭其他程序后，关闭本软件再重新打开重试。")
    return DiskFailed(f"读写数据文件 {path} 时出错（SQLite：{error}）。{undone}请关闭本软件后重新打开再试；"
                      "如仍出错，请运行 zjtx-desktop check-db 检查数据库，并把此提示告诉技术支持。")
