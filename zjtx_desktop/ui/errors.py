"""Unexpected errors become a Chinese message and a log file line, never a raw traceback.

Saved data is never at risk from an error shown here: every field is committed when it is entered,
so the message can honestly say that what was saved is safe.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from zjtx_desktop.ui import dialogs

LOG = logging.getLogger("zjtx_desktop")
LOG_FILE = "zjtx-desktop.log"
_log_path: Path | None = None
_data_dir: Path | None = None  # the data folder of this run: named in a message on a database error


def start_log(data_dir: Path) -> logging.Handler:
    """Append to logs/zjtx-desktop.log in the data folder; the support desk asks for this file. A data
    folder that cannot be written (read-only media: the data is still shown, read-only) keeps its log
    in the system's temporary folder instead, so the program still starts."""
    global _log_path, _data_dir
    _data_dir = Path(data_dir)
    handler = None
    for folder in (Path(data_dir) / "logs", Path(tempfile.gettempdir()) / "zjtx-desktop-logs"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(folder / LOG_FILE, encoding="utf-8")
        except OSError:
            continue
        _log_path = folder / LOG_FILE
        break
    if handler is None:  # nowhere to write at all: the program runs without a log file
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    return handler


def stop_log(handler: logging.Handler) -> None:
    global _log_path
    LOG.removeHandler(handler)
    handler.close()
    _log_path = None


def _written_for_users() -> tuple[type[BaseException], ...]:
    """Error types whose message is already a Chinese instruction. The packets' type only counts
    once the packets are loaded (they are loaded lazily); before that no such error can exist.
    (Imported here, not at the top: this module is loaded before the window shows, core after.)"""
    from zjtx_desktop.core.policy import PolicyError
    from zjtx_desktop.core.profile import ProfileInvalid
    from zjtx_desktop.core.questions import QuestionsError
    from zjtx_desktop.ui.services import USER_ERRORS

    packets = sys.modules.get("zjtx_desktop.packets")
    own = (packets.PacketFieldsMissing,) if packets else ()
    return (PolicyError, ProfileInvalid, QuestionsError, *USER_ERRORS, *own)


def user_message(error: BaseException) -> str:
    """The Chinese sentence for an error: its own message when it was written for users."""
    if isinstance(error, _written_for_users()):
        return str(error)
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.ProgrammingError) and _data_dir:
        from zjtx_desktop.store.errors import explained  # a read outside the store's own translation

        return str(explained(error, _data_dir))  # e.g. the USB stick holding the data was pulled out
    if isinstance(error, PermissionError):
        return f"没有权限读写文件“{error.filename}”。请关闭正在使用它的程序（如 Excel），或换一个文件夹后重试。"
    if isinstance(error, OSError):
        return f"无法读写文件“{error.filename or ''}”（{error.strerror or error}）。请检查磁盘空间和文件夹后重试。"
    where = f"\n详细信息已写入日志文件：{_log_path}" if _log_path else ""
    return f"程序遇到意外错误，当前操作未完成。已保存的企业数据不受影响。{where}\n请将日志文件发给技术支持。"


def report(error: BaseException, *, parent=None, title: str = "操作未完成") -> None:
    """Log the error with its traceback and show the user what happened and what to do."""
    LOG.error("%s", "".join(traceback.format_exception(error)))
    dialogs.warn(parent, title=title, text=user_message(error))


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    report(error.with_traceback(tb), parent=QApplication.activeWindow(), title="程序出错")


def install_excepthook():
    """Errors escaping a Qt slot reach sys.excepthook; show them instead of printing a traceback.
    Returns the previous hook, to put back when the application ends."""
    previous, sys.excepthook = sys.excepthook, _excepthook
    return previous
