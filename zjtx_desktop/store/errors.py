"""The store's exceptions: each one's str() is Chinese and tells the user what to do next."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path


class StoreError(Exception):
    """Anything the store cannot do; the message is shown to the user as it is."""


class DatabaseLocked(StoreError):
    def __init__(self, data_dir: Path):
        super().__init__(f"另一个“专精特新政策申报助手”窗口（或命令）正在使用数据文件夹 {data_dir}。"
                         "请先关闭那个窗口再试；如只需查看，可以只读方式打开。")


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
        super().__init__(f"无法写入数据文件夹 {folder}（只读或没有权限）。"
                         "请检查该文件夹的权限，或用 --data-dir 指定一个可以写入的文件夹。")


@contextlib.contextmanager
def translated(folder: Path) -> Iterator[None]:
    """Turn the SQLite and OS errors a user can meet into StoreErrors that say what to do."""
    try:
        yield
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "full" in text:  # SQLITE_FULL: "database or disk is full"
            raise DiskFull() from error
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            raise FolderNotWritable(folder) from error
        if "locked" in text or "busy" in text:
            raise DatabaseLocked(folder) from error
        raise
    except PermissionError as error:
        raise FolderNotWritable(folder) from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFull() from error
        raise StoreError(f"无法使用数据文件夹 {folder}（{error.strerror}）。"
                         "请检查该文件夹，或用 --data-dir 指定另一个可以写入的文件夹。") from error
