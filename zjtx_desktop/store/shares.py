"""Is a data folder on a network share? SQLite's WAL and file locks do not work across machines,
so two desks writing one database on a share would corrupt it: such a folder is only read.

Windows tells a mapped network drive by GetDriveTypeW; a UNC path (\\\\server\\share) is one by its
form. `IS_WINDOWS`, `drive_of` and `drive_type` are module attributes so tests on Linux can stand in
for Windows.
"""

from __future__ import annotations

import ntpath
import os
from pathlib import Path

IS_WINDOWS = os.name == "nt"
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a network drive


def drive_of(text: str) -> str:
    """The drive ("Z:") or UNC share of a Windows path, relative paths taken from the current folder."""
    return ntpath.splitdrive(text if ntpath.isabs(text) else os.path.abspath(text))[0]


def drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)


def is_unc(text: str) -> bool:
    """\\\\server\\share\\… or //server/share/…, and \\\\?\\UNC\\server\\share; not \\\\?\\C:\\ (a local long path)."""
    text = text.replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    return text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\"))


def is_network_folder(folder: Path | str) -> bool:
    text = str(folder)
    if is_unc(text):
        return True
    if not IS_WINDOWS:
        return False
    drive = drive_of(text)
    if not drive or is_unc(drive):
        return is_unc(drive)
    try:
        return drive_type(drive + "\\") == DRIVE_REMOTE
    except (OSError, AttributeError):  # no answer from Windows: treat as local, as before this check
        return False


def network_reason(folder: Path) -> str:
    return (f"数据文件夹 {folder} 位于网络共享（或映射的网络驱动器）上。数据库放在网络上时，几台电脑同时写入会把数据写坏，"
            "所以这里只能只读打开（可查看、评估、导出和备份，不能修改）。"
            "请每台电脑使用本机自己的数据文件夹（默认位置，或用 --data-dir 指定本机硬盘上的文件夹），"
            "企业之间的数据用“导出 / 导入”（Excel 或 JSON 文件）交换。")
